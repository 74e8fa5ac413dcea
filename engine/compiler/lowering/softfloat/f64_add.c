/* f64.add and f64.sub: align the smaller operand (shifted-out bits jammed into a sticky bit), add
 * or subtract the magnitudes, normalize, round to nearest even. */
#include "sf.h"

SF_INLINE u64 add_signed(u64 a, u64 b, u64 bsign_flip) {
  if (f64_is_nan(a) || f64_is_nan(b)) return f64_nan2(a, b);
  b ^= bsign_flip;
  int ea = f64_exp(a), eb = f64_exp(b);
  u64 sa = a & F64_SIGN, sb = b & F64_SIGN;
  if (ea == 0x7FF) {
    if (eb == 0x7FF && sa != sb) return F64_DEFAULT_NAN; /* inf - inf */
    return a;
  }
  if (eb == 0x7FF) return b;
  /* Magnitudes with 9 spare bits below (the top bit at 61, room for a carry into 62). */
  u64 ma = f64_frac(a), mb = f64_frac(b);
  if (ea) ma |= 1ull << 52; else ea = 1;
  if (eb) mb |= 1ull << 52; else eb = 1;
  ma <<= 9;
  mb <<= 9;
  /* Make a the larger magnitude. */
  if (ea < eb || (ea == eb && ma < mb)) {
    u64 t = ma; ma = mb; mb = t;
    int te = ea; ea = eb; eb = te;
    u64 ts = sa; sa = sb; sb = ts;
  }
  mb = shr_jam(mb, ea - eb);
  u64 sig;
  if (sa == sb) {
    sig = ma + mb;
  } else {
    sig = ma - mb;
    if (sig == 0) return 0; /* exact cancellation: +0 in round-to-nearest */
  }
  /* value = sig * 2^(ea - 1075 - 9) = sig * 2^((ea + 1) - 1085) */
  return f64_norm_round_pack(sa, ea + 1, sig);
}

u64 f64_add(u64 a, u64 b) { return add_signed(a, b, 0); }
u64 f64_sub(u64 a, u64 b) { return add_signed(a, b, F64_SIGN); }
