// bits64: bit manipulation on uint64_t: population count, leading and trailing zeros (loops and
// the builtins), rotations, bit reversal, the next permutation of bits, Gray code, and
// extracting and depositing bit fields.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static int popcount_loop(uint64_t x) {
  int n = 0;
  while (x) x &= x - 1, n++;
  return n;
}

static uint64_t reverse_bits(uint64_t x) {
  x = ((x >> 1) & 0x5555555555555555ULL) | ((x & 0x5555555555555555ULL) << 1);
  x = ((x >> 2) & 0x3333333333333333ULL) | ((x & 0x3333333333333333ULL) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((x & 0x0F0F0F0F0F0F0F0FULL) << 4);
  x = ((x >> 8) & 0x00FF00FF00FF00FFULL) | ((x & 0x00FF00FF00FF00FFULL) << 8);
  x = ((x >> 16) & 0x0000FFFF0000FFFFULL) | ((x & 0x0000FFFF0000FFFFULL) << 16);
  return (x >> 32) | (x << 32);
}

static uint64_t rotr(uint64_t x, unsigned k) { return k % 64 ? (x >> (k % 64)) | (x << (64 - k % 64)) : x; }

static uint64_t next_same_popcount(uint64_t v) {
  uint64_t t = v | (v - 1);
  return (t + 1) | (((~t & (t + 1)) - 1) >> (__builtin_ctzll(v) + 1));
}

static uint64_t field(uint64_t x, int lo, int width) { return (x >> lo) & ((width == 64) ? ~0ULL : ((1ULL << width) - 1)); }

int main(void) {
  const uint64_t v[] = {0, 1, 0x8000000000000000ULL, 0xFFFFFFFFFFFFFFFFULL, 0x00000000FFFFFFFFULL,
                        0xDEADBEEFCAFEBABEULL, 0x0123456789ABCDEFULL, 1ULL << 32};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    uint64_t x = v[i];
    printf("%016" PRIx64 ": pop %2d/%2d", x, popcount_loop(x), __builtin_popcountll(x));
    if (x) printf(" clz %2d ctz %2d", __builtin_clzll(x), __builtin_ctzll(x));
    else printf(" clz -- ctz --");
    printf(" rev %016" PRIx64 " rotr13 %016" PRIx64 "\n", reverse_bits(x), rotr(x, 13));
  }
  uint64_t s = 0x7;
  printf("3-bit sets:");
  for (int i = 0; i < 8; i++, s = next_same_popcount(s)) printf(" %" PRIx64, s);
  printf("\ngray:");
  for (uint64_t i = 0; i < 10; i++) printf(" %" PRIu64, i ^ (i >> 1));
  uint64_t x = 0xDEADBEEFCAFEBABEULL;
  printf("\nfields: %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 "\n", field(x, 0, 16), field(x, 28, 8),
         field(x, 60, 4), field(x, 0, 64));
  uint64_t deposited = (x & ~(0xFFULL << 24)) | (0x42ULL << 24);
  printf("deposit 0x42 at bit 24: %016" PRIx64 "\n", deposited);
  int64_t neg = -0x123456789LL;
  printf("arithmetic >> 7: %" PRId64 ", logical: %" PRIu64 "\n", neg >> 7, (uint64_t)neg >> 7);
  printf("1 << 63 = %" PRIu64 ", signed min via shift %" PRId64 "\n", 1ULL << 63, (int64_t)(1ULL << 63));
  return 0;
}
