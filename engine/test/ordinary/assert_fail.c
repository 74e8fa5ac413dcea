// assert_fail: computes integer square roots with an assertion on the argument; the third value
// is negative, so `assert(x > 0)` fails: glibc prints the program name, file, line, function and
// expression to stderr and aborts (exit status 134), after the earlier results were printed.
// args: 49 1000000 -4 16
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static int isqrt(int x) {
  assert(x > 0);
  int r = 0;
  while ((r + 1) * (r + 1) <= x) r++;
  return r;
}

static int checked_sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    assert(v[i] >= 0 && "values are counts");
    s += v[i];
  }
  return s;
}

int main(int argc, char **argv) {
  int counts[] = {3, 1, 4, 1, 5};
  printf("sum of counts %d\n", checked_sum(counts, 5));
  for (int i = 1; i < argc; i++) {
    int x = atoi(argv[i]);
    printf("checking %d\n", x);
    printf("isqrt(%d) = %d\n", x, isqrt(x));
  }
  printf("all done\n");
  return 0;
}
