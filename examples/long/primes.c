/*
 * primes.c - a long run: the sieve of Eratosthenes up to N (default 260000), then facts about
 * the primes found, each a number anyone can check against a table or another compiler:
 * how many there are, their sum, the twin-prime pairs, the largest gap between neighbours,
 * and a Goldbach check of every even number up to G (default 30000: the smallest prime p with
 * e - p prime, and the even number e that needs the largest such p).
 * Usage: wasm-run examples/long/primes.c --max-tokens 300000000 [--args 'N G']
 *        (2 <= N <= 8000000, 4 <= G <= N)
 * With the defaults it generates 119,522,424 tokens (examples/long/README.md).
 *
 * Only additions, comparisons, loads and stores in the inner loops: multiples are marked by
 * stepping j += p, and the square root bound is found once by counting up.
 */
#include <stdio.h>
#include <stdlib.h>

#define MAX_N 8000000

/* composite[k] is 1 once k is known to have a factor; 0 and 1 are marked by hand. */
static unsigned char composite[MAX_N + 1];

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 260000;
  int g = argc > 2 ? atoi(argv[2]) : 30000;
  if (n < 2 || n > MAX_N || g < 4 || g > n) {
    printf("usage: primes [N [G]] with 2 <= N <= %d and 4 <= G <= N\n", MAX_N);
    return 2;
  }
  int root = 1; /* the largest r with r * r <= n */
  while ((root + 1) * (root + 1) <= n) root++;

  composite[0] = composite[1] = 1;
  for (int p = 2; p <= root; p++) {
    if (composite[p]) continue;
    for (int j = p * p; j <= n; j += p) composite[j] = 1;
  }

  int count = 0, twins = 0, gap = 0, gap_from = 0, previous = 0;
  unsigned long long sum = 0;
  for (int p = 2; p <= n; p++) {
    if (composite[p]) continue;
    count++;
    sum += (unsigned)p;
    if (previous) {
      if (p - previous == 2) twins++;
      if (p - previous > gap) {
        gap = p - previous;
        gap_from = previous;
      }
    }
    previous = p;
  }
  printf("primes up to %d: %d, the largest %d\n", n, count, previous);
  printf("their sum: %llu\n", sum);
  printf("twin-prime pairs: %d\n", twins);
  printf("largest gap: %d, after %d\n", gap, gap_from);

  /* Goldbach: every even number 4..n is the sum of two primes (checked, not assumed). */
  int hardest = 4, hardest_p = 2, failures = 0;
  for (int e = 4; e <= g; e += 2) {
    int p = 2;
    while (p <= e - p && (composite[p] || composite[e - p])) p++;
    if (p > e - p) {
      printf("Goldbach fails at %d\n", e);
      failures++;
    } else if (p > hardest_p) {
      hardest_p = p;
      hardest = e;
    }
  }
  printf("Goldbach holds for every even number 4..%d; the hardest, %d = %d + %d\n", g, hardest,
         hardest_p, hardest - hardest_p);
  return failures ? 1 : 0;
}
