/*
 * newton_sqrt.c - square roots by Newton's method in double precision, every step printed to
 * 17 significant digits (enough to tell any two doubles apart) and as the exact bits (%a).
 * Input: a positive number, e.g. "2" (read with strtod: "0.5", "1e10" and "0x1p-3" work too).
 *
 * Each step x = (x + a/x) / 2 roughly doubles the number of correct digits. Starting above the
 * root, the iterates decrease until rounding stops them; the last one may still be one unit in
 * the last place away from sqrt(), which is exact (the correctly rounded square root). Every
 * floating-point operation here (a division, an addition and a multiplication per step) is
 * integer code the transformer runs: soft-float helpers built from its 35 opcodes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  double a = argc > 1 ? strtod(argv[1], NULL) : 2.0;
  if (!(a > 0) || isinf(a)) {
    printf("usage: newton_sqrt A (a positive, finite number)\n");
    return 1;
  }
  double x = a > 1 ? a : 1.0;  // at or above the root: the iterates then decrease
  printf("sqrt(%g) by Newton's method, from x0 = %g\n", a, x);
  for (int step = 1;; step++) {
    double next = 0.5 * (x + a / x);
    if (!(next < x)) break;  // rounding stopped the descent
    x = next;
    printf("x%-2d = %.17g  %a\n", step, x, x);
  }
  double exact = sqrt(a);
  printf("sqrt() = %.17g  %a\n", exact, exact);
  if (x == exact) printf("Newton's result is the correctly rounded root\n");
  else printf("Newton's result is %s it by %g\n", x > exact ? "above" : "below", fabs(x - exact));
  return 0;
}
