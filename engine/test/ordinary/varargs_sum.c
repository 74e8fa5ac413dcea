// varargs_sum: variadic functions with stdarg.h: a sum of a counted list of ints, a maximum of
// 64-bit values ended by a sentinel, a logger that forwards its arguments to vsnprintf and
// vfprintf with a prefix, and a va_copy to walk the same arguments twice.
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

static int sum_ints(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

static long long max_until_sentinel(long long first, ...) {
  va_list ap;
  va_start(ap, first);
  long long best = first;
  for (long long v = va_arg(ap, long long); v != LLONG_MIN; v = va_arg(ap, long long))
    if (v > best) best = v;
  va_end(ap);
  return best;
}

static int log_count;

static void logf_(const char *level, const char *fmt, ...) {
  char buf[80];
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  printf("[%d %s] %s (%d chars)\n", ++log_count, level, buf, n);
  fprintf(stdout, "  again: ");
  vfprintf(stdout, fmt, again);
  fputc('\n', stdout);
  va_end(again);
}

static void print_strings(const char *first, ...) {
  va_list ap;
  va_start(ap, first);
  int i = 0;
  for (const char *s = first; s; s = va_arg(ap, const char *)) printf("%s%s", i++ ? ", " : "", s);
  va_end(ap);
  printf(" (%d strings)\n", i);
}

int main(void) {
  printf("sum_ints(0) = %d\n", sum_ints(0));
  printf("sum_ints(5, ...) = %d\n", sum_ints(5, 1, -2, 30, 400, -5000));
  printf("max = %lld\n", max_until_sentinel(3LL, -7LL, 9000000000LL, 12LL, LLONG_MIN));
  printf("max = %lld\n", max_until_sentinel(-1LL, LLONG_MIN));
  logf_("info", "%s has %d opcodes and %lld tokens", "tvm", 35, 1234567890123LL);
  logf_("warn", "%-6s|%6s|%c|%x", "ab", "cd", 'Z', 0xC0FFEEu);
  uint64_t big = 0xFFFFFFFFFFFFFFFFULL;
  int8_t small = -100;
  logf_("debug", "%llu %d %hhd %s", (unsigned long long)big, (int)small, (signed char)small, "end");
  print_strings("one", "two", "three", (const char *)NULL);
  print_strings(NULL);
  return 0;
}
