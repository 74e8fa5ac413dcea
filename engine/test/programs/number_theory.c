// args: 0 1 15 16 17 1000 65535 2147483647 -5 | 3 200 1009
// covers: integer square root (Newton, variable div_u), bit length via __builtin_clz, modular exponentiation (variable mul and rem_u, shr_u by 1), digit sums (% 10, / 10), perfect squares, signed values rejected
static const char *read_list(const char *s, int *out, int max, int *count) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || *s == '|') break;
    if (n < max) out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
  if (*s == '|') s++;
  *count = n;
  return s;
}

static __attribute__((noinline)) unsigned isqrt(unsigned n) {
  if (n < 2u) return n;
  unsigned x = n / 2u + 1u;
  unsigned y = (x + n / x) / 2u;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2u;
  }
  return x;
}

/* base^exp mod m with m < 65536 so products fit in 32 bits */
static __attribute__((noinline)) unsigned modpow(unsigned base, unsigned exp, unsigned m) {
  unsigned result = 1u % m;
  base %= m;
  while (exp) {
    if (exp & 1u) result = result * base % m;
    base = base * base % m;
    exp >>= 1;
  }
  return result;
}

static __attribute__((noinline)) int digit_sum(int v) {
  int s = 0;
  while (v) {
    s += v % 10;
    v /= 10;
  }
  return s < 0 ? -s : s;
}

void compute(const char *input) {
  int vals[10], mp[4], nv, nm;
  const char *rest = read_list(input, vals, 10, &nv);
  read_list(rest, mp, 4, &nm);
  for (int i = 0; i < nv; i++) {
    int v = vals[i];
    if (v < 0) {
      printf("%d: negative, digit sum %d\n", v, digit_sum(v));
      continue;
    }
    unsigned r = isqrt((unsigned)v);
    int bits = v ? 32 - __builtin_clz((unsigned)v) : 0;
    printf("%d: isqrt=%u square=%s digits=%d bits=%d\n", v, r, r * r == (unsigned)v ? "yes" : "no", digit_sum(v), bits);
  }
  if (nm == 3) {
    unsigned base = (unsigned)mp[0], exp = (unsigned)mp[1], m = (unsigned)mp[2];
    printf("%u^%u mod %u = %u\n", base, exp, m, modpow(base, exp, m));
    /* Fermat: a^(p-1) == 1 mod p for prime p */
    int fermat = 0;
    for (unsigned a = 2u; a < 8u; a++)
      if (modpow(a + base, m - 1u, m) == 1u) fermat++;
    printf("fermat %d/6\n", fermat);
  }
}
