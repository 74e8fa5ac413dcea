/* m_pow.c: pow(x, y) = e^(y log|x|) with log|x| as a double-double (error < 2^-66 relative) and
 * the product y log|x| exact as a double-double, so the exponential's argument is known to far
 * below an ulp even when it is near ±745; C99's special cases first. */
#include <math.h>

#include "libm_internal.h"

/* 0: y is not an integer, 1: odd integer, 2: even integer. */
static int integer_kind(double y) {
  double a = __builtin_fabs(y);
  if (a >= 0x1p53) return 2;
  if (__builtin_trunc(a) != a) return 0;
  double h = a * 0.5;
  return __builtin_trunc(h) == h ? 2 : 1;
}

double pow(double x, double y) {
  if (y == 0) return 1.0;
  if (x == 1) return 1.0;
  if (x != x || y != y) return x + y;
  int kind = integer_kind(y);
  if (x == 0) {
    if (y < 0)
      return libm_set_errno(kind == 1 ? __builtin_copysign(__builtin_inf(), x) : __builtin_inf(),
                            ERANGE);
    return kind == 1 ? x : 0.0;
  }
  if (__builtin_isinf(y)) {
    double ax = __builtin_fabs(x);
    if (ax == 1) return 1.0;
    return (ax < 1) == (y < 0) ? __builtin_inf() : 0.0;
  }
  if (__builtin_isinf(x)) {
    double m = y < 0 ? 0.0 : __builtin_inf();
    return x < 0 && kind == 1 ? -m : m;
  }
  if (x < 0 && kind == 0) return libm_set_errno((x - x) / (x - x), EDOM);
  int negative = x < 0 && kind == 1;
  dd_t l = __libm_log_dd(__builtin_fabs(x));
  double zp = l.hi * y;
  double r;
  if (zp > 709.8) {
    r = __builtin_inf();
  } else if (zp < -745.2) {
    r = 0.0;
  } else {
    dd_t z = dd_mul_d(l, y);
    int k;
    dd_t e = __libm_exp_dd(z.hi, z.lo, &k);
    r = __libm_scale_dd(e.hi, e.lo, k);
  }
  if (r == 0 || __builtin_isinf(r)) errno = ERANGE;
  return negative ? -r : r;
}
