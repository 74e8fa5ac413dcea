// matmul64: int64_t matrices: a product of two 4x4 matrices with large entries, the transpose
// identity (AB)^T = B^T A^T, and Fibonacci numbers up to F(90) by fast matrix exponentiation,
// checked against the iterative sum; then Fibonacci modulo 1e9+7 for large indices.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int64_t mat[4][4];

static void mul(int n, mat a, mat b, mat out, int64_t mod) {
  mat r;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      int64_t s = 0;
      for (int k = 0; k < n; k++) {
        s += mod ? a[i][k] * b[k][j] % mod : a[i][k] * b[k][j];
        if (mod) s %= mod;
      }
      r[i][j] = s;
    }
  memcpy(out, r, sizeof r);
}

static void transpose(mat a, mat out) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) out[j][i] = a[i][j];
}

static int64_t fib(uint64_t k, int64_t mod) {
  mat result = {{1, 0}, {0, 1}}, base = {{1, 1}, {1, 0}};
  while (k) {
    if (k & 1) mul(2, result, base, result, mod);
    mul(2, base, base, base, mod);
    k >>= 1;
  }
  return result[0][1];
}

int main(void) {
  mat a = {{1, -2, 3, 4000000}, {5, 6, -7, 8}, {-9, 10, 11, 12}, {13, 14, 15, -1600000000LL}};
  mat b = {{100000, 0, 1, 2}, {3, -4, 5, 6}, {7, 8, 9000000000LL, 10}, {11, 12, 13, 14}};
  mat ab, abt, at, bt, btat;
  mul(4, a, b, ab, 0);
  for (int i = 0; i < 4; i++)
    printf("%16" PRId64 " %16" PRId64 " %20" PRId64 " %16" PRId64 "\n", ab[i][0], ab[i][1], ab[i][2], ab[i][3]);
  transpose(ab, abt);
  transpose(a, at);
  transpose(b, bt);
  mul(4, bt, at, btat, 0);
  printf("(AB)^T == B^T A^T: %s\n", memcmp(abt, btat, sizeof abt) == 0 ? "yes" : "no");
  int64_t x = 0, y = 1;
  int agree = 1;
  for (int k = 1; k <= 90; k++) {
    int64_t t = x + y;
    x = y;
    y = t;
    if (k % 9 == 0 && fib((uint64_t)k, 0) != x) agree = 0;
  }
  printf("F(90) = %" PRId64 ", matrix and loop agree: %d\n", fib(90, 0), agree);
  const int64_t M = 1000000007;
  const uint64_t ks[] = {100, 1000, 123456789, 1000000000000ULL};
  for (int i = 0; i < 4; i++) printf("F(%" PRIu64 ") mod 1e9+7 = %" PRId64 "\n", ks[i], fib(ks[i], M));
  return 0;
}
