/*
 * fibonacci.c - prints the first n Fibonacci numbers F(0) .. F(n-1), one per line.
 * Input: n as a decimal number, e.g. "10" (prints 0 1 1 2 3 5 8 13 21 34).
 * Only additions are needed; n is capped at 47 so every value fits in a signed 32-bit int.
 */

void compute(const char *input) {
  int n = 0;
  if (sscanf(input, "%d", &n) != 1 || n < 1) {
    printf("expected a positive count, got \"%s\"\n", input);
    return;
  }
  if (n > 47) {
    printf("n=%d is too large for 32-bit integers; using 47\n", n);
    n = 47;
  }
  int a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    printf("F(%d) = %d\n", i, a);
    int next = a + b; // @line: fib-next
    a = b;
    b = next;
  }
}
