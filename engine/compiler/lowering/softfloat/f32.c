/* binary32 sqrt and roundings through binary64: widen (exact), operate, round once back. For sqrt
 * the double rounding is innocuous (53 >= 2 * 24 + 2); the integral roundings are exact in
 * binary64. (+ - * / work on the words, f32_arith.c; comparisons, min and max too,
 * f32_compare.c.) NaN rules carry over: widening quiets a NaN and keeps its payload, narrowing
 * keeps the payload's top bits, and binary64's default NaN narrows to binary32's (0xFFC00000). */
#include "sf.h"

u64 f64_sqrt(u64);
u64 f64_ceil(u64);
u64 f64_floor(u64);
u64 f64_trunc(u64);
u64 f64_nearest(u64);

#define W(x) widen(x)
#define N(x) narrow(x)

u32 f32_sqrt(u32 a) { return N(f64_sqrt(W(a))); }
u32 f32_ceil(u32 a) { return N(f64_ceil(W(a))); }
u32 f32_floor(u32 a) { return N(f64_floor(W(a))); }
u32 f32_trunc(u32 a) { return N(f64_trunc(W(a))); }
u32 f32_nearest(u32 a) { return N(f64_nearest(W(a))); }
