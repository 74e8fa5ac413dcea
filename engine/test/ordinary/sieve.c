// sieve: the sieve of Eratosthenes on a bit array up to a limit from argv, counting primes,
// twin primes and the largest prime gap, printing the primes below 100 and a checksum.
// args: 500
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int limit = argc > 1 ? atoi(argv[1]) : 1000;
  if (limit < 2 || limit > 100000) {
    fprintf(stderr, "limit must be 2..100000\n");
    return 1;
  }
  size_t words = (size_t)limit / 32 + 1;
  uint32_t *composite = calloc(words, sizeof *composite);
  if (!composite) return 1;
#define IS_COMPOSITE(n) (composite[(n) >> 5] >> ((n) & 31) & 1)
  for (int i = 2; (int64_t)i * i <= limit; i++)
    if (!IS_COMPOSITE(i))
      for (int j = i * i; j <= limit; j += i) composite[j >> 5] |= 1u << (j & 31);
  int count = 0, twins = 0, prev = 0, gap = 0, gap_at = 0;
  uint32_t checksum = 0;
  printf("primes below 100:");
  for (int n = 2; n <= limit; n++) {
    if (IS_COMPOSITE(n)) continue;
    count++;
    checksum = checksum * 31 + (uint32_t)n;
    if (n < 100) printf(" %d", n);
    if (prev && n - prev == 2) twins++;
    if (prev && n - prev > gap) gap = n - prev, gap_at = prev;
    prev = n;
  }
  printf("\n%d primes up to %d, %d twin pairs, largest %d\n", count, limit, twins, prev);
  printf("largest gap %d after %d\n", gap, gap_at);
  printf("checksum %08x\n", checksum);
  free(composite);
  return 0;
}
