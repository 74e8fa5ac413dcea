// strtol_bases: strtol/strtoul/strtoll/strtoull with bases 0, 2, 8, 10, 16 and 36: prefixes,
// signs, leading blanks, where parsing stopped (endptr), and errno = ERANGE on overflow; atoi
// and atoll on the same strings.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void try_ll(const char *s, int base) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, base);
  int e = errno;
  printf("strtoll(\"%s\", %d) = %lld, stopped at %d%s\n", s, base, v, (int)(end - s), e == ERANGE ? ", ERANGE" : "");
}

static void try_ull(const char *s, int base) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, base);
  int e = errno;
  printf("strtoull(\"%s\", %d) = %llu, stopped at %d%s\n", s, base, v, (int)(end - s), e == ERANGE ? ", ERANGE" : "");
}

int main(void) {
  try_ll("12345", 10);
  try_ll("  -0x7fFF zz", 0);
  try_ll("0755", 0);
  try_ll("0755", 10);
  try_ll("101101", 2);
  try_ll("zz", 36);
  try_ll("Transformer", 36);
  try_ll("+42abc", 10);
  try_ll("   ", 10);
  try_ll("0x", 16);
  try_ll("9223372036854775807", 10);
  try_ll("9223372036854775808", 10);
  try_ll("-9223372036854775809", 10);
  try_ull("18446744073709551615", 10);
  try_ull("18446744073709551616", 10);
  try_ull("-1", 10);
  try_ull("0xFFFFffff00000000", 16);
  try_ull("777777777777777777777", 8);
  char *end;
  errno = 0;
  long v = strtol("-2147483648", &end, 10);
  printf("strtol 32-bit min: %d (errno %s)\n", (int)v, errno ? "set" : "0");
  unsigned long u = strtoul("4294967295", &end, 10);
  printf("strtoul 32-bit max: %u\n", (unsigned)u);
  const char *list = "10 0x20 030 -4 +5 end";
  const char *p = list;
  long long total = 0;
  for (;;) {
    long long x = strtoll(p, &end, 0);
    if (end == p) break;
    total += x;
    p = end;
  }
  printf("sum of '%s' = %lld, rest '%s'\n", list, total, p);
  printf("atoi: %d %d %d; atoll: %lld\n", atoi("  -77x"), atoi("abc"), atoi("+0"), atoll("-123456789012"));
  return 0;
}
