/* The scanf family, following glibc's rules: which directives skip white space, when the result
 * is EOF (input ends before the first assignment), and how numbers are read (a sign, a 0 or 0x
 * prefix, digits; the value is what strtol/strtoul would give for those characters). Integer
 * conversions without a length, or with hh/h, saturate at 64 bits and are then truncated, as
 * glibc on x86-64 does (its long has 64 bits); with l, z or t they saturate at 32 bits. Float
 * conversions (%e %f %g %a, upper case too; float, or double with l) collect the number's
 * characters as glibc does and convert them with strtod's reader (strtod.c). */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "stdio_impl.h"
#include "tvm_sys.h"

void *malloc(size_t n);
void *realloc(void *p, size_t n);
void free(void *p);
/* Weak: linked only into programs that use floating point (as printf's __tvm_fmt_float). */
__attribute__((weak)) uint64_t __tvm_strtod_bits(const char *s, const char **end, int is_float);

/* Input: a NUL-terminated string, or stdin when `str` is null. `count` is the bytes consumed
 * (for %n). */
struct src {
  const unsigned char *str;
  int count;
};

static int in(struct src *s) {
  int c;
  if (s->str) {
    c = *s->str;
    if (!c) return EOF;
    s->str++;
  } else {
    c = __tvm_stdin_getc();
    if (c == EOF) return EOF;
  }
  s->count++;
  return c;
}

static void unget(struct src *s, int c) {
  if (c == EOF) return;
  s->count--;
  if (s->str) s->str--;
  else ungetc(c, stdin);
}

static int is_space(int c) { return c == ' ' || (unsigned int)(c - '\t') < 5u; }

/* The digit's value in bases up to 36, or 99. */
static int digit_value(int c) {
  if ((unsigned int)(c - '0') < 10u) return c - '0';
  if ((unsigned int)(c - 'a') < 26u) return c - 'a' + 10;
  if ((unsigned int)(c - 'A') < 26u) return c - 'A' + 10;
  return 99;
}

enum { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_T, L_J };

/* Is c in the scanset between set and set_end (the text after '[' / "[^", before the final ']')? */
static int in_set(const unsigned char *set, const unsigned char *set_end, int c) {
  for (const unsigned char *p = set; p < set_end; p++) {
    if (*p == '-' && p != set && p + 1 < set_end && p[-1] <= p[1]) {
      if (c >= p[-1] && c <= p[1]) return 1;
    } else if (*p == c) {
      return 1;
    }
  }
  return 0;
}

static void store_int(void *p, int len, unsigned long long v) {
  switch (len) {
  case L_HH:
    *(signed char *)p = (signed char)v;
    break;
  case L_H:
    *(short *)p = (short)v;
    break;
  case L_L:
    *(long *)p = (long)v;
    break;
  case L_LL:
  case L_J:
    *(long long *)p = (long long)v;
    break;
  case L_Z:
  case L_T:
    *(size_t *)p = (size_t)v;
    break;
  default:
    *(int *)p = (int)v;
  }
}

/* The characters of a float conversion, collected as glibc's scanf does before converting them
 * with strtod: a stack buffer, moved to the heap for long numbers. */
struct text {
  char *p;
  int n, cap;
  char small[256];
};

static int text_add(struct text *t, int c) {
  if (t->n + 1 >= t->cap) {
    int cap = t->cap * 2;
    char *q = t->p == t->small ? malloc((size_t)cap) : realloc(t->p, (size_t)cap);
    if (!q) return 0;
    if (t->p == t->small) memcpy(q, t->small, (size_t)t->n);
    t->p = q;
    t->cap = cap;
  }
  t->p[t->n++] = (char)c;
  return 1;
}

static int lower(int c) { return (unsigned int)(c - 'A') < 26u ? c + 32 : c; }

/* Reads a float's characters (sign, inf/infinity/nan, decimal or 0x hexadecimal digits with one
 * point, an exponent) into t, at most `width` of them (-1: no limit). Returns 0 when what was
 * read cannot be a number (glibc's matching failure, e.g. "infx"), 1 otherwise; the character
 * after the number is pushed back. */
static int read_float(struct src *s, int width, struct text *t) {
  int c = in(s);
  if (width != 0 && (c == '-' || c == '+')) {
    text_add(t, c);
    if (width > 0) width--;
    c = in(s);
  }
  if (width != 0 && (lower(c) == 'n' || lower(c) == 'i')) {
    const char *w = lower(c) == 'n' ? "nan" : "infinity";
    for (int i = 0; w[i]; i++) {
      if (i == 3) {
        /* "inf" is complete; "infinity" must then be whole. */
        if (width == 0 || lower(c) != 'i') break;
      }
      if (width == 0 || lower(c) != w[i]) {
        unget(s, c);
        return 0;
      }
      text_add(t, c);
      if (width > 0) width--;
      c = width != 0 ? in(s) : EOF;
    }
    unget(s, c);
    return 1;
  }
  int hex = 0, digits = 0, dot = 0, exp = 0;
  if (width != 0 && c == '0') {
    text_add(t, c);
    digits = 1;
    if (width > 0) width--;
    c = in(s);
    /* glibc takes the x only with room for a digit after it. */
    if (width != 0 && width != 1 && lower(c) == 'x') {
      hex = 1;
      digits = 0;
      text_add(t, c);
      if (width > 0) width--;
      c = in(s);
    }
  }
  while (width != 0 && c != EOF) {
    int ok = (unsigned int)(c - '0') < 10u;
    if (!ok && hex && !exp) ok = (unsigned int)(lower(c) - 'a') < 6u;
    if (ok) digits = 1;
    else if (c == '.' && !dot && !exp) dot = 1;
    else if (!exp && digits && lower(c) == (hex ? 'p' : 'e')) {
      exp = 1;
      text_add(t, c);
      if (width > 0) width--;
      c = in(s);
      if (width != 0 && (c == '-' || c == '+')) {
        text_add(t, c);
        if (width > 0) width--;
        c = in(s);
      }
      continue;
    } else {
      break;
    }
    if (!text_add(t, c)) break;
    if (width > 0) width--;
    c = in(s);
  }
  unget(s, c);
  /* glibc: "0x" with no hexadecimal digit after it is a matching failure. */
  if (hex && !digits) return 0;
  return 1;
}

static int vscan(struct src *s, const char *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  const unsigned char *f = (const unsigned char *)fmt;
  int done = 0;
  int c;
  for (;;) {
    unsigned int fc = *f;
    if (!fc) break;
    if (is_space((int)fc)) {
      while (is_space(*f)) f++;
      do c = in(s);
      while (is_space(c));
      unget(s, c);
      continue;
    }
    if (fc != '%') {
      f++;
      c = in(s);
      if (c == EOF) goto input_error;
      if (c != (int)fc) {
        unget(s, c);
        goto out;
      }
      continue;
    }
    f++;
    int suppress = 0;
    if (*f == '*') {
      suppress = 1;
      f++;
    }
    int width = 0;
    while ((unsigned int)(*f - '0') < 10u) width = width * 10 + (*f++ - '0');
    if (width == 0) width = -1;
    int len = L_NONE, big = 0;
    switch (*f) {
    case 'h':
      f++;
      if (*f == 'h') f++, len = L_HH;
      else len = L_H;
      break;
    case 'l':
      f++;
      if (*f == 'l') f++, len = L_LL;
      else len = L_L;
      break;
    case 'q':
      f++;
      len = L_LL;
      break;
    case 'L':
      f++;
      len = L_LL;
      big = 1;
      break;
    case 'j':
      f++;
      len = L_J;
      break;
    case 'z':
      f++;
      len = L_Z;
      break;
    case 't':
      f++;
      len = L_T;
      break;
    }
    fc = *f;
    if (!fc) goto out;
    f++;
    if (fc != '[' && fc != 'c' && fc != 'n') {
      do c = in(s);
      while (is_space(c));
      if (c == EOF) goto input_error;
      unget(s, c);
    }
    switch (fc) {
    case '%':
      c = in(s);
      if (c == EOF) goto input_error;
      if (c != '%') {
        unget(s, c);
        goto out;
      }
      break;
    case 'n':
      if (!suppress) store_int(va_arg(ap, void *), len, (unsigned long long)(long long)s->count);
      break;
    case 'c': {
      if (width < 0) width = 1;
      char *p = suppress ? 0 : va_arg(ap, char *);
      c = in(s);
      if (c == EOF) goto input_error;
      for (;;) {
        if (p) *p++ = (char)c;
        if (--width <= 0) break;
        c = in(s);
        if (c == EOF) break;
      }
      if (!suppress) done++;
      break;
    }
    case 's': {
      char *p = suppress ? 0 : va_arg(ap, char *);
      c = in(s);
      if (c == EOF) goto input_error;
      for (;;) {
        if (is_space(c)) {
          unget(s, c);
          break;
        }
        if (p) *p++ = (char)c;
        if (width > 0 && --width == 0) break;
        c = in(s);
        if (c == EOF) break;
      }
      if (p) {
        *p = 0;
        done++;
      }
      break;
    }
    case '[': {
      int negate = 0;
      if (*f == '^') {
        negate = 1;
        f++;
      }
      const unsigned char *set = f;
      if (*f == ']') f++;
      while (*f && *f != ']') f++;
      const unsigned char *set_end = f;
      if (*f) f++;
      char *p = suppress ? 0 : va_arg(ap, char *);
      c = in(s);
      if (c == EOF) goto input_error;
      int n = 0;
      for (;;) {
        if (in_set(set, set_end, c) == negate) {
          unget(s, c);
          break;
        }
        if (p) *p++ = (char)c;
        n++;
        if (width > 0 && --width == 0) break;
        c = in(s);
        if (c == EOF) break;
      }
      if (!n) goto out;
      if (p) {
        *p = 0;
        done++;
      }
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p': {
      int base = fc == 'd' || fc == 'u' ? 10 : fc == 'i' ? 0 : fc == 'o' ? 8 : 16;
      int is_signed = fc == 'd' || fc == 'i';
      int neg = 0, ndigits = 0, overflow = 0;
      unsigned long long v = 0;
      c = in(s);
      if (c == EOF) goto input_error;
      if (c == '-' || c == '+') {
        neg = c == '-';
        if (width > 0) width--;
        c = in(s);
      }
      if (width != 0 && c == '0') {
        if (width > 0) width--;
        ndigits = 1;
        c = in(s);
        if (width != 0 && (c == 'x' || c == 'X')) {
          if (base == 0) base = 16;
          if (base == 16) {
            if (width > 0) width--;
            c = in(s);
          }
        } else if (base == 0) {
          base = 8;
        }
      }
      if (base == 0) base = 10;
      unsigned long long cutoff = base == 10 ? 1844674407370955161ull
                                  : base == 16 ? 0x0fffffffffffffffull
                                               : 0x1fffffffffffffffull;
      /* 32-bit arithmetic while the value is below 2^28 (the common case; the machine lowers
       * 64-bit arithmetic to word pairs), then 64-bit. */
      unsigned int v32 = 0;
      while (c != EOF && width != 0 && v32 < 0x10000000u) {
        int d = digit_value(c);
        if (d >= base) break;
        v32 = base == 10 ? (v32 << 3) + (v32 << 1) + (unsigned)d
              : base == 16 ? (v32 << 4) + (unsigned)d
                           : (v32 << 3) + (unsigned)d;
        ndigits++;
        if (width > 0) width--;
        c = in(s);
      }
      v = v32;
      while (c != EOF && width != 0) {
        int d = digit_value(c);
        if (d >= base) break;
        if (v > cutoff) overflow = 1;
        else {
          unsigned long long m = base == 10 ? (v << 3) + (v << 1) : base == 16 ? v << 4 : v << 3;
          if (m + (unsigned)d < m) overflow = 1;
          v = m + (unsigned)d;
        }
        ndigits++;
        if (width > 0) width--;
        c = in(s);
      }
      unget(s, c);
      if (!ndigits) goto out;
      /* strtol/strtoul's result for these characters, at the width of glibc's long. */
      int narrow = len == L_L || len == L_Z || len == L_T;
      unsigned long long max = narrow ? 0xffffffffull : ~0ull;
      if (is_signed) {
        unsigned long long lim = neg ? (max >> 1) + 1 : max >> 1;
        if (overflow || v > lim) v = lim;
        if (neg) v = 0ull - v;
      } else {
        if (overflow || v > max) v = max;
        else if (neg) v = 0ull - v;
      }
      if (!suppress) {
        if (fc == 'p') *va_arg(ap, void **) = (void *)(uintptr_t)v;
        else store_int(va_arg(ap, void *), len, v);
        done++;
      }
      break;
    }
    case 'e':
    case 'f':
    case 'g':
    case 'a':
    case 'E':
    case 'F':
    case 'G':
    case 'A': {
      if (big) {
        /* long double is binary128 on wasm32; this library does not convert it. */
        static const char msg[] = "scanf: %Lf, %Le, %Lg, %La: long double is not supported (use %lf)\n";
        for (const char *m = msg; *m; m++) __tvm_write(*m);
        __tvm_abort();
      }
      /* Not linked: the program has no floating-point variable to store into (as printf). */
      if (!__tvm_strtod_bits) __tvm_abort();
      struct text t;
      t.p = t.small;
      t.n = 0;
      t.cap = (int)sizeof t.small;
      int fine = read_float(s, width, &t);
      t.p[t.n] = 0;
      const char *end = t.p;
      uint64_t bits = fine ? __tvm_strtod_bits(t.p, &end, len != L_L) : 0;
      int converted = end != t.p;
      if (t.p != t.small) free(t.p);
      if (!converted) goto out;
      if (!suppress) {
        if (len == L_L) memcpy(va_arg(ap, double *), &bits, sizeof(double));
        else {
          uint32_t b32 = (uint32_t)bits;
          memcpy(va_arg(ap, float *), &b32, sizeof(float));
        }
        done++;
      }
      break;
    }
    default:
      goto out;
    }
  }
out:
  va_end(ap);
  return done;
input_error:
  va_end(ap);
  return done ? done : EOF;
}

int vsscanf(const char *restrict str, const char *restrict fmt, va_list ap) {
  struct src s = {(const unsigned char *)str, 0};
  return vscan(&s, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap) {
  struct src s = {0, 0};
  return vscan(&s, fmt, ap);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  if (f->fd != 0) {
    errno = EBADF;
    f->error = 1;
    return EOF;
  }
  return vscanf(fmt, ap);
}

int sscanf(const char *restrict str, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf(str, fmt, ap);
  va_end(ap);
  return r;
}

int scanf(const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vscanf(fmt, ap);
  va_end(ap);
  return r;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf(f, fmt, ap);
  va_end(ap);
  return r;
}
