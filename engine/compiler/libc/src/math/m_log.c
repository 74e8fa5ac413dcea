/* m_log.c: log, log2, log10, log1p. x = 2^e m, m in [1,2); with i the top 7 bits of m's fraction,
 * invc ~ 1/c (c the middle of i's interval, 9 significant bits, generated table) makes
 * r = m invc - 1 exact (m split in its high word and the rest: both products are exact) and
 * |r| <= 2^-7; log x = e ln2 - log(invc) + log1p(r), log1p(r) = r - r^2/2 + r^3 Q(r) with Q a
 * generated near-minimax polynomial of degree 6. The table's ends use c = 1 and c = 2, so log(x)
 * near x = 1 has no cancellation. */
#include <math.h>

#include "libm_internal.h"

dd_t __libm_log_dd(double x) {
  uint32_t hi = libm_hi(x);
  int e = -1023;
  if (hi < 0x00100000u) { /* subnormal */
    x *= 0x1p64;
    hi = libm_hi(x);
    e -= 64;
  }
  e += (int)(hi >> 20);
  int i = (int)((hi >> 13) & 127);
  uint32_t mhi = (hi & 0x000fffffu) | 0x3ff00000u;
  double m = libm_make(mhi, libm_lo(x));
  double mh = libm_make(mhi, 0);
  double ml = m - mh;
  const double *t = &LOG_TAB[3 * i];
  dd_t r = dd_two_sum(mh * t[0] - 1.0, ml * t[0]);
  double z = r.hi;
  double poly =
      z * z * (LOG_C2 + z * (LOGP0 + z * (LOGP1 + z * (LOGP2 + z * (LOGP3 + z * (LOGP4 + z * (LOGP5 + z * LOGP6)))))));
  double head = e * LN2_HI + t[1]; /* exact: both on a 2^-42 grid, below 2^11 */
  dd_t s = dd_two_sum(head, z);
  return dd_fast_sum(s.hi, s.lo + (poly + (r.lo - z * r.lo) + (e * LN2_LO + t[2])));
}

/* The special values shared by the log family; 0 when x is an ordinary positive number. */
static int log_special(double x, double *out) {
  if (x != x) {
    *out = x + x;
    return 1;
  }
  if (x == 0) {
    *out = libm_set_errno(-__builtin_inf(), ERANGE);
    return 1;
  }
  if (x < 0) {
    *out = libm_set_errno((x - x) / (x - x), EDOM);
    return 1;
  }
  if (__builtin_isinf(x)) {
    *out = x;
    return 1;
  }
  return 0;
}

double log(double x) {
  double r;
  if (log_special(x, &r)) return r;
  if (x == 1) return 0;
  return __libm_log_dd(x).hi;
}

double log2(double x) {
  double r;
  if (log_special(x, &r)) return r;
  uint64_t u = libm_bits(x);
  if ((u & 0xfffffffffffffull) == 0) return (double)((int)(u >> 52) - 1023); /* powers of 2 */
  return dd_mul(__libm_log_dd(x), dd_make(INV_LN2_HI, INV_LN2_LO)).hi;
}

double log10(double x) {
  double r;
  if (log_special(x, &r)) return r;
  if (x == 1) return 0;
  return dd_mul(__libm_log_dd(x), dd_make(INV_LN10_HI, INV_LN10_LO)).hi;
}

/* log(1 + x) = log(h) + l/h with h + l = 1 + x exactly. */
double log1p(double x) {
  if (x != x) return x + x;
  if (x == -1) return libm_set_errno(-__builtin_inf(), ERANGE);
  if (x < -1) return libm_set_errno((x - x) / (x - x), EDOM);
  if (__builtin_isinf(x)) return x;
  if (__builtin_fabs(x) < 0x1p-54) return x;
  dd_t s = dd_two_sum(1.0, x);
  if (s.hi == 1) return x - x * x * 0.5; /* |x| < 2^-53: log1p x = x - x^2/2 to far below 1 ulp */
  dd_t l = __libm_log_dd(s.hi);
  return dd_fast_sum(l.hi, l.lo + s.lo / s.hi).hi;
}
