/* strtod, strtof and atof, correctly rounded (to nearest, ties to even) for any length of input,
 * with glibc's syntax (decimal, hexadecimal, inf/infinity, nan/nan(chars)), end pointer and
 * errno (ERANGE on overflow, and on underflow when the result is tiny and inexact, tininess
 * after rounding as on x86-64). scanf's float conversions read through __tvm_strtod_bits too.
 *
 * Exact: a decimal D * 10^P becomes the quotient of two big integers computed bit by bit (long
 * division by compare, subtract and double) to 62 bits plus a sticky bit, then rounded once.
 * The big integers have 24-bit limbs, so that multiplying by 10 or 100 and carrying need only
 * constant multiplies and byte shifts (a variable multiply or a mask is a lowered helper call on
 * the machine), and no float operation is used. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Digits kept from the input: every halfway point between doubles has at most 767 significant
 * digits, so the first 800 and a sticky digit for the rest decide the rounding. */
#define MAX_DIGITS 800
/* 10^1125 and a numerator shifted to its length: under 3800 bits. */
#define LIMBS 170

struct big {
  uint32_t v[LIMBS]; /* little-endian 24-bit limbs */
  int n;
};

/* b = b * 10 + d. */
static void mul10_add(struct big *b, uint32_t d) {
  uint32_t c = d;
  for (int i = 0; i < b->n; i++) {
    uint32_t t = b->v[i] * 10u + c;
    c = t >> 24;
    b->v[i] = t - (c << 24);
  }
  if (c) b->v[b->n++] = c;
}

static void mul100(struct big *b) {
  uint32_t c = 0;
  for (int i = 0; i < b->n; i++) {
    uint32_t t = b->v[i] * 100u + c;
    c = t >> 24;
    b->v[i] = t - (c << 24);
  }
  if (c) b->v[b->n++] = c;
}

static void dbl(struct big *b) {
  uint32_t c = 0;
  for (int i = 0; i < b->n; i++) {
    uint32_t t = b->v[i] + b->v[i] + c;
    c = t >= 0x1000000u;
    b->v[i] = c ? t - 0x1000000u : t;
  }
  if (c) b->v[b->n++] = c;
}

/* b = b * 2^k. */
static void shl(struct big *b, int k) {
  int limbs = k / 24;
  if (limbs) {
    for (int i = b->n - 1; i >= 0; i--) b->v[i + limbs] = b->v[i];
    for (int i = 0; i < limbs; i++) b->v[i] = 0;
    b->n += limbs;
  }
  for (k -= limbs * 24; k > 0; k--) dbl(b);
}

static int bitlen(const struct big *b) {
  if (!b->n) return 0;
  return (b->n - 1) * 24 + 32 - __builtin_clz(b->v[b->n - 1]);
}

static int cmp(const struct big *a, const struct big *b) {
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (int i = a->n - 1; i >= 0; i--)
    if (a->v[i] != b->v[i]) return a->v[i] < b->v[i] ? -1 : 1;
  return 0;
}

/* a -= b (a >= b). */
static void sub(struct big *a, const struct big *b) {
  uint32_t br = 0;
  for (int i = 0; i < a->n; i++) {
    uint32_t t = a->v[i] - (i < b->n ? b->v[i] : 0) - br;
    br = (int32_t)t < 0;
    a->v[i] = br ? t + 0x1000000u : t;
  }
  while (a->n && !a->v[a->n - 1]) a->n--;
}

/* The format's parameters: significand bits (with the leading one), exponent range. */
struct fmt {
  int mb, emin, emax;
};
static const struct fmt F64 = {53, -1022, 1023}, F32 = {24, -126, 127};

/* The bits of (m + d) * 2^e rounded to the format (m != 0; d is 0, or in (0, 1) when sticky).
 * Sets *range on overflow and on a tiny inexact result. */
static uint64_t make_bits(uint64_t m, int e, int sticky, const struct fmt *f, int *range) {
  int lz = __builtin_clzll(m);
  m <<= lz;
  e -= lz;
  int E = e + 63; /* the exponent of the leading bit */
  if (E > f->emax) goto overflow;
  int shift = 64 - f->mb;
  int tiny = E < f->emin;
  if (tiny) shift += f->emin - E;
  uint64_t kept;
  int half, rest;
  if (shift > 64) {
    kept = 0, half = 0, rest = 1;
  } else if (shift == 64) {
    kept = 0, half = 1, rest = (m << 1) != 0 || sticky;
  } else {
    kept = m >> shift;
    half = (int)((m >> (shift - 1)) - (kept << 1));
    rest = (m << (65 - shift)) != 0 || sticky;
  }
  if (half) {
    if (rest || (kept >> 1) << 1 != kept) kept++;
  }
  uint64_t one = 1ull << (f->mb - 1);
  if (!tiny) {
    if (kept == one << 1) {
      kept = one;
      if (++E > f->emax) goto overflow;
    }
    return ((uint64_t)(E - f->emin + 1) << (f->mb - 1)) + kept - one;
  }
  if (half || rest) {
    /* Tiny after rounding (x86-64's rule): unless rounding to full precision with an unbounded
     * exponent gives the smallest normal. */
    int normal_after = E == f->emin - 1 && m >> (63 - f->mb) == (one << 2) - 1;
    if (!normal_after) *range = 1;
  }
  return kept;
overflow:
  *range = 1;
  return (uint64_t)(f->emax - f->emin + 2) << (f->mb - 1);
}

static int lower(int c) { return (unsigned int)(c - 'A') < 26u ? c + 32 : c; }
static int is_space(int c) { return c == ' ' || (unsigned int)(c - '\t') < 5u; }
static int hexval(int c) {
  if ((unsigned int)(c - '0') < 10u) return c - '0';
  c = lower(c);
  if ((unsigned int)(c - 'a') < 6u) return c - 'a' + 10;
  return -1;
}

/* Does p start with the lower-case word w, in any case? */
static int word(const char *p, const char *w) {
  for (; *w; p++, w++)
    if (lower((unsigned char)*p) != *w) return 0;
  return 1;
}

/* A decimal exponent's digits at *pp (after 'e' or 'p' and a sign), clamped far beyond any
 * double's range; -1 when there is no digit. */
static int exp_digits(const char **pp) {
  const char *p = *pp;
  if ((unsigned int)(*p - '0') >= 10u) return -1;
  int x = 0;
  for (; (unsigned int)(*p - '0') < 10u; p++)
    if (x < 100000) x = x * 10 + (*p - '0');
  *pp = p;
  return x;
}

/* An optional exponent at *pp: letter, sign, digits; *pp moves past it only when complete. */
static int exponent(const char **pp, int letter) {
  const char *p = *pp;
  if (lower((unsigned char)*p) != letter) return 0;
  p++;
  int neg = *p == '-';
  if (*p == '-' || *p == '+') p++;
  int x = exp_digits(&p);
  if (x < 0) return 0;
  *pp = p;
  return neg ? -x : x;
}

static uint64_t decimal(const char **pp, const struct fmt *f, int *range, int *ok) {
  const char *p = *pp;
  _Alignas(16) struct big num, den;
  num.n = 0;
  int nd = 0, P = 0, dot = 0, any = 0, sticky = 0;
  for (;; p++) {
    int c = (unsigned char)*p;
    if (c == '.') {
      if (dot) break;
      dot = 1;
      continue;
    }
    if ((unsigned int)(c - '0') >= 10u) break;
    any = 1;
    if (nd == 0 && c == '0') {
      if (dot) P--;
      continue;
    }
    if (nd < MAX_DIGITS) {
      mul10_add(&num, (uint32_t)(c - '0'));
      nd++;
      if (dot) P--;
    } else {
      if (!dot) P++;
      if (c != '0') sticky = 1;
    }
  }
  if (!any) {
    *ok = 0;
    return 0;
  }
  *ok = 1;
  int x = exponent(&p, 'e');
  *pp = p;
  if (nd == 0) return 0;
  if (sticky) {
    mul10_add(&num, 1);
    nd++;
    P--;
  }
  P += x;
  if (nd + P - 1 > 310) return make_bits(1, 2000, 0, f, range);
  if (nd + P < -326) {
    *range = 1;
    return 0;
  }
  den.n = 1;
  den.v[0] = 1;
  struct big *scale = P >= 0 ? &num : &den;
  int q = P >= 0 ? P : -P;
  for (; q >= 2; q -= 2) mul100(scale);
  if (q) mul10_add(scale, 0);
  /* num / den in [1, 2) times 2^-s. */
  int s = bitlen(&den) - bitlen(&num);
  if (s > 0) shl(&num, s);
  else if (s < 0) shl(&den, -s);
  if (cmp(&num, &den) < 0) {
    dbl(&num);
    s++;
  }
  uint64_t Q = 0;
#pragma clang loop unroll(disable)
  for (int i = 0; i < 62; i++) {
    Q += Q;
    if (cmp(&num, &den) >= 0) {
      sub(&num, &den);
      Q++;
    }
    dbl(&num);
  }
  return make_bits(Q, -61 - s, num.n != 0, f, range);
}

/* After "0x": hexadecimal digits with an optional point, then an optional binary exponent. */
static uint64_t hexadecimal(const char **pp, const struct fmt *f, int *range, int *ok) {
  const char *p = *pp;
  uint64_t m = 0;
  int e = 0, dot = 0, any = 0, sticky = 0;
  for (;; p++) {
    int c = (unsigned char)*p;
    if (c == '.') {
      if (dot) break;
      dot = 1;
      continue;
    }
    int d = hexval(c);
    if (d < 0) break;
    any = 1;
    if (m < 0x1000000000000000ull) {
      m = (m << 4) + (unsigned int)d;
      if (dot) e -= 4;
    } else {
      if (!dot) e += 4;
      if (d) sticky = 1;
    }
  }
  if (!any) {
    *ok = 0;
    return 0;
  }
  *ok = 1;
  e += exponent(&p, 'p');
  *pp = p;
  if (!m) return 0;
  return make_bits(m, e, sticky, f, range);
}

/* nan(chars): glibc reads the chars as an integer (base 0, as strtoull) and puts it in the
 * significand below the quiet bit; other chars give no payload. */
static uint64_t nan_payload(const char *p, const char *end, const struct fmt *f) {
  char *e;
  unsigned long long v = strtoull(p, &e, 0);
  if (e != end) return 0;
  int bits = f->mb - 2;
  return v - ((v >> bits) << bits);
}

/* The bits (a double's, or a float's in the low 32 when is_float) of the number at s, as
 * strtod/strtof read it; *end is set past it (to s when there is none). Sets errno = ERANGE. */
uint64_t __tvm_strtod_bits(const char *s, const char **end, int is_float) {
  const struct fmt *f = is_float ? &F32 : &F64;
  const char *p = s;
  while (is_space((unsigned char)*p)) p++;
  int neg = *p == '-';
  if (*p == '-' || *p == '+') p++;
  uint64_t sign = (uint64_t)neg << (f->mb + (is_float ? 7 : 10));
  uint64_t inf = (uint64_t)(f->emax - f->emin + 2) << (f->mb - 1);
  uint64_t bits;
  int range = 0, ok = 0;
  if (word(p, "inf")) {
    p += word(p, "infinity") ? 8 : 3;
    bits = inf;
    ok = 1;
  } else if (word(p, "nan")) {
    p += 3;
    bits = inf + (1ull << (f->mb - 2));
    if (*p == '(') {
      const char *q = p + 1;
      while ((unsigned int)(*q - '0') < 10u || (unsigned int)(lower((unsigned char)*q) - 'a') < 26u ||
             *q == '_')
        q++;
      if (*q == ')') {
        bits += nan_payload(p + 1, q, f);
        p = q + 1;
      }
    }
    ok = 1;
  } else if (p[0] == '0' && lower((unsigned char)p[1]) == 'x') {
    const char *q = p + 2;
    bits = hexadecimal(&q, f, &range, &ok);
    if (ok) p = q;
    else {
      /* "0x" with no digit: the number is the 0. */
      p++;
      bits = 0;
      ok = 1;
    }
  } else {
    bits = decimal(&p, f, &range, &ok);
  }
  if (!ok) {
    if (end) *end = s;
    return 0;
  }
  if (end) *end = p;
  if (range) errno = ERANGE;
  return bits + sign;
}

double strtod(const char *restrict s, char **restrict end) {
  uint64_t bits = __tvm_strtod_bits(s, (const char **)end, 0);
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

float strtof(const char *restrict s, char **restrict end) {
  uint32_t bits = (uint32_t)__tvm_strtod_bits(s, (const char **)end, 1);
  float x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

double atof(const char *s) { return strtod(s, 0); }
