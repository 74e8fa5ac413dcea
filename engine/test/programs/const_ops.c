// args: 0 1 -1 12345 -12345 99999999 -99999999 2147483647 -2147483648 7
// covers: lowered ops with constant operands on runtime values: x*10 x/7 x%16 x&255 x>>3 x<<5 u/10 u%10 x/-3 x%-5 x/1024 u%1024 u>>31 x|7 x^0x5a5a5a5a
static int read_ints(const char *s, int *out, int max) {
  int n = 0;
  for (;;) {
    while (*s == ' ') s++;
    if (!*s || n == max) return n;
    out[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
}

void compute(const char *input) {
  int v[10];
  int n = read_ints(input, v, 10);
  for (int i = 0; i < n; i++) {
    int x = v[i];
    unsigned u = (unsigned)x;
    int in_range = x < 200000000 && x > -200000000;
    printf("%d | %d %u %d %d %d %d %u\n", x, in_range ? x * 10 : 0, u * 10u, x / 7, x % 16, x & 255, x >> 3, u << 5);
    printf("  %u %u %d %d %d %d %u %u\n", u / 10u, u % 10u, x / -3, x % -5, x / 1024, x % 1024, u / 1024u, u % 1024u);
    printf("  %u %d %d %u %d %d\n", u >> 31, x | 7, x ^ 0x5a5a5a5a, u & 0xf0f0f0f0u, in_range ? x * -7 : 1, x / 2);
  }
}
