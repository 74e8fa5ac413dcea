// args: 100 360 97 1001 8191
// covers: sieve of Eratosthenes in a char array (zero-initialized global), trial division with variable % and /, prime factorization, prime counting, nested loops with break
static char composite[101];

static __attribute__((noinline)) int is_prime(int n) {
  if (n < 2) return 0;
  for (int d = 2; d * d <= n; d++)
    if (n % d == 0) return 0;
  return 1;
}

static __attribute__((noinline)) void factorize(int n) {
  printf("%d =", n);
  int first = 1;
  for (int d = 2; d * d <= n; d++) {
    int e = 0;
    while (n % d == 0) {
      n /= d;
      e++;
    }
    if (e) {
      printf(first ? " %d^%d" : " * %d^%d", d, e);
      first = 0;
    }
  }
  if (n > 1) printf(first ? " %d^1" : " * %d^1", n);
  putchar('\n');
}

void compute(const char *input) {
  const char *p = input;
  int limit = parse_int(p);
  if (limit > 100) limit = 100;
  for (int i = 2; i * i <= limit; i++) {
    if (composite[i]) continue;
    for (int j = i * i; j <= limit; j += i) composite[j] = 1;
  }
  int count = 0;
  for (int i = 2; i <= limit; i++) {
    if (!composite[i]) {
      printf(count ? " %d" : "%d", i);
      count++;
    }
  }
  printf("\n%d primes up to %d\n", count, limit);
  while (*p && *p != ' ') p++;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    int n = parse_int(p);
    while (*p && *p != ' ') p++;
    printf("%d prime=%d\n", n, is_prime(n));
    factorize(n);
  }
}
