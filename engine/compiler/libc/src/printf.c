/* The printf family: one formatter (vformat) writing into a sink that is either the program's
 * output or a bounded buffer. Glibc's output byte for byte for integer, character, string,
 * pointer and (in fmt_float.c) floating-point conversions. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "format.h"
#include "stdio_impl.h"
#include "tvm_sys.h"

const unsigned int __tvm_pow10_32[10] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                         10000u,      1000u,      100u,      10u,      1u};

/* Loops here are not unrolled: an unrolled loop's remainder needs `n & 3`, a lowered helper call
 * on the machine, which costs more than the loop's branches for the few bytes printf moves. */
void __tvm_put_n(struct sink *s, const char *p, int n) {
#pragma clang loop unroll(disable)
  for (int i = 0; i < n; i++) put(s, (unsigned char)p[i]);
}

/* Not inlined: inlined, its `n > 0` merges with the caller's test into an `and`, which the
 * machine lowers. */
__attribute__((noinline)) void __tvm_pad(struct sink *s, int c, int n) {
#pragma clang loop unroll(disable)
  for (; n > 0; n--) put(s, c);
}

/* Decimal digits of v, ending just before `end`; returns the first digit. Powers of ten are
 * subtracted, since the machine lowers division to a helper costing hundreds of instructions. */
static char *dec32(char *end, unsigned int v) {
  char tmp[10];
  int i = 0, n = 0;
  while (i < 9 && v < __tvm_pow10_32[i]) i++;
#pragma clang loop unroll(disable)
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
#pragma clang loop unroll(disable)
  for (int k = 0; k < n; k++) q[k] = tmp[k];
  return q;
}

/* 64-bit values: the powers of ten are built upwards (by shifts and adds) on the stack for this
 * call, rather than kept as a table that every program printing anything would store in its
 * prologue. */
static char *dec64(char *end, unsigned long long v) {
  unsigned long long pw[20];
  int n = 0;
  pw[0] = 1;
  while (n < 19 && v >= pw[n] && pw[n] <= 1844674407370955161ull) {
    pw[n + 1] = (pw[n] << 3) + (pw[n] << 1);
    n++;
  }
  if (v < pw[n]) n--; /* pw[n] is the largest power not above v (pw[0] = 1 when v is 0) */
  if (n < 0) n = 0;
  char *q = end - (n + 1);
#pragma clang loop unroll(disable)
  for (int i = 0; n >= 0; n--, i++) {
    unsigned long long p = pw[n];
    int d = '0';
    while (v >= p) {
      v -= p;
      d++;
    }
    q[i] = (char)d;
  }
  return q;
}

/* The two hex digits of byte b (0..255) at p[0] and p[1]. The high digit is found by comparing
 * with 128, 64, 32 and 16 and subtracting: the machine lowers the shift and mask that would split
 * the byte, and __tvm_opaque keeps clang from turning the compares back into them. */
static void hex_byte(char *p, unsigned int b, int letter) {
  unsigned int h = 0;
  if (b >= 128) b = __tvm_opaque(b - 128), h = __tvm_opaque(8);
  if (b >= 64) b = __tvm_opaque(b - 64), h = __tvm_opaque(h + 4);
  if (b >= 32) b = __tvm_opaque(b - 32), h = __tvm_opaque(h + 2);
  if (b >= 16) b = __tvm_opaque(b - 16), h = __tvm_opaque(h + 1);
  p[0] = (char)(h < 10 ? '0' + (int)h : letter + (int)h);
  p[1] = (char)(b < 10 ? '0' + (int)b : letter + (int)b);
}

/* Hexadecimal digits of hi:lo ending before `end`, without leading zeros ("0" for 0). Bytes are
 * taken with `& 0xff` and `>> 8`, which the machine does cheaply. */
static char *hex(char *end, unsigned int lo, unsigned int hi, int upper) {
  int letter = upper ? 'A' - 10 : 'a' - 10;
  char *p = end;
  unsigned int x = lo;
#pragma clang loop unroll(disable)
  for (int k = 0; k < 4; k++) {
    p -= 2;
    hex_byte(p, x & 0xff, letter);
    x >>= 8;
  }
  x = hi;
#pragma clang loop unroll(disable)
  for (int k = 0; k < 4; k++) {
    if (!x) break;
    p -= 2;
    hex_byte(p, x & 0xff, letter);
    x >>= 8;
  }
  for (;;) {
    if (p >= end - 1) break;
    if (__tvm_opaque((unsigned char)*p) != '0') break;
    p++;
  }
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

/* Length modifiers; those from L_LL on take a 64-bit argument (one compare tells them apart). */
enum { L_NONE, L_HH, L_H, L_L, L_Z, L_T, L_LL, L_J, L_BIG };

/* The next integer argument of a length that fits 32 bits on wasm32 (all but ll, j and L), as
 * its 32 bits; `sign` says %d/%i, so hh and h sign-extend. Keeping these conversions in 32 bits
 * spares the machine its lowered 64-bit arithmetic. */
static unsigned int int_arg32(va_list *ap, int len, int sign) {
  unsigned int v = va_arg(*ap, unsigned int);
  if (len == L_HH) return sign ? (unsigned int)(int)(signed char)v : (unsigned char)v;
  if (len == L_H) return sign ? (unsigned int)(int)(short)v : (unsigned short)v;
  return v;
}

/* One integer conversion: prefix (sign or 0x), zero padding to the precision, then the width. */
static void emit_int(struct sink *s, const char *digits, int ndigits, const char *prefix, int nprefix,
                     const struct spec *sp) {
  int prec = sp->prec;
  int zeros = prec > ndigits ? prec - ndigits : 0;
  int body = nprefix + zeros + ndigits;
  int fill = sp->width > body ? sp->width - body : 0;
  /* The 0 flag pads with zeros unless there is a precision or '-'. (Nested tests with
   * __tvm_opaque between them: clang would join `a && b && c` into `and`s, which the machine
   * lowers to helper calls; see opaque.h.) */
  if (sp->zero) {
    if ((int)__tvm_opaque((unsigned int)prec) < 0) {
      if (__tvm_opaque((unsigned int)sp->minus) == 0) {
        zeros += fill;
        fill = 0;
      }
    }
  }
  if (!sp->minus) __tvm_pad(s, ' ', fill);
  __tvm_put_n(s, prefix, nprefix);
  __tvm_pad(s, '0', zeros);
  __tvm_put_n(s, digits, ndigits);
  if (sp->minus) __tvm_pad(s, ' ', fill);
}

static void emit_str(struct sink *s, const char *p, int n, const struct spec *sp) {
  int fill = sp->width > n ? sp->width - n : 0;
  if (!sp->minus) __tvm_pad(s, ' ', fill);
  __tvm_put_n(s, p, n);
  if (sp->minus) __tvm_pad(s, ' ', fill);
}

/* Conversion characters by class, from '%' to 'z'. A table lookup and a switch on dense classes
 * with one target each: a switch on the characters themselves, several sharing a target, becomes
 * bit tests (a variable shift and a mask), which the machine lowers. */
enum { C_BAD, C_SIGNED, C_UNSIGNED, C_OCTAL, C_HEX, C_HEX_UPPER, C_CHAR, C_STRING, C_POINTER,
       C_COUNT, C_PERCENT, C_FLOAT, C_ERRNO };
static const unsigned char conv_class['z' - '%' + 1] = {
    ['d' - '%'] = C_SIGNED,  ['i' - '%'] = C_SIGNED, ['u' - '%'] = C_UNSIGNED,
    ['o' - '%'] = C_OCTAL,   ['x' - '%'] = C_HEX,    ['X' - '%'] = C_HEX_UPPER,
    ['c' - '%'] = C_CHAR,    ['s' - '%'] = C_STRING, ['p' - '%'] = C_POINTER,
    ['n' - '%'] = C_COUNT,   ['%' - '%'] = C_PERCENT, ['f' - '%'] = C_FLOAT,
    ['F' - '%'] = C_FLOAT,   ['e' - '%'] = C_FLOAT,  ['E' - '%'] = C_FLOAT,
    ['g' - '%'] = C_FLOAT,   ['G' - '%'] = C_FLOAT,  ['a' - '%'] = C_FLOAT,
    ['A' - '%'] = C_FLOAT,   ['m' - '%'] = C_ERRNO,
};

/* Locals whose address is taken live in the stack frame. At offsets below 16 from the 16-aligned
 * frame, clang forms their addresses with `or` (the bits are known to be free), which the machine
 * lowers to a helper call; _Alignas(16) puts each at a multiple of 16, addressed with `add`. */
static int vformat(struct sink *s, const char *fmt, va_list ap0) {
  _Alignas(16) va_list ap;
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
    const unsigned char *start = f;
    f++;
    _Alignas(16) struct spec sp = {0, 0, 0, 0, 0, 0, -1};
    /* Flags are set to an opaque 1: a flag clang knows to be 0 or 1 it keeps as a bit and tests
     * with `& 1`, a lowered helper call on the machine. */
    for (;; f++) {
      c = *f;
      if (c == '-') sp.minus = (int)__tvm_opaque(1);
      else if (c == '+') sp.plus = (int)__tvm_opaque(1);
      else if (c == ' ') sp.space = (int)__tvm_opaque(1);
      else if (c == '#') sp.hash = (int)__tvm_opaque(1);
      else if (c == '0') sp.zero = (int)__tvm_opaque(1);
      else break;
    }
    if (*f == '*') {
      int w = va_arg(ap, int);
      if (w < 0) {
        sp.minus = (int)__tvm_opaque(1);
        w = -w;
      }
      sp.width = w;
      f++;
    } else {
      while ((unsigned int)(*f - '0') < 10u) sp.width = sp.width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
      f++;
      if (*f == '*') {
        int p = va_arg(ap, int);
        sp.prec = p < 0 ? -1 : p;
        f++;
      } else {
        sp.prec = 0;
        while ((unsigned int)(*f - '0') < 10u) sp.prec = sp.prec * 10 + (*f++ - '0');
      }
    }
    int len = L_NONE;
    c = *f;
    if (c == 'h') {
      f++;
      len = L_H;
      if (*f == 'h') f++, len = L_HH;
    } else if (c == 'l') {
      f++;
      len = L_L;
      if (*f == 'l') f++, len = L_LL;
    } else if (c == 'q') f++, len = L_LL;
    else if (c == 'L') f++, len = L_BIG;
    else if (c == 'z') f++, len = L_Z;
    else if (c == 't') f++, len = L_T;
    else if (c == 'j') f++, len = L_J;
    c = *f;
    if (c) f++;
    int cls = (unsigned int)(c - '%') <= (unsigned int)('z' - '%') ? conv_class[c - '%'] : C_BAD;
    _Alignas(16) char buf[24];
    char *end = buf + sizeof buf;
    /* Conditions below are nested tests with __tvm_opaque between them, never booleans used as
     * values: clang would compute those with `and`, `or` and shifts, which the machine lowers. */
    if ((unsigned int)(cls - C_SIGNED) <= (unsigned int)(C_HEX_UPPER - C_SIGNED)) {
      unsigned int sign = 0;
      if (cls == C_SIGNED) sign = __tvm_opaque(1);
      int wide = len >= L_LL;
      unsigned int lo, hi = 0;
      int neg = 0;
      if (wide) {
        unsigned long long v = va_arg(ap, unsigned long long);
        if ((long long)v < 0) {
          if (__tvm_opaque(sign)) {
            neg = 1;
            v = 0ull - v;
          }
        }
        lo = (unsigned int)v;
        hi = (unsigned int)(v >> 32);
      } else {
        lo = int_arg32(&ap, len, sign);
        if ((int)lo < 0) {
          if (__tvm_opaque(sign)) {
            neg = 1;
            lo = 0u - lo;
          }
        }
      }
      unsigned int zero = 0;
      if (lo == 0) {
        if (__tvm_opaque(hi) == 0) zero = 1;
      }
      _Alignas(16) char prefix[3];
      int nprefix = 0;
      if (neg) prefix[nprefix++] = '-';
      else if (sign) {
        if (__tvm_opaque((unsigned int)sp.plus)) prefix[nprefix++] = '+';
        else if (__tvm_opaque((unsigned int)sp.space)) prefix[nprefix++] = ' ';
      }
      char *d;
      int nd;
      if (cls >= C_HEX) {
        d = hex(end, lo, hi, cls == C_HEX_UPPER);
        if (sp.hash) {
          if (!__tvm_opaque(zero)) {
            prefix[nprefix++] = '0';
            prefix[nprefix++] = (char)c;
          }
        }
        nd = (int)(end - d);
      } else if (cls == C_OCTAL) {
        d = oct64(end, ((unsigned long long)hi << 32) | lo);
        nd = (int)(end - d);
        if (sp.prec == 0 && zero) nd = 0;
        if (sp.hash && (nd == 0 || *d != '0') && sp.prec <= nd) {
          /* '#' makes the first digit a zero (a prefix, so that the 0 flag still pads). */
          prefix[nprefix++] = '0';
        }
      } else {
        d = hi ? dec64(end, ((unsigned long long)hi << 32) | lo) : dec32(end, lo);
        nd = (int)(end - d);
      }
      if (zero) {
        if (__tvm_opaque((unsigned int)sp.prec) == 0) nd = 0;
      }
      emit_int(s, end - nd, nd, prefix, nprefix, &sp);
      continue;
    }
    switch (cls) {
    case C_POINTER: {
      uintptr_t v = (uintptr_t)va_arg(ap, void *);
      if (!v) {
        emit_str(s, "(nil)", 5, &sp);
        break;
      }
      _Alignas(16) char prefix[3];
      int nprefix = 0;
      if (sp.plus) prefix[nprefix++] = '+';
      else if (sp.space) prefix[nprefix++] = ' ';
      prefix[nprefix++] = '0';
      prefix[nprefix++] = 'x';
      char *d = hex(end, (unsigned int)v, 0, 0);
      emit_int(s, d, (int)(end - d), prefix, nprefix, &sp);
      break;
    }
    case C_CHAR: {
      _Alignas(16) char ch = (char)va_arg(ap, int);
      emit_str(s, &ch, 1, &sp);
      break;
    }
    case C_STRING: {
      const char *str = va_arg(ap, const char *);
      if (!str) str = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
      int n = 0;
      if (sp.prec < 0)
        while (str[n]) n++;
      else
        while (n < sp.prec && str[n]) n++;
      emit_str(s, str, n, &sp);
      break;
    }
    case C_ERRNO: {
      const char *str = strerror(errno);
      emit_str(s, str, (int)strlen(str), &sp);
      break;
    }
    case C_PERCENT:
      put(s, '%');
      break;
    case C_COUNT: {
      void *p = va_arg(ap, void *);
      size_t n = s->count;
      if (len == L_HH) *(signed char *)p = (signed char)n;
      else if (len == L_H) *(short *)p = (short)n;
      else if (len == L_LL || len == L_J || len == L_BIG) *(long long *)p = (long long)n;
      else if (len == L_L) *(long *)p = (long)n;
      else if (len == L_Z || len == L_T) *(size_t *)p = n;
      else *(int *)p = (int)n;
      break;
    }
    case C_FLOAT:
      /* The double's bits: a long long has a double's size and alignment on wasm32. A long
       * double (L) is binary128 there, which this library does not convert: refused at run time
       * with a message rather than printed wrong (docs/c-library.md). */
      if (len == L_BIG) {
        static const char msg[] = "printf: %Lf, %Le, %Lg, %La: long double is not supported (use double)\n";
        for (const char *m = msg; *m; m++) __tvm_write(*m);
        __tvm_abort();
      }
      /* Not linked: the program has no floating-point type at all, so this argument cannot be a
       * double (undefined behaviour). No message: its bytes would cost every printf program. */
      if (!__tvm_fmt_float) __tvm_abort();
      __tvm_fmt_float(s, va_arg(ap, unsigned long long), (int)c, &sp);
      break;
    default:
      /* An unknown conversion is printed as written, as glibc does. */
      __tvm_put_n(s, (const char *)start, (int)(f - start));
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
