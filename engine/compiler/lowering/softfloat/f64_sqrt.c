/* f64.sqrt: digit-by-digit integer square root (two radicand bits per step), 55 root bits and the
 * remainder's nonzeroness as the sticky bit, then rounded (a square root is never a tie). */
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
   * top of t (m's pairs stay aligned: 10 is even), then zeros. */
  u64 t = m << 10, root = 0, rem = 0, one = opaque64(1); /* opaque: adds stay adds, not ors */
  for (int i = 0; i < 55; i++) {
    u32 th = hi32(t);
    u32 top = th >= 0xC0000000u ? 3 : th >= 0x80000000u ? 2 : th >= 0x40000000u ? 1 : 0;
    rem = (rem << 2) + opaque64(top);
    t <<= 2;
    u64 trial = (root << 2) + one;
    root += root;
    if (rem >= trial) {
      rem -= trial;
      root += one;
    }
  }
  /* sqrt(a) = root * 2^(e/2 - 28) = (root << 6) * 2^(exp - 1083) */
  return pack64(0, e / 2 + 1049, (root << 6) + opaque64(rem != 0));
}
