// float_nbody: structs and arrays of floating point passed to and returned from functions: 2-D
// vectors returned by value, three bodies (float masses, double positions and velocities) taking
// one leapfrog step under gravity, with the total energy and momentum before and after.
#include <math.h>
#include <stdio.h>

struct vec {
  double x, y;
};

struct body {
  const char *name;
  float mass;
  struct vec pos, vel;
};

static struct vec add(struct vec a, struct vec b) { return (struct vec){a.x + b.x, a.y + b.y}; }
static struct vec sub(struct vec a, struct vec b) { return (struct vec){a.x - b.x, a.y - b.y}; }
static struct vec scale(struct vec a, double k) { return (struct vec){a.x * k, a.y * k}; }
static double dot(struct vec a, struct vec b) { return a.x * b.x + a.y * b.y; }

static void accelerations(const struct body *b, int n, struct vec *acc) {
  for (int i = 0; i < n; i++) acc[i] = (struct vec){0, 0};
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++) {
      struct vec d = sub(b[j].pos, b[i].pos);
      double r2 = dot(d, d), r = sqrt(r2), inv3 = 1 / (r2 * r);
      acc[i] = add(acc[i], scale(d, b[j].mass * inv3));
      acc[j] = sub(acc[j], scale(d, b[i].mass * inv3));
    }
}

static double energy(const struct body *b, int n) {
  double e = 0;
  for (int i = 0; i < n; i++) {
    e += 0.5 * b[i].mass * dot(b[i].vel, b[i].vel);
    for (int j = i + 1; j < n; j++) {
      struct vec d = sub(b[j].pos, b[i].pos);
      e -= (double)b[i].mass * b[j].mass / sqrt(dot(d, d));
    }
  }
  return e;
}

static void report(const char *when, const struct body *b, int n) {
  struct vec p = {0, 0};
  for (int i = 0; i < n; i++) p = add(p, scale(b[i].vel, b[i].mass));
  printf("%s: energy %.9f, momentum (%.3e, %.3e)\n", when, energy(b, n), p.x, p.y);
  for (int i = 0; i < n; i++)
    printf("  %-5s m=%-5g pos (%9.6f, %9.6f) vel (%9.6f, %9.6f)\n", b[i].name, b[i].mass, b[i].pos.x,
           b[i].pos.y, b[i].vel.x, b[i].vel.y);
}

int main(void) {
  struct body bodies[3] = {
      {"sun", 10.0f, {0, 0}, {0, -0.3}},
      {"earth", 1.0f, {1, 0}, {0, 3}},
      {"moon", 0.1f, {1.1f, 0}, {0, 0}},
  };
  const double dt = 0.01;
  struct vec acc[3];
  report("start", bodies, 3);
  accelerations(bodies, 3, acc);
  for (int step = 0; step < 1; step++) {
    for (int i = 0; i < 3; i++) {
      bodies[i].vel = add(bodies[i].vel, scale(acc[i], dt / 2));
      bodies[i].pos = add(bodies[i].pos, scale(bodies[i].vel, dt));
    }
    accelerations(bodies, 3, acc);
    for (int i = 0; i < 3; i++) bodies[i].vel = add(bodies[i].vel, scale(acc[i], dt / 2));
  }
  report("after one step", bodies, 3);
  return 0;
}
