// args: 100 7 -100 -7 2147483647 -2147483648 1 -1 0 3
// covers: i32.div_s / i32.rem_s with variable operands, negative dividends and divisors, INT_MIN and INT_MAX, truncation toward zero, constant divisors
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

#define INT_MIN_ (-2147483647 - 1)

static __attribute__((noinline)) int sdiv(int a, int b) { return a / b; }
static __attribute__((noinline)) int srem(int a, int b) { return a % b; }

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  int identity_ok = 0, tested = 0;
  for (int i = 0; i < n; i++) {
    int a = v[i];
    printf("%d:", a);
    for (int j = 0; j < n; j++) {
      int b = v[j];
      if (b == 0 || (a == INT_MIN_ && b == -1)) {
        printf(" -");
        continue;
      }
      int q = a / b, r = a % b;
      printf(" %d,%d", q, r);
      tested++;
      if ((unsigned)q * (unsigned)b + (unsigned)r == (unsigned)a) identity_ok++;
    }
    putchar('\n');
  }
  printf("identity %d/%d\n", identity_ok, tested);
  printf("%d %d %d %d\n", sdiv(v[5], v[6]), srem(v[5], v[6]), sdiv(v[5], v[9]), srem(v[5], v[9]));
  printf("%d %d %d %d\n", sdiv(v[4], v[7]), srem(v[4], v[7]), sdiv(v[2], v[3]), srem(v[2], v[3]));
  /* constant divisors */
  for (int i = 0; i < n; i++) {
    int a = v[i];
    printf("%d %d %d %d %d %d %d\n", a / 7, a % 16, a / 4, a % 2, a / -3, a % -5, a / 1000);
  }
}
