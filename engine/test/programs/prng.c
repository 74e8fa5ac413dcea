// args: 12345 1664525 1013904223 12
// covers: xorshift32 (shl/shr_u/xor by constants), LCG with a runtime multiplier and increment (mul variable), output permutation with a data-dependent rotr, range reduction with %, dice histogram
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static unsigned xs_state;
static unsigned lcg_state, lcg_mul, lcg_add;

static __attribute__((noinline)) unsigned xorshift32(void) {
  unsigned x = xs_state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  xs_state = x;
  return x;
}

static __attribute__((noinline)) unsigned lcg_next(void) {
  lcg_state = lcg_state * lcg_mul + lcg_add;
  return lcg_state;
}

/* n must be in 1..31 */
static __attribute__((noinline)) unsigned rotr(unsigned x, int n) { return (x >> n) | (x << (32 - n)); }

/* rotate right by the top bits of the state, plus one: n in 1..16 */
static unsigned permute(unsigned x) { return rotr(x, (int)(x >> 28) + 1); }

static int histogram[6];

void compute(const char *input) {
  int v[4];
  if (read_ints(input, v, 4) < 4) return;
  xs_state = (unsigned)v[0];
  lcg_state = (unsigned)v[0];
  lcg_mul = (unsigned)v[1];
  lcg_add = (unsigned)v[2];
  int rounds = v[3];
  for (int i = 0; i < rounds; i++) {
    unsigned a = xorshift32();
    unsigned b = lcg_next();
    unsigned c = permute(b);
    int die = (int)(a % 6u);
    histogram[die]++;
    printf("%u %u %u %d %d\n", a, b, c, die + 1, (int)(c % (unsigned)(i + 2)));
  }
  for (int d = 0; d < 6; d++) printf("%d%c", histogram[d], d == 5 ? '\n' : ' ');
}
