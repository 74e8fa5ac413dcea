// float_convert: conversions between double/float and every integer type, both ways: truncation
// toward zero, negative values, unsigned long long above 2^63, integers too wide for the
// mantissa (rounded to nearest even), float <-> double, and integer arithmetic on the results.
// (long is 32 bits on wasm32 and 64 on x86-64: its values here fit in 32 bits.)
#include <stdio.h>

static volatile double vd[] = {3.99, -3.99, 255.5, -128.75, 65535.9, -32768.2, 2147483647.9,
                               -2147483648.7, 4294967295.5, 9.2233720368547748e18,
                               1.8446744073709550e19, -9.2233720368547758e18, 0.5, -0.5, 1e-300};
static volatile long long vll[] = {0, -1, 9007199254740993LL, -9007199254740993LL,
                                   9223372036854775807LL, (-9223372036854775807LL - 1),
                                   123456789012345678LL, 16777217, -16777217};
static volatile unsigned long long vull[] = {18446744073709551615ULL, 9223372036854775808ULL,
                                             9223372036854776833ULL, 4294967296ULL, 1ULL};
static volatile int vi[] = {2147483647, -2147483647 - 1, 16777217, -7, 0};
static volatile unsigned vu[] = {4294967295u, 2147483648u, 16777217u, 3u};

int main(void) {
  printf("double -> int types (truncation toward zero)\n");
  for (int k = 0; k < 2; k++) {
    double x = vd[k];
    printf("  %g: char %d, short %d, int %d, long %ld, long long %lld\n", x, (signed char)x,
           (short)x, (int)x, (long)x, (long long)x);
  }
  printf("  %g -> unsigned char %u, %g -> signed char %d\n", vd[2], (unsigned char)vd[2], vd[3],
         (signed char)vd[3]);
  printf("  %g -> unsigned short %u, %g -> short %d\n", vd[4], (unsigned short)vd[4], vd[5],
         (short)vd[5]);
  printf("  %.1f -> int %d, %.1f -> int %d\n", vd[6], (int)vd[6], vd[7], (int)vd[7]);
  printf("  %.1f -> unsigned %u, unsigned long %lu\n", vd[8], (unsigned)vd[8], (unsigned long)vd[8]);
  printf("  %.1f -> long long %lld\n", vd[9], (long long)vd[9]);
  printf("  %.1f -> unsigned long long %llu\n", vd[10], (unsigned long long)vd[10]);
  printf("  %.1f -> long long %lld\n", vd[11], (long long)vd[11]);
  printf("  0.5 -> %d, -0.5 -> %d, 1e-300 -> %lld\n", (int)vd[12], (int)vd[13], (long long)vd[14]);

  printf("integer -> double and float (round to nearest even past 2^53 / 2^24)\n");
  for (int i = 0; i < 9; i++)
    printf("  ll %lld -> %.1f, %.1f\n", vll[i], (double)vll[i], (double)(float)vll[i]);
  for (int i = 0; i < 5; i++)
    printf("  ull %llu -> %.1f, %.1f\n", vull[i], (double)vull[i], (double)(float)vull[i]);
  for (int i = 0; i < 5; i++) printf("  int %d -> %.1f, %.1f\n", vi[i], (double)vi[i], (double)(float)vi[i]);
  for (int i = 0; i < 4; i++) printf("  unsigned %u -> %.1f, %.1f\n", vu[i], (double)vu[i], (double)(float)vu[i]);
  signed char sc = -100;
  unsigned char uc = 200;
  short s = -30000;
  unsigned short us = 60000;
  long l = -123456789L;
  unsigned long ul = 3000000000UL;
  printf("  char %.1f uchar %.1f short %.1f ushort %.1f long %.1f ulong %.1f\n", (double)(sc + vi[4]),
         (double)(uc + vi[4]), (double)(s + vi[4]), (float)(us + vi[4]), (double)(l + vi[4]),
         (double)(ul + vu[3] - 3));

  printf("round trips\n");
  unsigned long long top = vull[0];
  double dtop = (double)top;                      // 2^64 exactly
  unsigned long long back = (unsigned long long)(dtop / 2.0);  // 2^63
  printf("  2^64-1 -> %.1f, /2 -> %llu\n", dtop, back);
  long long odd = vll[2];
  printf("  2^53+1 -> double -> ll: %lld (lost 1), float -> ll: %lld\n", (long long)(double)odd,
         (long long)(float)odd);
  float f = (float)vd[0];
  double promoted = f;
  printf("  3.99 -> float -> double: %.17g, back -> float equal: %d\n", promoted, (float)promoted == f);
  double sum = 0;
  for (int i = -5; i <= 7; i++) sum += (double)i / 3;
  long long scaled = (long long)(sum * 1e15 + vd[12]);
  printf("  sum of i/3 for -5..7: %.17g, scaled %lld\n", sum, scaled);
  int quarters = 0;
  for (int i = 0; i < 20; i++) quarters += (int)((i + 0.25) * 1.5);
  printf("  sum of (int)((i + 0.25) * 1.5): %d\n", quarters);
  return 0;
}
