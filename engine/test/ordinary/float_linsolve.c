// float_linsolve: Gaussian elimination with partial pivoting on small dense systems held in 2-D
// arrays of double (passed to functions by pointer): a 3x3 system with a known (inexact) answer,
// its determinant, the residual of the computed solution, and the ill-conditioned 3x3 Hilbert
// matrix, whose solution loses digits.
#include <math.h>
#include <stdio.h>

#define N 3

static volatile double vone = 1.0;

/* Solves a x = b in place (a and b are destroyed); returns the determinant (0: singular). */
static double solve(double a[N][N], double b[N], double x[N]) {
  double det = 1;
  for (int col = 0; col < N; col++) {
    int pivot = col;
    for (int r = col + 1; r < N; r++)
      if (fabs(a[r][col]) > fabs(a[pivot][col])) pivot = r;
    if (a[pivot][col] == 0) return 0;
    if (pivot != col) {
      for (int c = 0; c < N; c++) {
        double t = a[col][c];
        a[col][c] = a[pivot][c];
        a[pivot][c] = t;
      }
      double t = b[col];
      b[col] = b[pivot];
      b[pivot] = t;
      det = -det;
    }
    det *= a[col][col];
    for (int r = col + 1; r < N; r++) {
      double f = a[r][col] / a[col][col];
      for (int c = col; c < N; c++) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  for (int r = N - 1; r >= 0; r--) {
    double s = b[r];
    for (int c = r + 1; c < N; c++) s -= a[r][c] * x[c];
    x[r] = s / a[r][r];
  }
  return det;
}

static void run(const char *name, const double m[N][N], const double want[N]) {
  double a[N][N], b[N], x[N];
  for (int r = 0; r < N; r++) {
    b[r] = 0;
    for (int c = 0; c < N; c++) {
      a[r][c] = m[r][c] * vone;
      b[r] += m[r][c] * want[c];
    }
  }
  double rhs[N];
  for (int r = 0; r < N; r++) rhs[r] = b[r];
  double det = solve(a, b, x);
  printf("%s: det %.6g\n", name, det);
  double worst = 0, residual = 0;
  for (int r = 0; r < N; r++) {
    double s = -rhs[r];
    for (int c = 0; c < N; c++) s += m[r][c] * x[c];
    if (fabs(s) > residual) residual = fabs(s);
    if (fabs(x[r] - want[r]) > worst) worst = fabs(x[r] - want[r]);
    printf("  x[%d] = %12.8f  (%a)\n", r, x[r], x[r]);
  }
  printf("  max error %.3e, max residual %.3e\n", worst, residual);
}

int main(void) {
  const double m[N][N] = {{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}};
  const double want[N] = {0.1, -2.5, 1.0 / 3};
  run("a 3x3 system", m, want);
  double hilbert[N][N];
  for (int r = 0; r < N; r++)
    for (int c = 0; c < N; c++) hilbert[r][c] = 1.0 / (r + c + 1);
  const double ones[N] = {1, 1, 1};
  run("hilbert 3x3", (const double(*)[N])hilbert, ones);
  double singular[N][N] = {{1, 2, 3}, {2, 4, 6}, {0, 1, 1}}, s[N] = {0}, x[N];
  printf("singular: det %g\n", solve(singular, s, x));
  return 0;
}
