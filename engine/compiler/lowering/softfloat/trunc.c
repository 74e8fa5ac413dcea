/* Float -> integer truncations: i32/i64.trunc_f32/f64_s/u trap (code 7, "float unrepresentable in
 * integer range") on NaN and out of range exactly where WebAssembly does; the trunc_sat forms
 * saturate (NaN -> 0). binary32 operands are widened to binary64 first (exact). Range checks
 * compare |x|'s bits (ordered like the magnitudes; a NaN's are above every limit) with the first
 * magnitude that does not truncate into range. */
#include "sf.h"

/* floor(|a|) for finite |a| < 2^64. */
SF_INLINE u64 trunc_magnitude(u64 a) {
  int ex = f64_exp(a);
  if (ex < 1023) return 0;
  u64 m = f64_frac(a) | (1ull << 52);
  return ex >= 1075 ? m << (ex - 1075) : m >> (1075 - ex);
}

/* 2^31, 2^31 + 1, 2^32, 1, 2^63, the next binary64 above 2^63, 2^64 */
#define LIM_2_31 0x41E0000000000000ull
#define LIM_2_31_PLUS_1 0x41E0000000200000ull
#define LIM_2_32 0x41F0000000000000ull
#define LIM_1 0x3FF0000000000000ull
#define LIM_2_63 0x43E0000000000000ull
#define LIM_ABOVE_2_63 0x43E0000000000001ull
#define LIM_2_64 0x43F0000000000000ull

SF_INLINE u64 trunc_checked(u64 a, u64 pos_limit, u64 neg_limit) {
  u64 m = f64_abs_bits(a);
  int neg = f64_is_neg(a);
  if (m >= (neg ? neg_limit : pos_limit)) tvm_trap(TRAP_INVALID_CONVERSION);
  u64 t = trunc_magnitude(a);
  return neg ? 0 - t : t;
}

/* Saturating: NaN -> 0, beyond the range -> its nearest end. */
SF_INLINE u64 trunc_sat(u64 a, u64 pos_limit, u64 neg_limit, u64 pos_max, u64 neg_min) {
  u64 m = f64_abs_bits(a);
  if (m > F64_INF) return 0;
  int neg = f64_is_neg(a);
  if (m >= (neg ? neg_limit : pos_limit)) return neg ? neg_min : pos_max;
  u64 t = trunc_magnitude(a);
  return neg ? 0 - t : t;
}

u32 i32_trunc_f64_s(u64 a) { return (u32)trunc_checked(a, LIM_2_31, LIM_2_31_PLUS_1); }
u32 i32_trunc_f64_u(u64 a) { return (u32)trunc_checked(a, LIM_2_32, LIM_1); }
u64 i64_trunc_f64_s(u64 a) { return trunc_checked(a, LIM_2_63, LIM_ABOVE_2_63); }
u64 i64_trunc_f64_u(u64 a) { return trunc_checked(a, LIM_2_64, LIM_1); }
u32 i32_trunc_f32_s(u32 a) { return i32_trunc_f64_s(f32_to_f64_bits(a)); }
u32 i32_trunc_f32_u(u32 a) { return i32_trunc_f64_u(f32_to_f64_bits(a)); }
u64 i64_trunc_f32_s(u32 a) { return i64_trunc_f64_s(f32_to_f64_bits(a)); }
u64 i64_trunc_f32_u(u32 a) { return i64_trunc_f64_u(f32_to_f64_bits(a)); }

u32 i32_trunc_sat_f64_s(u64 a) {
  return (u32)trunc_sat(a, LIM_2_31, LIM_2_31_PLUS_1, 0x7FFFFFFFu, 0xFFFFFFFF80000000ull);
}
u32 i32_trunc_sat_f64_u(u64 a) { return (u32)trunc_sat(a, LIM_2_32, LIM_1, 0xFFFFFFFFu, 0); }
u64 i64_trunc_sat_f64_s(u64 a) {
  return trunc_sat(a, LIM_2_63, LIM_ABOVE_2_63, 0x7FFFFFFFFFFFFFFFull, 0x8000000000000000ull);
}
u64 i64_trunc_sat_f64_u(u64 a) { return trunc_sat(a, LIM_2_64, LIM_1, 0xFFFFFFFFFFFFFFFFull, 0); }
u32 i32_trunc_sat_f32_s(u32 a) { return i32_trunc_sat_f64_s(f32_to_f64_bits(a)); }
u32 i32_trunc_sat_f32_u(u32 a) { return i32_trunc_sat_f64_u(f32_to_f64_bits(a)); }
u64 i64_trunc_sat_f32_s(u32 a) { return i64_trunc_sat_f64_s(f32_to_f64_bits(a)); }
u64 i64_trunc_sat_f32_u(u32 a) { return i64_trunc_sat_f64_u(f32_to_f64_bits(a)); }
