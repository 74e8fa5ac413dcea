// float_mathlib: math.h. The exact functions (sqrt, floor, ceil, trunc, round, fmod, fabs, fmin,
// fmax, frexp, ldexp, modf) are printed to the last bit; the others (sin, cos, exp, log, pow,
// atan2, cbrt, hypot, sinf, expf) are within an ulp of the correctly rounded value, which glibc's may differ from in
// the last place, so they are printed to 9 significant digits. NaN results are shown through
// isnan (their sign is the library's choice).
#define _DEFAULT_SOURCE  // glibc declares M_PI in -std=c11 only with it
#include <math.h>
#include <stdio.h>

static volatile double vzero = 0.0;

int main(void) {
  const double xs[] = {2.5, -2.5, 3.5, -0.4, 7.0000001};
  for (int i = 0; i < 5; i++) {
    double x = xs[i] + vzero;
    printf("%-9g floor %g ceil %g trunc %g round %g fabs %g\n", x, floor(x), ceil(x), trunc(x),
           round(x), fabs(x));
  }
  double two = 2 + vzero;
  printf("sqrt(2) %.17g %a, sqrtf(2) %.9g\n", sqrt(two), sqrt(two), sqrtf((float)two));
  printf("fmod(10.5, 3) %g, fmod(-10.5, 3) %g, fmin(-0.0, 1) %g, fmax(2, nan) %g\n",
         fmod(10.5 + vzero, 3), fmod(-10.5 + vzero, 3), fmin(-vzero, 1), fmax(two, NAN));
  int e;
  double m = frexp(48 + vzero, &e), ip, frac = modf(-3.75 + vzero, &ip);
  printf("frexp(48) = %g * 2^%d, ldexp(0.75, 10) = %g, modf(-3.75) = %g + %g\n", m, e,
         ldexp(0.75 + vzero, 10), ip, frac);

  // A few of the approximated functions (each call is hundreds of thousands of trace tokens).
  double pi = M_PI + vzero;
  printf("sin(pi/6) %.9f cos(pi/3) %.9f atan2(1, -1) %.9f\n", sin(pi / 6), cos(pi / 3),
         atan2(1, -1 + vzero));
  printf("exp(1) %.9g log(10) %.9g pow(2, 0.5) %.9g cbrt(27) %.9g hypot(3, 4) %.9g\n", exp(1 + vzero),
         log(10 + vzero), pow(two, 0.5), cbrt(27 + vzero), hypot(3 + vzero, 4));
  printf("sinf(1) %.6f expf(2) %.6f\n", sinf(1 + (float)vzero), expf(2 + (float)vzero));
  printf("isnan(sqrt(-1)) %d, log(0) %g, exp(1000) %g, exp(-1000) %g\n", isnan(sqrt(-two)) != 0,
         log(vzero), exp(1000 + vzero), exp(-1000 + vzero));
  return 0;
}
