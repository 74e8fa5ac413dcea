// calc_repl: a calculator that reads one expression per line (fgets) and evaluates it with a
// recursive-descent parser over 64-bit integers: + - * / % parentheses and unary minus.
// Errors (division by zero, syntax) are reported per line and the loop goes on.
// stdin: 1 + 2 * 3\n(1 + 2) * 3\n-7 / 2\n-7 % 3\n100000 * 100000 * 1000\n10 / (5 - 5)\n2 * (3 + \n  42  \n
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *p;
static int error;

static void skip(void) {
  while (*p == ' ' || *p == '\t') p++;
}

static int64_t expr(void);

static int64_t primary(void) {
  skip();
  if (*p == '(') {
    p++;
    int64_t v = expr();
    skip();
    if (*p != ')') {
      if (!error) error = 1;
      return 0;
    }
    p++;
    return v;
  }
  if (*p == '-') {
    p++;
    return -primary();
  }
  if (!isdigit((unsigned char)*p)) {
    if (!error) error = 1;
    return 0;
  }
  int64_t v = 0;
  while (isdigit((unsigned char)*p)) v = v * 10 + (*p++ - '0');
  return v;
}

static int64_t term(void) {
  int64_t v = primary();
  for (;;) {
    skip();
    char op = *p;
    if (op != '*' && op != '/' && op != '%') return v;
    p++;
    int64_t r = primary();
    if (op == '*') v *= r;
    else if (r == 0) {
      if (!error) error = 2;
      return 0;
    } else if (op == '/') v /= r;
    else v %= r;
  }
}

static int64_t expr(void) {
  int64_t v = term();
  for (;;) {
    skip();
    if (*p == '+') p++, v += term();
    else if (*p == '-') p++, v -= term();
    else return v;
  }
}

int main(void) {
  char line[128];
  int n = 0;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    n++;
    p = line;
    error = 0;
    int64_t v = expr();
    skip();
    if (!error && *p != '\0') error = 1;
    if (error == 1) printf("%d: syntax error at column %d\n", n, (int)(p - line) + 1);
    else if (error == 2) printf("%d: division by zero\n", n);
    else printf("%d: %s = %lld\n", n, line, (long long)v);
  }
  printf("bye after %d lines\n", n);
  return 0;
}
