/* f64.div: restoring division of the significands, one quotient bit per step (61 bits, the
 * remainder's nonzeroness as the sticky bit), then rounded. */
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
  /* ma / mb in [1, 2): 60 quotient bits, the first (always 1) at bit 59 */
  u64 q = 0, r = ma, one = opaque64(1); /* opaque: q + q + 1 stays an add, not an or */
  for (int i = 0; i < 60; i++) {
    q += q;
    if (r >= mb) {
      r -= mb;
      q += one;
    }
    r += r;
  }
  return pack64(sign, exp, q + q + opaque64(r != 0));
}
