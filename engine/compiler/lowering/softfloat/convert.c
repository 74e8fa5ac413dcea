/* Integer -> float conversions (f32/f64.convert_i32/i64_s/u), rounded to nearest even, and
 * f32.demote_f64 / f64.promote_f32. */
#include "sf.h"

/* |x| as a binary64 of the given sign; x < 2^64. */
SF_INLINE u64 u64_to_f64(u64 sign, u64 x) {
  if ((i64)x < 0) return f64_round_pack(sign, 1086, (x >> 1) | (x & 1));
  return f64_norm_round_pack(sign, 1085, x);
}
SF_INLINE u32 u64_to_f32(u32 sign, u64 x) {
  if ((i64)x < 0) return f32_round_pack(sign, 190, (x >> 1) | (x & 1));
  return f32_norm_round_pack(sign, 189, x);
}

u64 f64_convert_i32_s(i32 x) {
  return x < 0 ? u64_to_f64(F64_SIGN, (u64)(0u - (u32)x)) : u64_to_f64(0, (u32)x);
}
u64 f64_convert_i32_u(u32 x) { return u64_to_f64(0, x); }
u64 f64_convert_i64_s(i64 x) { return x < 0 ? u64_to_f64(F64_SIGN, 0 - (u64)x) : u64_to_f64(0, (u64)x); }
u64 f64_convert_i64_u(u64 x) { return u64_to_f64(0, x); }

u32 f32_convert_i32_s(i32 x) {
  return x < 0 ? u64_to_f32(F32_SIGN, (u64)(0u - (u32)x)) : u64_to_f32(0, (u32)x);
}
u32 f32_convert_i32_u(u32 x) { return u64_to_f32(0, x); }
u32 f32_convert_i64_s(i64 x) { return x < 0 ? u64_to_f32(F32_SIGN, 0 - (u64)x) : u64_to_f32(0, (u64)x); }
u32 f32_convert_i64_u(u64 x) { return u64_to_f32(0, x); }

u32 f32_demote_f64(u64 a) { return f64_to_f32_bits(a); }
u64 f64_promote_f32(u32 a) { return f32_to_f64_bits(a); }
