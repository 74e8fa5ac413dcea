// float_arith: double and float arithmetic computed at run time (inputs come through volatile
// variables, so neither compiler folds them): + - * / rounding to nearest even, float vs double
// precision, the harmonic series summed both ways, and every comparison operator, NaN unordered.
#include <stdio.h>

static volatile double vd[] = {0.1, 0.2, 0.3, 3.0, 9007199254740992.0, 1e16, -2.5, 7.0};
static volatile float vf[] = {0.1f, 0.2f, 0.3f, 3.0f, 16777216.0f, -2.5f, 7.0f};
static volatile double vzero = 0.0;

static double mix(double a, double b, double c) { return (a - b) * c / (a + b); }
static float mixf(float a, float b, float c) { return (a - b) * c / (a + b); }

int main(void) {
  double a = vd[0], b = vd[1], c = a + b;
  printf("0.1 + 0.2 = %.17g, == 0.3: %d, %a\n", c, c == vd[2], c);
  float fa = vf[0], fb = vf[1], fc = fa + fb;
  printf("0.1f + 0.2f = %.9g, == 0.3f: %d, %a\n", fc, fc == vf[2], (double)fc);

  // Ties round to even: 2^53 + 1 is halfway between 2^53 and 2^53 + 2.
  double big = vd[4];
  printf("2^53 + 1, 2, 3: %.1f %.1f %.1f\n", big + 1.0, big + 2.0, big + 3.0);
  printf("2^53 - 0.5: %.1f, 1e16 + 1: %.1f\n", big - 0.5, vd[5] + 1.0);
  float fbig = vf[4];
  printf("2^24 + 1, 3 (float): %.1f %.1f\n", fbig + 1.0f, fbig + 3.0f);

  double third = 1.0 / vd[3];
  printf("1/3 = %.17g, *3 = %.17g, -1/3 = %.17g\n", third, third * vd[3], -third);
  float fthird = 1.0f / vf[3];
  printf("1/3f = %.9g, *3 = %.9g\n", fthird, fthird * vf[3]);
  printf("7 / -2.5 = %g, 7 * -2.5 = %g, -2.5 - 7 = %g\n", vd[7] / vd[6], vd[7] * vd[6], vd[6] - vd[7]);
  printf("mix: %.17g %.9g\n", mix(vd[7], vd[6], vd[0]), mixf(vf[6], vf[5], vf[0]));

  // The harmonic series in double and in float: float loses digits early.
  double h = 0;
  float hf = 0;
  for (int i = 1; i <= 12; i++) {
    h += 1.0 / (i + vzero);
    hf += 1.0f / (float)(i + vzero);
  }
  printf("H(12) = %.15f (double), %.7f (float), difference %.3e\n", h, (double)hf, h - hf);

  // Multiplying by 0.1 ten times is not dividing by 10 ten times.
  double m = vd[7], d = vd[7];
  for (int i = 0; i < 10; i++) {
    m *= vd[0];
    d /= 10.0 + vzero;
  }
  printf("7*0.1^10 = %.17g, 7/10^10 = %.17g, equal: %d\n", m, d, m == d);

  // Comparisons, NaN included: every ordered comparison with NaN is false, != is true.
  double nan = vzero / vzero;
  double cmp[] = {-1.5, -0.0, 0.0, 1.5, nan};
  const char *names[] = {"-1.5", "-0", "0", "1.5", "nan"};
  printf("x    y    < <= == != >= >\n");
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++) {
      if (j != i && j != (i + 1) % 5 && j != 4) continue;
      double x = cmp[i], y = cmp[j];
      printf("%-4s %-4s %d %d  %d  %d %d  %d\n", names[i], names[j], x < y, x <= y, x == y, x != y,
             x >= y, x > y);
    }
  float fnan = (float)nan;
  printf("float: nan == nan %d, nan != nan %d, -0 == 0 %d, 0.1f < 0.1 %d\n", fnan == fnan,
         fnan != fnan, -vf[0] * 0.0f == 0.0f, vf[0] < vd[0]);
  return 0;
}
