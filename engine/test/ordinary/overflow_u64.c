// overflow_u64: detects signed 64-bit overflow of addition, subtraction and multiplication
// without undefined behaviour, by computing in uint64_t and checking signs and a division; then
// uses it for a checked power table and a saturating sum.
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

static bool add_overflows(int64_t a, int64_t b, int64_t *out) {
  uint64_t s = (uint64_t)a + (uint64_t)b;
  *out = (int64_t)s;
  return ((a ^ *out) & (b ^ *out)) < 0;
}

static bool sub_overflows(int64_t a, int64_t b, int64_t *out) {
  uint64_t s = (uint64_t)a - (uint64_t)b;
  *out = (int64_t)s;
  return ((a ^ b) & (a ^ *out)) < 0;
}

static bool mul_overflows(int64_t a, int64_t b, int64_t *out) {
  *out = (int64_t)((uint64_t)a * (uint64_t)b);
  if (a == 0 || b == 0) return false;
  if ((a == -1 && b == INT64_MIN) || (b == -1 && a == INT64_MIN)) return true;
  return *out / b != a;
}

static int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r;
  if (!add_overflows(a, b, &r)) return r;
  return a < 0 ? INT64_MIN : INT64_MAX;
}

int main(void) {
  const int64_t v[] = {0, 1, -1, 2, INT64_MAX, INT64_MIN, INT64_MAX / 2 + 1, -3037000500LL, 3037000499LL};
  const int n = sizeof v / sizeof v[0];
  int overflows[3] = {0, 0, 0};
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      int64_t r;
      overflows[0] += add_overflows(v[i], v[j], &r);
      overflows[1] += sub_overflows(v[i], v[j], &r);
      bool m = mul_overflows(v[i], v[j], &r);
      overflows[2] += m;
      if (i == j) printf("%" PRId64 " squared: %s %" PRId64 "\n", v[i], m ? "overflows, wraps to" : "=", r);
    }
  printf("overflowing pairs: add %d sub %d mul %d\n", overflows[0], overflows[1], overflows[2]);
  for (int base = 2; base <= 10; base += 4) {
    int64_t p = 1;
    int e = 0;
    while (!mul_overflows(p, base, &p)) e++;
    printf("%d^%d fits, %d^%d does not (wraps to %" PRId64 ")\n", base, e, base, e + 1, p);
  }
  int64_t s = 0;
  for (int i = 0; i < 10; i++) s = saturating_add(s, INT64_MAX / 4);
  printf("saturated sum %" PRId64 "\n", s);
  s = 0;
  for (int i = 0; i < 10; i++) s = saturating_add(s, INT64_MIN / 3);
  printf("saturated negative sum %" PRId64 "\n", s);
  uint64_t u = 0;
  u -= 1;
  printf("0u - 1 = %" PRIu64 ", + 2 = %" PRIu64 "\n", u, u + 2);
  return 0;
}
