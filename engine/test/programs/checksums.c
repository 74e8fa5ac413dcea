// args: 4539578763621486 Wikipedia 0306406152
// covers: Adler-32 (% 65521), Fletcher-16 (% 255), Luhn check (digit doubling, % 10), ISBN-10 weighted sum (% 11), xor parity fold, per-word processing
static __attribute__((noinline)) unsigned adler32(const char *s, int len) {
  unsigned a = 1u, b = 0u;
  for (int i = 0; i < len; i++) {
    a = (a + (unsigned char)s[i]) % 65521u;
    b = (b + a) % 65521u;
  }
  return (b << 16) | a;
}

static __attribute__((noinline)) unsigned fletcher16(const char *s, int len) {
  unsigned s1 = 0u, s2 = 0u;
  for (int i = 0; i < len; i++) {
    s1 = (s1 + (unsigned char)s[i]) % 255u;
    s2 = (s2 + s1) % 255u;
  }
  return (s2 << 8) | s1;
}

static __attribute__((noinline)) int luhn_valid(const char *s, int len) {
  int sum = 0, dbl = 0;
  for (int i = len - 1; i >= 0; i--) {
    int d = s[i] - '0';
    if (d < 0 || d > 9) return 0;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

static __attribute__((noinline)) int isbn10_valid(const char *s, int len) {
  if (len != 10) return 0;
  int sum = 0;
  for (int i = 0; i < 10; i++) {
    int d = (i == 9 && s[i] == 'X') ? 10 : s[i] - '0';
    sum += d * (10 - i);
  }
  return sum % 11 == 0;
}

static __attribute__((noinline)) unsigned parity(unsigned x) {
  x ^= x >> 16;
  x ^= x >> 8;
  x ^= x >> 4;
  x ^= x >> 2;
  x ^= x >> 1;
  return x & 1u;
}

void compute(const char *input) {
  const char *p = input;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    int len = 0;
    while (p[len] && p[len] != ' ') len++;
    unsigned ad = adler32(p, len), fl = fletcher16(p, len);
    printf("%c..%c len=%d adler=%u fletcher=%u luhn=%d isbn=%d parity=%u\n", p[0], p[len - 1], len, ad, fl,
           luhn_valid(p, len), isbn10_valid(p, len), parity(ad ^ fl));
    p += len;
  }
}
