/* f64.mul: the 106-bit product of the significands from 32x32->64 products (products of a zero
 * word skipped: short significands such as 1.5's have one), its top 57 or 58 bits kept with a
 * sticky bit, then rounded. */
#include "sf.h"

u64 f64_mul(u64 a, u64 b) {
  u32 ah = hi32(a), al = lo32(a), bh = hi32(b), bl = lo32(b);
  u32 aa = clear_sign(ah), ba = clear_sign(bh);
  u32 sign = neg32(ah) != neg32(bh) ? opaque32(SIGN32) : 0;
  int za = zero64(aa, al), zb = zero64(ba, bl);
  if (aa >= F64_INF_HI || ba >= F64_INF_HI) {
    if (nan64(aa, al) || nan64(ba, bl)) return nan2(a, b);
    if (za || zb) return F64_DEFAULT_NAN; /* 0 * inf */
    return make64(sign + F64_INF_HI, 0);
  }
  if (za || zb) return make64(sign, 0);
  u32 ea = exp64(aa), eb = exp64(ba);
  u64 ma = sig64(aa, al, ea), mb = sig64(ba, bl, eb);
  int e = (int)ea + (int)eb;
  if (ea == 0) { /* subnormal: normalize to a top bit at 52 */
    u64 n = clz64(ma) - 11;
    ma <<= n;
    e += 1 - (int)n;
  }
  if (eb == 0) {
    u64 n = clz64(mb) - 11;
    mb <<= n;
    e += 1 - (int)n;
  }
  /* P = ma * mb in [2^104, 2^106) from four 32x32->64 products of the words (a multiply costs
   * about one step per bit of its smaller operand: three of them have a 21-bit one). */
  u32 a1 = opaque32(hi32(ma)), a0 = lo32(ma), b1 = opaque32(hi32(mb)), b0 = lo32(mb);
  u64 p11 = (u64)a1 * b1;
  u64 p10 = b0 ? (u64)a1 * b0 : 0;
  u64 p01 = a0 ? (u64)a0 * b1 : 0;
  u64 p00 = a0 && b0 ? (u64)a0 * b0 : 0;
  /* t = (P >> 32) - (p11 << 32) < 2^55; P >> 48 = (p11 << 16) + (t >> 16), its top bit at 56 or 57 */
  u64 t = p10 + p01 + hi32(p00);
  u64 top = (p11 << 16) + (t >> 16);
  /* the 48 bits below: the sticky bit, under three more bits (top bit then at 59 or 60) */
  u32 sticky = opaque32((lo32(p00) != 0) + ((lo32(t) & 0xFFFF) != 0));
  u64 sig = (top << 3) + opaque64(sticky != 0);
  /* value = P * 2^(e - 2150) = sig * 2^(e - 2150 + 45) */
  if (sig < (1ull << 60)) return pack64(sign, e - 1022 - 1, sig + sig);
  return pack64(sign, e - 1022, sig);
}
