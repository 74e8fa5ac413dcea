// sscanf_parse: parses records with sscanf: dates (%d-%d-%d), key=value pairs (%[^=]=%s),
// hex and octal (%x %o %i), 64-bit numbers (%lld %llu), characters and scansets, with the
// return value showing how many fields matched, and scanf reading pairs from standard input.
// stdin: 3 4\n10 -20\n7 x\n
#include <stdio.h>

int main(void) {
  const char *dates[] = {"2024-02-29", "1999-12-31T23:59", "bad-date", "2024-7"};
  for (int i = 0; i < 4; i++) {
    int y = 0, m = 0, d = 0;
    int n = sscanf(dates[i], "%d-%d-%d", &y, &m, &d);
    printf("'%s': %d fields -> %04d/%02d/%02d\n", dates[i], n, y, m, d);
  }
  const char *pairs[] = {"name=transformer", "size = 35", "empty=", "key_only"};
  for (int i = 0; i < 4; i++) {
    char key[16] = "", value[16] = "";
    int n = sscanf(pairs[i], "%15[^= ] = %15s", key, value);
    printf("'%s': %d -> key [%s] value [%s]\n", pairs[i], n, key, value);
  }
  unsigned hex, oct;
  int any1, any2, any3;
  int n = sscanf("ff 17 0x1A 017 -12", "%x %o %i %i %i", &hex, &oct, &any1, &any2, &any3);
  printf("%d: hex %u oct %u i: %d %d %d\n", n, hex, oct, any1, any2, any3);
  long long big;
  unsigned long long ubig;
  n = sscanf("-9223372036854775807 18446744073709551615", "%lld %llu", &big, &ubig);
  printf("%d: %lld %llu\n", n, big, ubig);
  char word[8], c;
  int num;
  n = sscanf("hello,world 42", "%7[a-z],%c%*s %d", word, &c, &num);
  printf("%d: [%s] '%c' %d\n", n, word, c, num);
  short s;
  unsigned char uc;
  n = sscanf("-1234 200", "%hd %hhu", &s, &uc);
  printf("%d: %hd %u\n", n, s, uc);
  int w1, w2;
  n = sscanf("123456", "%3d%2d", &w1, &w2);
  printf("width-limited: %d: %d %d\n", n, w1, w2);
  int consumed = 0;
  n = sscanf("  77 rest", "%d%n", &w1, &consumed);
  printf("%%n: %d field, %d chars consumed, rest '%s'\n", n, consumed, "  77 rest" + consumed);
  printf("empty input: %d\n", sscanf("", "%d", &w1));
  int a, b, sum = 0, lines = 0;
  while ((n = scanf("%d %d", &a, &b)) == 2) {
    sum += a * b;
    lines++;
  }
  printf("scanf: %d pairs, sum of products %d, stopped with %d\n", lines, sum, n);
  return 0;
}
