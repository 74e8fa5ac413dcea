/* f64.div: restoring division of the significands on 32-bit words, one quotient bit per step (60
 * bits, the remainder's nonzeroness as the sticky bit), then rounded. */
#include "sf.h"

u64 f64_div(u64 a, u64 b) {
  u32 ah = hi32(a), al = lo32(a), bh = hi32(b), bl = lo32(b);
  u32 aa = clear_sign(ah), ba = clear_sign(bh);
  u32 sign = neg32(ah) != neg32(bh) ? opaque32(SIGN32) : 0;
  int za = zero64(aa, al), zb = zero64(ba, bl);
  if (aa >= F64_INF_HI || ba >= F64_INF_HI) {
    if (nan64(aa, al) || nan64(ba, bl)) return nan2(a, b);
    if (aa >= F64_INF_HI) return ba >= F64_INF_HI ? F64_DEFAULT_NAN : make64(sign + F64_INF_HI, 0);
    return make64(sign, 0); /* finite / inf */
  }
  if (zb) return za ? F64_DEFAULT_NAN : make64(sign + F64_INF_HI, 0);
  if (za) return make64(sign, 0);
  u32 ea = exp64(aa), eb = exp64(ba);
  u64 ma = sig64(aa, al, ea), mb = sig64(ba, bl, eb);
  int exp = (int)ea - (int)eb + 1023;
  if (ea == 0) {
    u64 n = clz64(ma) - 11;
    ma <<= n;
    exp += 1 - (int)n;
  }
  if (eb == 0) {
    u64 n = clz64(mb) - 11;
    mb <<= n;
    exp -= 1 - (int)n;
  }
  if (ma < mb) {
    ma += ma;
    exp--;
  }
  /* ma / mb in [1, 2): 60 quotient bits, the first (always 1) at bit 59, 28 into qh then 32 into
   * ql. The remainder r < 2 mb < 2^54 lives in two words (rh, rl), so that each step is a few i32
   * compares, adds and subtracts instead of 64-bit operations. */
  u32 mh = opaque32(hi32(mb)), ml = lo32(mb), rh = opaque32(hi32(ma)), rl = lo32(ma);
  /* opaque: clang would turn the carry test into rl >> 31 and an and, costly shifts and ands */
  u32 one = opaque32(1), top = opaque32(SIGN32), qh = 0, ql = 0;
#define DIV_STEP(q)                                         \
  do {                                                      \
    q += q;                                                 \
    if (rh > mh || (rh == mh && rl >= ml)) {                \
      if (rl < ml) rh -= one; /* the borrow */              \
      rh -= mh;                                             \
      rl -= ml;                                             \
      q += one;                                             \
    }                                                       \
    rh += rh;                                               \
    if (rl >= top) rh += one; /* the carry */               \
    rl += rl;                                               \
  } while (0)
  for (int i = 0; i < 28; i++) DIV_STEP(qh);
  for (int i = 0; i < 32; i++) DIV_STEP(ql);
#undef DIV_STEP
  u64 q = make64(qh, ql);
  u32 rest = opaque32(rh != 0) + opaque32(rl != 0);
  return pack64(sign, exp, q + q + opaque64(rest != 0));
}
