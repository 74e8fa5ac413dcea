/* m_hyp.c: sinh, cosh, tanh from the exponential kernel's double-double (no cancellation left
 * to lose: sinh and tanh below 1 use a degree-15 near-minimax odd polynomial for sinh instead of a difference
 * of exponentials). */
#include <math.h>

#include "libm_internal.h"

/* sinh |x| for |x| < 1 as a double-double. */
static dd_t sinh_small(double ax) {
  double z = ax * ax;
  double s = SINHP0 + z * (SINHP1 + z * (SINHP2 + z * (SINHP3 + z * (SINHP4 + z * (SINHP5 + z * SINHP6)))));
  return dd_fast_sum(ax, ax * z * s);
}

/* (e^ax + sign e^-ax) * 2^(k-1) parts: returns the double-double and its binary exponent. */
static dd_t exp_pair(double ax, double sign, int *k) {
  dd_t e = __libm_exp_dd(ax, 0, k);
  if (*k < 28) {
    dd_t inv = dd_div(dd_make(1.0, 0), e);
    double s = libm_make((uint32_t)(0x3ff - 2 * *k) << 20, 0); /* 2^(-2k), exact */
    e = dd_add(e, dd_make(sign * inv.hi * s, sign * inv.lo * s));
  }
  return e;
}

double sinh(double x) {
  if (x != x || __builtin_isinf(x)) return x + x;
  double ax = __builtin_fabs(x);
  if (ax < 0x1p-26) return x;
  double r;
  if (ax < 1) {
    r = sinh_small(ax).hi;
  } else if (ax > 711) {
    r = libm_set_errno(__builtin_inf(), ERANGE);
  } else {
    int k;
    dd_t e = exp_pair(ax, -1.0, &k);
    r = __libm_scale(e.hi + e.lo, k - 1);
    if (__builtin_isinf(r)) errno = ERANGE;
  }
  return x < 0 ? -r : r;
}

double cosh(double x) {
  if (x != x) return x + x;
  double ax = __builtin_fabs(x);
  if (__builtin_isinf(x)) return ax;
  if (ax < 0x1p-27) return 1.0;
  if (ax > 711) return libm_set_errno(__builtin_inf(), ERANGE);
  int k;
  dd_t e = exp_pair(ax, 1.0, &k);
  double r = __libm_scale(e.hi + e.lo, k - 1);
  if (__builtin_isinf(r)) errno = ERANGE;
  return r;
}

double tanh(double x) {
  if (x != x) return x + x;
  double ax = __builtin_fabs(x);
  double r;
  if (ax >= 22) {
    r = 1.0; /* 1 - 2e^-44 rounds to 1 */
  } else if (ax < 0x1p-27) {
    return x;
  } else if (ax < 1) {
    int k;
    dd_t c = exp_pair(ax, 1.0, &k); /* k is 0 or 1 here */
    double s = k == 1 ? 1.0 : 0.5;
    r = dd_div(sinh_small(ax), dd_make(c.hi * s, c.lo * s)).hi;
  } else {
    /* 1 - 2 / (e^2ax + 1) */
    int k;
    dd_t e = __libm_exp_dd(2 * ax, 0, &k);
    e.hi = __libm_scale(e.hi, k);
    e.lo = __libm_scale(e.lo, k);
    dd_t q = dd_div(dd_make(2.0, 0), dd_add_d(e, 1.0));
    dd_t d = dd_fast_sum(1.0, -q.hi);
    r = d.hi + (d.lo - q.lo);
  }
  return x < 0 ? -r : r;
}
