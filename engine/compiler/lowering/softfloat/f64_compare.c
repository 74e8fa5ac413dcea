/* f64 comparisons (any NaN is unordered: only ne is true), min and max (min(-0, +0) = -0,
 * max(-0, +0) = +0; a NaN operand gives the default NaN 0xFFF8000000000000 whatever its payload:
 * V8 on x86-64 does so, unlike the arithmetic, which returns the first NaN operand quieted). */
#include "sf.h"

SF_INLINE int any_nan(u64 a, u64 b) { return f64_is_nan(a) || f64_is_nan(b); }

int f64_eq(u64 a, u64 b) { return !any_nan(a, b) && f64_eq_ordered(a, b); }
int f64_ne(u64 a, u64 b) { return any_nan(a, b) || !f64_eq_ordered(a, b); }
int f64_lt(u64 a, u64 b) { return !any_nan(a, b) && f64_lt_ordered(a, b); }
int f64_gt(u64 a, u64 b) { return !any_nan(a, b) && f64_lt_ordered(b, a); }
int f64_le(u64 a, u64 b) { return !any_nan(a, b) && !f64_lt_ordered(b, a); }
int f64_ge(u64 a, u64 b) { return !any_nan(a, b) && !f64_lt_ordered(a, b); }

u64 f64_min(u64 a, u64 b) {
  if (any_nan(a, b)) return F64_DEFAULT_NAN;
  if (((a | b) << 1) == 0) return a | b; /* both zeros: -0 if either is */
  return f64_lt_ordered(b, a) ? b : a;
}

u64 f64_max(u64 a, u64 b) {
  if (any_nan(a, b)) return F64_DEFAULT_NAN;
  if (((a | b) << 1) == 0) return a & b; /* both zeros: +0 if either is */
  return f64_lt_ordered(a, b) ? b : a;
}
