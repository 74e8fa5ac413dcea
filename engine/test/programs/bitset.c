// args: 3 5 31 32 33 64 100 127 200 255 5 31
// covers: 256-bit bitset in an unsigned array: word index n >> 5, mask 1u << (n & 31) with variable shift, |= &= ~ ^= toggles, popcount of words, set union/intersection, lowest set bit via ctz
static unsigned set_a[8], set_b[8];

static __attribute__((noinline)) void bit_set(unsigned *s, int n) { s[n >> 5] |= 1u << (n & 31); }
static __attribute__((noinline)) void bit_clear(unsigned *s, int n) { s[n >> 5] &= ~(1u << (n & 31)); }
static __attribute__((noinline)) void bit_toggle(unsigned *s, int n) { s[n >> 5] ^= 1u << (n & 31); }
static __attribute__((noinline)) int bit_test(const unsigned *s, int n) { return (int)((s[n >> 5] >> (n & 31)) & 1u); }

static int count_bits(const unsigned *s) {
  int c = 0;
  for (int i = 0; i < 8; i++) c += __builtin_popcount(s[i]);
  return c;
}

static void print_set(const char *name, const unsigned *s) {
  printf("%s(%d):", name, count_bits(s));
  for (int w = 0; w < 8; w++) {
    unsigned word = s[w];
    while (word) {
      int b = __builtin_ctz(word);
      printf(" %d", w * 32 + b);
      word &= word - 1u;
    }
  }
  putchar('\n');
}

void compute(const char *input) {
  const char *p = input;
  int added = 0, duplicates = 0;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    int n = parse_int(p) & 255;
    while (*p && *p != ' ') p++;
    if (bit_test(set_a, n)) duplicates++;
    bit_set(set_a, n);
    bit_set(set_b, n & 0xfe);
    bit_set(set_b, (n * 7 + 3) & 255);
    added++;
  }
  printf("added %d duplicates %d\n", added, duplicates);
  print_set("a", set_a);
  print_set("b", set_b);
  unsigned inter[8], uni[8], diff[8];
  for (int i = 0; i < 8; i++) {
    inter[i] = set_a[i] & set_b[i];
    uni[i] = set_a[i] | set_b[i];
    diff[i] = set_a[i] ^ set_b[i];
  }
  print_set("a&b", inter);
  print_set("a|b", uni);
  print_set("a^b", diff);
  bit_clear(set_a, 31);
  bit_toggle(set_a, 0);
  bit_toggle(set_a, 100);
  print_set("a'", set_a);
}
