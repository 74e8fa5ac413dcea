// div64: 64-bit signed and unsigned division and remainder on edge values (0, ±1, INT64_MIN,
// INT64_MAX, UINT64_MAX, powers of two and odd primes), printed with %lld %llu %llx; a long
// division routine checks each quotient and remainder identity, and lldiv too.
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const int64_t sv[] = {0, 1, -1, 7, -7, 1000000007, -1000000007, 4294967296LL, -4294967297LL,
                             INT64_MAX, INT64_MIN, 0x123456789ABCDEFLL, -3};
#define NS (sizeof sv / sizeof sv[0])

// Unsigned division by shift-and-subtract, independent of the machine's divide.
static uint64_t slow_udiv(uint64_t n, uint64_t d, uint64_t *rem) {
  uint64_t q = 0, r = 0;
  for (int i = 63; i >= 0; i--) {
    r = (r << 1) | ((n >> i) & 1);
    if (r >= d) r -= d, q |= (uint64_t)1 << i;
  }
  *rem = r;
  return q;
}

int main(void) {
  int checked = 0, bad = 0;
  for (size_t i = 0; i < NS; i++) {
    for (size_t j = 0; j < NS; j++) {
      int64_t a = sv[i], b = sv[j];
      if (b == 0 || (a == INT64_MIN && b == -1)) continue;
      int64_t q = a / b, r = a % b;
      if (q * b + r != a || (r != 0 && (r < 0) != (a < 0))) bad++;
      uint64_t ua = (uint64_t)a, ub = (uint64_t)b, ur;
      if ((i + j) % 5 == 0) {
        uint64_t uq = slow_udiv(ua, ub, &ur);
        if (uq != ua / ub || ur != ua % ub) bad++;
      }
      checked++;
      if ((i * NS + j) % 7 == 0)
        printf("%lld / %lld = %lld r %lld | %llu / %llu = %llu r %llx\n", (long long)a, (long long)b,
               (long long)q, (long long)r, (unsigned long long)ua, (unsigned long long)ub,
               (unsigned long long)(ua / ub), (unsigned long long)(ua % ub));
    }
  }
  printf("%d pairs checked, %d bad\n", checked, bad);
  lldiv_t d = lldiv(-9000000000000000001LL, 1000000000LL);
  printf("lldiv: quot %lld rem %lld\n", d.quot, d.rem);
  printf("INT64_MIN %" PRId64 " INT64_MAX %" PRId64 " UINT64_MAX %" PRIu64 "\n", INT64_MIN, INT64_MAX, UINT64_MAX);
  printf("LLONG_MIN %lld ULLONG_MAX %llx %llo\n", LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
  printf("llabs(LLONG_MIN+1) %lld, INT64_MIN %% 10 = %lld\n", llabs(LLONG_MIN + 1), (long long)(INT64_MIN % 10));
  uint64_t big = UINT64_MAX;
  int digits = 0;
  while (big) big /= 10, digits++;
  printf("UINT64_MAX has %d digits\n", digits);
  return bad;
}
