/* printf's floating-point conversions (%f %F %e %E %g %G %a %A), byte for byte as glibc prints
 * them: the exact decimal value of the double, rounded half-to-even at the requested digit.
 *
 * Everything works on the double's bits with integer arithmetic the machine does cheaply (adds,
 * compares, multiplications by 10, shifts by constants): a float operation would be a soft-float
 * helper call costing thousands of tokens. The integer part is built in base-1e9 limbs by
 * doubling (two bits at a time: x*4 then compare-and-subtract), the fraction is kept in 24-bit
 * binary limbs and yields one decimal digit per multiplication by 10 (the carry out of the top
 * limb), generated only as far as the conversion needs. */
#include <stdint.h>

#include "format.h"
#include "opaque.h"

#define INT_LIMBS 36  /* 2^1024 < 1e315: 35 limbs of 9 digits */
#define FRAC_LIMBS 46 /* 1074 fraction bits in 24-bit limbs, and slack for the split */
/* d[0] (room for a carry), up to 309 integer digits, up to 1074 fraction digits, and one more. */
#define DIG_MAX 1400

struct digits {
  char d[DIG_MAX];
  int n;     /* digits stored in d; those after are zeros */
  int point; /* d[0 .. point-1] is the integer part (d[0] is a leading '0' for the carry) */
  /* The fraction not yet turned into digits: sum fr[i] * 2^(24 (i - fhi)) over flo <= i < fhi. */
  uint32_t fr[FRAC_LIMBS];
  int flo, fhi;
};

/* The next fraction digit: the fraction times 10, its integer part out of the top limb. */
static int next_frac_digit(struct digits *g) {
  uint32_t c = 0;
  for (int i = g->flo; i < g->fhi; i++) {
    uint32_t t = g->fr[i] * 10u + c;
    c = t >> 24;
    g->fr[i] = t - (c << 24);
  }
  while (g->flo < g->fhi && g->fr[g->flo] == 0) g->flo++;
  return (int)c;
}

/* Generates fraction digits until d holds `upto` digits or the fraction is exhausted. */
static void gen(struct digits *g, int upto) {
  if (upto > DIG_MAX) upto = DIG_MAX;
  while (g->n < upto && g->flo < g->fhi) g->d[g->n++] = (char)('0' + next_frac_digit(g));
}

/* Nine decimal digits of v < 1e9, with leading zeros, at p. */
static void digits9(char *p, uint32_t v) {
#pragma clang loop unroll(disable)
  for (int i = 1; i < 10; i++) {
    uint32_t pw = __tvm_pow10_32[i];
    int d = '0';
    while (v >= pw) {
      v -= pw;
      d++;
    }
    p[i - 1] = (char)d;
  }
}

/* Multiplies the base-1e9 number L[0..nl) by 4 (by 2 when `two`); returns the new length. */
static int big_mul4(uint32_t *L, int nl, int two) {
  uint32_t c = 0;
  for (int i = 0; i < nl; i++) {
    uint32_t t = two ? L[i] + L[i] + c : (L[i] << 2) + c;
    c = 0;
    if (t >= 2000000000u) t -= 2000000000u, c = 2;
    if (t >= 1000000000u) t -= 1000000000u, c++;
    L[i] = t;
  }
  if (c) L[nl++] = c;
  return nl;
}

/* Writes the decimal digits of (hi * 2^32 + lo) * 2^shift (hi < 2^21) at g->d[1..]. */
static void integer_digits(struct digits *g, uint32_t hi, uint32_t lo, int shift) {
  uint32_t L[INT_LIMBS];
  int nl = 0;
  if (hi) {
    L[0] = hi;
    nl = 1;
#pragma clang loop unroll(disable)
    for (int k = 0; k < 16; k++) nl = big_mul4(L, nl, 0);
  }
  /* Add lo: its multiples of 1e9 first, so that no sum overflows. */
  uint32_t q = 0;
  while (lo >= 1000000000u) lo -= 1000000000u, q++;
  if (nl == 0) L[nl++] = 0;
  L[0] += lo;
  if (L[0] >= 1000000000u) L[0] -= 1000000000u, q++;
  for (int i = 1; q; i++) {
    if (i == nl) L[nl++] = 0;
    L[i] += q;
    q = 0;
    if (L[i] >= 1000000000u) L[i] -= 1000000000u, q = 1;
  }
  for (; shift >= 2; shift -= 2) nl = big_mul4(L, nl, 0);
  if (shift) nl = big_mul4(L, nl, 1);
  while (nl > 0 && L[nl - 1] == 0) nl--;
  g->d[0] = '0';
  g->n = 1;
  if (nl) {
    char tmp[9];
    digits9(tmp, L[nl - 1]);
    int i = 0;
    while (tmp[i] == '0') i++;
    for (; i < 9; i++) g->d[g->n++] = tmp[i];
    for (int k = nl - 2; k >= 0; k--) {
      digits9(g->d + g->n, L[k]);
      g->n += 9;
    }
  }
  g->point = g->n;
}

/* The low 24 bits of x, without a mask (the machine lowers 64-bit `and`). */
static uint64_t low24(uint64_t x) { return x - ((x >> 24) << 24); }

/* Sets up the digits of m * 2^e (m < 2^53): all integer digits, the fraction in limbs. */
static void setup(struct digits *g, uint64_t m, int e) {
  g->flo = g->fhi = 0;
  if (e >= 0) {
    integer_digits(g, (uint32_t)(m >> 32), (uint32_t)m, e);
    return;
  }
  int k = -e; /* fraction bits */
  uint64_t ip = k < 53 ? m >> k : 0;
  uint64_t f = k < 53 ? m - (ip << k) : m;
  integer_digits(g, (uint32_t)(ip >> 32), (uint32_t)ip, 0);
  if (!f) return;
  /* Align f so that the binary point is at the top of limb L-1: f * 2^r, r = 24L - k. */
  int L = (k + 23) / 24;
  int r = L * 24 - k;
  uint64_t gl = low24(f) << r;
  uint64_t gh = (f >> 24) << r;
  for (int i = 0; i < L; i++) g->fr[i] = 0;
  g->fr[0] = (uint32_t)low24(gl);
  uint64_t t = gh + (gl >> 24);
  g->fr[1] = (uint32_t)low24(t);
  t >>= 24;
  g->fr[2] = (uint32_t)low24(t);
  g->fr[3] = (uint32_t)(t >> 24);
  g->fhi = L;
  while (g->flo < g->fhi && g->fr[g->flo] == 0) g->flo++;
}

static int is_odd_digit(int c) { return c == '1' || c == '3' || c == '5' || c == '7' || c == '9'; }

/* Rounds to the digits d[0 .. cut-1] (cut >= 1), half to even on the exact value, as glibc does
 * in the default rounding mode; digits from cut on become zeros. */
static void round_at(struct digits *g, int cut) {
  gen(g, cut + 1);
  if (cut >= g->n) return;
  int next = g->d[cut];
  int up = next > '5';
  if (next == '5') {
    int sticky = g->flo < g->fhi;
    for (int i = cut + 1; i < g->n; i++)
      if (g->d[i] != '0') sticky = 1;
    up = sticky || is_odd_digit(g->d[cut - 1]);
  }
  g->n = cut;
  g->flo = g->fhi; /* the rest is gone */
  if (up) {
    int i = cut - 1;
    while (g->d[i] == '9') g->d[i--] = '0';
    g->d[i]++;
  }
}

/* The digit at i ('0' beyond those stored). */
static int dig(const struct digits *g, int i) { return i < g->n ? g->d[i] : '0'; }

/* Index of the first nonzero digit, generating fraction digits as needed; -1 for zero. */
static int first_nonzero(struct digits *g) {
  for (int i = 0;; i++) {
    if (i >= g->n) {
      if (g->flo >= g->fhi || g->n >= DIG_MAX) return -1;
      gen(g, g->n + 1);
    }
    if (g->d[i] != '0') return i;
  }
}

/* Writes digits d[from .. to) (zeros beyond those stored). */
static void put_digits(struct sink *s, const struct digits *g, int from, int to) {
  if (from >= to) return;
  int real = g->n < to ? g->n : to;
  if (real > from) __tvm_put_n(s, g->d + from, real - from);
  __tvm_pad(s, '0', to - (real > from ? real : from));
}

/* "e+05", "p-1074": the exponent letter, its sign and at least `min` digits; returns the length. */
static int exponent_text(char *p, int letter, int x, int min) {
  int n = 0;
  p[n++] = (char)letter;
  p[n++] = x < 0 ? '-' : '+';
  if (x < 0) x = -x;
  char tmp[10];
  digits9(tmp, (uint32_t)x);
  int i = 0;
  while (i < 9 - min && tmp[i] == '0') i++;
  for (; i < 9; i++) p[n++] = tmp[i];
  return n;
}

/* Emits sign/prefix, padding and the body; `body` is the length of what emit_body will write. */
struct layout {
  char pre[4];
  int npre;
  int body;
  int zero_pad; /* the 0 flag applies (finite values) */
};

static int lead_fill(struct sink *s, const struct spec *sp, const struct layout *l) {
  int total = l->npre + l->body;
  int fill = sp->width > total ? sp->width - total : 0;
  int zeros = 0;
  if (!sp->minus) {
    if (l->zero_pad) {
      if (__tvm_opaque((unsigned int)sp->zero)) zeros = fill, fill = 0;
    }
    __tvm_pad(s, ' ', fill);
  }
  __tvm_put_n(s, l->pre, l->npre);
  __tvm_pad(s, '0', zeros);
  return sp->minus ? fill : 0;
}

/* %a: the hexadecimal digits of the bits, rounded half to even at the precision as glibc does. */
static void fmt_hex(struct sink *s, const struct spec *sp, struct layout *l, uint32_t mh, uint32_t lo,
                    int expf, int upper) {
  unsigned char nib[13];
  /* Nibbles by constant shifts (a variable shift or a mask is a lowered helper on the machine). */
  nib[0] = (unsigned char)(mh >> 16);
  nib[1] = (unsigned char)((mh << 16) >> 28);
  nib[2] = (unsigned char)((mh << 20) >> 28);
  nib[3] = (unsigned char)((mh << 24) >> 28);
  nib[4] = (unsigned char)((mh << 28) >> 28);
  nib[5] = (unsigned char)(lo >> 28);
  nib[6] = (unsigned char)((lo << 4) >> 28);
  nib[7] = (unsigned char)((lo << 8) >> 28);
  nib[8] = (unsigned char)((lo << 12) >> 28);
  nib[9] = (unsigned char)((lo << 16) >> 28);
  nib[10] = (unsigned char)((lo << 20) >> 28);
  nib[11] = (unsigned char)((lo << 24) >> 28);
  nib[12] = (unsigned char)((lo << 28) >> 28);
  int zero = expf == 0 && mh == 0 && lo == 0;
  int lead = expf ? 1 : 0;
  int x = zero ? 0 : expf ? expf - 1023 : -1022;
  int nd = 13;
  int prec = sp->prec;
  if (prec < 0) {
    while (nd > 0 && nib[nd - 1] == 0) nd--;
  } else if (prec < 13) {
    int next = nib[prec];
    int rest = 0;
    for (int i = prec + 1; i < 13; i++)
      if (nib[i]) rest = 1;
    int last = prec > 0 ? nib[prec - 1] : lead;
    int up = next > 8;
    if (next == 8) up = rest || ((last >> 1) << 1) != last;
    nd = prec;
    if (up) {
      int i = prec - 1;
      while (i >= 0 && nib[i] == 15) nib[i--] = 0;
      if (i >= 0) nib[i]++;
      else lead++;
    }
  }
  int nfrac = prec > nd ? prec : nd;
  char buf[16];
  int letter = upper ? 'A' - 10 : 'a' - 10;
  for (int i = 0; i < nd; i++) buf[i] = (char)(nib[i] < 10 ? '0' + nib[i] : letter + nib[i]);
  char ex[12];
  int nex = exponent_text(ex, upper ? 'P' : 'p', x, 1);
  int dot = nfrac > 0 || sp->hash;
  l->pre[l->npre++] = '0';
  l->pre[l->npre++] = upper ? 'X' : 'x';
  l->body = 1 + dot + nfrac + nex;
  int after = lead_fill(s, sp, l);
  put(s, '0' + lead);
  if (dot) put(s, '.');
  __tvm_put_n(s, buf, nd);
  __tvm_pad(s, '0', nfrac - nd);
  __tvm_put_n(s, ex, nex);
  __tvm_pad(s, ' ', after);
}

void __tvm_fmt_float(struct sink *s, unsigned long long bits, int conv, const struct spec *sp) {
  uint32_t hi = (uint32_t)(bits >> 32), lo = (uint32_t)bits;
  struct layout l;
  l.npre = 0;
  l.zero_pad = 1;
  int neg = (int32_t)hi < 0;
  if (neg) hi += 0x80000000u;
  if (neg) l.pre[l.npre++] = '-';
  else if (sp->plus) l.pre[l.npre++] = '+';
  else if (sp->space) l.pre[l.npre++] = ' ';
  int upper = conv == 'F' || conv == 'E' || conv == 'G' || conv == 'A';
  int expf = (int)(hi >> 20);
  uint32_t mh = hi - ((uint32_t)expf << 20);
  if (expf == 0x7ff) {
    /* inf and nan: no zero padding; glibc prints a negative NaN as "-nan". */
    int inf = mh == 0;
    if (lo) inf = 0;
    const char *t = inf ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    l.zero_pad = 0;
    l.body = 3;
    int after = lead_fill(s, sp, &l);
    __tvm_put_n(s, t, 3);
    __tvm_pad(s, ' ', after);
    return;
  }
  if (conv == 'a' || conv == 'A') {
    fmt_hex(s, sp, &l, mh, lo, expf, upper);
    return;
  }
  struct digits g;
  uint64_t m = ((uint64_t)(expf ? mh + 0x100000u : mh) << 32) + lo;
  setup(&g, m, expf ? expf - 1075 : -1074);
  int prec = sp->prec < 0 ? 6 : sp->prec;
  int fmode = conv == 'f' || conv == 'F';
  int trim = 0;
  int x = 0; /* the decimal exponent for e-style */
  int start = 0;
  if (conv == 'g' || conv == 'G') {
    int p = prec ? prec : 1;
    int f0 = first_nonzero(&g);
    int x0 = 0;
    if (f0 >= 0) {
      x0 = g.point - 1 - f0;
      round_at(&g, f0 + p);
      f0 = first_nonzero(&g);
      x = g.point - 1 - f0;
    }
    if (x < p && x >= -4) {
      fmode = 1;
      prec = p - 1 - x;
    } else if (x0 == p - 1 && x == p) {
      /* glibc: a value printed as %f with no fraction digits (its exponent p-1) that rounds up
       * to 10^p is printed as 1e+p with no digits after the point, even with '#' ("1.e+06"). */
      prec = 0;
    } else {
      prec = p - 1;
    }
    trim = !sp->hash;
  }
  char ex[12];
  int nex = 0;
  int nint, fstart;
  if (fmode) {
    round_at(&g, g.point + prec);
    start = 0;
    while (start < g.point - 1 && g.d[start] == '0') start++;
    nint = g.point - start;
    fstart = g.point;
  } else {
    int f0 = first_nonzero(&g);
    if (f0 >= 0) {
      round_at(&g, f0 + prec + 1);
      f0 = first_nonzero(&g);
      x = g.point - 1 - f0;
    } else {
      f0 = 0;
      x = 0;
    }
    start = f0;
    nint = 1;
    fstart = f0 + 1;
    nex = exponent_text(ex, upper ? 'E' : 'e', x, 2);
  }
  int nfrac = prec;
  if (trim) {
    /* %g without '#': no trailing zeros (those beyond the stored digits all are). */
    if (fstart + nfrac > g.n) nfrac = g.n > fstart ? g.n - fstart : 0;
    while (nfrac > 0 && g.d[fstart + nfrac - 1] == '0') nfrac--;
  }
  int dot = nfrac > 0 || sp->hash;
  l.body = nint + dot + nfrac + nex;
  int after = lead_fill(s, sp, &l);
  put_digits(s, &g, start, start + nint);
  if (dot) put(s, '.');
  put_digits(s, &g, fstart, fstart + nfrac);
  __tvm_put_n(s, ex, nex);
  __tvm_pad(s, ' ', after);
}
