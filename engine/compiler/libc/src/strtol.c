/* strtol, strtoul, strtoll, strtoull, atoi, atol, atoll, strtoimax, strtoumax. One parser reads
 * the magnitude as 64 bits with an overflow flag; each function then clamps to its type as the
 * C standard (and glibc) says. Bases 10, 16, 8 and 2 multiply by constant shifts; other bases
 * use a (lowered) multiply. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

static int is_space(int c) { return c == ' ' || (unsigned int)(c - '\t') < 5u; }

static int digit_value(int c) {
  if ((unsigned int)(c - '0') < 10u) return c - '0';
  if ((unsigned int)(c - 'a') < 26u) return c - 'a' + 10;
  if ((unsigned int)(c - 'A') < 26u) return c - 'A' + 10;
  return 99;
}

struct parsed {
  unsigned long long mag;
  int neg;
  int overflow;
};

/* Returns 0 and sets errno = EINVAL for a bad base (leaving *end alone, as glibc does); *end is
 * s when there are no digits. */
static int parse(const char *s, char **end, int base, struct parsed *out) {
  const unsigned char *p = (const unsigned char *)s;
  out->mag = 0;
  out->neg = 0;
  out->overflow = 0;
  if (base < 0 || base == 1 || base > 36) {
    errno = EINVAL;
    return 0;
  }
  while (is_space(*p)) p++;
  if (*p == '-' || *p == '+') out->neg = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
      digit_value(p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = *p == '0' ? 8 : 10;
  }
  unsigned long long cutoff;
  int shift = 0;
  if (base == 10) cutoff = 1844674407370955161ull;
  else if (base == 16) cutoff = 0x0fffffffffffffffull, shift = 4;
  else if (base == 8) cutoff = 0x1fffffffffffffffull, shift = 3;
  else if (base == 2) cutoff = 0x7fffffffffffffffull, shift = 1;
  else cutoff = ~0ull / (unsigned)base;
  const unsigned char *start = p;
  /* 32-bit arithmetic while the value is small (the common case): the machine lowers 64-bit
   * arithmetic to word pairs. Below 2^28, v * base + digit fits 32 bits for base <= 16. */
  unsigned int v32 = 0;
  int d;
  if (base <= 16) {
    for (; (d = digit_value(*p)) < base && v32 < 0x10000000u; p++) {
      if (base == 10) v32 = (v32 << 3) + (v32 << 1) + (unsigned)d;
      else if (shift == 4) v32 = (v32 << 4) + (unsigned)d;
      else if (shift == 3) v32 = (v32 << 3) + (unsigned)d;
      else if (shift == 1) v32 = (v32 << 1) + (unsigned)d;
      else v32 = v32 * (unsigned)base + (unsigned)d;
    }
  }
  unsigned long long v = v32;
  for (; (d = digit_value(*p)) < base; p++) {
    if (out->overflow) continue;
    if (v > cutoff) {
      out->overflow = 1;
      continue;
    }
    unsigned long long m;
    if (base == 10) m = (v << 3) + (v << 1);
    else if (shift == 4) m = v << 4;
    else if (shift == 3) m = v << 3;
    else if (shift == 1) m = v << 1;
    else m = v * (unsigned)base;
    if (m + (unsigned)d < m) out->overflow = 1;
    v = m + (unsigned)d;
  }
  if (p == start) {
    if (end) *end = (char *)s;
    return 0;
  }
  if (end) *end = (char *)p;
  out->mag = v;
  return 1;
}

/* Signed result within [-(max+1), max]. */
static long long to_signed(const struct parsed *r, unsigned long long max) {
  unsigned long long lim = r->neg ? max + 1 : max;
  if (r->overflow || r->mag > lim) {
    errno = ERANGE;
    return r->neg ? (long long)(0ull - (max + 1)) : (long long)max;
  }
  return r->neg ? (long long)(0ull - r->mag) : (long long)r->mag;
}

/* Unsigned result within [0, max], negated in the type as strtoul does. */
static unsigned long long to_unsigned(const struct parsed *r, unsigned long long max) {
  if (r->overflow || r->mag > max) {
    errno = ERANGE;
    return max;
  }
  return r->neg ? (0ull - r->mag) & max : r->mag;
}

long strtol(const char *restrict s, char **restrict end, int base) {
  struct parsed r;
  if (!parse(s, end, base, &r)) return 0;
  return (long)to_signed(&r, LONG_MAX);
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base) {
  struct parsed r;
  if (!parse(s, end, base, &r)) return 0;
  return (unsigned long)to_unsigned(&r, ULONG_MAX);
}

long long strtoll(const char *restrict s, char **restrict end, int base) {
  struct parsed r;
  if (!parse(s, end, base, &r)) return 0;
  return to_signed(&r, LLONG_MAX);
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base) {
  struct parsed r;
  if (!parse(s, end, base, &r)) return 0;
  return to_unsigned(&r, ULLONG_MAX);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base) {
  return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base) {
  return strtoull(s, end, base);
}

/* atoi: 32-bit arithmetic (overflow is undefined behaviour; this wraps, as glibc's strtol on
 * x86-64 followed by the cast to int does for values that fit in 64 bits). */
int atoi(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (is_space(*p)) p++;
  int neg = 0;
  if (*p == '-' || *p == '+') neg = *p++ == '-';
  unsigned int v = 0;
  while ((unsigned int)(*p - '0') < 10u) v = (v << 3) + (v << 1) + (unsigned int)(*p++ - '0');
  return neg ? (int)(0u - v) : (int)v;
}

long atol(const char *s) { return atoi(s); }

long long atoll(const char *s) { return strtoll(s, 0, 10); }
