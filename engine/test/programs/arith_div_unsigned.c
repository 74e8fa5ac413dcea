// args: 100 7 4294967295 2147483648 1 0 3 65536 12345678 2147483647
// covers: i32.div_u / i32.rem_u with variable operands, 0xffffffffu and 0x80000000u, divisor 1 and larger-than-dividend, constant divisors (u/10 u%10 u/16 u%16 u/3)
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) unsigned udiv(unsigned a, unsigned b) { return a / b; }
static __attribute__((noinline)) unsigned urem(unsigned a, unsigned b) { return a % b; }

void compute(const char *input) {
  int raw[10];
  int n = read_ints(input, raw, 10);
  unsigned *v = (unsigned *)raw; /* same bits, read back as unsigned */
  int identity_ok = 0, tested = 0;
  for (int i = 0; i < n; i++) {
    unsigned a = v[i];
    printf("%u:", a);
    for (int j = 0; j < n; j++) {
      unsigned b = v[j];
      if (b == 0) {
        printf(" -");
        continue;
      }
      unsigned q = a / b, r = a % b;
      printf(" %u,%u", q, r);
      tested++;
      if (q * b + r == a && r < b) identity_ok++;
    }
    putchar('\n');
  }
  printf("identity %d/%d\n", identity_ok, tested);
  printf("%u %u %u %u\n", udiv(v[2], v[3]), urem(v[2], v[3]), udiv(v[3], v[9]), urem(v[3], v[9]));
  printf("%u %u %u %u\n", udiv(0xffffffffu, v[1]), urem(0x80000000u, v[1]), udiv(v[8], v[0]), urem(v[8], v[0]));
  /* constant divisors */
  for (int i = 0; i < n; i++) {
    unsigned a = v[i];
    printf("%u %u %u %u %u %u\n", a / 10u, a % 10u, a / 16u, a % 16u, a / 3u, a % 1000u);
  }
}
