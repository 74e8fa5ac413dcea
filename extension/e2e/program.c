/* The end-to-end test's program: an ordinary C program that sums 1..5, printing each step. */
#include <stdio.h>

int main(void) {
  int total = 0;
  for (int i = 1; i <= 5; i++) {
    total += i;
    printf("i=%d total=%d\n", i, total); // @line: report
  }
  return total == 15 ? 0 : 1;
}
