/*
 * collatz.c - the Collatz (3n+1) sequence from n down to 1, one step per line, then the
 * number of steps and the largest value reached.
 * Input: a positive integer n, e.g. "7".
 *
 * Uses only addition, subtraction and comparison: one pass over the binary digits of n
 * (from the top, against a table of powers of two) yields n/2, the parity bit and 2n, and
 * 3n+1 is then 2n + n + 1.
 */

/* pow2[k] = 2^k (a constant table: no shifts needed); pow2[32] wraps to 0 like 2^32 would. */
static const unsigned int pow2[33] = {
    1u,         2u,         4u,         8u,          16u,         32u,        64u,
    128u,       256u,       512u,       1024u,       2048u,       4096u,      8192u,
    16384u,     32768u,     65536u,     131072u,     262144u,     524288u,    1048576u,
    2097152u,   4194304u,   8388608u,   16777216u,   33554432u,   67108864u,  134217728u,
    268435456u, 536870912u, 1073741824u, 2147483648u, 0u};

/* Splits n into its binary digits from the top: returns n / 2, stores n % 2 in *parity and
 * 2n (mod 2^32) in *twice, all by comparing with and adding powers of two. */
static unsigned int halve(unsigned int n, int *parity, unsigned int *twice) {
  const unsigned int *p = pow2;
  while (p < pow2 + 31 && p[1] <= n) p++; /* *p is the highest power of two <= n */
  unsigned int half = 0, dbl = 0;
  for (; p > pow2; p--) {
    if (n >= p[0]) {
      n -= p[0]; // @line: halve-subtract
      half += p[-1];
      dbl += p[1];
    }
  }
  *parity = (int)n;              /* what is left is 0 or 1 */
  *twice = n ? dbl + 2u : dbl; /* 2n */
  return half;
}

void compute(const char *input) {
  int start = 0;
  if (sscanf(input, "%d", &start) != 1 || start < 1) {
    printf("expected a positive integer, got \"%s\"\n", input);
    return;
  }
  unsigned int n = (unsigned int)start;
  unsigned int peak = n;
  int steps = 0;
  printf("start: %u\n", n);
  while (n != 1) {
    int odd;
    unsigned int twice;
    unsigned int half = halve(n, &odd, &twice);
    steps++; // @line: collatz-step
    if (odd) {
      if (n > 1431655764u) { /* 3n+1 would not fit in 32 bits */
        printf("step %d: %u is odd, but 3*%u+1 overflows 32 bits; stopping\n", steps, n, n);
        return;
      }
      unsigned int next = twice + n + 1; /* 3n+1 */
      printf("step %d: %u is odd  -> 3*%u+1 = %u\n", steps, n, n, next);
      n = next;
    } else {
      printf("step %d: %u is even -> %u/2 = %u\n", steps, n, n, half);
      n = half;
    }
    if (n > peak) peak = n;
  }
  printf("reached 1 after %d steps (highest value %u)\n", steps, peak);
}
