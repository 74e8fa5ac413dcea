/* math.h: the C math library (src/math/): exact functions exact, the others within 1 ulp of the
 * correctly rounded result (measured: docs/floating-point.md). Only round-to-nearest exists, and
 * errors are reported through errno (math_errhandling is MATH_ERRNO), as glibc does. long double
 * forms are absent: long double is not supported. */
#ifndef _MATH_H
#define _MATH_H

typedef float float_t;
typedef double double_t;

#define HUGE_VAL __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")

/* glibc's values */
#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)
#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling MATH_ERRNO

#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isnan(x) __builtin_isnan(x)
#define isinf(x) __builtin_isinf_sign(x) /* -1 for -inf, as glibc */
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x) __builtin_signbit(x)
#define isgreater(x, y) __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y) __builtin_isless(x, y)
#define islessequal(x, y) __builtin_islessequal(x, y)
#define islessgreater(x, y) __builtin_islessgreater(x, y)
#define isunordered(x, y) __builtin_isunordered(x, y)

#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

#define __TVM_MATH2(name) \
  double name(double); \
  float name##f(float);
#define __TVM_MATH2_2(name) \
  double name(double, double); \
  float name##f(float, float);

__TVM_MATH2(fabs)
__TVM_MATH2(sqrt)
__TVM_MATH2(floor)
__TVM_MATH2(ceil)
__TVM_MATH2(trunc)
__TVM_MATH2(round)
__TVM_MATH2(rint)
__TVM_MATH2(nearbyint)
__TVM_MATH2(exp)
__TVM_MATH2(exp2)
__TVM_MATH2(expm1)
__TVM_MATH2(log)
__TVM_MATH2(log2)
__TVM_MATH2(log10)
__TVM_MATH2(log1p)
__TVM_MATH2(logb)
__TVM_MATH2(sin)
__TVM_MATH2(cos)
__TVM_MATH2(tan)
__TVM_MATH2(asin)
__TVM_MATH2(acos)
__TVM_MATH2(atan)
__TVM_MATH2(sinh)
__TVM_MATH2(cosh)
__TVM_MATH2(tanh)
__TVM_MATH2(cbrt)
__TVM_MATH2_2(fmod)
__TVM_MATH2_2(remainder)
__TVM_MATH2_2(fmin)
__TVM_MATH2_2(fmax)
__TVM_MATH2_2(fdim)
__TVM_MATH2_2(copysign)
__TVM_MATH2_2(nextafter)
__TVM_MATH2_2(pow)
__TVM_MATH2_2(atan2)
__TVM_MATH2_2(hypot)
#undef __TVM_MATH2
#undef __TVM_MATH2_2

double drem(double x, double y);
long lround(double x);
long lroundf(float x);
long long llround(double x);
long long llroundf(float x);
long lrint(double x);
long lrintf(float x);
long long llrint(double x);
long long llrintf(float x);
double frexp(double x, int *e);
float frexpf(float x, int *e);
double ldexp(double x, int e);
float ldexpf(float x, int e);
double scalbn(double x, int e);
float scalbnf(float x, int e);
double scalbln(double x, long e);
int ilogb(double x);
int ilogbf(float x);
double modf(double x, double *ip);
float modff(float x, float *ip);
#endif
