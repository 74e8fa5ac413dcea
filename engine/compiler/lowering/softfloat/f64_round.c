/* f64.ceil, f64.floor, f64.trunc, f64.nearest: clear the fraction bits below the binary point and
 * step the magnitude up by one unit where the direction asks for it (a carry into the exponent
 * field is the right result). NaN in, quiet NaN out. */
#include "sf.h"

#define TRUNC 0
#define FLOOR 1
#define CEIL 2
#define NEAREST 3

SF_INLINE u64 round_int(u64 a, int mode) {
  int ex = f64_exp(a);
  if (ex >= 1075) return ex == 0x7FF && f64_frac(a) ? f64_quiet(a) : a; /* already integral */
  u64 sign = a & F64_SIGN;
  int neg = sign != 0;
  if (ex < 1023) { /* |a| < 1 */
    if (f64_abs_bits(a) == 0) return a;
    if (mode == FLOOR && neg) return 0xBFF0000000000000ull; /* -1 */
    if (mode == CEIL && !neg) return 0x3FF0000000000000ull; /* 1 */
    if (mode == NEAREST && ex == 1022 && f64_frac(a) != 0) return sign | 0x3FF0000000000000ull;
    return sign; /* ±0; nearest(±0.5) = ±0 (ties to even) */
  }
  int f = 1075 - ex; /* fraction bits, 1..52 */
  u64 unit = 1ull << f;
  u64 frac = a & (unit - 1);
  u64 ip = a - frac;
  if (frac == 0) return a;
  int up;
  if (mode == TRUNC) up = 0;
  else if (mode == FLOOR) up = neg;
  else if (mode == CEIL) up = !neg;
  else {
    u64 half = unit >> 1;
    up = frac > half || (frac == half && (ip & unit) != 0);
  }
  return up ? ip + unit : ip;
}

u64 f64_trunc(u64 a) { return round_int(a, TRUNC); }
u64 f64_floor(u64 a) { return round_int(a, FLOOR); }
u64 f64_ceil(u64 a) { return round_int(a, CEIL); }
u64 f64_nearest(u64 a) { return round_int(a, NEAREST); }
