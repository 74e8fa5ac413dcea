/* binary32 operations through binary64: widen (exact), operate, round once back. For + - * / sqrt
 * the double rounding is innocuous (53 >= 2 * 24 + 2); the integral roundings, min, max and the
 * comparisons are exact in binary64. NaN rules carry over: widening quiets a NaN and keeps its
 * payload, narrowing keeps the payload's top bits, and binary64's default NaN narrows to
 * binary32's (0xFFC00000). */
#include "sf.h"

u64 f64_add(u64, u64);
u64 f64_sub(u64, u64);
u64 f64_mul(u64, u64);
u64 f64_div(u64, u64);
u64 f64_sqrt(u64);
u64 f64_min(u64, u64);
u64 f64_max(u64, u64);
u64 f64_ceil(u64);
u64 f64_floor(u64);
u64 f64_trunc(u64);
u64 f64_nearest(u64);
int f64_eq(u64, u64);
int f64_ne(u64, u64);
int f64_lt(u64, u64);
int f64_gt(u64, u64);
int f64_le(u64, u64);
int f64_ge(u64, u64);

#define W(x) f32_to_f64_bits(x)
#define N(x) f64_to_f32_bits(x)

u32 f32_add(u32 a, u32 b) { return N(f64_add(W(a), W(b))); }
u32 f32_sub(u32 a, u32 b) { return N(f64_sub(W(a), W(b))); }
u32 f32_mul(u32 a, u32 b) { return N(f64_mul(W(a), W(b))); }
u32 f32_div(u32 a, u32 b) { return N(f64_div(W(a), W(b))); }
u32 f32_sqrt(u32 a) { return N(f64_sqrt(W(a))); }
u32 f32_min(u32 a, u32 b) { return N(f64_min(W(a), W(b))); }
u32 f32_max(u32 a, u32 b) { return N(f64_max(W(a), W(b))); }
u32 f32_ceil(u32 a) { return N(f64_ceil(W(a))); }
u32 f32_floor(u32 a) { return N(f64_floor(W(a))); }
u32 f32_trunc(u32 a) { return N(f64_trunc(W(a))); }
u32 f32_nearest(u32 a) { return N(f64_nearest(W(a))); }
int f32_eq(u32 a, u32 b) { return f64_eq(W(a), W(b)); }
int f32_ne(u32 a, u32 b) { return f64_ne(W(a), W(b)); }
int f32_lt(u32 a, u32 b) { return f64_lt(W(a), W(b)); }
int f32_gt(u32 a, u32 b) { return f64_gt(W(a), W(b)); }
int f32_le(u32 a, u32 b) { return f64_le(W(a), W(b)); }
int f32_ge(u32 a, u32 b) { return f64_ge(W(a), W(b)); }
