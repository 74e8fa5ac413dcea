/* Float -> integer truncations: i32/i64.trunc_f32/f64_s/u trap (code 7, "float unrepresentable in
 * integer range") on NaN and out of range exactly where WebAssembly does; the trunc_sat forms
 * saturate (NaN -> 0). binary32 -> i32 works on the word; binary32 -> i64 widens to binary64 first
 * (exact). Range checks compare |x|'s bits (ordered like the magnitudes; a NaN's are above every
 * limit) with the first magnitude that does not truncate into range. */
#include "sf.h"

/* 2^31, 2^31 + 1, 2^32, 1, 2^63, the next binary64 above 2^63, 2^64 */
#define LIM_2_31 0x41E0000000000000ull
#define LIM_2_31_PLUS_1 0x41E0000000200000ull
#define LIM_2_32 0x41F0000000000000ull
#define LIM_1 0x3FF0000000000000ull
#define LIM_2_63 0x43E0000000000000ull
#define LIM_ABOVE_2_63 0x43E0000000000001ull
#define LIM_2_64 0x43F0000000000000ull

/* floor(|a|) for |a| < 2^64 (mag: a's bits without the sign). */
SF_INLINE u64 trunc_magnitude(u64 mag) {
  u32 ah = hi32(mag), ex = exp64(ah);
  if (ex < 1023) return 0;
  u64 m = sig64(ah, lo32(mag), ex);
  return ex >= 1075 ? m << (ex - 1075) : m >> (1075 - ex);
}

SF_INLINE u64 trunc_checked(u64 a, u64 pos_limit, u64 neg_limit) {
  u32 h = hi32(a);
  int neg = neg32(h);
  u64 mag = make64(clear_sign(h), lo32(a));
  if (mag >= (neg ? neg_limit : pos_limit)) tvm_trap(TRAP_INVALID_CONVERSION);
  u64 t = trunc_magnitude(mag);
  return neg ? 0 - t : t;
}

/* Saturating: NaN -> 0, beyond the range -> its nearest end. */
SF_INLINE u64 trunc_sat(u64 a, u64 pos_limit, u64 neg_limit, u64 pos_max, u64 neg_min) {
  u32 h = hi32(a);
  int neg = neg32(h);
  u64 mag = make64(clear_sign(h), lo32(a));
  if (mag > F64_INF) return 0;
  if (mag >= (neg ? neg_limit : pos_limit)) return neg ? neg_min : pos_max;
  u64 t = trunc_magnitude(mag);
  return neg ? 0 - t : t;
}

u32 i32_trunc_f64_s(u64 a) { return (u32)trunc_checked(a, LIM_2_31, LIM_2_31_PLUS_1); }
u32 i32_trunc_f64_u(u64 a) { return (u32)trunc_checked(a, LIM_2_32, LIM_1); }
u64 i64_trunc_f64_s(u64 a) { return trunc_checked(a, LIM_2_63, LIM_ABOVE_2_63); }
u64 i64_trunc_f64_u(u64 a) { return trunc_checked(a, LIM_2_64, LIM_1); }

/* binary32 -> i32 on the word: the limits as binary32 bits (2^31, the next binary32 above 2^31,
 * 2^32, 1) and floor(|a|) from the 24-bit significand. */
#define LIM32_2_31 0x4F000000u
#define LIM32_ABOVE_2_31 0x4F000001u
#define LIM32_2_32 0x4F800000u
#define LIM32_1 0x3F800000u

/* floor(|a|) for sign-cleared binary32 bits aa < 2^32 in value. */
SF_INLINE u32 trunc_magnitude32(u32 aa) {
  u32 ex = exp32(aa);
  if (ex < 127) return 0;
  u32 m = aa - ((ex - 1) << 23);
  return ex >= 150 ? m << (ex - 150) : m >> (150 - ex);
}

SF_INLINE u32 trunc_checked32(u32 a, u32 pos_limit, u32 neg_limit) {
  u32 aa = clear_sign(a);
  int neg = neg32(a);
  if (aa >= (neg ? neg_limit : pos_limit)) tvm_trap(TRAP_INVALID_CONVERSION);
  u32 t = trunc_magnitude32(aa);
  return neg ? 0 - t : t;
}

SF_INLINE u32 trunc_sat32(u32 a, u32 pos_limit, u32 neg_limit, u32 pos_max, u32 neg_min) {
  u32 aa = clear_sign(a);
  if (aa > F32_INF) return 0;
  int neg = neg32(a);
  if (aa >= (neg ? neg_limit : pos_limit)) return neg ? neg_min : pos_max;
  u32 t = trunc_magnitude32(aa);
  return neg ? 0 - t : t;
}

u32 i32_trunc_f32_s(u32 a) { return trunc_checked32(a, LIM32_2_31, LIM32_ABOVE_2_31); }
u32 i32_trunc_f32_u(u32 a) { return trunc_checked32(a, LIM32_2_32, LIM32_1); }
u64 i64_trunc_f32_s(u32 a) { return trunc_checked(widen(a), LIM_2_63, LIM_ABOVE_2_63); }
u64 i64_trunc_f32_u(u32 a) { return trunc_checked(widen(a), LIM_2_64, LIM_1); }

u32 i32_trunc_sat_f64_s(u64 a) {
  return (u32)trunc_sat(a, LIM_2_31, LIM_2_31_PLUS_1, 0x7FFFFFFFu, 0xFFFFFFFF80000000ull);
}
u32 i32_trunc_sat_f64_u(u64 a) { return (u32)trunc_sat(a, LIM_2_32, LIM_1, 0xFFFFFFFFu, 0); }
u64 i64_trunc_sat_f64_s(u64 a) {
  return trunc_sat(a, LIM_2_63, LIM_ABOVE_2_63, 0x7FFFFFFFFFFFFFFFull, 0x8000000000000000ull);
}
u64 i64_trunc_sat_f64_u(u64 a) { return trunc_sat(a, LIM_2_64, LIM_1, 0xFFFFFFFFFFFFFFFFull, 0); }
u32 i32_trunc_sat_f32_s(u32 a) { return trunc_sat32(a, LIM32_2_31, LIM32_ABOVE_2_31, 0x7FFFFFFFu, SIGN32); }
u32 i32_trunc_sat_f32_u(u32 a) { return trunc_sat32(a, LIM32_2_32, LIM32_1, 0xFFFFFFFFu, 0); }
u64 i64_trunc_sat_f32_s(u32 a) {
  return trunc_sat(widen(a), LIM_2_63, LIM_ABOVE_2_63, 0x7FFFFFFFFFFFFFFFull, 0x8000000000000000ull);
}
u64 i64_trunc_sat_f32_u(u32 a) { return trunc_sat(widen(a), LIM_2_64, LIM_1, 0xFFFFFFFFFFFFFFFFull, 0); }
