// sorts: merge sort (top-down with a buffer), heap sort and quicksort (median of three, insertion
// sort for short runs) on the same pseudo-random arrays, checked against each other, with the
// number of comparisons each made.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long comparisons;
static int lt(int a, int b) { return comparisons++, a < b; }

static void merge_sort(int *a, int *tmp, int n) {
  if (n < 2) return;
  int m = n / 2;
  merge_sort(a, tmp, m);
  merge_sort(a + m, tmp, n - m);
  int i = 0, j = m, k = 0;
  while (i < m && j < n) tmp[k++] = lt(a[j], a[i]) ? a[j++] : a[i++];
  while (i < m) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, (size_t)n * sizeof *a);
}

static void sift(int *a, int i, int n) {
  for (;;) {
    int c = 2 * i + 1;
    if (c >= n) return;
    if (c + 1 < n && lt(a[c], a[c + 1])) c++;
    if (!lt(a[i], a[c])) return;
    int t = a[i];
    a[i] = a[c];
    a[c] = t;
    i = c;
  }
}

static void heap_sort(int *a, int n) {
  for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
  for (int end = n - 1; end > 0; end--) {
    int t = a[0];
    a[0] = a[end];
    a[end] = t;
    sift(a, 0, end);
  }
}

static void swap(int *x, int *y) {
  int t = *x;
  *x = *y;
  *y = t;
}

static void quick_sort(int *a, int lo, int hi) {
  while (hi - lo > 8) {
    int mid = lo + (hi - lo) / 2;
    if (lt(a[mid], a[lo])) swap(&a[mid], &a[lo]);
    if (lt(a[hi], a[lo])) swap(&a[hi], &a[lo]);
    if (lt(a[hi], a[mid])) swap(&a[hi], &a[mid]);
    int pivot = a[mid], i = lo, j = hi;
    while (i <= j) {
      while (lt(a[i], pivot)) i++;
      while (lt(pivot, a[j])) j--;
      if (i <= j) swap(&a[i++], &a[j--]);
    }
    if (j - lo < hi - i) quick_sort(a, lo, j), lo = i;
    else quick_sort(a, i, hi), hi = j;
  }
  for (int i = lo + 1; i <= hi; i++)
    for (int j = i; j > lo && lt(a[j], a[j - 1]); j--) swap(&a[j], &a[j - 1]);
}

int main(void) {
  enum { N = 60 };
  static int orig[N], a[N], b[N], c[N], tmp[N];
  uint32_t seed = 12345;
  const char *shapes[] = {"random", "sorted", "reversed", "few values"};
  for (int shape = 0; shape < 4; shape++) {
    for (int i = 0; i < N; i++) {
      seed = seed * 1103515245u + 12345u;
      int r = (int)(seed >> 8) % 100000 - 50000;
      orig[i] = shape == 0 ? r : shape == 1 ? i * 3 : shape == 2 ? N - i : r % 4;
    }
    memcpy(a, orig, sizeof a), memcpy(b, orig, sizeof b), memcpy(c, orig, sizeof c);
    long long cm, ch, cq;
    comparisons = 0, merge_sort(a, tmp, N), cm = comparisons;
    comparisons = 0, heap_sort(b, N), ch = comparisons;
    comparisons = 0, quick_sort(c, 0, N - 1), cq = comparisons;
    int sorted = 1;
    for (int i = 1; i < N; i++) sorted &= a[i - 1] <= a[i];
    int same = memcmp(a, b, sizeof a) == 0 && memcmp(a, c, sizeof a) == 0;
    printf("%-10s sorted %d same %d comparisons merge %lld heap %lld quick %lld min %d max %d\n", shapes[shape],
           sorted, same, cm, ch, cq, a[0], a[N - 1]);
  }
  return 0;
}
