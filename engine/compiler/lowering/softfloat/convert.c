/* Integer -> float conversions (f32/f64.convert_i32/i64_s/u), rounded to nearest even, and
 * f32.demote_f64 / f64.promote_f32. */
#include "sf.h"

/* A nonzero x < 2^32 as binary64, exactly: its top bit at 31 after n = clz shifts, the implicit bit
 * landing in the exponent field (hence the biased exponent minus 1). */
SF_INLINE u64 u32_to_f64(u32 sign, u32 x) {
  if (x == 0) return make64(sign, 0);
  int n = __builtin_clz(x);
  x <<= n;
  return make64(sign + ((u32)(1054 - 1 - n) << 20), 0) + ((u64)x << 21);
}

/* x < 2^64 as binary64 of the given sign: 2^64 > x >= 2^61 is shifted right with a sticky bit. */
SF_INLINE u64 u64_to_f64(u32 sign, u64 x) {
  if (hi32(x) == 0) return u32_to_f64(sign, lo32(x));
  if (x >= (1ull << 61)) {
    u32 n = 3 - (u32)clz64(x); /* the top bit at 61..63: 1..3 */
    return pack64(sign, 1083 + (int)n, shr_jam(x, n));
  }
  return norm_pack64(sign, 1083, x);
}

SF_INLINE u32 u64_to_f32(u32 sign, u64 x) { return norm_pack32(sign, 182, x); }

u64 f64_convert_i32_s(i32 x) { return x < 0 ? u32_to_f64(opaque32(SIGN32), 0u - (u32)x) : u32_to_f64(0, (u32)x); }
u64 f64_convert_i32_u(u32 x) { return u32_to_f64(0, x); }
u64 f64_convert_i64_s(i64 x) { return x < 0 ? u64_to_f64(opaque32(SIGN32), 0 - (u64)x) : u64_to_f64(0, (u64)x); }
u64 f64_convert_i64_u(u64 x) { return u64_to_f64(0, x); }

u32 f32_convert_i32_s(i32 x) { return x < 0 ? u64_to_f32(opaque32(SIGN32), 0u - (u32)x) : u64_to_f32(0, (u32)x); }
u32 f32_convert_i32_u(u32 x) { return u64_to_f32(0, x); }
u32 f32_convert_i64_s(i64 x) { return x < 0 ? u64_to_f32(opaque32(SIGN32), 0 - (u64)x) : u64_to_f32(0, (u64)x); }
u32 f32_convert_i64_u(u64 x) { return u64_to_f32(0, x); }

u32 f32_demote_f64(u64 a) { return narrow(a); }
u64 f64_promote_f32(u32 a) { return widen(a); }
