// args: 305419896 -1 -2147483648 1 -559038737 2882400018 | 1 4 8 13 16 31
// covers: i32.rotl / i32.rotr from (x << n) | (x >> (32 - n)) with variable n in 1..31, round trips, constant rotations, byte swap
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

/* n must be in 1..31 */
static __attribute__((noinline)) unsigned rotl(unsigned x, int n) { return (x << n) | (x >> (32 - n)); }
static __attribute__((noinline)) unsigned rotr(unsigned x, int n) { return (x >> n) | (x << (32 - n)); }

static unsigned rotl8(unsigned x) { return (x << 8) | (x >> 24); }
static unsigned rotr3(unsigned x) { return (x >> 3) | (x << 29); }

void compute(const char *input) {
  int vals[8], counts[8], nv, nc;
  const char *rest = read_list(input, vals, 8, &nv);
  read_list(rest, counts, 8, &nc);
  int round_trips = 0;
  for (int i = 0; i < nv; i++) {
    unsigned x = (unsigned)vals[i];
    printf("%u:", x);
    for (int j = 0; j < nc; j++) {
      int n = counts[j];
      unsigned l = (x << n) | (x >> (32 - n));
      unsigned r = (x >> n) | (x << (32 - n));
      printf(" %u/%u", l, r);
      if (rotr(l, n) == x && rotl(r, n) == x) round_trips++;
    }
    putchar('\n');
  }
  printf("round trips %d/%d\n", round_trips, nv * nc);
  for (int i = 0; i < nv; i++) {
    unsigned x = (unsigned)vals[i];
    /* a byte swap written with shifts and masks */
    unsigned sw = (x >> 24) | ((x >> 8) & 0xff00u) | ((x << 8) & 0xff0000u) | (x << 24);
    printf("%u %u %u\n", rotl8(x), rotr3(x), sw);
  }
  /* rotating by n then by 32 - n is the identity */
  unsigned x = (unsigned)vals[0];
  for (int j = 0; j < nc; j++) {
    int n = counts[j];
    if (n < 31) x = rotl(rotl(x, n), 32 - n) + 1u;
  }
  printf("%u\n", x);
}
