/*
 * Transformer VM runtime: the C interface of programs that run on the transformer.
 * Force-included by wasm-compile (clang -include), so programs need no #include.
 *
 *   void compute(const char *input);   entry point, written by the program
 *
 * The machine prints one byte at a time through the `output_byte` import (the `output`
 * instruction). Everything here avoids operations the machine lacks where that is cheap
 * (decimal printing subtracts powers of ten instead of dividing), because every executed
 * instruction is a transformer forward pass per emitted byte.
 *
 * The same header builds natively (gcc/clang for the host) so that programs can be checked
 * against a host run: there `output_byte` is provided by the test harness.
 */
#ifndef TVM_RUNTIME_H
#define TVM_RUNTIME_H

#if defined(__wasm__)
__attribute__((import_module("env"), import_name("output_byte"))) void output_byte(int byte);
#define TVM_EXPORT __attribute__((visibility("default"), weak))
#else
void output_byte(int byte);
#define TVM_EXPORT
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef __SIZE_TYPE__ tvm_size_t;

void compute(const char *input);

/* ── Memory helpers for struct copies and zeroing (weak: the C library's win when linked) ── */

TVM_EXPORT void *memcpy(void *dst, const void *src, tvm_size_t n) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  while (n--) *d++ = *s++;
  return dst;
}

TVM_EXPORT void *memmove(void *dst, const void *src, tvm_size_t n) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

TVM_EXPORT void *memset(void *dst, int value, tvm_size_t n) {
  unsigned char *d = (unsigned char *)dst;
  while (n--) *d++ = (unsigned char)value;
  return dst;
}

TVM_EXPORT int memcmp(const void *a, const void *b, tvm_size_t n) {
  const unsigned char *x = (const unsigned char *)a;
  const unsigned char *y = (const unsigned char *)b;
  for (; n; n--, x++, y++) {
    if (*x != *y) return *x < *y ? -1 : 1;
  }
  return 0;
}

/* ── Output ── */

static inline int tvm_putchar(int c) {
  output_byte(c);
  return c;
}
#define putchar tvm_putchar

static inline int str_len(const char *s) {
  int n = 0;
  while (s[n]) n++;
  return n;
}

static inline void print_str(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) output_byte(*p++);
}

/* Decimal digits by subtracting powers of ten: no division on a machine without one. */
static const unsigned int tvm_pow10[10] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                           10000u,      1000u,      100u,      10u,      1u};

static __attribute__((noinline)) void tvm_print_uint(unsigned int v) {
  int i = 0;
  while (i < 9 && v < tvm_pow10[i]) i++; /* skip leading zeros */
  for (; i < 10; i++) {
    unsigned int p = tvm_pow10[i];
    int digit = '0';
    while (v >= p) {
      v -= p;
      digit++;
    }
    output_byte(digit);
  }
}

static inline void print_int(int n) {
  unsigned int v = (unsigned int)n;
  if (n < 0) {
    output_byte('-');
    v = 0u - v; /* also right for INT_MIN */
  }
  tvm_print_uint(v);
}

/* Range checks on int, written so that clang emits one subtract and compare rather than a
 * bit-test (1 << c) & mask or a byte mask, which the machine would have to lower. */
static inline int tvm_is_space(int c) { return c == ' ' || (unsigned int)(c - '\t') < 5u; }
static inline int tvm_is_digit(int c) { return (unsigned int)(c - '0') < 10u; }

/* Parses an optionally signed decimal integer at *p, advancing *p past it. */
static inline int tvm_parse_int_at(const char **p) {
  const char *s = *p;
  int neg = 0;
  if (*s == '-' || *s == '+') neg = *s++ == '-';
  unsigned int n = 0;
  while (tvm_is_digit(*s)) {
    unsigned int twice = n + n;
    n = twice + twice + twice + twice + twice + (unsigned int)(*s++ - '0'); /* n*10 + d */
  }
  *p = s;
  return neg ? (int)(0u - n) : (int)n;
}

/* Parses a decimal integer (leading spaces and a sign allowed). */
static inline int parse_int(const char *s) {
  while (tvm_is_space(*s)) s++;
  return tvm_parse_int_at(&s);
}

/* printf with %d %i %u %s %c %% */
static __attribute__((noinline, unused)) int printf(const char *fmt, ...) {
  __builtin_va_list ap;
  __builtin_va_start(ap, fmt);
  int count = 0;
  /* Bytes are read unsigned: a signed char would be sign-extended, which the machine lowers. */
  const unsigned char *f = (const unsigned char *)fmt;
  for (; *f; f++) {
    if (*f != '%') {
      output_byte(*f);
      count++;
      continue;
    }
    f++;
    switch (*f) {
      case 'd':
      case 'i':
        print_int(__builtin_va_arg(ap, int));
        break;
      case 'u':
        tvm_print_uint(__builtin_va_arg(ap, unsigned int));
        break;
      case 's':
        print_str(__builtin_va_arg(ap, const char *));
        break;
      case 'c':
        output_byte(__builtin_va_arg(ap, int));
        break;
      case '%':
        output_byte('%');
        break;
      case 0:
        f--; /* a lone '%' at the end: stop at the terminator */
        break;
      default:
        output_byte('%');
        output_byte(*f);
        break;
    }
    count++;
  }
  __builtin_va_end(ap);
  return count;
}

/* sscanf with %d; a space in the format skips any whitespace. Returns the items matched. */
static __attribute__((noinline, unused)) int sscanf(const char *str, const char *fmt, ...) {
  __builtin_va_list ap;
  __builtin_va_start(ap, fmt);
  int matched = 0;
  while (*fmt) {
    if (*fmt == '%' && fmt[1] == 'd') {
      while (tvm_is_space(*str)) str++;
      const char *start = str;
      const char *digits = (*str == '-' || *str == '+') ? str + 1 : str;
      if (!tvm_is_digit(*digits)) break;
      *__builtin_va_arg(ap, int *) = tvm_parse_int_at(&str);
      if (str == start) break;
      matched++;
      fmt += 2;
    } else if (tvm_is_space(*fmt)) {
      while (tvm_is_space(*str)) str++;
      fmt++;
    } else {
      if (*str != *fmt) break;
      str++;
      fmt++;
    }
  }
  __builtin_va_end(ap);
  return matched;
}

#endif /* TVM_RUNTIME_H */
