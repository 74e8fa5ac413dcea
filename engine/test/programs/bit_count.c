// args: 1 2 3 -1 -2147483648 2147483647 65536 305419896 -16 96 0
// covers: i32.clz / i32.ctz / i32.popcnt via __builtin_clz/ctz/popcount on runtime values (nonzero for clz/ctz), popcount(0), loop-based reference versions, ilog2, next power of two
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) int slow_clz(unsigned x) {
  int n = 0;
  while (!(x & 0x80000000u)) {
    x = x + x;
    n++;
  }
  return n;
}

static __attribute__((noinline)) int slow_ctz(unsigned x) {
  int n = 0;
  while (!(x & 1u)) {
    x = x >> 1;
    n++;
  }
  return n;
}

static __attribute__((noinline)) int slow_popcount(unsigned x) {
  int n = 0;
  for (int i = 0; i < 32; i++) {
    if (x & 1u) n++;
    x = x >> 1;
  }
  return n;
}

void compute(const char *input) {
  int v[12];
  int n = read_ints(input, v, 12);
  if (n < 3) return;
  int agree = 0, checked = 0;
  for (int i = 0; i < n; i++) {
    unsigned x = (unsigned)v[i];
    int pc = __builtin_popcount(x);
    if (x == 0) {
      print_str("0: pop=");
      print_int(pc);
      putchar('\n');
      continue;
    }
    int lz = __builtin_clz(x), tz = __builtin_ctz(x);
    printf("%u: clz=%d ctz=%d pop=%d ilog2=%d", x, lz, tz, pc, 31 - lz);
    if (x > 1u && x <= 0x80000000u) printf(" next_pow2=%u", 1u << (32 - __builtin_clz(x - 1u)));
    putchar('\n');
    checked++;
    if (lz == slow_clz(x) && tz == slow_ctz(x) && pc == slow_popcount(x)) agree++;
  }
  printf("agree %d/%d\n", agree, checked);
  /* totals used in further arithmetic */
  int total = 0;
  for (int i = 0; i < n; i++) {
    unsigned x = (unsigned)v[i];
    total += __builtin_popcount(x) - (x ? __builtin_ctz(x) : 0);
  }
  printf("total=%d parity=%d\n", total, __builtin_popcount((unsigned)v[n - 2] ^ (unsigned)v[n - 3]) & 1);
}
