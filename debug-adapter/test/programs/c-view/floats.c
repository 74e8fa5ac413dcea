// Floats and doubles: locals, arrays, struct members, a pointer to double, special values
// (±0, ±inf, NaN, subnormals, the largest finite), and values gdb prints with 9 or 17 digits.
#include <stdio.h>
#include <string.h>

struct particle {
  float mass;
  double position[2];
  double velocity;
};

double energy = 0.0;

static double kinetic(const struct particle *p) {
  double v2 = p->velocity * p->velocity;
  double e = 0.5 * p->mass * v2;
  return e; // @bp: kinetic hits=1,2 globals=energy
}

static double from_bits(unsigned long long bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

int main(void) {
  double third = 1.0 / 3;
  double pi = 3.14;
  double big = 1e100;
  float tenth = 0.1f;
  float ratio = 2.0f / 3;
  double zero = 0.0;
  double negzero = -zero;
  double inf = 1.0 / zero;
  double ninf = -inf;
  double nan = from_bits(0x7ff8000000000000ull);
  double nnan = from_bits(0xfff8000000000123ull);
  double tiny = 5e-324;
  double huge = 1.7976931348623157e308;
  float fsmall = 1e-45f;
  float samples[4] = {0.5f, -1.25f, 1e30f, 16777216.0f};
  double steps[3] = {1e-5, 1e16, 123456789.0};
  struct particle p = {2.5f, {1.0, -0.75}, 3.0};
  double *where = &p.position[1];
  double x = 2.5;
  int n = (int)(x * 2);
  energy = kinetic(&p); // @bp: main hits=1 globals=energy
  p.velocity = third;
  energy += kinetic(&p);
  printf("%d %d %d\n", n, (int)(energy * 1000), where == &p.position[1]); // @bp: end hits=1 globals=energy
  (void)pi; (void)big; (void)tenth; (void)ratio; (void)negzero; (void)ninf; (void)nan; (void)nnan;
  (void)tiny; (void)huge; (void)fsmall; (void)samples; (void)steps;
  return 0;
}
