/* m_exact.c: the math functions whose results are exact (representable, no rounding): absolute
 * value, rounding to integers, remainders, the exponent/fraction split, scaling, classification
 * helpers. sqrt is correctly rounded (WebAssembly's f64.sqrt). floor/ceil/trunc/rint use the
 * WebAssembly instructions (one soft-float helper each on the machine); the rest is integer work on
 * the bits, which the machine does more cheaply than a chain of float operations. */
#include <limits.h>
#include <math.h>

#include "libm_internal.h"

double fabs(double x) { return __builtin_fabs(x); }
double sqrt(double x) {
  if (x < 0) errno = EDOM; /* as glibc; the result is the default NaN either way */
  return __builtin_sqrt(x);
}
double floor(double x) { return __builtin_floor(x); }
double ceil(double x) { return __builtin_ceil(x); }
double trunc(double x) { return __builtin_trunc(x); }
/* Round to nearest, ties to even (the only rounding mode there is). */
double rint(double x) { return __builtin_rint(x); }
double nearbyint(double x) { return __builtin_nearbyint(x); }
double copysign(double x, double y) { return __builtin_copysign(x, y); }

/* Ties away from zero: x - trunc(x) is exact. */
double round(double x) {
  double t = __builtin_trunc(x);
  double d = x - t;
  if (d >= 0.5) return t + 1.0;
  if (d <= -0.5) return t - 1.0;
  return t;
}

/* Out of range (or NaN): LONG_MIN, what x86-64's conversion yields, instead of a trap. */
long lround(double x) {
  double r = round(x);
  if (!(r >= -2147483648.0 && r < 2147483648.0)) return LONG_MIN;
  return (long)r;
}
long long llround(double x) {
  double r = round(x);
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return LLONG_MIN;
  return (long long)r;
}
long lrint(double x) {
  double r = __builtin_rint(x);
  if (!(r >= -2147483648.0 && r < 2147483648.0)) return LONG_MIN;
  return (long)r;
}
long long llrint(double x) {
  double r = __builtin_rint(x);
  if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0)) return LLONG_MIN;
  return (long long)r;
}

/* C's fmin/fmax ignore a NaN operand; between -0 and +0 they order -0 < +0 (IEEE 754-2019
 * minimumNumber), which glibc leaves to the operand order. */
double fmin(double x, double y) {
  if (x != x) return y;
  if (y != y) return x;
  return __builtin_wasm_min_f64(x, y);
}
double fmax(double x, double y) {
  if (x != x) return y;
  if (y != y) return x;
  return __builtin_wasm_max_f64(x, y);
}
double fdim(double x, double y) {
  if (x != x) return x;
  if (y != y) return y;
  return x > y ? x - y : 0.0;
}

double frexp(double x, int *e) {
  uint32_t hi = libm_hi(x);
  int ex = (int)((hi >> 20) & 0x7ff);
  *e = 0;
  if (ex == 0x7ff || x == 0) return x; /* inf, NaN, ±0: unchanged, exponent 0 */
  if (ex == 0) {                        /* subnormal: normalize first */
    x *= 0x1p64;
    hi = libm_hi(x);
    ex = (int)((hi >> 20) & 0x7ff) - 64;
  }
  *e = ex - 1022;
  return libm_make((hi & 0x800fffffu) | 0x3fe00000u, libm_lo(x));
}

double __libm_scale(double x, int n) {
  uint32_t hi = libm_hi(x);
  int ex = (int)((hi >> 20) & 0x7ff);
  /* Fast path: a normal x whose scaled exponent stays normal: add n to the exponent field. */
  if (ex != 0 && ex != 0x7ff && n > -1022 && n < 2046 && ex + n >= 1 && ex + n <= 2046)
    return libm_make(hi + ((uint32_t)n << 20), libm_lo(x));
  if (n > 1023) {
    x *= 0x1p1023;
    n -= 1023;
    if (n > 1023) {
      x *= 0x1p1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    /* Steps of 2^-969 (= 2^-1022 * 2^53) keep every step but the last exact while the value can
     * still end up representable. */
    x *= 0x1p-969;
    n += 969;
    if (n < -1022) {
      x *= 0x1p-969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * libm_make((uint32_t)(0x3ff + n) << 20, 0);
}
/* (hi + lo) 2^k rounded once, also when the result is subnormal (where scaling the rounded sum
 * would round twice). */
double __libm_scale_dd(double hi, double lo, int k) {
  if (k >= -1021) return __libm_scale(hi + lo, k);
  /* Count units of 2^-1074: v = vh + vl, rounded to an integer by hand (ties to even). */
  double vh = __libm_scale(hi, k + 1074), vl = __libm_scale(lo, k + 1074);
  double i = __builtin_rint(vh);
  double f = (vh - i) + vl;
  if (f > 0.5 || (f == 0.5 && __builtin_fmod(i, 2.0) != 0)) i += 1;
  else if (f < -0.5 || (f == -0.5 && __builtin_fmod(i, 2.0) != 0)) i -= 1;
  return i * 0x1p-1074;
}

double ldexp(double x, int n) {
  double r = __libm_scale(x, n);
  if ((r == 0 && x != 0) || (__builtin_isinf(r) && !__builtin_isinf(x))) errno = ERANGE;
  return r;
}
double scalbn(double x, int n) { return ldexp(x, n); }
double scalbln(double x, long n) {
  return ldexp(x, n > INT_MAX ? INT_MAX : n < INT_MIN ? INT_MIN : (int)n);
}

int ilogb(double x) {
  int e;
  if (x == 0) return INT_MIN; /* FP_ILOGB0 */
  if (x != x) return INT_MIN; /* FP_ILOGBNAN */
  if (__builtin_isinf(x)) return INT_MAX;
  frexp(x, &e);
  return e - 1;
}
double logb(double x) {
  if (x == 0) return libm_set_errno(-__builtin_inf(), ERANGE);
  if (x != x) return x;
  if (__builtin_isinf(x)) return __builtin_fabs(x);
  return (double)ilogb(x);
}

double modf(double x, double *ip) {
  double t = __builtin_trunc(x);
  *ip = t;
  if (__builtin_isinf(x)) return __builtin_copysign(0.0, x);
  if (x != x) return x;
  return __builtin_copysign(x - t, x); /* keeps -0 for negative integers */
}

/* The neighbour of x toward y: one step of the bit pattern. */
double nextafter(double x, double y) {
  if (x != x) return x;
  if (y != y) return y;
  if (x == y) return y;
  uint64_t u = libm_bits(x);
  if (x == 0)
    u = (y > 0 ? 0 : 0x8000000000000000ull) | 1; /* the smallest subnormal, y's side */
  else if ((x < y) == (x > 0))
    u++;
  else
    u--;
  double r = libm_double(u);
  if (__builtin_isinf(r) || (r != 0 && __builtin_fabs(r) < 0x1p-1022) || r == 0) errno = ERANGE;
  return r;
}

/* fmod: the remainder of the integer significands by shift-and-subtract (exact, no rounding);
 * the exponent difference bounds the steps (at most ~2100). */
double fmod(double x, double y) {
  uint64_t ux = libm_bits(x), uy = libm_bits(y);
  uint32_t sx = (uint32_t)(ux >> 32) & 0x80000000u;
  int ex = (int)((ux >> 52) & 0x7ff), ey = (int)((uy >> 52) & 0x7ff);
  if (x != x || y != y) return x + y;
  if (ex == 0x7ff || y == 0) return libm_set_errno((x * y) / (x * y), EDOM);
  ux &= 0x7fffffffffffffffull;
  uy &= 0x7fffffffffffffffull;
  if (ux < uy) return x;
  if (ux == uy) return libm_make(sx, 0);
  uint64_t mx = ux & 0xfffffffffffffull, my = uy & 0xfffffffffffffull;
  /* Significands as integers with the hidden bit at bit 52; subnormals are normalized (their
   * exponent drops below 1) so that the long division starts with mx < 2 my. */
  if (ex) mx |= 0x10000000000000ull;
  else
    for (ex = 1; mx < 0x10000000000000ull; ex--) mx += mx;
  if (ey) my |= 0x10000000000000ull;
  else
    for (ey = 1; my < 0x10000000000000ull; ey--) my += my;
  for (int d = ex - ey; d > 0; d--) {
    if (mx >= my) mx -= my;
    mx += mx;
  }
  if (mx >= my) mx -= my;
  if (mx == 0) return libm_make(sx, 0);
  while (mx < 0x10000000000000ull) { /* normalize: the result has y's scale */
    mx += mx;
    ey--;
  }
  uint64_t r;
  if (ey >= 1) r = (mx - 0x10000000000000ull) | ((uint64_t)ey << 52);
  else r = mx >> (1 - ey); /* subnormal: the bits shifted out are zero (the result is exact) */
  return libm_double(r | ((uint64_t)sx << 32));
}

/* remainder: x - n y with n = x/y rounded to nearest even; from fmod by 2|y| (exact). */
double remainder(double x, double y) {
  if (x != x || y != y) return x + y;
  if (__builtin_isinf(x) || y == 0) return libm_set_errno((x * y) / (x * y), EDOM);
  double ax = __builtin_fabs(x), ay = __builtin_fabs(y);
  double r = ay <= 0x1p1022 ? fmod(ax, ay + ay) : ax;
  int odd = 0;
  if (r >= ay) {
    r -= ay;
    odd = 1;
  }
  /* r in [0, ay): subtract ay once more when past the middle (ay - r is exact there). */
  double rest = ay - r;
  if (r > rest || (r == rest && odd)) r -= ay;
  return __builtin_signbit(x) ? -r : r;
}
double drem(double x, double y) { return remainder(x, y); }
