/* m_exp.c: exp, exp2, expm1 and the shared kernel. x = n ln2/64 + r (Cody-Waite: ln2/64's head
 * has 36 bits, so n * head is exact for |n| < 2^17), e^x = 2^(n>>6) * 2^((n&63)/64) * e^r with
 * 2^(j/64) from a generated double-double table and e^r - 1 a degree-6 Taylor polynomial
 * (|r| <= ln2/128: the first omitted term is below 2^-64). */
#include <math.h>

#include "libm_internal.h"

/* 2^(n/64) * e^(r + rl) = 2^(*k) * result. */
static dd_t exp_kernel(int n, double r, double rl, int *k) {
  int j = n & 63;
  *k = (n - j) / 64;
  double th = EXP2_TAB[2 * j], tl = EXP2_TAB[2 * j + 1];
  /* e^(r+rl) - 1 = r + r^2 (1/2 + r/6 + ...) + rl (1 + r). rl r stays (pow's rl carries the low
   * part of y log x, up to 2^-44); tl p is below 2^-60 of the result and is left out. */
  double q =
      r * r * (EXP_C2 + r * (EXP_C3 + r * (EXP_C4 + r * (EXP_C5 + r * EXP_C6)))) + rl + rl * r;
  double p = r + q;
  return dd_fast_sum(th, tl + th * p);
}

dd_t __libm_exp_dd(double xh, double xl, int *k) {
  int n = (int)__builtin_rint(xh * INV_LN2_64);
  double a = xh - n * LN2_64_HI; /* exact */
  double b = n * LN2_64_LO;
  double r = a - b;
  double rl = ((a - r) - b) + xl;
  return exp_kernel(n, r, rl, k);
}

double exp(double x) {
  if (x != x) return x + x;
  if (x > 709.782712893384) return libm_set_errno(__builtin_inf(), ERANGE);
  if (x < -745.1332191019412) return libm_set_errno(0.0, ERANGE);
  if (__builtin_fabs(x) < 0x1p-54) return 1.0 + x;
  int k;
  dd_t e = __libm_exp_dd(x, 0, &k);
  double r = __libm_scale_dd(e.hi, e.lo, k);
  if (r == 0 || r < 0x1p-1022) errno = ERANGE;
  return r;
}

double exp2(double x) {
  if (x != x) return x + x;
  if (x >= 1024) return libm_set_errno(__builtin_inf(), ERANGE);
  if (x < -1075) return libm_set_errno(0.0, ERANGE);
  /* 64 x and x - n/64 are exact in this range; (x - n/64) ln2 as a double-double. */
  int n = (int)__builtin_rint(x * 64.0);
  double t = x - n * 0x1p-6;
  dd_t r = dd_two_prod(t, LN2_D);
  int k;
  dd_t e = exp_kernel(n, r.hi, r.lo + t * LN2_DL, &k);
  double v = __libm_scale_dd(e.hi, e.lo, k);
  if (v == 0 || v < 0x1p-1022) errno = ERANGE;
  return v;
}

/* e^x - 1: a Taylor polynomial near 0 (|x| < 1/4, degree 13: no cancellation to lose), else the
 * kernel's double-double minus 1. */
double expm1(double x) {
  if (x != x) return x + x;
  if (x > 709.782712893384) return libm_set_errno(__builtin_inf(), ERANGE);
  if (x < -38) return -1.0;
  double ax = __builtin_fabs(x);
  if (ax < 0x1p-54) return x;
  if (ax < 0.25) {
    double t =
        EXPM1_C3 +
        x * (EXPM1_C4 +
             x * (EXPM1_C5 +
                  x * (EXPM1_C6 +
                       x * (EXPM1_C7 +
                            x * (EXPM1_C8 +
                                 x * (EXPM1_C9 +
                                      x * (EXPM1_C10 +
                                           x * (EXPM1_C11 + x * (EXPM1_C12 + x * EXPM1_C13)))))))));
    dd_t h = dd_two_prod(x, x * 0.5); /* x^2/2 exactly */
    dd_t s = dd_fast_sum(x, h.hi);
    return s.hi + (s.lo + h.lo + x * x * x * t);
  }
  int k;
  dd_t e = __libm_exp_dd(x, 0, &k);
  e.hi = __libm_scale(e.hi, k);
  e.lo = __libm_scale(e.lo, k);
  dd_t s = dd_two_sum(e.hi, -1.0);
  return s.hi + (s.lo + e.lo);
}
