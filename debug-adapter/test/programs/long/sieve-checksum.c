// A long program for the debugger's bounded-memory test (debug-adapter/test/long-session.test.ts):
// a sieve of Eratosthenes, then a checksum of the primes and a string built from them, about
// five million tokens at -O0. The markers name the lines the test stops at.
#include <stdio.h>

#define LIMIT 1200

static unsigned char composite[LIMIT];
static char digits[64];

static unsigned mix(unsigned h, unsigned v) {
  return (h ^ v) * 16777619u; // FNV-1a step: a lowered multiply, many tokens
}

int main(void) {
  unsigned h = 2166136261u; // @line: long-start
  int count = 0;
  for (int i = 2; i < LIMIT; i++) {
    if (composite[i]) continue;
    count++;
    for (int j = i + i; j < LIMIT; j += i) composite[j] = 1;
  }
  for (int i = 2; i < LIMIT; i++)
    if (!composite[i]) h = mix(h, (unsigned)i);
  int n = sprintf(digits, "%d primes below %d", count, LIMIT);
  for (int k = 0; k < n; k++) h = mix(h, (unsigned char)digits[k]);
  printf("%s, checksum %u\n", digits, h); // @line: long-end
  return 0;
}
