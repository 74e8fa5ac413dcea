// args: 7 0 1 -2 3 100 2147483647 -2147483648 65535 -1
// covers: double-precision arithmetic on runtime values (f64 instructions): + - * /, comparisons, conversions from and to int and unsigned, sqrt, the IEEE bits
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) double mix(double a, double b) { return (a * 0.75 - b / 3.0) + 0.5; }

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  double sum = 0;
  for (int i = 0; i < n; i++) {
    double d = v[i];
    double m = mix(d, (double)(unsigned)v[i]);
    union { double d; unsigned w[2]; } bits = { m };
    printf("%d: %d %d %u %u %d\n", v[i], (int)(d / 3.0 + 0.5), d < m, bits.w[1], bits.w[0],
           (int)__builtin_sqrt(d < 0 ? -d : d));
    sum += m;
  }
  printf("sum %d\n", (int)(sum / 1024));
}
