/* f32.add, f32.sub, f32.mul, f32.div on 32-bit words (cheaper than through binary64): a 24-bit
 * significand fits a word with guard bits, the product is one 32x32->64 multiply, the quotient 32
 * steps of word compares and subtractions. Rounded by pack32 (sf.h). */
#include "sf.h"

#define F32_DEFAULT_NAN 0xFFC00000u
#define F32_QUIET 0x400000u

/* An operation with NaN operand(s) returns the first NaN operand, made quiet. */
SF_INLINE u32 nan2_32(u32 a, u32 b) {
  u32 x = clear_sign(a) > F32_INF ? a : b;
  return clear_sign(x) < F32_INF + F32_QUIET ? x + F32_QUIET : x;
}

/* The significand with its implicit bit (a subnormal's without) and the biased exponent (1 for a
 * subnormal), from sign-cleared bits. */
SF_INLINE u32 sig32(u32 aa, u32 *e) {
  u32 ex = exp32(aa);
  if (ex == 0) {
    *e = 1;
    return aa;
  }
  *e = ex;
  return aa - ((ex - 1) << 23);
}

/* x >> n with the bits shifted out ORed into bit 0, for 1 <= n. */
SF_INLINE u32 shr_jam32(u32 x, u32 n) {
  if (n >= 32) return x != 0;
  u32 y = x >> n;
  if ((y << n) != x && opaque32(y << 31) == 0) y++;
  return y;
}

/* a + b with b's sign flipped by flip (0 or 0x80000000): a NaN operand is returned unflipped. */
SF_INLINE u32 add32(u32 a, u32 b0, u32 flip) {
  u32 b = b0 + flip;
  u32 aa = clear_sign(a), ba = clear_sign(b);
  if (aa >= F32_INF || ba >= F32_INF) {
    if (aa > F32_INF || ba > F32_INF) return nan2_32(a, b0);
    if (aa == F32_INF) return ba == F32_INF && neg32(a) != neg32(b) ? F32_DEFAULT_NAN : a;
    return b;
  }
  if (aa < ba) { /* a gets the larger magnitude */
    u32 t = a; a = b; b = t;
    t = aa; aa = ba; ba = t;
  }
  u32 ea, eb;
  u32 ma = sig32(aa, &ea) << 7, mb = sig32(ba, &eb); /* ma's top bit at 30 (or lower: subnormal) */
  u32 d = ea - eb;
  mb = d <= 7 ? mb << (7 - d) : shr_jam32(mb, d - 7);
  u32 sum;
  if (neg32(a) == neg32(b)) {
    sum = ma + mb;
  } else {
    sum = ma - mb;
    if (sum == 0) return 0; /* exact cancellation: +0 */
  }
  /* sum * 2^(ea - 157): the top bit to 31, then the word is the high half of a 56-bit sig */
  u32 n = (u32)__builtin_clz(sum);
  sum <<= n;
  return pack32(sign_of(a), (int)ea + 1 - (int)n, make64(sum, 0) >> 8);
}

u32 f32_add(u32 a, u32 b) { return add32(a, b, 0); }
u32 f32_sub(u32 a, u32 b) { return add32(a, b, opaque32(SIGN32)); }

u32 f32_mul(u32 a, u32 b) {
  u32 aa = clear_sign(a), ba = clear_sign(b);
  u32 sign = neg32(a) != neg32(b) ? opaque32(SIGN32) : 0;
  if (aa >= F32_INF || ba >= F32_INF) {
    if (aa > F32_INF || ba > F32_INF) return nan2_32(a, b);
    if (aa == 0 || ba == 0) return F32_DEFAULT_NAN; /* 0 * inf */
    return sign + F32_INF;
  }
  if (aa == 0 || ba == 0) return sign;
  u32 ea, eb;
  u32 ma = sig32(aa, &ea), mb = sig32(ba, &eb);
  int e = (int)ea + (int)eb;
  /* normalize subnormals to a top bit at 23 */
  u32 na = (u32)__builtin_clz(ma) - 8, nb = (u32)__builtin_clz(mb) - 8;
  ma <<= na;
  mb <<= nb;
  e -= (int)(na + nb);
  /* the exact product in [2^46, 2^48), its top bit moved to 55 */
  u64 p = ((u64)ma * mb) << 8;
  if (p < (1ull << 55)) return pack32(sign, e - 127, p + p);
  return pack32(sign, e - 126, p);
}

u32 f32_div(u32 a, u32 b) {
  u32 aa = clear_sign(a), ba = clear_sign(b);
  u32 sign = neg32(a) != neg32(b) ? opaque32(SIGN32) : 0;
  if (aa >= F32_INF || ba >= F32_INF) {
    if (aa > F32_INF || ba > F32_INF) return nan2_32(a, b);
    if (aa == F32_INF) return ba == F32_INF ? F32_DEFAULT_NAN : sign + F32_INF;
    return sign; /* finite / inf */
  }
  if (ba == 0) return aa == 0 ? F32_DEFAULT_NAN : sign + F32_INF;
  if (aa == 0) return sign;
  u32 ea, eb;
  u32 ma = sig32(aa, &ea), mb = sig32(ba, &eb);
  u32 na = (u32)__builtin_clz(ma) - 8, nb = (u32)__builtin_clz(mb) - 8;
  ma <<= na;
  mb <<= nb;
  int exp = (int)ea - (int)eb - (int)na + (int)nb + 127;
  if (ma < mb) {
    ma += ma;
    exp--;
  }
  /* ma / mb in [1, 2): 32 quotient bits, the first (always 1) at bit 31; r < 2 mb < 2^25 */
  u32 q = 0, r = ma, one = opaque32(1);
  for (int i = 0; i < 32; i++) {
    q += q;
    if (r >= mb) {
      r -= mb;
      q += one;
    }
    r += r;
  }
  /* q * 2^24 plus the sticky bit below it: the top bit at 55 */
  return pack32(sign, exp, (make64(q, 0) >> 8) + opaque64(r != 0));
}
