/* libm_internal.h: what the math library's sources share: access to a double's bits, and
 * double-double arithmetic (a value carried as an unevaluated sum hi + lo, |lo| <= ulp(hi)/2)
 * built from error-free transformations, used where one rounding per step would cost more than
 * the 1 ulp budget. No FMA on wasm32 MVP, so exact products use Dekker's splitting. */
#ifndef LIBM_INTERNAL_H
#define LIBM_INTERNAL_H
#include <errno.h>
#include <stdint.h>

static inline uint64_t libm_bits(double x) {
  union {
    double d;
    uint64_t u;
  } v = {x};
  return v.u;
}
static inline double libm_double(uint64_t u) {
  union {
    uint64_t u;
    double d;
  } v = {u};
  return v.d;
}
/* The high word (sign, exponent, top 20 fraction bits): most decisions need only it, and 32-bit
 * operations are much cheaper than 64-bit ones on the machine. */
static inline uint32_t libm_hi(double x) { return (uint32_t)(libm_bits(x) >> 32); }
static inline uint32_t libm_lo(double x) { return (uint32_t)libm_bits(x); }
static inline double libm_make(uint32_t hi, uint32_t lo) {
  return libm_double(((uint64_t)hi << 32) | lo);
}

typedef struct {
  double hi, lo;
} dd_t;

/* hi + lo = a + b exactly, hi = fl(a + b) (Knuth; any magnitudes). */
static inline dd_t dd_two_sum(double a, double b) {
  double s = a + b;
  double bb = s - a;
  dd_t r = {s, (a - (s - bb)) + (b - bb)};
  return r;
}
/* Same when |a| >= |b| (or a == 0) (Dekker). */
static inline dd_t dd_fast_sum(double a, double b) {
  double s = a + b;
  dd_t r = {s, b - (s - a)};
  return r;
}
/* hi + lo = a * b exactly (Dekker/Veltkamp; |a|,|b| < 2^995, no underflow in the parts). */
static inline dd_t dd_two_prod(double a, double b) {
  const double split = 134217729.0; /* 2^27 + 1 */
  double p = a * b;
  double ta = split * a, tb = split * b;
  double ah = ta - (ta - a), al = a - ah;
  double bh = tb - (tb - b), bl = b - bh;
  dd_t r = {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
  return r;
}
static inline dd_t dd_add(dd_t a, dd_t b) {
  dd_t s = dd_two_sum(a.hi, b.hi);
  return dd_fast_sum(s.hi, s.lo + a.lo + b.lo);
}
static inline dd_t dd_add_d(dd_t a, double b) {
  dd_t s = dd_two_sum(a.hi, b);
  return dd_fast_sum(s.hi, s.lo + a.lo);
}
static inline dd_t dd_mul(dd_t a, dd_t b) {
  dd_t p = dd_two_prod(a.hi, b.hi);
  return dd_fast_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
static inline dd_t dd_mul_d(dd_t a, double b) {
  dd_t p = dd_two_prod(a.hi, b);
  return dd_fast_sum(p.hi, p.lo + a.lo * b);
}
/* a / b: one Newton correction of the double quotient with the exact residual. */
static inline dd_t dd_div(dd_t a, dd_t b) {
  double q = a.hi / b.hi;
  dd_t p = dd_two_prod(q, b.hi);
  double r = ((a.hi - p.hi) - p.lo + a.lo - q * b.lo) / b.hi;
  return dd_fast_sum(q, r);
}
static inline dd_t dd_sqrt(dd_t a) {
  double s = __builtin_sqrt(a.hi);
  dd_t p = dd_two_prod(s, s);
  return dd_fast_sum(s, ((a.hi - p.hi) - p.lo + a.lo) / (s + s));
}
static inline dd_t dd_make(double hi, double lo) {
  dd_t r = {hi, lo};
  return r;
}

/* x * 2^n for any int n, rounded once (ldexp's semantics). */
double __libm_scale(double x, int n);
/* (hi + lo) * 2^k rounded once, subnormal results included. */
double __libm_scale_dd(double hi, double lo, int k);

/* exp: e^x = 2^(*k) * (hi + lo), hi + lo in [0.98, 2.1], relative error < 2^-60. For |x| < 746. */
dd_t __libm_exp_dd(double xh, double xl, int *k);
/* log(x) for a positive finite x (subnormals too), absolute error < 2^-66 |log x| + 2^-100. */
dd_t __libm_log_dd(double x);
/* atan(y/x) for 0 <= y, 0 < x as double-doubles, in [0, pi/2]. */
dd_t __libm_atan2_dd(dd_t y, dd_t x);
/* x mod pi/2: returns the quadrant (0..3) and the remainder in [-pi/4, pi/4] as a double-double. */
int __libm_rem_pio2(double x, dd_t *r);

static inline double libm_set_errno(double r, int e) {
  errno = e;
  return r;
}

#include "libm_tables.h"
#endif
