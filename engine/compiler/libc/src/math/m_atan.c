/* m_atan.c: atan, atan2, asin, acos. atan(q) for q in [0,1]: c = j/64 nearest q, t = (q - c) /
 * (1 + q c) as a double-double (|t| <= 1/128), atan q = atan c (generated double-double table) +
 * t - t^3/3 + ... to degree 11. Arguments above 1 use pi/2 - atan(1/q); asin and acos are
 * atan2(x, sqrt(1 - x^2)) and atan2(sqrt(1 - x^2), x) with 1 - x^2 exact as a double-double. */
#include <math.h>

#include "libm_internal.h"

static dd_t atan01(dd_t q) {
  int j = (int)__builtin_rint(q.hi * 64.0);
  double c = j * 0x1p-6;
  dd_t num = dd_fast_sum(q.hi - c, q.lo); /* q.hi - c is exact (Sterbenz, or c = 0) */
  dd_t den = dd_add_d(dd_mul_d(q, c), 1.0);
  dd_t t = dd_div(num, den);
  double z = t.hi * t.hi;
  double p = z * (ATAN_C3 + z * (ATAN_C5 + z * (ATAN_C7 + z * (ATAN_C9 + z * ATAN_C11))));
  dd_t s = dd_two_sum(ATAN_TAB[2 * j], t.hi);
  return dd_fast_sum(s.hi, s.lo + ATAN_TAB[2 * j + 1] + t.lo + t.hi * p);
}

/* c - a for the double-double constant (ch, cl): ch - a.hi is not always exact, so two_sum. */
static dd_t minus(double ch, double cl, dd_t a) {
  dd_t s = dd_two_sum(ch, -a.hi);
  return dd_fast_sum(s.hi, s.lo + (cl - a.lo));
}
static dd_t pio2_minus(dd_t a) { return minus(PIO2_HI, PIO2_LO, a); }

dd_t __libm_atan2_dd(dd_t y, dd_t x) {
  if (y.hi <= x.hi) return atan01(dd_div(y, x));
  return pio2_minus(atan01(dd_div(x, y)));
}

double atan(double x) {
  if (x != x) return x + x;
  double ax = __builtin_fabs(x);
  if (ax < 0x1p-27) return x;
  double r;
  if (ax > 0x1p60)
    r = PIO2_HI;
  else if (ax <= 1)
    r = atan01(dd_make(ax, 0)).hi;
  else
    r = pio2_minus(atan01(dd_div(dd_make(1.0, 0), dd_make(ax, 0)))).hi;
  return x < 0 ? -r : r;
}

double atan2(double y, double x) {
  if (x != x || y != y) return x + y;
  int xneg = __builtin_signbit(x) != 0;
  double ay = __builtin_fabs(y), ax = __builtin_fabs(x);
  double r;
  if (ay == 0) {
    r = xneg ? PI_HI : 0.0;
  } else if (ax == 0) {
    r = PIO2_HI;
  } else if (__builtin_isinf(ay)) {
    r = __builtin_isinf(ax) ? (xneg ? 0x1.2d97c7f3321d2p+1 : 0x1.921fb54442d18p-1) /* 3pi/4, pi/4 */
                            : PIO2_HI;
  } else if (__builtin_isinf(ax)) {
    r = xneg ? PI_HI : 0.0;
  } else {
    int ey, ex;
    frexp(ay, &ey);
    frexp(ax, &ex);
    if (ey - ex > 60) {
      r = PIO2_HI;
    } else if (ex - ey > 60) {
      r = xneg ? PI_HI : ay / ax; /* atan q = q to far below an ulp */
    } else {
      /* Scale both near 1 so that the double-double products cannot overflow or underflow. */
      int e = ey > ex ? ey : ex;
      dd_t a = __libm_atan2_dd(dd_make(__libm_scale(ay, -e), 0), dd_make(__libm_scale(ax, -e), 0));
      if (xneg) a = minus(PI_HI, PI_LO, a);
      r = a.hi;
    }
  }
  return y < 0 || (y == 0 && __builtin_signbit(y)) ? -r : r;
}

/* sqrt(1 - x^2) for |x| < 1 as a double-double. */
static dd_t cos_of_sin(double ax) {
  dd_t p = dd_two_prod(ax, ax);
  dd_t h = dd_fast_sum(1.0, -p.hi);
  return dd_sqrt(dd_fast_sum(h.hi, h.lo - p.lo));
}

double asin(double x) {
  if (x != x) return x + x;
  double ax = __builtin_fabs(x);
  if (ax > 1) return libm_set_errno((x - x) / (x - x), EDOM);
  if (ax < 0x1p-26) return x;
  double r = ax == 1 ? PIO2_HI : __libm_atan2_dd(dd_make(ax, 0), cos_of_sin(ax)).hi;
  return x < 0 ? -r : r;
}

double acos(double x) {
  if (x != x) return x + x;
  double ax = __builtin_fabs(x);
  if (ax > 1) return libm_set_errno((x - x) / (x - x), EDOM);
  if (x == 1) return 0.0;
  if (x == -1) return PI_HI;
  dd_t a = __libm_atan2_dd(cos_of_sin(ax), dd_make(ax, 0));
  if (x < 0) a = minus(PI_HI, PI_LO, a);
  return a.hi;
}
