/* f64.sqrt: digit-by-digit integer square root (two radicand bits per step), 55 root bits and the
 * remainder's nonzeroness as the sticky bit, then rounded (a square root is never a tie). */
#include "sf.h"

u64 f64_sqrt(u64 a) {
  if (f64_is_nan(a)) return f64_quiet(a);
  if (f64_abs_bits(a) == 0) return a; /* sqrt(-0) = -0 */
  if (f64_is_neg(a)) return F64_DEFAULT_NAN;
  if (a == F64_INF) return a;
  int e;
  u64 m = f64_unpack(a, &e);
  e -= 1075; /* a = m * 2^e */
  if (e & 1) {
    m <<= 1;
    e--;
  }
  /* root = floor(sqrt(m * 2^56)) in [2^54, 2^55); the radicand's bits come two at a time from the
   * top of t (m's pairs stay aligned: 10 is even), then zeros. */
  u64 t = m << 10, root = 0, rem = 0;
  for (int i = 0; i < 55; i++) {
    rem = (rem << 2) + (t >> 62);
    t <<= 2;
    u64 trial = (root << 2) + 1;
    root <<= 1;
    if (rem >= trial) {
      rem -= trial;
      root++;
    }
  }
  /* sqrt(a) = root * 2^(e/2 - 28) = root * 2^(exp - 1085) */
  return f64_norm_round_pack(0, e / 2 + 1057, root | (rem != 0));
}
