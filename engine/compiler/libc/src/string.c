/* string.h and strings.h. Byte loops: the machine's loads and stores are byte-addressed and
 * cheap, and there is no wider copy to gain from (no 64-bit or SIMD moves). Loops are not
 * unrolled: an unrolled loop's remainder is computed with `n & 7`, a lowered helper call that
 * costs more than the branches it saves on the short copies programs make. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Eight bytes per iteration while eight remain, then one at a time: unrolled by hand, since
 * clang's unrolling computes the remainder with `n & 7`. Word loads and stores would need
 * aligned pointers, and testing alignment is a mask too. */
static void copy_forward(unsigned char *d, const unsigned char *s, size_t n) {
  unsigned char *e = d + n;
#pragma clang loop unroll(disable)
  while ((size_t)(e - d) >= 8) {
    d[0] = s[0];
    d[1] = s[1];
    d[2] = s[2];
    d[3] = s[3];
    d[4] = s[4];
    d[5] = s[5];
    d[6] = s[6];
    d[7] = s[7];
    d += 8;
    s += 8;
  }
#pragma clang loop unroll(disable)
  while (d != e) *d++ = *s++;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  copy_forward((unsigned char *)dst, (const unsigned char *)src, n);
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  const unsigned char *s = (const unsigned char *)src;
  if (d < s) copy_forward(d, s, n); /* safe when d is below s: each byte is read before it is overwritten */
  else if (d > s) {
#pragma clang loop unroll(disable)
    while (n) {
      n--;
      d[n] = s[n];
    }
  }
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = (unsigned char *)dst;
  unsigned char *e = d + n;
  unsigned char b = (unsigned char)c;
#pragma clang loop unroll(disable)
  while ((size_t)(e - d) >= 8) {
    d[0] = b;
    d[1] = b;
    d[2] = b;
    d[3] = b;
    d[4] = b;
    d[5] = b;
    d[6] = b;
    d[7] = b;
    d += 8;
  }
#pragma clang loop unroll(disable)
  while (d != e) *d++ = b;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  for (size_t i = 0; i < n; i++)
    if (p[i] != q[i]) return p[i] - q[i];
  return 0;
}

void *memchr(const void *s, int c, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char b = (unsigned char)c;
  for (size_t i = 0; i < n; i++)
    if (p[i] == b) return (void *)(p + i);
  return 0;
}

void *memrchr(const void *s, int c, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char b = (unsigned char)c;
  #pragma clang loop unroll(disable)
  while (n--)
    if (p[n] == b) return (void *)(p + n);
  return 0;
}

size_t strlen(const char *s) {
  const char *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i]) i++;
  return i;
}

char *strcpy(char *restrict dst, const char *restrict src) {
  char *d = dst;
  while ((*d++ = *src++)) {
  }
  return dst;
}

char *stpcpy(char *restrict dst, const char *restrict src) {
  while ((*dst = *src++)) dst++;
  return dst;
}

char *strncpy(char *restrict dst, const char *restrict src, size_t n) {
  size_t i = 0;
  #pragma clang loop unroll(disable)
  for (; i < n && src[i]; i++) dst[i] = src[i];
  #pragma clang loop unroll(disable)
  for (; i < n; i++) dst[i] = 0;
  return dst;
}

char *strcat(char *restrict dst, const char *restrict src) {
  strcpy(dst + strlen(dst), src);
  return dst;
}

char *strncat(char *restrict dst, const char *restrict src, size_t n) {
  char *d = dst + strlen(dst);
  size_t i = 0;
  #pragma clang loop unroll(disable)
  for (; i < n && src[i]; i++) d[i] = src[i];
  d[i] = 0;
  return dst;
}

int strcmp(const char *a, const char *b) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  while (*p && *p == *q) p++, q++;
  return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  for (; n; n--, p++, q++) {
    if (*p != *q) return *p - *q;
    if (!*p) return 0;
  }
  return 0;
}

/* The "C" locale: collation is byte order. */
int strcoll(const char *a, const char *b) { return strcmp(a, b); }

size_t strxfrm(char *restrict dst, const char *restrict src, size_t n) {
  size_t len = strlen(src);
  if (len < n) memcpy(dst, src, len + 1);
  return len;
}

char *strchr(const char *s, int c) {
  char b = (char)c;
  for (;; s++) {
    if (*s == b) return (char *)s;
    if (!*s) return 0;
  }
}

char *strrchr(const char *s, int c) {
  char b = (char)c;
  const char *found = 0;
  for (;; s++) {
    if (*s == b) found = s;
    if (!*s) return (char *)found;
  }
}

char *strstr(const char *hay, const char *needle) {
  if (!*needle) return (char *)hay;
  for (; *hay; hay++) {
    if (*hay != *needle) continue;
    const char *h = hay, *n = needle;
    while (*n && *h == *n) h++, n++;
    if (!*n) return (char *)hay;
    if (!*h) return 0; /* the rest of hay is shorter than needle */
  }
  return 0;
}

static int in_chars(const char *set, char c) {
  for (; *set; set++)
    if (*set == c) return 1;
  return 0;
}

size_t strspn(const char *s, const char *accept) {
  size_t i = 0;
  while (s[i] && in_chars(accept, s[i])) i++;
  return i;
}

size_t strcspn(const char *s, const char *reject) {
  size_t i = 0;
  while (s[i] && !in_chars(reject, s[i])) i++;
  return i;
}

char *strpbrk(const char *s, const char *accept) {
  s += strcspn(s, accept);
  return *s ? (char *)s : 0;
}

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict save) {
  if (!s) s = *save;
  if (!s) return 0;
  s += strspn(s, delim);
  if (!*s) {
    *save = s;
    return 0;
  }
  char *end = s + strcspn(s, delim);
  if (*end) *end++ = 0;
  *save = end;
  return s;
}

char *strtok(char *restrict s, const char *restrict delim) {
  static char *save;
  return strtok_r(s, delim, &save);
}

char *strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = (char *)malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

char *strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = (char *)malloc(len + 1);
  if (p) {
    memcpy(p, s, len);
    p[len] = 0;
  }
  return p;
}

static int lower(int c) { return (unsigned int)(c - 'A') < 26u ? c + 32 : c; }

int strcasecmp(const char *a, const char *b) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  for (;; p++, q++) {
    int x = lower(*p), y = lower(*q);
    if (x != y || !x) return x - y;
  }
}

int strncasecmp(const char *a, const char *b, size_t n) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  for (; n; n--, p++, q++) {
    int x = lower(*p), y = lower(*q);
    if (x != y || !x) return x - y;
  }
  return 0;
}
