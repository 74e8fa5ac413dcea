// float_integrate: numeric integration and summation in double: Simpson's rule through a
// function pointer (exact on x^3; 4/(1+x^2) converging to pi), and Kahan compensated summation
// against the naive sum of 0.1, in double and in float.
#define _DEFAULT_SOURCE  // glibc declares M_PI in -std=c11 only with it
#include <math.h>
#include <stdio.h>

static volatile double vzero = 0.0;

static double cube(double x) { return x * x * x; }
static double arctan_integrand(double x) { return 4.0 / (1.0 + x * x); }

static double simpson(double (*f)(double), double a, double b, int n) {
  double h = (b - a) / n, sum = f(a) + f(b);
  for (int i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 ? 4 : 2);
  return sum * h / 3;
}

int main(void) {
  for (int n = 2; n <= 4; n *= 2)
    printf("simpson x^3 on [0,2], n=%d: %.17g\n", n, simpson(cube, vzero, 2 + vzero, n));
  for (int n = 4; n <= 8; n *= 2) {
    double pi = simpson(arctan_integrand, vzero, 1 + vzero, n);
    printf("simpson 4/(1+x^2) on [0,1], n=%d: %.15f (error %.2e)\n", n, pi, pi - M_PI);
  }

  // 0.1 added 20 times: the naive sum drifts, Kahan's stays at the correctly rounded 2.
  double naive = 0, kahan = 0, comp = 0, tenth = 0.1 + vzero;
  for (int i = 0; i < 20; i++) {
    naive += tenth;
    double y = tenth - comp;
    double t = kahan + y;
    comp = (t - kahan) - y;
    kahan = t;
  }
  printf("20 x 0.1: naive %.17g, kahan %.17g, compensation %a\n", naive, kahan, comp);
  float fnaive = 0;
  for (int i = 0; i < 20; i++) fnaive += (float)tenth;
  printf("20 x 0.1f in float: %.9g (%a)\n", fnaive, fnaive);
  return 0;
}
