// args: 1234567890123 -9223372036854775807 -37 1000000007
// covers: signed and unsigned long long arithmetic: parsing by hand (v * 10 + d), decimal printing by hand (u64 / and % 10^9), 25! mod 2^64, signed division and remainder of negative values, signed vs unsigned comparison, gcd by Euclid (64-bit %), __builtin_clzll / ctzll / popcountll, shifts by a variable count, (long long)a * b of 32-bit ints
typedef unsigned long long u64;
typedef long long i64;

// Nine digits at a time: one 64-bit division and remainder by 10^9 per group, then 32-bit digits.
static void print_u64(u64 v) {
  if (v < 1000000000u) {
    printf("%u", (unsigned)v);
    return;
  }
  print_u64(v / 1000000000u);
  unsigned low = (unsigned)(v % 1000000000u);
  char buf[10];
  for (int i = 8; i >= 0; i--) {
    buf[i] = (char)('0' + low % 10);
    low /= 10;
  }
  buf[9] = 0;
  printf("%s", buf);
}

static void print_i64(i64 v) {
  if (v < 0) {
    printf("-");
    print_u64(0 - (u64)v);
  } else {
    print_u64((u64)v);
  }
}

static const char *parse(const char *s, i64 *out) {
  while (*s == ' ') s++;
  int neg = *s == '-';
  if (neg) s++;
  u64 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u64)(*s++ - '0');
  *out = neg ? (i64)(0 - v) : (i64)v;
  return s;
}

static __attribute__((noinline)) u64 gcd(u64 a, u64 b) {
  while (b) {
    u64 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static void line(const char *label, i64 v) {
  printf("%s ", label);
  print_i64(v);
  printf("\n");
}

void compute(const char *input) {
  i64 v[4];
  const char *s = input;
  for (int i = 0; i < 4; i++) s = parse(s, &v[i]);
  i64 b = v[0], a = v[1], c = v[2], m = v[3];

  u64 f = 1;
  for (u64 i = 2; i <= 25; i++) f *= i;
  printf("25! mod 2^64 = ");
  print_u64(f);
  printf("\n");

  line("a/c", a / c);
  line("a%c", a % c);
  line("b/c", b / c);
  line("b%c", b % c);
  line("a/-1", a / -1);
  line("a%-1", a % -1);
  line("a+b", a + b);
  line("a*c", (i64)((u64)a * (u64)c)); // wrapping: signed overflow would be undefined
  line("b*b%m", (i64)((u64)b * (u64)b % (u64)m));
  line("a<b", a < b);
  line("ua<ub", (u64)a < (u64)b);
  line("a>>c&63", a >> (c & 63));
  line("ua>>7", (i64)((u64)a >> 7));
  line("b<<c&63", (i64)((u64)b << (c & 63)));
  line("clz", __builtin_clzll((u64)b));
  line("ctz", __builtin_ctzll((u64)b));
  line("popcount", __builtin_popcountll((u64)a));
  print_u64(gcd((u64)b * 6, 1234567890ull * 4));
  printf("\n");

  int x = (int)c * 58027, y = (int)(m >> 3);
  line("(ll)x*y", (i64)x * y);
  line("(ll)x*y>>32", (int)(((i64)x * y) >> 32));
  line("u32*u32", (i64)((u64)(unsigned)x * (unsigned)y));
  // A power by repeated squaring mod m (64-bit %).
  u64 base = (u64)b % (u64)m, e = 5, r = 1;
  while (e) {
    if (e & 1) r = r * base % (u64)m;
    base = base * base % (u64)m;
    e >>= 1;
  }
  line("b^5 mod m", (i64)r);
}
