/* printf family edge cases against glibc: return values, truncation, %n, %m, stderr and stdout
 * interleaving, the v* forms, and conversions glibc prints in its own way. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int my_vsn(char *b, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(b, n, fmt, ap);
  va_end(ap);
  return r;
}

static int my_vp(const char *fmt, ...) {
  va_list ap, aq;
  va_start(ap, fmt);
  va_copy(aq, ap);
  int r = vprintf(fmt, ap);
  r += vfprintf(stderr, fmt, aq);
  va_end(aq);
  va_end(ap);
  return r;
}

int main(void) {
  char b[128];
  int r;
  r = printf("plain text\n");
  printf("r=%d\n", r);
  printf("[%d][%i][%u][%o][%x][%X][%c][%s][%%]\n", -5, 42, 3000000000u, 8, 255, 255, 'z', "str");
  printf("[%5d][%-5d][%05d][%+d][% d][%+ d][%.0d][%.0d][%5.0d]\n", 42, 42, 42, 42, 42, 42, 0, 7, 0);
  printf("[%#o][%#o][%#.0o][%#5o][%#05o][%#x][%#X][%#x][%#08x][%#.3x]\n", 0, 8, 0, 8, 8, 0, 255, 1, 1, 1);
  printf("[%d][%d][%u][%x]\n", INT_MIN, INT_MAX, UINT_MAX, UINT_MAX);
  printf("[%lld][%lld][%llu][%llx][%llo]\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX, ULLONG_MAX, ULLONG_MAX);
  printf("[%hhd][%hhu][%hd][%hu][%hhx][%hx]\n", 300, 300, 70000, 70000, -1, -1);
  printf("[%jd][%ju][%zu][%zd][%td]\n", INTMAX_MIN, UINTMAX_MAX, (size_t)123, (size_t)77, (ptrdiff_t)-9);
  printf("[%" PRId64 "][%" PRIu64 "][%" PRIx32 "][%" PRId8 "][%" PRIu16 "][%" PRIdMAX "]\n", INT64_MIN,
         UINT64_MAX, (uint32_t)0xdeadbeef, (int8_t)-8, (uint16_t)65535, (intmax_t)-1);
  printf("[%s][%.2s][%10s][%-10s][%.0s][%10.3s]\n", "hello", "hello", "hi", "hi", "gone", "abcdef");
  printf("[%s][%.5s][%.6s][%8s][%-8s|]\n", (char *)0, (char *)0, (char *)0, (char *)0, (char *)0);
  printf("[%p][%p][%10p][%-10p|][%p]\n", (void *)0, (void *)0x1234, (void *)0xab, (void *)0xab,
         (void *)(uintptr_t)0xffffffffu);
  printf("[%c][%3c][%-3c|][%c]\n", 'a', 'b', 'c', 256 + 'd');
  printf("[%*d][%-*d][%*d][%.*d][%.*d][%*.*d]\n", 6, 1, 6, 2, -6, 3, 4, 5, -1, 6, 8, 3, 7);
  printf("[%5%][%-5%][%k][%]\n");
  printf("%s", "");
  printf("[%y%d]\n", 3);
  int n1 = -1, n2 = -1;
  signed char hn = 0;
  short sn = 0;
  long long lln = 0;
  printf("abc%n def%n\n", &n1, &n2);
  printf("%d %d\n", n1, n2);
  printf("%s%hhn%hn%lln|\n", "1234567890", &hn, &sn, &lln);
  printf("%d %d %lld\n", hn, sn, lln);
  errno = ENOENT;
  printf("[%m][%20m]\n");
  errno = 0;
  r = sprintf(b, "%d-%s-%c", 12, "ab", 'x');
  printf("sprintf %d [%s]\n", r, b);
  for (size_t n = 0; n < 8; n++) {
    memset(b, '*', sizeof b);
    r = snprintf(b, n, "%s%d", "abc", 12345);
    printf("snprintf n=%d r=%d [%.10s]\n", (int)n, r, b);
  }
  r = snprintf(0, 0, "%d %s", 123456, "long string");
  printf("snprintf(NULL, 0) = %d\n", r);
  r = my_vsn(b, sizeof b, "%05d|%-4s|%x", 42, "ab", 0xbeef);
  printf("vsnprintf %d [%s]\n", r, b);
  r = my_vp("to both %d\n", 7);
  printf("vprintf+vfprintf %d\n", r);
  fprintf(stderr, "to stderr %d\n", 1);
  fputs("to stdout\n", stdout);
  fputs("to stderr again\n", stderr);
  fputc('!', stderr);
  putc('?', stdout);
  putchar('\n');
  int a1 = puts("puts line"), a2 = fputs("fputs line\n", stdout), a3 = putchar('x');
  printf("%d %d %d\n", a1, a2, a3);
  printf("\n%d\n", fputc(0x1ff, stdout));
  fwrite("fwrite bytes\n", 1, 13, stdout);
  printf("fwrite returns %d\n", (int)fwrite("abcdef", 2, 3, stdout));
  printf("\nfflush %d\n", fflush(stdout));
  printf("high bytes: [\xe9\xff\x80]\n");
  return 0;
}
