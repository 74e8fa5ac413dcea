// factorial_u64: factorials modulo 2^64 with uint64_t wrap-around, printed in decimal, hex and
// octal with %llu/%llx/%llo and the inttypes.h macros, and the trailing zero bits of each.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static int trailing_zero_bits(uint64_t x) {
  if (!x) return 64;
  int n = 0;
  while (!(x & 1)) x >>= 1, n++;
  return n;
}

int main(void) {
  uint64_t f = 1;
  for (unsigned n = 1; n <= 66; n++) {
    f *= n;
    if (n <= 25 || n % 5 == 0 || n > 63)
      printf("%2u! mod 2^64 = %20llu  0x%016llx  tz %d\n", n, (unsigned long long)f, (unsigned long long)f,
             trailing_zero_bits(f));
  }
  uint64_t g = 1;
  int n = 1;
  while (g <= UINT64_MAX / (uint64_t)(n + 1)) g *= (uint64_t)++n;
  printf("largest exact factorial in 64 bits: %d! = %" PRIu64 " (%" PRIo64 " octal)\n", n, g, g);
  int64_t s = 1;
  for (int k = 1; k <= 21; k++) s *= k;
  printf("21! as int64_t wraps to %" PRId64 "\n", s);
  printf("as hex %" PRIX64 ", low 32 bits %" PRIu32 "\n", (uint64_t)s, (uint32_t)s);
  return 0;
}
