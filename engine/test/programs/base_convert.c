// args: 255 -255 -2147483648 0 123456789 | 2 7 10 36
// covers: number formatting in a runtime base: unsigned / and % by a variable divisor (clang emits div_u, then x - q*b with a variable mul instead of rem_u), signed / and % with negative dividends (div_s), digit table lookup, parsing back with a variable multiplier
static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

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

/* unsigned conversion: digits come out least significant first */
static __attribute__((noinline)) int to_base_u(unsigned v, unsigned base, char *buf) {
  char tmp[33];
  int n = 0;
  do {
    tmp[n++] = digit_chars[v % base];
    v /= base;
  } while (v);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = 0;
  return n;
}

/* signed conversion that never negates: works for INT_MIN */
static __attribute__((noinline)) int to_base_s(int v, int base, char *buf) {
  char tmp[34];
  int n = 0, neg = v < 0;
  do {
    int d = v % base;
    tmp[n++] = digit_chars[d < 0 ? -d : d];
    v /= base;
  } while (v);
  int k = 0;
  if (neg) buf[k++] = '-';
  while (n) buf[k++] = tmp[--n];
  buf[k] = 0;
  return k;
}

static __attribute__((noinline)) unsigned from_base(const char *s, unsigned base) {
  unsigned v = 0;
  for (; *s; s++) {
    unsigned d = *s >= 'a' ? (unsigned)(*s - 'a' + 10) : (unsigned)(*s - '0');
    v = v * base + d;
  }
  return v;
}

void compute(const char *input) {
  int vals[8], bases[8], nv, nb;
  const char *rest = read_list(input, vals, 8, &nv);
  read_list(rest, bases, 8, &nb);
  char ubuf[40], sbuf[40];
  int round_trips = 0;
  for (int i = 0; i < nv; i++) {
    printf("%d:", vals[i]);
    for (int j = 0; j < nb; j++) {
      int b = bases[j];
      to_base_u((unsigned)vals[i], (unsigned)b, ubuf);
      if (b >= 7) {
        to_base_s(vals[i], b, sbuf);
        printf(" %s/%s", ubuf, sbuf);
      } else {
        printf(" %s", ubuf);
      }
      if (from_base(ubuf, (unsigned)b) == (unsigned)vals[i]) round_trips++;
    }
    putchar('\n');
  }
  printf("round trips %d\n", round_trips);
}
