// 128-bit integers (__int128): clang calls the library's __multi3, __udivti3, __divti3, shifts.
// args: 12345678901234567 98765432109876543
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static void print_u128(unsigned __int128 v) {
  char buf[48];
  int n = 0;
  do {
    buf[n++] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  while (n) putchar(buf[--n]);
}

static void print_i128(__int128 v) {
  if (v < 0) {
    putchar('-');
    print_u128(-(unsigned __int128)v);
  } else
    print_u128((unsigned __int128)v);
}

int main(int argc, char **argv) {
  uint64_t a = strtoull(argc > 1 ? argv[1] : "3", NULL, 10), b = strtoull(argc > 2 ? argv[2] : "5", NULL, 10);
  unsigned __int128 p = (unsigned __int128)a * b;
  print_u128(p);
  putchar('\n');
  __int128 s = -(__int128)p / 7;
  print_i128(s);
  printf(" %d\n", (int)(-(__int128)p % 7));
  for (int k = 0; k < 128; k += 43) {
    print_u128(p << k);
    putchar(' ');
    print_i128(-(__int128)p >> k);
    putchar('\n');
  }
  unsigned __int128 wide = (unsigned __int128)a << 40;
  print_u128(p / wide);
  putchar(' ');
  print_u128(p % wide);
  putchar('\n');
  uint64_t x = UINT64_MAX / (b ? b : 1);
  printf("%" PRIu64 " %d\n", x, a <= x);
  return 0;
}
