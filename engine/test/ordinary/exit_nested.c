// exit_nested: exit(3) called three calls deep while validating input from standard input; the
// output written before the exit must all appear, the code after it never runs, and the exit
// status is 3.
// stdin: 10 20 30 -5 40\n
#include <stdio.h>
#include <stdlib.h>

static int total;

static void check_value(int v, int index) {
  if (v < 0) {
    printf("value %d at index %d is negative: giving up with status 3\n", v, index);
    exit(3);
  }
  total += v;
}

static void process_record(int index) {
  int v;
  if (scanf("%d", &v) != 1) {
    printf("no more values after %d\n", index);
    exit(0);
  }
  printf("record %d: %d\n", index, v);
  check_value(v, index);
  printf("running total %d\n", total);
}

static void process_all(void) {
  for (int i = 0; i < 100; i++) process_record(i);
}

int main(void) {
  printf("starting\n");
  process_all();
  printf("unreachable: finished with total %d\n", total);
  return 0;
}
