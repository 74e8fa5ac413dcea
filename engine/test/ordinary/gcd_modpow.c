// gcd_modpow: 64-bit number theory: gcd and lcm, extended Euclid and modular inverses, modular
// exponentiation with an overflow-free mulmod (double-and-add), Fermat checks, and a
// deterministic Miller-Rabin test for 32-bit numbers.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t gcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  uint64_t r = 0;
  a %= m;
  while (b) {
    if (b & 1) r = r >= m - a ? r - (m - a) : r + a;
    a = a >= m - a ? a - (m - a) : a + a;
    b >>= 1;
  }
  return r;
}

static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1 % m;
  for (b %= m; e; e >>= 1, b = mulmod(b, b, m))
    if (e & 1) r = mulmod(r, b, m);
  return r;
}

// For moduli below 2^32 the product of two residues fits in 64 bits: no mulmod needed.
static uint64_t powmod32(uint64_t b, uint64_t e, uint64_t m) {
  uint64_t r = 1 % m;
  for (b %= m; e; e >>= 1, b = b * b % m)
    if (e & 1) r = r * b % m;
  return r;
}

static int64_t ext_gcd(int64_t a, int64_t b, int64_t *x, int64_t *y) {
  if (!b) {
    *x = 1, *y = 0;
    return a;
  }
  int64_t x1, y1, g = ext_gcd(b, a % b, &x1, &y1);
  *x = y1, *y = x1 - (a / b) * y1;
  return g;
}

static int is_prime32(uint32_t n) {
  if (n < 2) return 0;
  static const uint32_t small[] = {2, 3, 5, 7};
  for (int i = 0; i < 4; i++)
    if (n % small[i] == 0) return n == small[i];
  uint32_t d = n - 1;
  int s = 0;
  while (!(d & 1)) d >>= 1, s++;
  static const uint64_t witnesses[] = {2, 7, 61};
  for (int i = 0; i < 3; i++) {
    uint64_t x = powmod32(witnesses[i], d, n);
    if (x == 1 || x == n - 1 || witnesses[i] % n == 0) continue;
    int composite = 1;
    for (int r = 1; r < s && composite; r++) {
      x = x * x % n;
      if (x == n - 1) composite = 0;
    }
    if (composite) return 0;
  }
  return 1;
}

int main(void) {
  uint64_t a = 1071ULL * 1000000007ULL, b = 462ULL * 1000000007ULL;
  uint64_t g = gcd(a, b);
  printf("gcd(%" PRIu64 ", %" PRIu64 ") = %" PRIu64 ", lcm = %" PRIu64 "\n", a, b, g, a / g * b);
  int64_t x, y;
  int64_t m = 1000000007;
  int64_t e = ext_gcd(123456789, m, &x, &y);
  int64_t inv = ((x % m) + m) % m;
  printf("ext_gcd: g=%" PRId64 " x=%" PRId64 " y=%" PRId64 ", inverse %" PRId64 ", check %" PRId64 "\n", e, x, y, inv,
         123456789LL * inv % m);
  uint64_t big_m = 18446744073709551557ULL;  // the largest 64-bit prime
  printf("3^1000 mod 1e9+7 = %" PRIu64 "\n", powmod(3, 1000, 1000000007));
  printf("mulmod(2^63, 2^63, 2^64-59) = %" PRIu64 "\n", mulmod(1ULL << 63, 1ULL << 63, big_m));
  const uint32_t tests[] = {1, 2, 91, 561, 65537, 4294967291u, 3215031751u};
  for (int i = 0; i < 7; i++) printf("%" PRIu32 " %s\n", tests[i], is_prime32(tests[i]) ? "prime" : "composite");
  return 0;
}
