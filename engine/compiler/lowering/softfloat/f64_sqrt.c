/* f64.sqrt: digit-by-digit integer square root (two radicand bits per step) on 32-bit words, 55
 * root bits and the remainder's nonzeroness as the sticky bit, then rounded (a square root is
 * never a tie). */
#include "sf.h"

u64 f64_sqrt(u64 a) {
  u32 h = hi32(a), l = lo32(a), ah = clear_sign(h);
  if (nan64(ah, l)) return quiet64(h, ah, l);
  if (zero64(ah, l)) return a; /* sqrt(-0) = -0 */
  if (neg32(h)) return F64_DEFAULT_NAN;
  if (ah == F64_INF_HI) return a;
  u32 ex = exp64(ah);
  u64 m = sig64(ah, l, ex);
  int e = (int)ex - 1075; /* a = m * 2^e */
  if (ex == 0) {
    u64 n = clz64(m) - 11;
    m <<= n;
    e += 1 - (int)n;
  }
  if (e & 1) {
    m += m;
    e--;
  }
  /* root = floor(sqrt(m * 2^56)) in [2^54, 2^55); the radicand's bits come two at a time from the
   * top of t = m << 10 (m's pairs stay aligned: 10 is even), then zeros. t, the remainder
   * (rem <= 2 root < 2^56), the root and the trial divisor 4 root + 1 each live in two words, so
   * that a step is i32 compares, adds and subtracts; a word's top two bits are read by compares
   * with opaque constants (clang would shift by 30, a costly shift on the machine). */
  u64 t = m << 10;
  u32 sh = opaque32(hi32(t)), sl = lo32(t), rh = 0, rl = 0, oh = 0, ol = 0;
  u32 one = opaque32(1), q1 = opaque32(0x40000000u), q2 = opaque32(0x80000000u), q3 = opaque32(0xC0000000u);
#define TOP2(x) ((x) >= q3 ? 3u : (x) >= q2 ? 2u : (x) >= q1 ? 1u : 0u)
  /* 16 pairs from sh, 16 from sl (the last 5 zeros), 23 zero pairs */
  for (int i = 0; i < 55; i++) {
    u32 pair = 0;
    if (i < 16) {
      pair = opaque32(TOP2(sh));
      sh <<= 2;
    } else if (i < 32) {
      pair = opaque32(TOP2(sl));
      sl <<= 2;
    }
    rh = (rh << 2) + opaque32(TOP2(rl)); /* rem = 4 rem + pair */
    rl = (rl << 2) + pair;
    u32 th = (oh << 2) + opaque32(TOP2(ol)), tl = (ol << 2) + one; /* trial = 4 root + 1 */
    oh += oh; /* root = 2 root */
    if (ol >= q2) oh += one;
    ol += ol;
    if (rh > th || (rh == th && rl >= tl)) {
      if (rl < tl) rh -= one; /* the borrow */
      rh -= th;
      rl -= tl;
      ol += one;
    }
  }
#undef TOP2
  u64 root = make64(oh, ol);
  u32 rest = opaque32(rh != 0) + opaque32(rl != 0);
  /* sqrt(a) = root * 2^(e/2 - 28) = (root << 6) * 2^(exp - 1083) */
  return pack64(0, e / 2 + 1049, (root << 6) + opaque64(rest != 0));
}
