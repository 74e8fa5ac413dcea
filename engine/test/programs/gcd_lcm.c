// args: 48 18 -48 18 17 5 0 7 1071 462 2147483647 1 -2147483647 3 1000000007 65536 240 -46
// covers: Euclid with signed % (recursive) and unsigned % (iterative), binary gcd with ctz and shifts, lcm with / and *, extended Euclid with signed / and *, negative operands
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) int gcd_rec(int a, int b) { return b == 0 ? a : gcd_rec(b, a % b); }

static __attribute__((noinline)) unsigned gcd_iter(unsigned a, unsigned b) {
  while (b) {
    unsigned t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static __attribute__((noinline)) unsigned gcd_binary(unsigned a, unsigned b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctz(a | b);
  a >>= __builtin_ctz(a);
  do {
    b >>= __builtin_ctz(b);
    if (a > b) {
      unsigned t = a;
      a = b;
      b = t;
    }
    b -= a;
  } while (b);
  return a << shift;
}

/* returns g and sets *x, *y with a*x + b*y == g (small inputs only) */
static __attribute__((noinline)) int ext_gcd(int a, int b, int *x, int *y) {
  if (b == 0) {
    *x = 1;
    *y = 0;
    return a;
  }
  int x1, y1;
  int g = ext_gcd(b, a % b, &x1, &y1);
  *x = y1;
  *y = x1 - (a / b) * y1;
  return g;
}

static unsigned uabs(int v) { return v < 0 ? 0u - (unsigned)v : (unsigned)v; }

void compute(const char *input) {
  int v[18];
  int n = read_ints(input, v, 18);
  for (int i = 0; i + 1 < n; i += 2) {
    int a = v[i], b = v[i + 1];
    unsigned ua = uabs(a), ub = uabs(b);
    int gr = gcd_rec(a, b);
    unsigned gi = gcd_iter(ua, ub), gb = gcd_binary(ua, ub);
    printf("gcd(%d,%d): rec=%d iter=%u bin=%u", a, b, gr, gi, gb);
    if (gi != 0) printf(" lcm=%u", ua / gi * ub);
    if (ua < 100000u && ub < 100000u) {
      int x, y;
      int g = ext_gcd(a, b, &x, &y);
      printf(" ext=%d x=%d y=%d check=%d", g, x, y, a * x + b * y);
    }
    putchar('\n');
  }
}
