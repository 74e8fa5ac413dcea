// args: hello world transformer vm 12345 a
// covers: FNV-1a 32-bit (xor, mul by constant prime), djb2 (x*33), murmur3 fmix32 finalizer (xor-shift, constant muls), word splitting, hash with a runtime multiplier
static __attribute__((noinline)) unsigned fnv1a(const char *s, int len) {
  unsigned h = 2166136261u;
  for (int i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

static __attribute__((noinline)) unsigned djb2(const char *s, int len) {
  unsigned h = 5381u;
  for (int i = 0; i < len; i++) h = h * 33u + (unsigned char)s[i];
  return h;
}

static __attribute__((noinline)) unsigned fmix32(unsigned h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

/* polynomial hash whose base comes from the data: a multiply by a runtime value */
static __attribute__((noinline)) unsigned poly_hash(const char *s, int len, unsigned base) {
  unsigned h = 0;
  for (int i = 0; i < len; i++) h = h * base + (unsigned char)s[i];
  return h;
}

void compute(const char *input) {
  const char *p = input;
  unsigned combined = 0;
  int words = 0;
  printf("empty fnv=%u djb2=%u\n", fnv1a(p, 0), djb2(p, 0));
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    int len = 0;
    while (p[len] && p[len] != ' ') len++;
    unsigned f = fnv1a(p, len);
    unsigned base = (unsigned)len * 2u + 29u;
    printf("%c%d fnv=%u djb2=%u mix=%u poly=%u\n", p[0], len, f, djb2(p, len), fmix32(f), poly_hash(p, len, base));
    combined = (combined ^ f) * 31u + (unsigned)len;
    words++;
    p += len;
  }
  printf("words=%d combined=%u all=%u\n", words, combined, fnv1a(input, str_len(input)));
}
