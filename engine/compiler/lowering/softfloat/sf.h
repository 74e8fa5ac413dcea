/* Shared inline pieces of the soft-float helpers: field extraction, NaN rules, rounding and
 * packing. Everything here is always_inline so the compiled module holds exactly the exported
 * helpers (the lowering links helpers by export name). Pure integer code: no memory, no globals,
 * no float types (the compiler would lower those into calls to these very helpers). */
#ifndef SF_H
#define SF_H
#include <stdint.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef int32_t i32;
typedef int64_t i64;

#define SF_INLINE static inline __attribute__((always_inline))

/* WebAssembly traps: the compiler turns this call into `halt` with the (constant) code. */
__attribute__((import_module("tvm"), import_name("trap"))) _Noreturn void tvm_trap(int code);
#define TRAP_INVALID_CONVERSION 7

#define F64_SIGN 0x8000000000000000ull
#define F64_INF 0x7FF0000000000000ull
#define F64_QUIET 0x0008000000000000ull
/* x86-64 SSE's (and so V8's) result of an invalid operation without NaN operands. */
#define F64_DEFAULT_NAN 0xFFF8000000000000ull
#define F32_SIGN 0x80000000u
#define F32_INF 0x7F800000u

SF_INLINE u32 hi32(u64 x) { return (u32)(x >> 32); }
SF_INLINE u64 f64_abs_bits(u64 a) { return (a << 1) >> 1; }
SF_INLINE int f64_is_nan(u64 a) { return (a << 1) > 0xFFE0000000000000ull; }
SF_INLINE int f64_is_neg(u64 a) { return (i32)hi32(a) < 0; }
SF_INLINE int f64_exp(u64 a) { return (int)(hi32(a) >> 20) & 0x7FF; }
SF_INLINE u64 f64_frac(u64 a) { return a & 0x000FFFFFFFFFFFFFull; }
SF_INLINE u64 f64_quiet(u64 a) { return a | F64_QUIET; }
/* An operation with NaN operand(s) returns the first NaN operand, made quiet. */
SF_INLINE u64 f64_nan2(u64 a, u64 b) { return f64_quiet(f64_is_nan(a) ? a : b); }

/* x >> n, with every bit shifted out ORed into bit 0 (the sticky bit); 0 <= n. */
SF_INLINE u64 shr_jam(u64 x, int n) {
  if (n >= 63) return x != 0;
  if (n == 0) return x;
  return (x >> n) | ((x << (64 - n)) != 0);
}

SF_INLINE int clz64(u64 x) { return __builtin_clzll(x); }

/* Rounds and packs sign | (-1)^s * sig * 2^(exp - 1085), sig < 2^63 with its top bit at 62 when
 * normal (10 bits below the 53 kept); exp is then the biased exponent. Overflow gives inf;
 * exp < 1 denormalizes (the shifted-out bits jammed) and packs with exponent field 0. */
SF_INLINE u64 f64_round_pack(u64 sign, int exp, u64 sig) {
  if (exp >= 0x7FF) return sign | F64_INF;
  if (exp < 1) {
    sig = shr_jam(sig, 1 - exp);
    exp = 1;
  }
  u64 r = sig >> 10;
  u32 low = (u32)sig & 0x3FF;
  if (low > 0x200 || (low == 0x200 && ((u32)r & 1))) r++;
  u64 bits = ((u64)(exp - 1) << 52) + r; /* a carry out of the significand bumps the exponent */
  if (bits >= F64_INF) return sign | F64_INF;
  return sign | bits;
}

/* As f64_round_pack for any sig < 2^63 (0 gives a signed zero): normalizes first. */
SF_INLINE u64 f64_norm_round_pack(u64 sign, int exp, u64 sig) {
  if (sig == 0) return sign;
  int n = clz64(sig) - 1;
  return f64_round_pack(sign, exp - n, sig << n);
}

/* binary32 counterpart: sign | (-1)^s * sig * 2^(exp - 189), sig top bit at 62 (39 bits below the
 * 24 kept). */
SF_INLINE u32 f32_round_pack(u32 sign, int exp, u64 sig) {
  if (exp >= 0xFF) return sign | F32_INF;
  if (exp < 1) {
    sig = shr_jam(sig, 1 - exp);
    exp = 1;
  }
  u32 r = (u32)(sig >> 39);
  u64 low = sig - ((u64)r << 39);
  u64 half = 1ull << 38;
  if (low > half || (low == half && (r & 1))) r++;
  u32 bits = ((u32)(exp - 1) << 23) + r;
  if (bits >= F32_INF) return sign | F32_INF;
  return sign | bits;
}

SF_INLINE u32 f32_norm_round_pack(u32 sign, int exp, u64 sig) {
  if (sig == 0) return sign;
  int n = clz64(sig) - 1;
  return f32_round_pack(sign, exp - n, sig << n);
}

/* The significand with its implicit bit, and the exponent that goes with it, such that a finite
 * nonzero value is m * 2^(e - 1075) and 2^52 <= m < 2^53 (subnormals normalized). */
SF_INLINE u64 f64_unpack(u64 a, int *e) {
  int ex = f64_exp(a);
  u64 m = f64_frac(a);
  if (ex == 0) {
    int n = clz64(m) - 11;
    *e = 1 - n;
    return m << n;
  }
  *e = ex;
  return m | (1ull << 52);
}

/* Exact widening of binary32 bits to binary64 bits; a NaN is made quiet, its payload kept. */
SF_INLINE u64 f32_to_f64_bits(u32 a) {
  u64 sign = (u64)(a & F32_SIGN) << 32;
  u32 ex = (a >> 23) & 0xFF;
  u64 m = a & 0x7FFFFF;
  if (ex == 0xFF) {
    if (m) return sign | F64_INF | F64_QUIET | (m << 29);
    return sign | F64_INF;
  }
  if (ex == 0) {
    if (m == 0) return sign;
    int n = clz64(m) - 40; /* top bit to position 23 */
    m <<= n;
    return sign | ((u64)(1023 - 126 - n) << 52) | ((m << 29) & 0x000FFFFFFFFFFFFFull);
  }
  return sign | ((u64)(ex + 1023 - 127) << 52) | (m << 29);
}

/* Rounds binary64 bits to binary32 (RNE); a NaN keeps its top payload bits, made quiet. */
SF_INLINE u32 f64_to_f32_bits(u64 a) {
  u32 sign = hi32(a) & F32_SIGN;
  int ex = f64_exp(a);
  if (ex == 0x7FF) {
    if (f64_frac(a)) return sign | F32_INF | 0x400000u | (u32)(f64_frac(a) >> 29);
    return sign | F32_INF;
  }
  if (f64_abs_bits(a) == 0) return sign;
  int e;
  u64 m = f64_unpack(a, &e);
  return f32_round_pack(sign, e - 896, m << 10);
}

/* Ordered comparison helpers on binary64 bits (no NaN operands). */
SF_INLINE int f64_lt_ordered(u64 a, u64 b) {
  int na = f64_is_neg(a), nb = f64_is_neg(b);
  if (na != nb) return na && ((a | b) << 1) != 0;
  return na ? a > b : a < b;
}
SF_INLINE int f64_eq_ordered(u64 a, u64 b) { return a == b || ((a | b) << 1) == 0; }

#endif
