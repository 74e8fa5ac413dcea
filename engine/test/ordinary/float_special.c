// float_special: the special values computed at run time: infinities from overflow and from
// division by zero, NaN from 0/0, inf - inf and 0 * inf (x86-64 and the machine make it the
// default NaN, whose sign bit glibc prints as "-nan"), signed zeros, subnormals down to the
// smallest, gradual underflow, DBL_MAX / FLT_MAX / epsilon, and the classification macros.
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static volatile double vzero = 0.0, vone = 1.0, vtwo = 2.0;
static volatile float vfone = 1.0f;

static unsigned long long bits(double x) {
  unsigned long long u;
  memcpy(&u, &x, sizeof u);
  return u;
}

/* %a and the bits are exact and cheap; the decimal form of a number near the ends of the exponent
 * range takes big-number arithmetic (millions of trace tokens), so it is printed for a few only. */
static void show(const char *what, double x) {
  printf("%-14s %-24a %016llx nan %d inf %d finite %d sign %d\n", what, x, bits(x), isnan(x) != 0,
         isinf(x) != 0, isfinite(x) != 0, signbit(x) != 0);
}

int main(void) {
  double inf = vone / vzero, ninf = -vone / vzero;
  show("1/0", inf);
  show("-1/0", ninf);
  show("0/0", vzero / vzero);
  show("inf-inf", inf + ninf);
  show("0*inf", vzero * inf);
  show("NAN", NAN);
  show("INFINITY", INFINITY);
  show("-0", -vzero);
  show("0*-1", vzero * -vone);
  show("-0+0", -vzero + vzero);
  show("-0-0", -vzero - vzero);
  show("1/-inf", vone / ninf);
  printf("decimal: %g %g %g %f %e %.3g %g\n", inf, ninf, vzero / vzero, -vzero, -vzero, DBL_MAX * vone,
         DBL_EPSILON * vone);
  printf("1/-0 = %g, -0 == 0: %d, inf > DBL_MAX: %d, -inf < -DBL_MAX: %d\n", vone / -vzero,
         -vzero == vzero, inf > DBL_MAX, ninf < -DBL_MAX);

  double big = DBL_MAX * vone;
  show("DBL_MAX", big);
  show("DBL_MAX*2", big * vtwo);
  show("DBL_MAX+1", big + vone);
  show("-DBL_MAX*2", -big * vtwo);
  show("DBL_MIN", DBL_MIN * vone);
  show("DBL_EPSILON", DBL_EPSILON * vone);
  printf("1 + eps/2 == 1: %d, 1 + eps == 1: %d, 1 + eps/2 + eps/2 == 1: %d\n",
         vone + DBL_EPSILON / 2 == 1.0, vone + DBL_EPSILON == 1.0,
         vone + DBL_EPSILON / 2 + DBL_EPSILON / 2 == 1.0);

  // Gradual underflow: halving a subnormal (DBL_MIN / 2^40) down to the smallest, then to 0.
  double x = DBL_MIN / 1099511627776.0 * vone;
  int steps = 0;
  while (x * 0.5 != 0) {
    x *= 0.5;
    steps++;
  }
  show("smallest", x);
  printf("halvings from DBL_MIN/2^40 to the smallest subnormal: %d\n", steps);
  show("smallest/2", x / vtwo);
  show("smallest*1.5", x * 1.5);
  show("-smallest*2.5", -x * 2.5);
  show("3*smallest", 3 * x);
  show("DBL_MIN-small", DBL_MIN - x);
  double sub = DBL_MIN / 1024 * vone;
  show("DBL_MIN/1024", sub);
  printf("subnormal * 2^10 == DBL_MIN: %d, subnormal * 2^52 = %a\n", sub * 1024 == DBL_MIN,
         sub * 4503599627370496.0);

  float fbig = FLT_MAX * vfone;
  printf("FLT_MAX %g %a, *2 %g, FLT_MIN %g, FLT_EPSILON %g\n", fbig, fbig, fbig * 2.0f,
         FLT_MIN * vfone, FLT_EPSILON * vfone);
  float fx = FLT_MIN / 65536.0f * vfone;
  int fsteps = 0;
  while (fx * 0.5f != 0) {
    fx *= 0.5f;
    fsteps++;
  }
  printf("float: smallest subnormal %a after %d halvings\n", fx, fsteps);
  printf("float from double: 1e39 -> %g, 1e-46 -> %g, DBL_MAX -> %g, -1e-50 -> %g\n",
         (float)(1e39 * vone), (float)(1e-46 * vone), (float)big, (float)(-1e-50 * vone));
  printf("nan float -> double: %g, inf float -> double: %g\n", (double)(float)(vzero / vzero),
         (double)(float)inf);
  return 0;
}
