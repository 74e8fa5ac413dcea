// args: 1 -1 2147483647 -2147483648 305419896 -305419896 0 255 | 0 1 31 4 16 30
// covers: i32.shl / i32.shr_s / i32.shr_u with variable values and variable counts 0 1 31, negative values (arithmetic shift), constant shifts x>>3 x<<5 x>>31
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

static __attribute__((noinline)) int sar(int x, int n) { return x >> n; }
static __attribute__((noinline)) unsigned shr(unsigned x, int n) { return x >> n; }
static __attribute__((noinline)) unsigned shl(unsigned x, int n) { return x << n; }

void compute(const char *input) {
  int vals[10], counts[8], nv, nc;
  const char *rest = read_list(input, vals, 10, &nv);
  read_list(rest, counts, 8, &nc);
  printf("%d values, %d counts\n", nv, nc);
  for (int i = 0; i < nv; i++) {
    int x = vals[i];
    unsigned u = (unsigned)x;
    printf("%d:", x);
    for (int j = 0; j < nc; j++) {
      int k = counts[j];
      printf(" [%u %d %u]", u << k, x >> k, u >> k);
    }
    putchar('\n');
  }
  /* signed left shift of small non-negative values that stays in range */
  int small = vals[7];
  for (int j = 0; j < nc; j++) {
    int k = counts[j];
    if (k <= 23) printf("%d ", small << k);
  }
  putchar('\n');
  /* constant shift amounts */
  for (int i = 0; i < nv; i++) {
    int x = vals[i];
    unsigned u = (unsigned)x;
    printf("%d %u %u %d %u %u\n", x >> 3, u << 5, u >> 3, x >> 31, u >> 31, u << 31);
  }
  printf("%d %u %u\n", sar(vals[3], counts[2]), shr(vals[3], counts[2]), shl(vals[0], counts[2]));
  printf("%d %u %u\n", sar(vals[1], counts[0]), shr(vals[1], counts[1]), shl(vals[1], counts[1]));
}
