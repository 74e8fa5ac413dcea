// float_stats: descriptive statistics of numbers read from standard input with scanf("%lf")
// (decimal, exponent and hexadecimal-float forms): count, sum, mean, variance and standard
// deviation by Welford's method, min/max, median and quartiles after sorting with qsort and a
// double comparator, a z-score table, printed with %.3f, %e, %g and width/flag variants.
// stdin: 12.5 -3.25 7 1e2 0.001 42 -17.75 3.5e-1 8 0x1.8p1 15.125 -0.5 9.99 x
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int by_value(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  return (a > b) - (a < b);
}

static double quantile(const double *sorted, int n, double q) {
  double pos = q * (n - 1);
  int i = (int)pos;
  double frac = pos - i;
  return i + 1 < n ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
}

int main(void) {
  double v[32];
  int n = 0;
  while (n < 32 && scanf("%lf", &v[n]) == 1) n++;
  printf("read %d numbers\n", n);
  double mean = 0, m2 = 0, sum = 0, lo = v[0], hi = v[0];
  for (int i = 0; i < n; i++) {
    double delta = v[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (v[i] - mean);
    sum += v[i];
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  double var = m2 / (n - 1), sd = sqrt(var);
  printf("sum %.3f, mean %.3f (%e), sum/n %.17g\n", sum, mean, mean, sum / n);
  printf("variance %.3f, stddev %.3f, min %g, max %g, range %+.2e\n", var, sd, lo, hi, hi - lo);
  qsort(v, n, sizeof v[0], by_value);
  printf("sorted:");
  for (int i = 0; i < n; i++) printf(" %g", v[i]);
  printf("\n");
  printf("q1 %.3f, median %.3f, q3 %.3f\n", quantile(v, n, 0.25), quantile(v, n, 0.5),
         quantile(v, n, 0.75));
  for (int i = 0; i < n; i += 3) printf("  %10.4f | z %+7.3f | %-12g|\n", v[i], (v[i] - mean) / sd, v[i]);
  return 0;
}
