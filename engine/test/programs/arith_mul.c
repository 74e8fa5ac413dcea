// args: 7 -3 2147483647 -2147483648 65535 -1 0 1 46341 100000
// covers: i32.mul with variable operands, unsigned wraparound products, signed in-range products, edge values, constant multipliers
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) unsigned umul(unsigned a, unsigned b) { return a * b; }
static __attribute__((noinline)) int smul(int a, int b) { return a * b; }

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  printf("n=%d\n", n);
  /* every pair, wrapping unsigned product */
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) printf(j ? " %u" : "%u", (unsigned)v[i] * (unsigned)v[j]);
    putchar('\n');
  }
  /* signed products that stay in range */
  int a = v[0], b = v[1], m1 = v[5], z = v[6], one = v[7];
  printf("%d %d %d %d\n", a * b, a * a * b, (a + b) * (a - b), b * b * b);
  printf("%d %d %d %d\n", v[2] * one, v[3] * one, v[2] * m1, v[3] * z);
  printf("%d %d %d\n", smul(m1, m1), smul(v[4], v[0]), smul(b, v[9]));
  printf("%u %u\n", umul(v[8], v[8]), umul(v[3], v[3]));
  /* constant multipliers on runtime values */
  for (int i = 0; i < n; i++) {
    unsigned u = (unsigned)v[i];
    printf("%u %u %u %u %u\n", u * 10u, u * 7u, u * 65536u, u * 0xffffffffu, u * 0x9e3779b9u);
  }
  printf("%d %d %d\n", a * 10, b * -5, a * 100 + b * 3);
}
