// getchar_ungetc: a hand-written reader of integers and words from standard input using getchar
// and ungetc for one character of lookahead (the way scanf works inside), summing signed numbers
// and listing the words between them, until EOF.
// stdin: 12 apples, -3 pears;+7 plums\n-x 0042 end-9\n
#include <ctype.h>
#include <stdio.h>

static int read_number(long long *out) {
  int c = getchar();
  int sign = 1;
  if (c == '-' || c == '+') {
    int d = getchar();
    if (!isdigit(d)) {
      ungetc(d, stdin);
      return c;  // a lone sign: the caller sees it as punctuation
    }
    sign = c == '-' ? -1 : 1;
    c = d;
  }
  if (!isdigit(c)) {
    ungetc(c, stdin);
    return 0;
  }
  long long v = 0;
  while (isdigit(c)) {
    v = v * 10 + (c - '0');
    c = getchar();
  }
  ungetc(c, stdin);
  *out = sign * v;
  return 1;
}

int main(void) {
  long long sum = 0, v;
  int numbers = 0, words = 0, punct = 0;
  for (;;) {
    int c = getchar();
    if (c == EOF) break;
    if (isspace(c)) continue;
    if (isdigit(c) || c == '-' || c == '+') {
      ungetc(c, stdin);
      int r = read_number(&v);
      if (r == 1) {
        printf("number %lld\n", v);
        sum += v;
        numbers++;
      } else {
        printf("punct  '%c'\n", r);
        punct++;
      }
    } else if (isalpha(c)) {
      char w[32];
      int n = 0;
      while (isalpha(c)) {
        if (n < 31) w[n++] = (char)c;
        c = getchar();
      }
      w[n] = '\0';
      ungetc(c, stdin);
      printf("word   %s\n", w);
      words++;
    } else {
      printf("punct  '%c'\n", c);
      punct++;
    }
  }
  printf("%d numbers (sum %lld), %d words, %d punctuation\n", numbers, sum, words, punct);
  return 0;
}
