// A 1000-element array (paged in the Variables pane), a struct to hover, and parameters that
// clang -O2 no longer keeps once they are used up (<optimized out> there).
#include <stdio.h>

struct pair {
  int left;
  int right;
};

__attribute__((noinline)) static int weigh(const int *t, int n, int bias) {
  int acc = bias;
  for (int k = 0; k < n; k++) acc += t[k] - k;
  printf("%d\n", acc);
  return acc; // @bp: weigh hits=1
}

int main(void) {
  int local[1000]; // filled below, before any breakpoint
  struct pair p = {0, 0};
  int v = -7;
  for (int i = 0; i < 1000; i++) {
    local[i] = v; // 3 * i - 7, by additions only (a multiplication is a long lowered loop)
    v += 3;
  }
  p.left = local[999];
  p.right = weigh(local + 900, p.left % 50, p.left);
  printf("%d %d\n", p.left, p.right); // @bp: end hits=1
  return 0;
}
