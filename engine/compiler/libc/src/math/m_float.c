/* m_float.c: the float forms. Exact operations use the f32 instructions or are exact through
 * double; the others evaluate the double function (error < 0.51 ulp of double) and round once to
 * float, which stays within 1 ulp of float (and is almost always correctly rounded). */
#include <math.h>

#include "libm_internal.h"

static float to_float(double d) {
  float f = (float)d;
  if ((__builtin_isinf(f) && !__builtin_isinf(d)) || (f == 0 && d != 0)) errno = ERANGE;
  return f;
}

float fabsf(float x) { return __builtin_fabsf(x); }
float sqrtf(float x) {
  if (x < 0) errno = EDOM;
  return __builtin_sqrtf(x);
}
float floorf(float x) { return __builtin_floorf(x); }
float ceilf(float x) { return __builtin_ceilf(x); }
float truncf(float x) { return __builtin_truncf(x); }
float rintf(float x) { return __builtin_rintf(x); }
float nearbyintf(float x) { return __builtin_nearbyintf(x); }
float roundf(float x) { return (float)round(x); }
long lroundf(float x) { return lround(x); }
long long llroundf(float x) { return llround(x); }
long lrintf(float x) { return lrint(x); }
long long llrintf(float x) { return llrint(x); }
float copysignf(float x, float y) { return __builtin_copysignf(x, y); }
float fmodf(float x, float y) { return (float)fmod(x, y); }
float remainderf(float x, float y) { return (float)remainder(x, y); }
float fminf(float x, float y) { return (float)fmin(x, y); }
float fmaxf(float x, float y) { return (float)fmax(x, y); }
float fdimf(float x, float y) { return to_float(fdim(x, y)); }
float frexpf(float x, int *e) { return (float)frexp(x, e); }
float ldexpf(float x, int n) {
  if (n > 400) n = 400; /* beyond, the result overflows or underflows either way */
  if (n < -400) n = -400;
  return to_float(__libm_scale(x, n));
}
float scalbnf(float x, int n) { return ldexpf(x, n); }
float modff(float x, float *ip) {
  double i;
  float r = (float)modf(x, &i);
  *ip = (float)i;
  return r;
}
float nextafterf(float x, float y) {
  if (x != x) return x;
  if (y != y) return y;
  if (x == y) return y;
  union {
    float f;
    uint32_t u;
  } v = {x};
  if (x == 0)
    v.u = (y > 0 ? 0 : 0x80000000u) | 1;
  else if ((x < y) == (x > 0))
    v.u++;
  else
    v.u--;
  if (__builtin_isinf(v.f) || __builtin_fabsf(v.f) < 0x1p-126f) errno = ERANGE;
  return v.f;
}
int ilogbf(float x) { return ilogb(x); }
float logbf(float x) { return (float)logb(x); }

float expf(float x) { return to_float(exp(x)); }
float exp2f(float x) { return to_float(exp2(x)); }
float expm1f(float x) { return to_float(expm1(x)); }
float logf(float x) { return (float)log(x); }
float log2f(float x) { return (float)log2(x); }
float log10f(float x) { return (float)log10(x); }
float log1pf(float x) { return (float)log1p(x); }
float powf(float x, float y) { return to_float(pow(x, y)); }
float sinf(float x) { return (float)sin(x); }
float cosf(float x) { return (float)cos(x); }
float tanf(float x) { return (float)tan(x); }
float asinf(float x) { return (float)asin(x); }
float acosf(float x) { return (float)acos(x); }
float atanf(float x) { return (float)atan(x); }
float atan2f(float y, float x) { return (float)atan2(y, x); }
float sinhf(float x) { return to_float(sinh(x)); }
float coshf(float x) { return to_float(cosh(x)); }
float tanhf(float x) { return (float)tanh(x); }
float hypotf(float x, float y) { return to_float(hypot(x, y)); }
float cbrtf(float x) { return (float)cbrt(x); }
