// The C view of the debugger (debug-adapter/test/c-variables.test.ts): a struct with a pointer to
// another, a 300-int array, strings, 64-bit values, bit-fields, an enum, statics, a bool and a
// function pointer.
#include <stdint.h>
#include <stdio.h>

enum color { RED, GREEN, BLUE };
struct flags {
  unsigned ready : 1;
  int level : 5;
  unsigned mode : 3;
};
struct point {
  int x;
  int y;
  const char *label;
  struct point *next;
};

int table[300];
static int counter = 7;
long long big = -1234567890123LL;

static int sum(const int *v, int n) {
  static int calls;
  calls++;
  int total = 0;
  for (int i = 0; i < n; i++) total += v[i];
  return total; // @line: sum-return
}

int main(void) {
  struct point origin = {0, 0, "origin", 0};
  struct point p = {3, -4, "p", &origin};
  const char *greeting = "hello, world";
  uint64_t wide = 0xfedcba9876543210ULL;
  int64_t negative = -5;
  struct flags f = {1, -3, 5};
  enum color c = BLUE;
  char name[8] = "tvm";
  _Bool ok = 1;
  int (*adder)(const int *, int) = sum;
  for (int i = 0; i < 300; i++) table[i] = i * i;
  int s = adder(table, 300);
  printf("%d %s %d\n", s + p.x + f.level + (int)c + name[0] + ok, greeting,
         (int)(wide >> 60) + (int)negative + counter + (int)big + p.next->x);
  return 0;
}
