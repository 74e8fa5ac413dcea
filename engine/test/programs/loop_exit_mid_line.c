// clang -O2 unrolls this loop by two and, when no iteration is left over, jumps from the loop
// (line `sum-loop`) into the middle of the code of the next line (`after-loop`): a breakpoint on
// that line must still stop there.
#include <stdio.h>

__attribute__((noinline)) static int weigh(const int *t, int n, int bias) {
  int acc = bias;
  for (int k = 0; k < n; k++) acc += t[k] - k; // @line: sum-loop
  printf("%d\n", acc);                         // @line: after-loop
  return acc;
}

int main(int argc, char **argv) {
  int v[64];
  for (int i = 0; i < 64; i++) v[i] = 3 * i - 7;
  int total = 0;
  for (int n = 0; n < 6; n++) total += weigh(v + argc, n + 36, n);
  printf("total %d\n", total);
  return 0;
}
