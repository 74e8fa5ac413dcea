/* The end-to-end test's program: sums 1..5, printing each step. */
void compute(const char *input) {
  int total = 0;
  for (int i = 1; i <= 5; i++) {
    total += i;
    printf("i=%d total=%d\n", i, total); // @line: report
  }
}
