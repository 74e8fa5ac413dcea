// float_newton: root finding in double: Newton's square root (stopping when the iterates stop
// decreasing, so it may end one unit in the last place away) against sqrt(), which is exact
// (correctly rounded); Newton's cube root; and bisection of a cubic with a tolerance.
#include <math.h>
#include <stdio.h>

static volatile double vzero = 0.0;

static double newton_sqrt(double a, int *iterations) {
  double x = a > 1 ? a : 1.0;  // at or above the root
  *iterations = 0;
  for (;;) {
    double next = 0.5 * (x + a / x);
    ++*iterations;
    if (next >= x) return x;  // Newton's iterates decrease monotonically once above the root
    x = next;
  }
}

static double cubic(double x) { return (x - 2) * x * x - 5; }  // x^3 - 2x^2 - 5

int main(void) {
  const double inputs[] = {2, 10, 0.25};
  for (int i = 0; i < 3; i++) {
    double a = inputs[i] + vzero;
    int it;
    double r = newton_sqrt(a, &it);
    double s = sqrt(a);
    printf("sqrt(%g): newton %.17g in %d steps, sqrt() %.17g, equal %d, r*r-a %.3e\n", a, r, it, s,
           r == s, r * r - a);
  }
  double c = 3 + vzero;
  for (int i = 0; i < 5; i++) c -= (c * c * c - 20) / (3 * c * c);
  printf("cube root of 20: %.15f, cubed %.15f\n", c, c * c * c);

  double lo = 2 + vzero, hi = 3 + vzero;
  int steps = 0;
  while (hi - lo > 1e-4) {
    double mid = (lo + hi) / 2;
    if (cubic(mid) > 0) hi = mid;
    else lo = mid;
    steps++;
  }
  printf("root of x^3-2x^2-5 in [2,3]: %.6f after %d halvings, f = %.3e\n", lo, steps, cubic(lo));
  return 0;
}
