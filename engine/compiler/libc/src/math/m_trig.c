/* m_trig.c: sin, cos, tan. The argument is reduced modulo pi/2 to r in [-pi/4, pi/4] as a
 * double-double: below 2^19 with pi/2 in three 33-bit pieces (n * piece exact) plus a fourth,
 * above by Payne-Hanek with 2/pi's bits (generated table), exact for every double. Then
 * near-minimax polynomials (generated): sin to degree 15, cos to degree 16, errors below 2^-66. */
#include <math.h>

#include "libm_internal.h"

/* x (2/pi) mod 4 for |x| >= 2^19: the product of x's integer significand M with the bits of 2/pi
 * that matter (chunks whose weight makes the product a multiple of 4 are skipped; 9 chunks of 24
 * bits after them bound the error by 2^-137). */
static int rem_pio2_huge(double x, dd_t *out) {
  uint64_t u = libm_bits(x);
  int E = (int)((u >> 52) & 0x7ff) - 1075;
  uint64_t M = (u & 0xfffffffffffffull) | 0x10000000000000ull;
  uint32_t m[3] = {(uint32_t)(M & 0xffffff), (uint32_t)((M >> 24) & 0xffffff), (uint32_t)(M >> 48)};
  int i0 = E >= 2 ? (E - 2) / 24 : 0;
  /* acc[p + 2] collects the products of weight 2^(E - 24 (i0 + p + 1)), p = a - b. */
  uint64_t acc[11] = {0};
  for (int a = 0; a < 9; a++)
    for (int b = 0; b < 3; b++)
      acc[a - b + 2] += (uint64_t)TWO_OVER_PI_24[i0 + a] * m[b];
  for (int p = 10; p > 0; p--) { /* carries into 24-bit limbs */
    acc[p - 1] += acc[p] >> 24;
    acc[p] &= 0xffffff;
  }
  int n = 0;
  dd_t f = dd_make(0, 0);
  for (int p = -2; p <= 8; p++) {
    int w = E - 24 * (i0 + p + 1);
    if (w >= 2) continue; /* a multiple of 4 */
    double q = __libm_scale((double)acc[p + 2], w); /* exact: < 2^50 at a power of 2 */
    double ip = __builtin_floor(q);
    if (ip != 0) n += (int)__builtin_fmod(ip, 4.0);
    f = dd_add_d(f, q - ip);
  }
  /* f in [0, 2): fold to [-1/2, 1/2) */
  while (f.hi >= 0.5) {
    f = dd_add_d(f, -1.0);
    n++;
  }
  *out = dd_mul(f, dd_make(PIO2_HI, PIO2_LO));
  return n & 3;
}

int __libm_rem_pio2(double x, dd_t *r) {
  double ax = __builtin_fabs(x);
  if (ax <= 0.78539816339744828) {
    *r = dd_make(x, 0);
    return 0;
  }
  if (ax < 0x1p19) {
    double n = __builtin_rint(x * INV_PIO2);
    dd_t s = dd_two_sum(x - n * PIO2_1, -(n * PIO2_2));
    dd_t t = dd_two_sum(s.hi, -(n * PIO2_3));
    *r = dd_fast_sum(t.hi, (s.lo + t.lo) - n * PIO2_4);
    return (int)n & 3;
  }
  dd_t f;
  int n = rem_pio2_huge(ax, &f);
  if (x < 0) {
    f.hi = -f.hi;
    f.lo = -f.lo;
    n = -n & 3;
  }
  *r = f;
  return n;
}

static dd_t sin_k(dd_t r) {
  double x = r.hi, z = x * x;
  double s = SINP0 + z * (SINP1 + z * (SINP2 + z * (SINP3 + z * (SINP4 + z * (SINP5 + z * SINP6)))));
  return dd_fast_sum(x, x * z * s + r.lo * (1.0 - 0.5 * z));
}

static dd_t cos_k(dd_t r) {
  double x = r.hi;
  dd_t p = dd_two_prod(x, x);
  double z = p.hi;
  dd_t h = dd_fast_sum(1.0, -0.5 * z);
  double c = COSP0 + z * (COSP1 + z * (COSP2 + z * (COSP3 + z * (COSP4 + z * (COSP5 + z * COSP6)))));
  return dd_fast_sum(h.hi, h.lo - 0.5 * p.lo + z * z * c - x * r.lo);
}

static dd_t neg(dd_t a) { return dd_make(-a.hi, -a.lo); }

double sin(double x) {
  if (__builtin_isinf(x)) return libm_set_errno(x - x, EDOM);
  if (x != x) return x + x;
  if (__builtin_fabs(x) < 0x1p-26) return x;
  dd_t r;
  switch (__libm_rem_pio2(x, &r)) {
  case 0:
    return sin_k(r).hi;
  case 1:
    return cos_k(r).hi;
  case 2:
    return -sin_k(r).hi;
  default:
    return -cos_k(r).hi;
  }
}

double cos(double x) {
  if (__builtin_isinf(x)) return libm_set_errno(x - x, EDOM);
  if (x != x) return x + x;
  if (__builtin_fabs(x) < 0x1p-27) return 1.0;
  dd_t r;
  switch (__libm_rem_pio2(x, &r)) {
  case 0:
    return cos_k(r).hi;
  case 1:
    return -sin_k(r).hi;
  case 2:
    return -cos_k(r).hi;
  default:
    return sin_k(r).hi;
  }
}

double tan(double x) {
  if (__builtin_isinf(x)) return libm_set_errno(x - x, EDOM);
  if (x != x) return x + x;
  if (__builtin_fabs(x) < 0x1p-27) return x;
  dd_t r;
  int n = __libm_rem_pio2(x, &r);
  dd_t s = sin_k(r), c = cos_k(r);
  return (n & 1) ? dd_div(neg(c), s).hi : dd_div(s, c).hi;
}
