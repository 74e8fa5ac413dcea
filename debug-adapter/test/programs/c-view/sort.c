// The quicksort: pivot, i, v[i] at a breakpoint inside the partition.
#include <stdio.h>

static int swaps = 0;

static void quicksort(int *v, int lo, int hi) {
  if (lo >= hi) return;
  int pivot = v[(lo + hi) / 2];
  int i = lo;
  int j = hi;
  while (i <= j) {
    while (v[i] < pivot) i++;
    while (v[j] > pivot) j--;
    if (i <= j) {
      int tmp = v[i];
      v[i] = v[j];
      v[j] = tmp;
      swaps++; // @bp: swap hits=1,4,9 globals=swaps
      i++;
      j--;
    }
  }
  quicksort(v, lo, j);
  quicksort(v, i, hi);
}

int main(void) {
  int values[10] = {42, -7, 19, 0, 88, 3, -50, 19, 61, 5};
  int n = 10;
  quicksort(values, 0, n - 1);
  printf("%d %d %d\n", values[0], values[9], swaps); // @bp: end hits=1
  return 0;
}
