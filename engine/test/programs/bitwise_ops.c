// args: 0 1 -1 2147483647 -2147483648 1431655765 -1431655766 255 61680 -16
// covers: i32.and / i32.or / i32.xor with variable operands on edge values, ~x, and-not, bit select, constant masks (x&255 x|0x80000000 x^0xffff)
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

static __attribute__((noinline)) unsigned select_bits(unsigned mask, unsigned a, unsigned b) {
  return (a & mask) | (b & ~mask);
}

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  for (int i = 0; i < n; i++) {
    int a = v[i];
    printf("%d:", a);
    for (int j = i; j < n; j++) {
      int b = v[j];
      printf(" %d/%d/%d", a & b, a | b, a ^ b);
    }
    putchar('\n');
  }
  unsigned acc_and = 0xffffffffu, acc_or = 0, acc_xor = 0;
  for (int i = 0; i < n; i++) {
    unsigned u = (unsigned)v[i];
    acc_and &= u | 1u;
    acc_or |= u;
    acc_xor ^= u;
    printf("%d %d %u %u %u %u\n", ~v[i], v[i] & ~v[(i + 1) % n], u & 255u, u | 0x80000000u, u ^ 0xffffu,
           (u & 0xff00u) >> 8);
  }
  printf("and=%u or=%u xor=%u\n", acc_and, acc_or, acc_xor);
  printf("%u %u %u\n", select_bits(v[8], v[2], v[4]), select_bits(v[5], v[1], v[9]), select_bits(v[0], v[2], v[3]));
  /* x & (x - 1) clears the lowest set bit, x & -x isolates it */
  for (int i = 0; i < n; i++) {
    unsigned u = (unsigned)v[i];
    printf("%u %u ", u & (u - 1u), u & (0u - u));
  }
  putchar('\n');
}
