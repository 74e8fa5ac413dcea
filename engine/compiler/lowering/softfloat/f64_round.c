/* f64.ceil, f64.floor, f64.trunc, f64.nearest: clear the fraction bits below the binary point and
 * step the magnitude up by one unit where the direction asks for it (a carry into the exponent
 * field is the right result). NaN in, quiet NaN out. */
#include "sf.h"

#define TRUNC 0
#define FLOOR 1
#define CEIL 2
#define NEAREST 3

SF_INLINE u64 round_int(u64 a, int mode) {
  u32 h = hi32(a), l = lo32(a), ah = clear_sign(h);
  if (nan64(ah, l)) return quiet64(h, ah, l);
  u32 ex = exp64(ah);
  if (ex >= 1075) return a; /* integral, or inf */
  int neg = neg32(h);
  u32 sign = sign_of(h);
  if (ex < 1023) { /* |a| < 1 */
    if (zero64(ah, l)) return a;
    if (mode == FLOOR && neg) return 0xBFF0000000000000ull; /* -1 */
    if (mode == CEIL && !neg) return 0x3FF0000000000000ull; /* 1 */
    if (mode == NEAREST && ex == 1022 && (ah != 0x3FE00000u || l != 0)) return make64(sign + 0x3FF00000u, 0);
    return make64(sign, 0); /* ±0; nearest(±0.5) = ±0 (ties to even) */
  }
  /* the fraction bits below the binary point: 1..52 of them */
  u32 f = 1075 - ex;
  u64 mag = make64(ah, l);
  /* opaque: clang would mask with -1 << f (an and) and test q's parity with an and */
  u64 q = opaque64(mag >> f); /* the integer part of |a| */
  u64 ip = q << f;
  u64 frac = mag - ip;
  if (frac == 0) return a;
  int up;
  if (mode == TRUNC) up = 0;
  else if (mode == FLOOR) up = neg;
  else if (mode == CEIL) up = !neg;
  else {
    u64 half = 1ull << (f - 1);
    /* a tie goes to the even neighbour: up when q is odd */
    up = frac > half || (frac == half && opaque32(lo32(q) << 31) != 0);
  }
  if (up) ip = (q + 1) << f; /* a carry into the exponent field is the right result */
  return make64(sign, 0) + ip;
}

u64 f64_trunc(u64 a) { return round_int(a, TRUNC); }
u64 f64_floor(u64 a) { return round_int(a, FLOOR); }
u64 f64_ceil(u64 a) { return round_int(a, CEIL); }
u64 f64_nearest(u64 a) { return round_int(a, NEAREST); }
