/* Shared inline pieces of the soft-float helpers: word access, field extraction, NaN rules,
 * rounding and packing. Everything here is always_inline so the compiled module holds exactly the
 * exported helpers (the lowering links helpers by export name). Pure integer code: no memory, no
 * globals, no float types (the compiler would lower those into calls to these very helpers).
 *
 * Written for the machine's costs (docs/lowering.md): compares, adds and selects are one
 * instruction; left shifts by a constant are doublings; right shifts are cheap by whole bytes only;
 * and/or/xor, variable shifts and multiplies are helper calls costing 60..500 instructions. So
 * the code works on the 32-bit words, takes the sign with a signed compare and clears it by adding
 * 0x80000000, builds 64-bit values with an add, and rounds at a whole byte. OPAQUE stops clang from
 * folding such forms back into the and/or/shift forms it prefers. */
#ifndef SF_H
#define SF_H
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef int32_t i32;
typedef int64_t i64;

#define SF_INLINE static inline __attribute__((always_inline))
/* An empty asm the optimizer cannot see through: the value is kept as computed. */
#define OPAQUE(x) __asm__("" : "+r"(x))

/* WebAssembly traps: the compiler turns this call into `halt` with the (constant) code. */
__attribute__((import_module("tvm"), import_name("trap"))) _Noreturn void tvm_trap(int code);
#define TRAP_INVALID_CONVERSION 7

#define F64_INF 0x7FF0000000000000ull
#define F64_INF_HI 0x7FF00000u
#define F64_QNAN_HI 0x7FF80000u
/* x86-64 SSE's (and so V8's) result of an invalid operation without NaN operands. */
#define F64_DEFAULT_NAN 0xFFF8000000000000ull
#define F32_INF 0x7F800000u
#define SIGN32 0x80000000u

SF_INLINE u32 opaque32(u32 x) {
  OPAQUE(x);
  return x;
}
SF_INLINE u64 opaque64(u64 x) {
  OPAQUE(x);
  return x;
}

SF_INLINE u32 hi32(u64 x) { return (u32)(x >> 32); }
/* Opaque, so that tests of the low word stay i32 tests rather than an i64.and with 0xFFFFFFFF. */
SF_INLINE u32 lo32(u64 x) { return opaque32((u32)x); }
/* (h << 32) + l with an add (an or is a costly helper call on the machine). */
SF_INLINE u64 make64(u32 h, u32 l) { return opaque64((u64)h << 32) + l; }

/* A compare and a select: clang would xor two words to compare their signs, or materialize the
 * sign as h >> 31 (a costly shift on the machine). */
SF_INLINE int neg32(u32 h) { return (i32)h < 0 ? (int)opaque32(1) : 0; }
/* The sign bit of h as 0 or 0x80000000. */
SF_INLINE u32 sign_of(u32 h) { return neg32(h) ? opaque32(SIGN32) : 0; }
/* h without its sign bit. */
SF_INLINE u32 clear_sign(u32 h) { return neg32(h) ? h + opaque32(SIGN32) : h; }
/* The biased exponent of a binary64 high word without sign: bits 30..20. */
SF_INLINE u32 exp64(u32 ah) { return opaque32(opaque32(ah >> 16) << 4) >> 8; }
/* The biased exponent of binary32 bits without sign: bits 30..23. */
SF_INLINE u32 exp32(u32 aa) { return opaque32(opaque32(aa >> 16) << 1) >> 8; }

/* NaN tests on a sign-cleared high word and the low word. */
SF_INLINE int nan64(u32 ah, u32 al) { return ah > F64_INF_HI || (ah == F64_INF_HI && al != 0); }
/* A NaN made quiet (top fraction bit set), sign and payload kept: ah is the sign-cleared word. */
SF_INLINE u64 quiet64(u32 h, u32 ah, u32 l) { return make64(ah < F64_QNAN_HI ? h + 0x80000u : h, l); }
/* An operation with NaN operand(s) returns the first NaN operand, made quiet. */
SF_INLINE u64 nan2(u64 a, u64 b) {
  u32 h = hi32(a), ah = clear_sign(h), l = lo32(a);
  if (!nan64(ah, l)) {
    h = hi32(b);
    ah = clear_sign(h);
    l = lo32(b);
  }
  return quiet64(h, ah, l);
}

/* The significand with its implicit bit (2^52 <= m < 2^53 unless subnormal) from a sign-cleared
 * high word, the low word and the biased exponent e (a subnormal's e reads 0, and is 1). */
SF_INLINE u64 sig64(u32 ah, u32 al, u32 e) {
  return make64(e ? ah - ((e - 1) << 20) : ah, al);
}

/* Leading zeros as a 64-bit count, so that shifting by it needs no masking of the count. */
SF_INLINE u64 clz64(u64 x) { return (u64)__builtin_clzll(x); }

/* Whether a value is ±0, from its sign-cleared high word (< 2^31: no wrap) and its low word; an add
 * and a compare, where clang would otherwise or the words. */
SF_INLINE int zero64(u32 ah, u32 al) { return ah + opaque32(al != 0) == 0; }

/* x >> n with the bits shifted out ORed into bit 0 (the sticky bit), for 1 <= n. */
SF_INLINE u64 shr_jam(u64 x, u32 n) {
  if (n >= 64) return x != 0;
  u64 y = x >> n;
  if ((y << n) != x && opaque32((u32)y << 31) == 0) y++;
  return y;
}

/* Rounds and packs sign + (-1)^s * sig * 2^(exp - 1083): sig < 2^61 with its top bit at 60 when
 * normal (8 bits below the 53 kept: rounding at a whole byte); exp is then the biased exponent.
 * Overflow gives inf; exp < 1 denormalizes (shifted-out bits jammed), packing exponent field 0. */
SF_INLINE u64 pack64(u32 sign, int exp, u64 sig) {
  if (exp >= 0x7FF) return make64(sign + F64_INF_HI, 0);
  if (exp < 1) {
    sig = shr_jam(sig, (u32)(1 - exp));
    exp = 1;
  }
  u32 low = lo32(sig) & 0xFF;
  u64 r = sig >> 8;
  if (low > 0x80 || (low == 0x80 && opaque32(lo32(r) << 31) != 0)) r++;
  /* a carry out of the significand bumps the exponent, up to inf */
  u64 bits = make64((u32)(exp - 1) << 20, 0) + r;
  if (bits >= F64_INF) return make64(sign + F64_INF_HI, 0);
  return opaque64((u64)sign << 32) + bits;
}

/* As pack64 for any sig < 2^61 (0 gives a signed zero): normalizes the top bit to 60 first. */
SF_INLINE u64 norm_pack64(u32 sign, int exp, u64 sig) {
  if (sig == 0) return make64(sign, 0);
  u64 n = clz64(sig) - 3;
  return pack64(sign, exp - (int)n, sig << n);
}

/* binary32: sign + (-1)^s * sig * 2^(exp - 182), sig < 2^56 with its top bit at 55 when normal
 * (the kept 24 bits are the high word, the low word decides the rounding). */
SF_INLINE u32 pack32(u32 sign, int exp, u64 sig) {
  if (exp >= 0xFF) return sign + F32_INF;
  if (exp < 1) {
    sig = shr_jam(sig, (u32)(1 - exp));
    exp = 1;
  }
  u32 r = hi32(sig), low = lo32(sig);
  if (low > SIGN32 || (low == SIGN32 && opaque32(r << 31) != 0)) r++;
  u32 bits = ((u32)(exp - 1) << 23) + r;
  if (bits >= F32_INF) return sign + F32_INF;
  return sign + bits;
}

SF_INLINE u32 norm_pack32(u32 sign, int exp, u64 sig) {
  if (sig == 0) return sign;
  u64 z = clz64(sig);
  if (z < 8) return pack32(sign, exp + 8 - (int)z, shr_jam(sig, (u32)(8 - z)));
  return pack32(sign, exp - ((int)z - 8), sig << (z - 8));
}

/* Exact widening of binary32 bits to binary64 bits; a NaN is made quiet, its payload kept. */
SF_INLINE u64 widen(u32 a) {
  u32 sign = sign_of(a), aa = clear_sign(a);
  u32 e = exp32(aa);
  u32 frac = aa - (e << 23);
  if (e == 0xFF) {
    if (frac == 0) return make64(sign + F64_INF_HI, 0);
    if (frac < 0x400000u) frac += 0x400000u; /* quiet */
    return make64(sign + F64_INF_HI, 0) + ((u64)frac << 29);
  }
  if (e == 0) {
    if (frac == 0) return make64(sign, 0);
    int n = __builtin_clz(frac) - 8; /* top bit to 23 */
    frac <<= n;
    /* frac = 2^23 + f: the implicit bit lands in the exponent field, hence 896 - n - 1 + ... */
    return make64(sign + ((u32)(896 - n) << 20), 0) + ((u64)frac << 29);
  }
  return make64(sign + ((e + 896) << 20), 0) + ((u64)frac << 29);
}

/* Rounds binary64 bits to binary32 (RNE); a NaN keeps its top payload bits, made quiet. */
SF_INLINE u32 narrow(u64 a) {
  u32 h = hi32(a), l = lo32(a);
  u32 sign = sign_of(h), ah = clear_sign(h);
  if (ah >= F64_INF_HI) {
    if (ah == F64_INF_HI && l == 0) return sign + F32_INF;
    u32 top = ((ah - F64_INF_HI) << 3) + (l >> 29); /* the fraction's top 23 bits */
    return sign + F32_INF + (top < 0x400000u ? top + 0x400000u : top);
  }
  if (zero64(ah, l)) return sign;
  u32 e = exp64(ah);
  u64 m = sig64(ah, l, e);
  if (e == 0) {
    /* a binary64 subnormal is far below binary32's range: 0 or the smallest, by rounding */
    return pack32(sign, -1000, 1);
  }
  return pack32(sign, (int)e - 896, m << 3);
}

/* a < b on binary64 bits, neither a NaN. */
SF_INLINE int lt_ordered(u64 a, u64 b) {
  u32 ah = hi32(a), bh = hi32(b);
  int na = neg32(ah), nb = neg32(bh);
  if (na != nb) {
    if (!na) return 0;
    /* -x < +y unless both are zeros (no NaN here: the sum of the words cannot wrap) */
    return clear_sign(ah) + clear_sign(bh) + opaque32(lo32(a) != 0) + opaque32(lo32(b) != 0) != 0;
  }
  return na ? a > b : a < b;
}
/* a == b on binary64 bits, neither a NaN (+0 == -0). */
SF_INLINE int eq_ordered(u64 a, u64 b) {
  if (a == b) return 1;
  return clear_sign(hi32(a)) + clear_sign(hi32(b)) + opaque32(lo32(a) != 0) + opaque32(lo32(b) != 0) == 0;
}

#endif
