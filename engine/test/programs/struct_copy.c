// args: 4 9 -2 15 6
// covers: large structs (> 64 bytes) returned by value, passed by value, assigned and swapped (memcpy calls), zero-initialised with = {0} (memset call), 4-byte structs of shorts and chars copied as one word, memcmp on structs
struct Stats {
  int values[16];
  int count;
  int sum;
  int min, max;
};

struct Pair16 {
  short lo, hi;
};

struct Rgba {
  unsigned char r, g, b, a;
};

static __attribute__((noinline)) struct Stats make_stats(const int *v, int n) {
  struct Stats s = {0};
  for (int i = 0; i < n && i < 16; i++) {
    s.values[i] = v[i];
    s.sum += v[i];
    if (i == 0 || v[i] < s.min) s.min = v[i];
    if (i == 0 || v[i] > s.max) s.max = v[i];
    s.count++;
  }
  return s;
}

/* by value: the callee works on its own copy */
static __attribute__((noinline)) int spread_after_doubling(struct Stats s) {
  for (int i = 0; i < s.count; i++) s.values[i] *= 2;
  s.min *= 2;
  s.max *= 2;
  return s.max - s.min;
}

/* one field per printf: two adjacent fields passed together would be copied as one 64-bit word */
static __attribute__((noinline)) void print_stats(const char *label, const struct Stats *s) {
  printf("%s: count=%d", label, s->count);
  printf(" sum=%d", s->sum);
  printf(" min=%d", s->min);
  printf(" max=%d values", s->max);
  for (int i = 0; i < s->count; i++) printf(" %d", s->values[i]);
  putchar('\n');
}

static __attribute__((noinline)) struct Pair16 swap_pair(struct Pair16 p) {
  struct Pair16 q;
  q.lo = p.hi;
  q.hi = p.lo;
  return q;
}

static __attribute__((noinline)) struct Rgba blend(struct Rgba x, struct Rgba y) {
  struct Rgba o;
  o.r = (unsigned char)((x.r + y.r) >> 1);
  o.g = (unsigned char)((x.g + y.g) >> 1);
  o.b = (unsigned char)((x.b + y.b) >> 1);
  o.a = (unsigned char)(x.a > y.a ? x.a : y.a);
  return o;
}

static struct Stats history[3];

void compute(const char *input) {
  int v[16];
  int n = 0;
  const char *p = input;
  while (n < 16) {
    while (*p == ' ') p++;
    if (!*p) break;
    v[n++] = parse_int(p);
    while (*p && *p != ' ') p++;
  }
  struct Stats a = make_stats(v, n);
  print_stats("a", &a);
  printf("spread doubled %d\n", spread_after_doubling(a));
  print_stats("a again", &a);
  struct Stats b = make_stats(v + 1, n - 1);
  print_stats("b", &b);
  /* swap through a temporary */
  struct Stats t = a;
  a = b;
  b = t;
  print_stats("a swapped", &a);
  history[0] = a;
  history[1] = b;
  history[2] = history[0];
  printf("cmp %d %d\n", memcmp(&history[0], &history[2], sizeof(struct Stats)) == 0,
         memcmp(&history[0], &history[1], sizeof(struct Stats)) == 0);
  struct Pair16 pr;
  pr.lo = (short)v[0];
  pr.hi = (short)v[2];
  struct Pair16 sw = swap_pair(pr);
  struct Pair16 copy = sw;
  printf("pair %d %d -> %d %d\n", pr.lo, pr.hi, copy.lo, copy.hi);
  struct Rgba c1, c2;
  c1.r = (unsigned char)(v[0] * 20);
  c1.g = (unsigned char)(v[1] * 20);
  c1.b = (unsigned char)v[2];
  c1.a = (unsigned char)v[3];
  c2.r = (unsigned char)v[4];
  c2.g = (unsigned char)(v[3] * 10);
  c2.b = (unsigned char)(v[1] + 100);
  c2.a = (unsigned char)(v[0] * 50);
  struct Rgba m = blend(c1, c2);
  printf("blend %d %d %d %d\n", m.r, m.g, m.b, m.a);
}
