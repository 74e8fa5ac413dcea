// args: 7 Attack at dawn!
// covers: RC5-style cipher with data-dependent rotations (rotl/rotr by (b % 31) + 1), key schedule with constant rotations, xor, unsigned add wraparound, byte packing with shl/or and unpacking with shr_u/and
static unsigned key_table[6];

static __attribute__((noinline)) unsigned rotl(unsigned x, int n) { return (x << n) | (x >> (32 - n)); }
static __attribute__((noinline)) unsigned rotr(unsigned x, int n) { return (x >> n) | (x << (32 - n)); }

static void key_schedule(unsigned key) {
  unsigned s = 0xb7e15163u;
  for (int i = 0; i < 6; i++) {
    key = (key << 3) | (key >> 29);
    key_table[i] = s + key;
    s += 0x9e3779b9u;
  }
}

static void encrypt(unsigned *a, unsigned *b) {
  unsigned x = *a + key_table[0], y = *b + key_table[1];
  for (int r = 1; r <= 2; r++) {
    x = rotl(x ^ y, (int)(y % 31u) + 1) + key_table[2 * r];
    y = rotl(y ^ x, (int)(x % 31u) + 1) + key_table[2 * r + 1];
  }
  *a = x;
  *b = y;
}

static void decrypt(unsigned *a, unsigned *b) {
  unsigned x = *a, y = *b;
  for (int r = 2; r >= 1; r--) {
    y = rotr(y - key_table[2 * r + 1], (int)(x % 31u) + 1) ^ x;
    x = rotr(x - key_table[2 * r], (int)(y % 31u) + 1) ^ y;
  }
  *a = x - key_table[0];
  *b = y - key_table[1];
}

static unsigned pack(const unsigned char *p) { return p[0] | (p[1] << 8) | (p[2] << 16) | ((unsigned)p[3] << 24); }

static void unpack(unsigned w, unsigned char *p) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(w >> (8 * i));
}

void compute(const char *input) {
  const char *p = input;
  unsigned key = (unsigned)parse_int(p);
  while (*p && *p != ' ') p++;
  if (*p == ' ') p++;
  unsigned char block[24];
  int len = str_len(p);
  if (len > 23) len = 23;
  int padded = (len + 7) & ~7;
  for (int i = 0; i < padded; i++) block[i] = (unsigned char)(i < len ? p[i] : '.');
  key_schedule(key);
  printf("key %u len %d padded %d\n", key, len, padded);
  for (int i = 0; i < padded; i += 8) {
    unsigned a = pack(block + i), b = pack(block + i + 4);
    unsigned ea = a, eb = b;
    encrypt(&ea, &eb);
    unsigned da = ea, db = eb;
    decrypt(&da, &db);
    printf("%u %u -> %u %u -> %s\n", a, b, ea, eb, (da == a && db == b) ? "ok" : "MISMATCH");
    unpack(ea, block + i);
    unpack(eb, block + i + 4);
  }
  unsigned sum = 0;
  for (int i = 0; i < padded; i++) sum = sum * 31u + block[i];
  printf("cipher sum %u\n", sum);
}
