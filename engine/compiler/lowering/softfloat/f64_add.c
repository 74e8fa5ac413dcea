/* f64.add and f64.sub: the larger magnitude first, the other aligned to it (shifted-out bits
 * jammed into a sticky bit), magnitudes added or subtracted, normalized, rounded to nearest even. */
#include "sf.h"

SF_INLINE u64 add_signed(u64 a, u64 b, u32 flip) {
  u32 ah = hi32(a), al = lo32(a), bh = hi32(b) + flip, bl = lo32(b);
  u32 aa = clear_sign(ah), ba = clear_sign(bh);
  if (aa >= F64_INF_HI || ba >= F64_INF_HI) {
    if (nan64(aa, al) || nan64(ba, bl)) return nan2(a, b);
    if (aa >= F64_INF_HI) {
      if (ba >= F64_INF_HI && neg32(ah) != neg32(bh)) return F64_DEFAULT_NAN; /* inf - inf */
      return a;
    }
    return make64(bh, bl);
  }
  /* a gets the larger magnitude (its sign is the result's unless the difference is 0) */
  if (aa < ba || (aa == ba && al < bl)) {
    u32 t = ah; ah = bh; bh = t;
    t = aa; aa = ba; ba = t;
    t = al; al = bl; bl = t;
  }
  u32 ea = exp64(aa), eb = exp64(ba);
  u64 ma = sig64(aa, al, ea), mb = sig64(ba, bl, eb);
  if (ea == 0) ea = 1;
  if (eb == 0) eb = 1;
  /* ma's top bit to 59 (7 spare bits, a carry reaches 60); mb the same, then aligned */
  ma <<= 7;
  u32 d = ea - eb;
  if (d <= 7) mb <<= 7 - d;
  else mb = shr_jam(mb, d - 7);
  u64 sig;
  if (neg32(ah) == neg32(bh)) {
    sig = ma + mb;
    if (sig < (1ull << 59)) return norm_pack64(sign_of(ah), (int)ea + 1, sig); /* subnormals */
  } else {
    sig = ma - mb;
    if (sig == 0) return 0; /* exact cancellation: +0 in round to nearest */
    if (sig < (1ull << 59)) return norm_pack64(sign_of(ah), (int)ea + 1, sig);
  }
  /* value = sig * 2^(ea - 1082): top bit at 59 or 60 */
  if (sig < (1ull << 60)) return pack64(sign_of(ah), (int)ea, sig + sig);
  return pack64(sign_of(ah), (int)ea + 1, sig);
}

u64 f64_add(u64 a, u64 b) { return add_signed(a, b, 0); }
u64 f64_sub(u64 a, u64 b) { return add_signed(a, b, opaque32(SIGN32)); }
