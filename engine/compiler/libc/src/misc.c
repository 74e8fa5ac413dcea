/* Small functions of the other headers: wchar.h basics, inttypes.h, time.h and signal.h's
 * documented failures, unistd.h's read and write on the standard streams, locale.h's "C". */
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "stdio_impl.h"
#include "tvm_sys.h"

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

int wcscmp(const wchar_t *a, const wchar_t *b) {
  while (*a && *a == *b) a++, b++;
  return *a < *b ? -1 : *a > *b;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return *a < *b ? -1 : 1;
    if (!*a) return 0;
  }
  return 0;
}

wchar_t *wcscpy(wchar_t *restrict d, const wchar_t *restrict s) {
  wchar_t *r = d;
  while ((*d++ = *s++)) {
  }
  return r;
}

wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; s++) {
    if (*s == c) return (wchar_t *)s;
    if (!*s) return 0;
  }
}

wchar_t *wmemset(wchar_t *d, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; i++) d[i] = c;
  return d;
}

wchar_t *wmemcpy(wchar_t *restrict d, const wchar_t *restrict s, size_t n) {
  for (size_t i = 0; i < n; i++) d[i] = s[i];
  return d;
}

wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n) {
  if (d < s)
    for (size_t i = 0; i < n; i++) d[i] = s[i];
  else
    while (n--) d[n] = s[n];
  return d;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

intmax_t imaxabs(intmax_t x) { return x < 0 ? -x : x; }

imaxdiv_t imaxdiv(intmax_t a, intmax_t b) {
  imaxdiv_t r = {a / b, a % b};
  return r;
}

/* No clock on this machine: the documented failure values. */
time_t time(time_t *t) {
  if (t) *t = (time_t)-1;
  return (time_t)-1;
}

clock_t clock(void) { return (clock_t)-1; }

/* No signals: installing a handler fails. */
__sighandler_t signal(int sig, __sighandler_t handler) {
  (void)sig, (void)handler;
  errno = ENOSYS;
  return SIG_ERR;
}

/* raise(SIGABRT) is abort(); other signals cannot be delivered. */
int raise(int sig) {
  if (sig == SIGABRT) __tvm_abort();
  errno = ENOSYS;
  return -1;
}

ssize_t write(int fd, const void *buf, size_t n) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  const unsigned char *p = (const unsigned char *)buf;
  for (size_t i = 0; i < n; i++) __tvm_write(p[i]);
  return (ssize_t)n;
}

ssize_t read(int fd, void *buf, size_t n) {
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  unsigned char *p = (unsigned char *)buf;
  size_t i = 0;
  for (; i < n; i++) {
    int c = __tvm_stdin_getc();
    if (c < 0) break;
    p[i] = (unsigned char)c;
  }
  return (ssize_t)i;
}

int isatty(int fd) {
  (void)fd;
  errno = ENOTTY;
  return 0;
}

/* Only the "C" locale exists ("" and "POSIX" name it too). */
char *setlocale(int category, const char *name) {
  (void)category;
  if (!name || !name[0] || (name[0] == 'C' && !name[1])) return (char *)"C";
  const char *posix = "POSIX";
  int i = 0;
  while (posix[i] && name[i] == posix[i]) i++;
  return !posix[i] && !name[i] ? (char *)"C" : 0;
}
