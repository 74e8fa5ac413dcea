// args: 15 2 3 20
// covers: recursive factorial with unsigned wraparound (variable mul), Ackermann for small arguments, recursive Fibonacci, recursive power and sum of digits, recursive results used in expressions
static int calls;

static __attribute__((noinline)) unsigned factorial(unsigned n) { return n <= 1u ? 1u : n * factorial(n - 1u); }

static __attribute__((noinline)) int ackermann(int m, int n) {
  calls++;
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static __attribute__((noinline)) int fib(int n) {
  calls++;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static __attribute__((noinline)) unsigned power(unsigned base, int e) {
  if (e == 0) return 1u;
  unsigned half = power(base, e / 2);
  return (e % 2) ? half * half * base : half * half;
}

static __attribute__((noinline)) int digit_sum_rec(unsigned v) { return v < 10u ? (int)v : (int)(v % 10u) + digit_sum_rec(v / 10u); }

void compute(const char *input) {
  int fib_n = 0, ack_m = 0, ack_n = 0, fact_max = 0;
  if (sscanf(input, "%d %d %d %d", &fib_n, &ack_m, &ack_n, &fact_max) != 4) return;
  for (int i = 0; i <= fact_max; i++) printf("%d!=%u%c", i, factorial((unsigned)i), i % 5 == 4 ? '\n' : ' ');
  putchar('\n');
  calls = 0;
  int f = fib(fib_n);
  printf("fib(%d)=%d calls=%d\n", fib_n, f, calls);
  calls = 0;
  int a = ackermann(ack_m, ack_n);
  printf("ack(%d,%d)=%d calls=%d\n", ack_m, ack_n, a, calls);
  calls = 0;
  int a1 = ackermann(1, fact_max);
  int a2 = ackermann(ack_n, 2);
  printf("ack(1,%d)=%d ack(%d,2)=%d calls=%d\n", fact_max, a1, ack_n, a2, calls);
  printf("3^%d=%u 2^%d=%u 7^%d=%u\n", fib_n, power(3u, fib_n), fact_max + 11, power(2u, fact_max + 11), fact_max,
         power(7u, fact_max));
  printf("expr=%d\n", fib(ack_n + 5) * 2 - digit_sum_rec(factorial(10u)) + ackermann(ack_m, 1));
}
