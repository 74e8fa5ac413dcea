// Loops over unsigned, 64-bit and signed values; arrays filled as the loop goes.
#include <stdio.h>

int main(void) {
  unsigned int squares[12] = {0};
  long long total = 0;
  unsigned long long mix = 0xfedcba9876543210ULL;
  short down = 100;
  signed char small = -3;
  unsigned int odd = 0;
  for (int i = 0; i < 12; i++) {
    squares[i] = (unsigned int)(i * i) * 0x1001u;
    total += (long long)squares[i] * 100000;
    mix = mix * 6364136223846793005ULL + 1442695040888963407ULL;
    down = (short)(down - 7 * i);
    small = (signed char)(small * 3 + i); // @bp: body hits=1,3,10
  }
  for (int j = 0; j < 12; j += 2) {
    odd += squares[j + 1] - squares[j]; // @bp: pairs hits=2,6
  }
  printf("%lld %u %d %d\n", total, odd, down, small); // @bp: end hits=1
  return (int)(mix & 1);
}
