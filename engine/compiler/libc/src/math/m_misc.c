/* m_misc.c: hypot and cbrt, both finished in double-double so that one rounding remains. */
#include <math.h>

#include "libm_internal.h"

double hypot(double x, double y) {
  if (__builtin_isinf(x) || __builtin_isinf(y)) return __builtin_inf();
  if (x != x || y != y) return x + y;
  double a = __builtin_fabs(x), b = __builtin_fabs(y);
  if (a < b) {
    double t = a;
    a = b;
    b = t;
  }
  if (b == 0) return a;
  int ea, eb;
  frexp(a, &ea);
  frexp(b, &eb);
  if (ea - eb > 60) return a + b; /* b^2 is below a's last bit by far */
  /* Both scaled near 1 (exact), squares and sum as double-doubles, one correctly rounded sqrt. */
  a = __libm_scale(a, -ea);
  b = __libm_scale(b, -ea);
  dd_t s = dd_add(dd_two_prod(a, a), dd_two_prod(b, b));
  dd_t h = dd_sqrt(s);
  double r = __libm_scale(h.hi + h.lo, ea);
  if (__builtin_isinf(r)) errno = ERANGE;
  return r;
}

/* cbrt: x = m 2^(3q), m in [1/2, 4); a quadratic guess (2.6%), three Newton steps, then one
 * correction with the exact residual m - y^3. */
double cbrt(double x) {
  if (x != x || __builtin_isinf(x) || x == 0) return x + x;
  int e;
  double m = frexp(__builtin_fabs(x), &e);
  int q = e >= 0 ? e / 3 : -((2 - e) / 3);
  int rem = e - 3 * q; /* 0, 1 or 2 */
  m = __libm_scale(m, rem);
  double y = 0.5894 + m * (0.4314 - 0.0455 * m);
  for (int i = 0; i < 3; i++) y = y - (y * y * y - m) / (3.0 * y * y);
  dd_t y2 = dd_two_prod(y, y);
  dd_t y3 = dd_mul_d(y2, y);
  y = y + ((m - y3.hi) - y3.lo) / (3.0 * y2.hi);
  double r = __libm_scale(y, q);
  return x < 0 ? -r : r;
}
