/* f64.mul: the 106-bit product of the significands from four 32x32->64 products (cheap on the
 * machine, unlike a 64-bit multiply), its high word kept with a sticky bit, then rounded. */
#include "sf.h"

/* The high 64 bits of a * b, ORed with 1 if the low 64 bits are not all zero. */
SF_INLINE u64 mul_hi_jam(u64 a, u64 b) {
  u64 a1 = a >> 32, a0 = (u32)a, b1 = b >> 32, b0 = (u32)b;
  u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  u64 mid = (p00 >> 32) + (u32)p01 + (u32)p10;
  u64 hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return hi | (((u32)mid | (u32)p00) != 0);
}

u64 f64_mul(u64 a, u64 b) {
  if (f64_is_nan(a) || f64_is_nan(b)) return f64_nan2(a, b);
  u64 sign = (a ^ b) & F64_SIGN;
  u64 aa = f64_abs_bits(a), ab = f64_abs_bits(b);
  if (aa == F64_INF || ab == F64_INF) {
    if (aa == 0 || ab == 0) return F64_DEFAULT_NAN; /* 0 * inf */
    return sign | F64_INF;
  }
  if (aa == 0 || ab == 0) return sign;
  int ea, eb;
  u64 ma = f64_unpack(a, &ea), mb = f64_unpack(b, &eb);
  /* (ma << 10) * (mb << 11) lies in [2^125, 2^127): the high word's top bit is at 61 or 62. */
  u64 sig = mul_hi_jam(ma << 10, mb << 11);
  return f64_norm_round_pack(sign, ea + eb - 1022, sig);
}
