/* f64.div: restoring division of the significands, one quotient bit per step (63 bits, the
 * remainder's nonzeroness as the sticky bit), then rounded. */
#include "sf.h"

u64 f64_div(u64 a, u64 b) {
  if (f64_is_nan(a) || f64_is_nan(b)) return f64_nan2(a, b);
  u64 sign = (a ^ b) & F64_SIGN;
  u64 aa = f64_abs_bits(a), ab = f64_abs_bits(b);
  if (aa == F64_INF) return ab == F64_INF ? F64_DEFAULT_NAN : sign | F64_INF;
  if (ab == F64_INF) return sign;
  if (ab == 0) return aa == 0 ? F64_DEFAULT_NAN : sign | F64_INF;
  if (aa == 0) return sign;
  int ea, eb;
  u64 ma = f64_unpack(a, &ea), mb = f64_unpack(b, &eb);
  int exp = ea - eb + 1023;
  if (ma < mb) {
    ma <<= 1;
    exp--;
  }
  /* ma / mb in [1, 2): 63 quotient bits, the first (always 1) at bit 62. */
  u64 q = 0, r = ma;
  for (int i = 0; i < 63; i++) {
    q <<= 1;
    if (r >= mb) {
      r -= mb;
      q++;
    }
    r <<= 1;
  }
  return f64_round_pack(sign, exp, q | (r != 0));
}
