// args: 1 6 7 27 97 871
// covers: Collatz sequences (n & 1, n >> 1, 3n+1 on unsigned), do-while, ternaries, running max, early exit with a step limit, global results table
static int steps_table[8];
static unsigned peak_table[8];

static __attribute__((noinline)) int collatz_steps(unsigned n, unsigned *peak) {
  int steps = 0;
  unsigned hi = n;
  while (n != 1u && steps < 200) {
    n = (n & 1u) ? 3u * n + 1u : n >> 1;
    hi = n > hi ? n : hi;
    steps++;
  }
  *peak = hi;
  return steps;
}

void compute(const char *input) {
  const char *p = input;
  int count = 0;
  do {
    while (*p == ' ') p++;
    if (!*p) break;
    int v = parse_int(p);
    while (*p && *p != ' ') p++;
    if (v < 1) continue;
    steps_table[count] = collatz_steps((unsigned)v, &peak_table[count]);
    count++;
  } while (count < 8);
  int best = 0;
  for (int i = 0; i < count; i++) {
    printf("#%d steps=%d peak=%u\n", i, steps_table[i], peak_table[i]);
    if (steps_table[i] > steps_table[best]) best = i;
  }
  if (count) printf("longest #%d with %d steps\n", best, steps_table[best]);
  /* the first ten terms starting from the first value */
  unsigned n = count ? (unsigned)parse_int(input) : 1u;
  for (int i = 0; i < 10; i++) {
    printf("%u%c", n, i == 9 ? '\n' : ',');
    n = (n % 2u == 0u) ? n / 2u : n * 3u + 1u;
  }
}
