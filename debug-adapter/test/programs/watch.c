// Data breakpoints and provenance (debug-adapter/test/history.test.ts): a global, a struct's
// members and a local written in a loop, some writes changing the value and some not.
#include <stdio.h>

int total;
struct point {
  int x;
  int y;
} p;

static int bump(int v) {
  int w = v + 3; // @line: bump
  return w;
}

int main(void) {
  int k = 0;
  for (int i = 0; i < 6; i++) {
    k = bump(k);     // @line: k-write
    total += k;      // @line: total-write
    p.x = i & 1;     // @line: px-write
    p.y = 7;         // @line: py-write
  }
  printf("%d %d %d %d\n", k, total, p.x, p.y); // @line: print
  return total == 63 ? 0 : 1; // @line: end
}
