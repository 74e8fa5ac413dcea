/* f32 comparisons, min and max directly on the 32-bit words (no widening): the same rules as the
 * f64 ones (NaN unordered; min/max of a NaN give the default NaN 0xFFC00000, as V8 does;
 * min(-0, +0) = -0, max(-0, +0) = +0). */
#include "sf.h"

#define F32_DEFAULT_NAN 0xFFC00000u

SF_INLINE int nan32(u32 a) { return clear_sign(a) > F32_INF; }
SF_INLINE int any_nan32(u32 a, u32 b) { return nan32(a) || nan32(b); }

/* a < b, neither a NaN. */
SF_INLINE int lt32(u32 a, u32 b) {
  int na = neg32(a), nb = neg32(b);
  if (na != nb) {
    if (!na) return 0;
    return clear_sign(a) + clear_sign(b) != 0; /* -x < +y unless both are zeros */
  }
  return na ? a > b : a < b;
}
/* a == b, neither a NaN (+0 == -0). */
SF_INLINE int eq32(u32 a, u32 b) { return a == b || clear_sign(a) + clear_sign(b) == 0; }

int f32_eq(u32 a, u32 b) { return !any_nan32(a, b) && eq32(a, b); }
int f32_ne(u32 a, u32 b) { return any_nan32(a, b) || !eq32(a, b); }
int f32_lt(u32 a, u32 b) { return !any_nan32(a, b) && lt32(a, b); }
int f32_gt(u32 a, u32 b) { return !any_nan32(a, b) && lt32(b, a); }
int f32_le(u32 a, u32 b) { return !any_nan32(a, b) && !lt32(b, a); }
int f32_ge(u32 a, u32 b) { return !any_nan32(a, b) && !lt32(a, b); }

u32 f32_min(u32 a, u32 b) {
  if (any_nan32(a, b)) return F32_DEFAULT_NAN;
  if (eq32(a, b)) return neg32(a) ? a : b;
  return lt32(b, a) ? b : a;
}

u32 f32_max(u32 a, u32 b) {
  if (any_nan32(a, b)) return F32_DEFAULT_NAN;
  if (eq32(a, b)) return neg32(a) ? b : a;
  return lt32(a, b) ? b : a;
}
