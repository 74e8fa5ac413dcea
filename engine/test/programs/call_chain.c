// args: 3 5 7 11 13 17 19 23
// covers: functions with 6, 7 and 8 parameters, an 8-deep chain of non-inlined calls, Hofstadter female/male mutual recursion, non-tail recursion 100 deep, return values combined in expressions
static __attribute__((noinline)) int mix6(int a, int b, int c, int d, int e, int f) { return a - b + c * d - e + f; }

static __attribute__((noinline)) int mix7(int a, int b, int c, int d, int e, int f, int g) {
  return mix6(a, b, c, d, e, f) * 2 - g + (a < g ? 1 : 0);
}

static __attribute__((noinline)) int mix8(int a, int b, int c, int d, int e, int f, int g, int h) {
  return (a ^ h) + (b | g) - (c & f) + d * e;
}

static __attribute__((noinline)) int level8(int x) { return x * 3 + 1; }
static __attribute__((noinline)) int level7(int x) { return level8(x - 1) + 7; }
static __attribute__((noinline)) int level6(int x) { return level7(x + 2) - 6; }
static __attribute__((noinline)) int level5(int x) { return level6(x) * 2 + 5; }
static __attribute__((noinline)) int level4(int x) { return level5(x - 4) + level8(x); }
static __attribute__((noinline)) int level3(int x) { return level4(x + 3) - 3; }
static __attribute__((noinline)) int level2(int x) { return level3(x) + level3(x + 1); }
static __attribute__((noinline)) int level1(int x) { return level2(x) - 1; }

static int male(int n);
static __attribute__((noinline)) int female(int n) { return n == 0 ? 1 : n - male(female(n - 1)); }
static __attribute__((noinline)) int male(int n) { return n == 0 ? 0 : n - female(male(n - 1)); }

/* not a tail call: the result is shifted and mixed after returning */
static __attribute__((noinline)) unsigned deep(int n) {
  if (n == 0) return 1u;
  unsigned r = deep(n - 1);
  return (r << 1) ^ (unsigned)n;
}

static __attribute__((noinline)) int sq(int x) { return x * x; }

void compute(const char *input) {
  int a, b, c, d, e, f, g, h;
  if (sscanf(input, "%d %d %d %d %d %d %d %d", &a, &b, &c, &d, &e, &f, &g, &h) != 8) return;
  printf("mix6=%d mix7=%d mix8=%d\n", mix6(a, b, c, d, e, f), mix7(a, b, c, d, e, f, g), mix8(a, b, c, d, e, f, g, h));
  printf("mix8 reversed=%d\n", mix8(h, g, f, e, d, c, b, a));
  printf("chain=%d %d %d\n", level1(a), level1(-h), level1(level1(b) % 100));
  printf("F:");
  for (int i = 0; i < 15; i++) printf(" %d", female(i));
  printf("\nM:");
  for (int i = 0; i < 15; i++) printf(" %d", male(i));
  printf("\ndeep=%u %u\n", deep(h * 4), deep(a));
  int hyp = sq(a) + sq(b) > sq(c) ? sq(a) + sq(b) - sq(c) : sq(c) - sq(a) - sq(b);
  printf("hyp=%d nested=%d\n", hyp, sq(sq(a) - sq(b)) + mix6(sq(a), b, c, sq(d), e, f));
}
