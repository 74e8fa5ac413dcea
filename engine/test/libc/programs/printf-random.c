/* Randomized printf/snprintf against glibc: a seeded generator of conversion specifications
 * (flags x width x precision, also '*', x length x conversion) and of values (edge values and
 * random ones). Values are passed with the type the length modifier names; `long`, `size_t` and
 * `ptrdiff_t` values stay within 32 bits, where wasm32 and x86-64 agree. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t seed = 12345;
static uint32_t rnd(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}
static uint32_t below(uint32_t n) { return rnd() % n; }

static const unsigned long long edges[] = {
    0, 1, 2, 7, 8, 9, 10, 15, 16, 99, 100, 127, 128, 255, 256, 1000, 32767, 32768, 65535, 65536,
    0x7fffffffull, 0x80000000ull, 0xffffffffull, 0x100000000ull, 999999999ull, 1000000000ull,
    4294967295ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    (unsigned long long)-1, (unsigned long long)-2, (unsigned long long)-10, (unsigned long long)-128,
    (unsigned long long)-129, (unsigned long long)-32768, (unsigned long long)(long long)INT_MIN,
    10000000000000000000ull, 1234567890123456789ull, 0x123456789abcdefull};
static const char *strings[] = {"", "a", "hello", "hello, world", "(null)", "tab\there", "\xe9\xff"};

static unsigned long long value(void) {
  switch (below(4)) {
  case 0:
  case 1:
    return edges[below(sizeof edges / sizeof edges[0])];
  case 2:
    return ((unsigned long long)rnd() << 32) | rnd();
  default:
    return rnd() % 2000 - 1000;
  }
}

enum { I, U, L, UL, LL, ULL, Z, SZ, T, S, P, C, NONE };

static char buf[256];

#define CALL(...)                                                                              \
  (to_buf ? snprintf(buf, cap, fmt, __VA_ARGS__) : printf(fmt, __VA_ARGS__))
#define CALLS(T, v)                                                                            \
  switch (stars) {                                                                             \
  case 0: r = CALL((T)(v)); break;                                                             \
  case 1: r = CALL(w, (T)(v)); break;                                                          \
  case 2: r = CALL(p, (T)(v)); break;                                                          \
  default: r = CALL(w, p, (T)(v)); break;                                                      \
  }

int main(void) {
  char fmt[64];
  static const char convs[] = "diuoxXcsp%";
  static const char *lens[] = {"", "hh", "h", "l", "ll", "z", "t", "j"};
  for (int k = 0; k < 4000; k++) {
    char *f = fmt;
    *f++ = '<';
    *f++ = '%';
    if (below(3) == 0) *f++ = '-';
    if (below(3) == 0) *f++ = '+';
    if (below(3) == 0) *f++ = ' ';
    if (below(3) == 0) *f++ = '#';
    if (below(3) == 0) *f++ = '0';
    int stars = 0, w = 0, p = 0;
    switch (below(4)) {
    case 0:
      f += sprintf(f, "%u", below(25));
      break;
    case 1:
      *f++ = '*';
      stars |= 1;
      w = (int)below(41) - 20;
      break;
    }
    switch (below(4)) {
    case 0:
      f += sprintf(f, ".%u", below(25));
      break;
    case 1:
      *f++ = '.';
      break;
    case 2:
      *f++ = '.';
      *f++ = '*';
      stars |= 2;
      p = (int)below(31) - 5;
      break;
    }
    char conv = convs[below(sizeof convs - 1)];
    int len = 0;
    if (strchr("diuoxX", conv)) {
      len = (int)below(8);
      strcpy(f, lens[len]);
      f += strlen(f);
    }
    *f++ = conv;
    *f++ = '>';
    *f = 0;
    int is_signed = conv == 'd' || conv == 'i';
    int type;
    if (conv == 's') type = S;
    else if (conv == 'p') type = P;
    else if (conv == 'c') type = C;
    else if (conv == '%') type = NONE;
    else if (len == 3) type = is_signed ? L : UL;
    else if (len == 4 || len == 7) type = is_signed ? LL : ULL;
    else if (len == 5) type = is_signed ? SZ : Z;
    else if (len == 6) type = T;
    else type = is_signed ? I : U;
    if (type == NONE && stars) continue; /* "%*%" consumes nothing in glibc: skip the case */
    unsigned long long v = value();
    int to_buf = (int)below(2);
    size_t cap = below(3) == 0 ? below(12) : sizeof buf;
    memset(buf, '#', sizeof buf);
    int r = 0;
    switch (type) {
    case I: CALLS(int, (int)v) break;
    case U: CALLS(unsigned, (unsigned)v) break;
    case L: CALLS(long, (int)v) break;
    case UL: CALLS(unsigned long, (unsigned)v) break;
    case LL: CALLS(long long, v) break;
    case ULL: CALLS(unsigned long long, v) break;
    case Z: CALLS(size_t, (unsigned)v) break;
    case SZ: CALLS(ptrdiff_t, (int)v) break;
    case T: CALLS(ptrdiff_t, is_signed ? (ptrdiff_t)(int)v : (ptrdiff_t)(unsigned)v) break;
    case C: CALLS(int, (int)v) break;
    case P: CALLS(void *, (uintptr_t)(unsigned)(below(4) ? v : 0)) break;
    case S: {
      const char *s = below(8) == 0 ? NULL : strings[below(sizeof strings / sizeof strings[0])];
      CALLS(const char *, s)
      break;
    }
    default:
      r = to_buf ? snprintf(buf, cap, fmt) : printf(fmt);
    }
    fputs(" ", stdout);
    fputs(fmt, stdout);
    fputs(" w=", stdout);
    printf("%d p=%d r=%d", w, p, r);
    if (to_buf) {
      fputs(" cap=", stdout);
      printf("%d [", (int)cap);
      /* the bytes snprintf may write, its NUL, and one byte it must not touch */
      size_t shown = (size_t)r + 1 < cap ? (size_t)r + 1 : cap;
      fwrite(buf, 1, shown + 1, stdout);
      fputs("]", stdout);
    }
    fputs("\n", stdout);
  }
  return 0;
}
