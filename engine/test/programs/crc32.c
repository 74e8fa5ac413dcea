// args: 123456789
// covers: bitwise CRC-32 (xor, shr_u, and with -(crc & 1)), string literal data, hex printing with variable shift counts, incremental update
static const char abc[] = "abc";
static const char hex_digits[] = "0123456789abcdef";

static __attribute__((noinline)) unsigned crc32_update(unsigned crc, const char *data, int len) {
  crc = ~crc;
  for (int i = 0; i < len; i++) {
    crc ^= (unsigned char)data[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static void print_hex(unsigned x) {
  for (int shift = 28; shift >= 0; shift -= 4) putchar(hex_digits[(x >> shift) & 15u]);
}

void compute(const char *input) {
  int len = str_len(input);
  unsigned c1 = crc32_update(0, input, len);
  printf("crc(input)=%u 0x", c1);
  print_hex(c1);
  putchar('\n');
  unsigned c2 = crc32_update(0, abc, str_len(abc));
  printf("crc(abc)=%u 0x", c2);
  print_hex(c2);
  putchar('\n');
  /* CRC over the input in two pieces equals CRC over the whole */
  int half = len / 2;
  unsigned c3 = crc32_update(crc32_update(0, input, half), input + half, len - half);
  printf("split %s\n", c3 == c1 ? "same" : "DIFFERENT");
  /* CRC of an empty string and of a single byte */
  printf("%u %u\n", crc32_update(0, input, 0), crc32_update(0, input, len > 0 ? 1 : 0));
}
