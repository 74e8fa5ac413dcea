// args: 0 1 127 128 200 255 256 -1 -128 -129 32767 32768 40000 65535 65536 -32768 -40000 100000
// covers: signed char / unsigned char / short / unsigned short arrays: truncation on store, sign and zero extension on load, negative values, wraparound of 8/16-bit counters, mixed-width arithmetic and comparisons, variable arithmetic shifts of negative halves
static signed char sc[20];
static unsigned char uc[20];
static short ss[20];
static unsigned short us[20];

static __attribute__((noinline)) int sum_sc(const signed char *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static __attribute__((noinline)) int sum_uc(const unsigned char *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static __attribute__((noinline)) int sum_ss(const short *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static __attribute__((noinline)) int sum_us(const unsigned short *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (n < 20) {
    while (*p == ' ') p++;
    if (!*p) break;
    int x = parse_int(p);
    while (*p && *p != ' ') p++;
    sc[n] = (signed char)x;
    uc[n] = (unsigned char)x;
    ss[n] = (short)x;
    us[n] = (unsigned short)x;
    n++;
  }
  for (int i = 0; i < n; i++) printf("%d %d %d %d\n", sc[i], uc[i], ss[i], us[i]);
  printf("sums %d %d", sum_sc(sc, n), sum_uc(uc, n));
  printf(" %d %d\n", sum_ss(ss, n), sum_us(us, n));
  /* comparisons see the extended values */
  int neg8 = 0, neg16 = 0, big8 = 0;
  for (int i = 0; i < n; i++) {
    if (sc[i] < 0) neg8++;
    if (ss[i] < 0) neg16++;
    if (uc[i] > 127) big8++;
  }
  printf("neg8=%d neg16=%d big8=%d\n", neg8, neg16, big8);
  /* 8- and 16-bit counters wrap around */
  unsigned char c8 = uc[5];
  unsigned short c16 = us[13];
  signed char s8 = sc[2];
  for (int i = 0; i < 3; i++) {
    c8++;
    c16++;
    s8 = (signed char)(s8 + 1);
  }
  printf("wrapped %d %d %d\n", c8, c16, s8);
  /* mixed-width arithmetic: products of sign-extended bytes and halves */
  int dot = 0;
  for (int i = 0; i + 1 < n; i++) dot += sc[i] * ss[i + 1] / 64;
  printf("dot=%d\n", dot);
  /* arithmetic right shift of sign-extended halves by a varying count */
  int shifted = 0;
  for (int i = 0; i < n; i++) shifted += ss[i] >> (i & 15);
  printf("shifted=%d\n", shifted);
  /* store back through the narrow types after arithmetic */
  for (int i = 0; i < n; i++) {
    sc[i] = (signed char)(sc[i] * 3);
    us[i] = (unsigned short)(us[i] - 1u);
  }
  printf("after %d %d\n", sum_sc(sc, n), sum_us(us, n));
}
