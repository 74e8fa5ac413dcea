/*
 * 128-bit integer helpers clang calls on wasm32 (the compiler-rt names): multiply, divide,
 * remainder and shifts of __int128. Clang needs __multi3 even in programs without __int128:
 * it checks 64-bit overflow (`x <= UINT64_MAX / y`, `a * b / b == a`) with a 128-bit multiply.
 * Written on 64-bit halves only, so that nothing here calls itself.
 */
typedef unsigned long long u64;
typedef unsigned int u32;

typedef union {
  __int128 s;
  unsigned __int128 u;
  struct {
    u64 lo, hi; /* wasm32 is little-endian */
  } h;
} parts;

/* The full 128-bit product of two 64-bit numbers, from four 32x32 products. */
static parts mul_64x64(u64 a, u64 b) {
  u64 a0 = (u32)a, a1 = a >> 32, b0 = (u32)b, b1 = b >> 32;
  u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  u64 mid = (p00 >> 32) + (u32)p01 + (u32)p10;
  parts r;
  r.h.lo = (u32)p00 | (mid << 32);
  r.h.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return r;
}

__int128 __multi3(__int128 a, __int128 b) {
  parts x = {.s = a}, y = {.s = b};
  parts r = mul_64x64(x.h.lo, y.h.lo);
  r.h.hi += x.h.lo * y.h.hi + x.h.hi * y.h.lo;
  return r.s;
}

static parts shl(parts x, unsigned n) {
  parts r;
  n &= 127;
  if (n == 0) return x;
  if (n >= 64) {
    r.h.hi = x.h.lo << (n - 64);
    r.h.lo = 0;
  } else {
    r.h.hi = (x.h.hi << n) | (x.h.lo >> (64 - n));
    r.h.lo = x.h.lo << n;
  }
  return r;
}

static parts shr(parts x, unsigned n, int arithmetic) {
  parts r;
  u64 fill = arithmetic && (long long)x.h.hi < 0 ? ~0ull : 0;
  n &= 127;
  if (n == 0) return x;
  if (n >= 64) {
    r.h.lo = n == 64 ? x.h.hi : (arithmetic ? (u64)((long long)x.h.hi >> (n - 64)) : x.h.hi >> (n - 64));
    r.h.hi = fill;
  } else {
    r.h.lo = (x.h.lo >> n) | (x.h.hi << (64 - n));
    r.h.hi = arithmetic ? (u64)((long long)x.h.hi >> n) : x.h.hi >> n;
  }
  return r;
}

__int128 __ashlti3(__int128 a, int n) { return shl((parts){.s = a}, (unsigned)n).s; }
__int128 __lshrti3(__int128 a, int n) { return shr((parts){.s = a}, (unsigned)n, 0).s; }
__int128 __ashrti3(__int128 a, int n) { return shr((parts){.s = a}, (unsigned)n, 1).s; }

static int less(parts a, parts b) { return a.h.hi < b.h.hi || (a.h.hi == b.h.hi && a.h.lo < b.h.lo); }

static parts sub(parts a, parts b) {
  parts r;
  r.h.lo = a.h.lo - b.h.lo;
  r.h.hi = a.h.hi - b.h.hi - (a.h.lo < b.h.lo);
  return r;
}

/* Unsigned division by shift and subtract, one quotient bit per step from the divisor's top
 * aligned under the dividend's; division by zero traps, as the 64-bit division does. */
static parts udivmod(parts n, parts d, parts *rem) {
  parts q = {.u = 0};
  if (d.h.hi == 0 && d.h.lo == 0) __builtin_trap();
  if (d.h.hi == 0 && n.h.hi == 0) {
    q.h.lo = n.h.lo / d.h.lo;
    rem->h.lo = n.h.lo % d.h.lo;
    rem->h.hi = 0;
    return q;
  }
  if (d.h.hi == 0 && d.h.lo >> 32 == 0) {
    /* A divisor of 32 bits: long division by 32-bit digits, each step a 64-bit division. */
    u64 v = d.h.lo, r = n.h.hi % v;
    q.h.hi = n.h.hi / v;
    u64 part = (r << 32) | (n.h.lo >> 32);
    u64 q1 = part / v;
    r = part % v;
    part = (r << 32) | (u32)n.h.lo;
    q.h.lo = (q1 << 32) | (part / v);
    rem->h.lo = part % v;
    rem->h.hi = 0;
    return q;
  }
  if (less(n, d)) {
    *rem = n;
    return q;
  }
  int shift = 0;
  while (!(d.h.hi >> 63) && !less(n, shl(d, 1))) {
    d = shl(d, 1);
    shift++;
  }
  for (; shift >= 0; shift--) {
    q = shl(q, 1);
    if (!less(n, d)) {
      n = sub(n, d);
      q.h.lo |= 1;
    }
    d = shr(d, 1, 0);
  }
  *rem = n;
  return q;
}

unsigned __int128 __udivti3(unsigned __int128 a, unsigned __int128 b) {
  parts r;
  return udivmod((parts){.u = a}, (parts){.u = b}, &r).u;
}

unsigned __int128 __umodti3(unsigned __int128 a, unsigned __int128 b) {
  parts r;
  udivmod((parts){.u = a}, (parts){.u = b}, &r);
  return r.u;
}

static parts negate(parts x) { return sub((parts){.u = 0}, x); }

__int128 __divti3(__int128 a, __int128 b) {
  parts x = {.s = a}, y = {.s = b}, r;
  int neg_x = (long long)x.h.hi < 0, neg_y = (long long)y.h.hi < 0;
  parts q = udivmod(neg_x ? negate(x) : x, neg_y ? negate(y) : y, &r);
  return neg_x != neg_y ? negate(q).s : q.s;
}

__int128 __modti3(__int128 a, __int128 b) {
  parts x = {.s = a}, y = {.s = b}, r;
  int neg_x = (long long)x.h.hi < 0, neg_y = (long long)y.h.hi < 0;
  udivmod(neg_x ? negate(x) : x, neg_y ? negate(y) : y, &r);
  return neg_x ? negate(r).s : r.s;
}
