/* rand and srand, giving exactly glibc's sequence (so programs agree with native builds).
 *
 * glibc's rand is random() with its default TYPE_3 state: an additive lagged Fibonacci
 * generator over 31 words, r[i] = r[i-31] + r[i-3] (mod 2^32), output r[i] >> 1. srand(seed)
 * sets r[0] = seed (0 becomes 1) and r[i] = 16807 * r[i-1] mod (2^31 - 1) for i = 1..30,
 * computed with Schrage's method in signed 32-bit arithmetic exactly as glibc's srandom_r does
 * (a seed above INT_MAX is a negative word there), then runs the generator 310 times and discards the results. A program that never
 * calls srand gets srand(1)'s sequence. RAND_MAX is 2^31 - 1. rand_r is glibc's separate
 * three-step linear congruential generator on the caller's seed. */
#include <stdint.h>
#include <stdlib.h>

static int32_t state[31];
static int front = 3, rear = 0; /* glibc's fptr and rptr, as indices */
static int seeded;

static int32_t next(void) {
  uint32_t v = (uint32_t)state[front] + (uint32_t)state[rear];
  state[front] = (int32_t)v;
  if (++front == 31) {
    front = 0;
    rear++;
  } else if (++rear == 31) {
    rear = 0;
  }
  return (int32_t)(v >> 1);
}

void srand(unsigned int seed) {
  int32_t word = (int32_t)(seed ? seed : 1u);
  state[0] = word;
  for (int i = 1; i < 31; i++) {
    int32_t hi = word / 127773, lo = word % 127773;
    word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    state[i] = word;
  }
  front = 3;
  rear = 0;
  seeded = 1;
  for (int i = 0; i < 310; i++) (void)next();
}

int rand(void) {
  if (!seeded) srand(1);
  return next();
}

void srandom(unsigned int seed) { srand(seed); }
long random(void) { return rand(); }

int rand_r(unsigned int *seed) {
  unsigned int next = *seed;
  int result;
  next *= 1103515245;
  next += 12345;
  result = (int)((next / 65536) % 2048);
  next *= 1103515245;
  next += 12345;
  result <<= 10;
  result ^= (int)((next / 65536) % 1024);
  next *= 1103515245;
  next += 12345;
  result <<= 10;
  result ^= (int)((next / 65536) % 1024);
  *seed = next;
  return result;
}
