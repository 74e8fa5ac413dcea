// hash64: 64-bit hashes and generators: FNV-1a 64 of several strings (and of argv), splitmix64's
// first outputs from a seed, xorshift64* and a 64-bit multiply-rotate mix, with a bucket histogram.
// args: hello "hello world" ""
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t fnv1a64(const char *s) {
  uint64_t h = 14695981039346656037ULL;
  while (*s) {
    h ^= (unsigned char)*s++;
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t splitmix64(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static uint64_t xorshift64star(uint64_t *state) {
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545F4914F6CDD1DULL;
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t mix(uint64_t a, uint64_t b) { return rotl(a * 0xff51afd7ed558ccdULL ^ b, 31) * 0xc4ceb9fe1a85ec53ULL; }

int main(int argc, char **argv) {
  const char *fixed[] = {"", "a", "foobar", "The quick brown fox jumps over the lazy dog"};
  for (int i = 0; i < 4; i++) printf("fnv1a64(\"%s\") = %016" PRIx64 "\n", fixed[i], fnv1a64(fixed[i]));
  for (int i = 1; i < argc; i++) printf("argv[%d] '%s' -> %" PRIu64 "\n", i, argv[i], fnv1a64(argv[i]));
  uint64_t s = 1234567;
  for (int i = 0; i < 5; i++) printf("splitmix64 #%d %016" PRIx64 "\n", i, splitmix64(&s));
  uint64_t x = 88172645463325252ULL;
  for (int i = 0; i < 5; i++) printf("xorshift64* #%d %20" PRIu64 "\n", i, xorshift64star(&x));
  int buckets[8] = {0};
  uint64_t acc = 0;
  for (int i = 0; i < 400; i++) {
    uint64_t v = xorshift64star(&x);
    buckets[v >> 61]++;
    acc = mix(acc, v);
  }
  printf("buckets:");
  for (int i = 0; i < 8; i++) printf(" %d", buckets[i]);
  printf("\nmix %016" PRIX64 " rotl(1,63)=%" PRIx64 "\n", acc, rotl(1, 63));
  return 0;
}
