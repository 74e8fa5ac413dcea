/* The printf family: one formatter (vformat) writing into a sink that is either the program's
 * output or a bounded buffer. Glibc's output byte for byte for integer, character, string and
 * pointer conversions. Floating-point conversions (%f %e %g %a and upper-case forms) consume their
 * double argument and print nothing: this machine has no floating point yet (docs/c-library.md). */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "stdio_impl.h"
#include "tvm_sys.h"

const unsigned int __tvm_pow10_32[10] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                         10000u,      1000u,      100u,      10u,      1u};
const unsigned long long __tvm_pow10_64[20] = {
    10000000000000000000ull, 1000000000000000000ull, 100000000000000000ull, 10000000000000000ull,
    1000000000000000ull,     100000000000000ull,     10000000000000ull,     1000000000000ull,
    100000000000ull,         10000000000ull,         1000000000ull,         100000000ull,
    10000000ull,             1000000ull,             100000ull,             10000ull,
    1000ull,                 100ull,                 10ull,                 1ull};
const char __tvm_hex_pairs[513] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
    "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
    "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

/* Where formatted bytes go: the output (buf == 0) or buf[0 .. cap-1) with room for the NUL.
 * `count` is every byte produced, stored or not (printf's and snprintf's return value). */
struct sink {
  char *buf;
  size_t cap;
  size_t count;
};

static inline void put(struct sink *s, int c) {
  if (!s->buf) __tvm_write(c & 0xff);
  else if (s->count + 1 < s->cap) s->buf[s->count] = (char)c;
  s->count++;
}

static void put_n(struct sink *s, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) put(s, (unsigned char)p[i]);
}

static void pad(struct sink *s, int c, int n) {
  for (; n > 0; n--) put(s, c);
}

enum {
  F_MINUS = 1,
  F_PLUS = 2,
  F_SPACE = 4,
  F_HASH = 8,
  F_ZERO = 16,
};

/* Decimal digits of v, ending just before `end`; returns the first digit. Powers of ten are
 * subtracted, since the machine lowers division to a helper costing hundreds of instructions. */
static char *dec32(char *end, unsigned int v) {
  char tmp[10];
  int i = 0, n = 0;
  while (i < 9 && v < __tvm_pow10_32[i]) i++;
  for (; i < 10; i++) {
    unsigned int pw = __tvm_pow10_32[i];
    int d = '0';
    while (v >= pw) {
      v -= pw;
      d++;
    }
    tmp[n++] = (char)d;
  }
  char *q = end - n;
  for (int k = 0; k < n; k++) q[k] = tmp[k];
  return q;
}

static char *dec64(char *end, unsigned long long v) {
  if (v < 4294967296ull) return dec32(end, (unsigned int)v);
  char tmp[20];
  int i = 0, n = 0;
  while (v < __tvm_pow10_64[i]) i++;
  for (; i < 20; i++) {
    unsigned long long pw = __tvm_pow10_64[i];
    int d = '0';
    while (v >= pw) {
      v -= pw;
      d++;
    }
    tmp[n++] = (char)d;
  }
  char *q = end - n;
  for (int k = 0; k < n; k++) q[k] = tmp[k];
  return q;
}

/* Hexadecimal digits (no leading zeros; "0" for 0), upper case when `upper`. */
static char *hex64(char *end, unsigned long long v, int upper) {
  char *p = end;
  unsigned int lo = (unsigned int)v, hi = (unsigned int)(v >> 32);
  for (int w = 0; w < 2; w++) {
    unsigned int x = w ? hi : lo;
    if (w && !x) break;
    for (int b = 0; b < 4; b++) {
      const char *pair = &__tvm_hex_pairs[(x & 0xff) * 2];
      *--p = pair[1];
      *--p = pair[0];
      x >>= 8;
    }
  }
  while (p < end - 1 && *p == '0') p++;
  if (upper)
    for (char *q = p; q < end; q++)
      if (*q >= 'a') *q = (char)(*q - 32);
  return p;
}

static char *oct64(char *end, unsigned long long v) {
  char *p = end;
  do {
    *--p = (char)('0' + (int)(v & 7));
    v >>= 3;
  } while (v);
  return p;
}

/* Pulls the next integer argument of the given length modifier; `sign` says %d/%i. */
enum { L_NONE, L_HH, L_H, L_L, L_LL, L_Z, L_T, L_J, L_BIG };

static unsigned long long int_arg(va_list *ap, int len, int sign) {
  switch (len) {
  case L_HH:
    return sign ? (unsigned long long)(long long)(signed char)va_arg(*ap, int)
                : (unsigned char)va_arg(*ap, unsigned int);
  case L_H:
    return sign ? (unsigned long long)(long long)(short)va_arg(*ap, int)
                : (unsigned short)va_arg(*ap, unsigned int);
  case L_L:
    return sign ? (unsigned long long)(long long)va_arg(*ap, long) : va_arg(*ap, unsigned long);
  case L_LL:
  case L_J:
  case L_BIG:
    return va_arg(*ap, unsigned long long);
  case L_Z:
    return sign ? (unsigned long long)(long long)(ptrdiff_t)va_arg(*ap, size_t)
                : va_arg(*ap, size_t);
  case L_T:
    return sign ? (unsigned long long)(long long)va_arg(*ap, ptrdiff_t)
                : (unsigned long long)(size_t)va_arg(*ap, ptrdiff_t);
  default:
    return sign ? (unsigned long long)(long long)va_arg(*ap, int) : va_arg(*ap, unsigned int);
  }
}

/* One integer conversion: prefix (sign or 0x), zero padding to the precision, then the width. */
static void emit_int(struct sink *s, const char *digits, int ndigits, const char *prefix, int nprefix,
                     int flags, int width, int prec) {
  int zeros = prec > ndigits ? prec - ndigits : 0;
  int body = nprefix + zeros + ndigits;
  int fill = width > body ? width - body : 0;
  if ((flags & F_ZERO) && prec < 0 && !(flags & F_MINUS)) {
    zeros += fill;
    fill = 0;
  }
  if (!(flags & F_MINUS)) pad(s, ' ', fill);
  put_n(s, prefix, (size_t)nprefix);
  pad(s, '0', zeros);
  put_n(s, digits, (size_t)ndigits);
  if (flags & F_MINUS) pad(s, ' ', fill);
}

static void emit_str(struct sink *s, const char *p, int n, int flags, int width) {
  int fill = width > n ? width - n : 0;
  if (!(flags & F_MINUS)) pad(s, ' ', fill);
  put_n(s, p, (size_t)n);
  if (flags & F_MINUS) pad(s, ' ', fill);
}

static int vformat(struct sink *s, const char *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  const unsigned char *f = (const unsigned char *)fmt;
  for (;;) {
    unsigned int c = *f;
    if (c != '%') {
      if (!c) break;
      put(s, (int)c);
      f++;
      continue;
    }
    const unsigned char *spec = f;
    f++;
    int flags = 0;
    for (;; f++) {
      c = *f;
      if (c == '-') flags |= F_MINUS;
      else if (c == '+') flags |= F_PLUS;
      else if (c == ' ') flags |= F_SPACE;
      else if (c == '#') flags |= F_HASH;
      else if (c == '0') flags |= F_ZERO;
      else break;
    }
    int width = 0;
    if (*f == '*') {
      width = va_arg(ap, int);
      if (width < 0) {
        flags |= F_MINUS;
        width = -width;
      }
      f++;
    } else {
      while ((unsigned int)(*f - '0') < 10u) width = width * 10 + (*f++ - '0');
    }
    int prec = -1;
    if (*f == '.') {
      f++;
      if (*f == '*') {
        prec = va_arg(ap, int);
        if (prec < 0) prec = -1;
        f++;
      } else {
        prec = 0;
        while ((unsigned int)(*f - '0') < 10u) prec = prec * 10 + (*f++ - '0');
      }
    }
    int len = L_NONE;
    switch (*f) {
    case 'h':
      f++;
      if (*f == 'h') {
        f++;
        len = L_HH;
      } else len = L_H;
      break;
    case 'l':
      f++;
      if (*f == 'l') {
        f++;
        len = L_LL;
      } else len = L_L;
      break;
    case 'q':
      f++;
      len = L_LL;
      break;
    case 'L':
      f++;
      len = L_BIG;
      break;
    case 'z':
      f++;
      len = L_Z;
      break;
    case 't':
      f++;
      len = L_T;
      break;
    case 'j':
      f++;
      len = L_J;
      break;
    }
    c = *f;
    if (c) f++;
    char buf[32];
    char *end = buf + sizeof buf;
    switch (c) {
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      int sign = c == 'd' || c == 'i';
      unsigned long long v = int_arg(&ap, len, sign);
      char prefix[2];
      int nprefix = 0;
      if (sign) {
        if ((long long)v < 0) {
          v = 0ull - v;
          prefix[nprefix++] = '-';
        } else if (flags & F_PLUS) prefix[nprefix++] = '+';
        else if (flags & F_SPACE) prefix[nprefix++] = ' ';
      }
      char *d;
      if (c == 'x' || c == 'X') {
        d = hex64(end, v, c == 'X');
        if ((flags & F_HASH) && v) {
          prefix[nprefix++] = '0';
          prefix[nprefix++] = (char)c;
        }
      } else if (c == 'o') {
        d = oct64(end, v);
      } else {
        d = dec64(end, v);
      }
      int nd = (int)(end - d);
      if (prec == 0 && v == 0) nd = 0;
      if (c == 'o' && (flags & F_HASH) && (nd == 0 || *d != '0') && prec <= nd) {
        /* '#' makes the first digit a zero (a prefix, so that the 0 flag still pads). */
        prefix[nprefix++] = '0';
      }
      emit_int(s, end - nd, nd, prefix, nprefix, flags, width, prec);
      break;
    }
    case 'p': {
      uintptr_t v = (uintptr_t)va_arg(ap, void *);
      if (!v) {
        emit_str(s, "(nil)", 5, flags, width);
        break;
      }
      char prefix[3];
      int nprefix = 0;
      if (flags & F_PLUS) prefix[nprefix++] = '+';
      else if (flags & F_SPACE) prefix[nprefix++] = ' ';
      prefix[nprefix++] = '0';
      prefix[nprefix++] = 'x';
      char *d = hex64(end, v, 0);
      emit_int(s, d, (int)(end - d), prefix, nprefix, flags, width, prec);
      break;
    }
    case 'c': {
      char ch = (char)va_arg(ap, int);
      emit_str(s, &ch, 1, flags, width);
      break;
    }
    case 's': {
      const char *str = va_arg(ap, const char *);
      if (!str) str = prec < 0 || prec >= 6 ? "(null)" : "";
      int n = 0;
      if (prec < 0)
        while (str[n]) n++;
      else
        while (n < prec && str[n]) n++;
      emit_str(s, str, n, flags, width);
      break;
    }
    case 'm': {
      const char *str = strerror(errno);
      emit_str(s, str, (int)strlen(str), flags, width);
      break;
    }
    case '%':
      put(s, '%');
      break;
    case 'n': {
      void *p = va_arg(ap, void *);
      size_t n = s->count;
      switch (len) {
      case L_HH:
        *(signed char *)p = (signed char)n;
        break;
      case L_H:
        *(short *)p = (short)n;
        break;
      case L_L:
        *(long *)p = (long)n;
        break;
      case L_LL:
      case L_J:
      case L_BIG:
        *(long long *)p = (long long)n;
        break;
      case L_Z:
      case L_T:
        *(size_t *)p = n;
        break;
      default:
        *(int *)p = (int)n;
      }
      break;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      /* No floating point on this machine yet: consume the argument (a double, or a long double
       * with L) and print nothing. A long long has a double's size and alignment on wasm32. */
      if (len == L_BIG) {
        (void)va_arg(ap, unsigned long long);
        (void)va_arg(ap, unsigned long long);
      } else {
        (void)va_arg(ap, unsigned long long);
      }
      break;
    default:
      /* An unknown conversion is printed as written, as glibc does. */
      put_n(s, (const char *)spec, (size_t)(f - spec));
      if (!c) goto done;
      break;
    }
  }
done:
  va_end(ap);
  if (s->buf && s->cap) s->buf[s->count < s->cap ? s->count : s->cap - 1] = 0;
  if (s->count > 0x7fffffffu) {
    errno = EOVERFLOW;
    return -1;
  }
  return (int)s->count;
}

int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap) {
  char dummy;
  struct sink s = {n ? buf : &dummy, n, 0};
  return vformat(&s, fmt, ap);
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap) {
  struct sink s = {buf, (size_t)-1, 0};
  return vformat(&s, fmt, ap);
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  if (f->fd == 0) {
    errno = EBADF;
    f->error = 1;
    return -1;
  }
  struct sink s = {0, 0, 0};
  return vformat(&s, fmt, ap);
}

int vprintf(const char *restrict fmt, va_list ap) {
  struct sink s = {0, 0, 0};
  return vformat(&s, fmt, ap);
}

int vdprintf(int fd, const char *restrict fmt, va_list ap) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  struct sink s = {0, 0, 0};
  return vformat(&s, fmt, ap);
}

int printf(const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  struct sink s = {0, 0, 0};
  int r = vformat(&s, fmt, ap);
  va_end(ap);
  return r;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfprintf(f, fmt, ap);
  va_end(ap);
  return r;
}

int dprintf(int fd, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vdprintf(fd, fmt, ap);
  va_end(ap);
  return r;
}

int sprintf(char *restrict buf, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsprintf(buf, fmt, ap);
  va_end(ap);
  return r;
}

int snprintf(char *restrict buf, size_t n, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}
