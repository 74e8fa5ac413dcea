// args: 305419896 -559038737 -1 128 65535
// covers: byte/halfword extraction with variable shifts (shr_u, and), signed byte and bit-field extraction (shl then shr_s, by variable counts), repacking with shl/or, byte view of an int array through unsigned char*, little-endian order
static int words[5];

/* byte k (0..3) of x, unsigned */
static __attribute__((noinline)) unsigned get_byte(unsigned x, int k) { return (x >> (8 * k)) & 255u; }

/* byte k of x, sign-extended: move it to the top, then arithmetic shift down */
static __attribute__((noinline)) int get_sbyte(unsigned x, int k) { return (int)(x << (24 - 8 * k)) >> 24; }

/* bit field of width w (1..31) at position pos, with pos + w <= 32 */
static __attribute__((noinline)) unsigned get_field(unsigned x, int pos, int w) { return (x >> pos) & ((1u << w) - 1u); }

/* the same field, sign-extended: shift it to the top, then arithmetic shift by a variable count */
static __attribute__((noinline)) int get_sfield(unsigned x, int pos, int w) { return (int)(x << (32 - pos - w)) >> (32 - w); }

static __attribute__((noinline)) unsigned put_byte(unsigned x, int k, unsigned b) {
  unsigned mask = 255u << (8 * k);
  return (x & ~mask) | ((b & 255u) << (8 * k));
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (*p && n < 5) {
    while (*p == ' ') p++;
    if (!*p) break;
    words[n++] = parse_int(p);
    while (*p && *p != ' ') p++;
  }
  const unsigned char *bytes = (const unsigned char *)words;
  for (int i = 0; i < n; i++) {
    unsigned x = (unsigned)words[i];
    printf("%u:", x);
    unsigned rebuilt = 0, reversed = 0;
    for (int k = 0; k < 4; k++) {
      unsigned b = get_byte(x, k);
      printf(" %u/%d/%u", b, get_sbyte(x, k), bytes[4 * i + k]);
      rebuilt = put_byte(rebuilt, k, b);
      reversed = put_byte(reversed, 3 - k, b);
    }
    printf(" | %s %u\n", rebuilt == x ? "same" : "DIFF", reversed);
    printf("  halves %u %u fields %u %u %u", get_field(x, 0, 16), get_field(x, 16, 16), get_field(x, 3, 5),
           get_field(x, 1, 31), get_field(x, 28, 4));
    printf(" signed %d %d %d %d\n", get_sfield(x, 0, 16), get_sfield(x, 16, 16), get_sfield(x, 3, 5), get_sfield(x, 28, 4));
  }
}
