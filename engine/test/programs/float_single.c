// args: 7 0 1 -2 3 100 16777217 -2147483648 65535 -1
// covers: single-precision arithmetic on runtime values (f32 instructions): + - * /, comparisons, conversions from and to int, float to double and back, the IEEE bits
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) float mix(float a, float b) { return a * 0.75f - b / 3.0f + 1.25f; }

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  float sum = 0;
  for (int i = 0; i < n; i++) {
    float f = (float)v[i];
    float m = mix(f, (float)i);
    union { float f; unsigned w; } bits = { m };
    double wide = m;
    printf("%d: %d %d %u %d\n", v[i], (int)(m * 0.5f), f <= m, bits.w, (int)(wide * 1e-3));
    sum += m;
  }
  printf("sum %d\n", (int)(sum / 1024));
}
