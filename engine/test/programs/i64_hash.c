// args: hello, world
// covers: 64-bit hashes of the input: FNV-1a 64 (u64 multiply by a 64-bit prime, xor), splitmix64 and xorshift64* (shifts by constants, multiply), a rotate-based mix (rotl by constant and by a variable count), hex printing by hand (>> and & 15)
typedef unsigned long long u64;

static void print_hex(u64 v) {
  char buf[17];
  for (int i = 15; i >= 0; i--) {
    buf[i] = "0123456789abcdef"[v & 15u];
    v >>= 4;
  }
  buf[16] = 0;
  printf("%s\n", buf);
}

static __attribute__((noinline)) u64 fnv1a64(const char *s) {
  u64 h = 0xcbf29ce484222325ull;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 0x100000001b3ull;
  }
  return h;
}

static __attribute__((noinline)) u64 splitmix64(u64 *state) {
  u64 z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static __attribute__((noinline)) u64 xorshift64star(u64 *state) {
  u64 x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545f4914f6cdd1dull;
}

static __attribute__((noinline)) u64 rotl64(u64 x, unsigned k) { return (x << (k & 63)) | (x >> ((64 - k) & 63)); }

void compute(const char *input) {
  u64 h = fnv1a64(input);
  print_hex(h);
  print_hex(fnv1a64(""));
  u64 state = h;
  for (int i = 0; i < 2; i++) print_hex(splitmix64(&state));
  u64 xs = h | 1;
  for (int i = 0; i < 2; i++) print_hex(xorshift64star(&xs));
  u64 mix = h;
  for (unsigned k = 0; k < 70; k += 23) {
    mix = rotl64(mix, k) ^ ((mix << 7) | (mix >> 57));
    print_hex(mix);
  }
}
