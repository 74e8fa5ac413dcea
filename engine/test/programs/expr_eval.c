// args: 1+2*3;(1+2)*3;-7/2;-7%2;7%-3;100/(3-3);2*(3+4)*(5-(6-7))/-3;1000000*1000/999;((((42))))
// covers: recursive descent parser (mutual recursion expr/term/unary/primary), runtime * / % with negative operands (mul, div_s, rem_s), division-by-zero guard, even/odd mutual recursion on the results
static const char *pos;
static int error;

static int expr(void);

static __attribute__((noinline)) int primary(void) {
  if (*pos == '(') {
    pos++;
    int v = expr();
    if (*pos == ')') pos++;
    else error = 1;
    return v;
  }
  if (*pos < '0' || *pos > '9') {
    error = 1;
    return 0;
  }
  int v = 0;
  while (*pos >= '0' && *pos <= '9') {
    v = v * 10 + (*pos - '0');
    pos++;
  }
  return v;
}

static __attribute__((noinline)) int unary(void) {
  if (*pos == '-') {
    pos++;
    return -unary();
  }
  return primary();
}

static __attribute__((noinline)) int term(void) {
  int v = unary();
  while (*pos == '*' || *pos == '/' || *pos == '%') {
    char op = *pos++;
    int r = unary();
    if (op == '*') {
      v = v * r;
    } else if (r == 0) {
      error = 2;
    } else if (op == '/') {
      v = v / r;
    } else {
      v = v % r;
    }
  }
  return v;
}

static __attribute__((noinline)) int expr(void) {
  int v = term();
  while (*pos == '+' || *pos == '-') {
    char op = *pos++;
    int r = term();
    v = op == '+' ? v + r : v - r;
  }
  return v;
}

static int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n) { return n == 0u ? 1 : is_odd(n - 1u); }
static __attribute__((noinline)) int is_odd(unsigned n) { return n == 0u ? 0 : is_even(n - 1u); }

void compute(const char *input) {
  pos = input;
  int index = 0;
  while (*pos) {
    const char *start = pos;
    error = 0;
    int v = expr();
    if (*pos && *pos != ';') error = 1;
    while (*pos && *pos != ';') pos++;
    int len = (int)(pos - start);
    if (*pos == ';') pos++;
    if (error) {
      printf("%d: error %d (%d chars)\n", index, error, len);
    } else {
      unsigned mag = v < 0 ? 0u - (unsigned)v : (unsigned)v;
      printf("%d: %d %s\n", index, v, mag > 200u ? "big" : (is_even(mag) ? "even" : "odd"));
    }
    index++;
  }
}
