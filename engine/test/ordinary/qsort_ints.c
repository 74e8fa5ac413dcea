// qsort_ints: sorts integers given on the command line with qsort and three comparators
// (ascending, descending, by absolute value then sign), then reports the median and duplicates.
// args: 42 -7 19 0 -7 1000 3 -2147483648 2147483647 19 5 -1
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static int ascending(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int descending(const void *a, const void *b) { return ascending(b, a); }

static unsigned magnitude(int x) { return x < 0 ? 0u - (unsigned)x : (unsigned)x; }

static int by_magnitude(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  unsigned mx = magnitude(x), my = magnitude(y);
  if (mx != my) return mx < my ? -1 : 1;
  return ascending(a, b);
}

static void show(const char *label, const int *v, int n) {
  printf("%-10s", label);
  for (int i = 0; i < n; i++) printf(" %d", v[i]);
  putchar('\n');
}

int main(int argc, char **argv) {
  int n = argc - 1;
  if (n == 0) {
    fprintf(stderr, "give some integers\n");
    return 1;
  }
  int *v = malloc((size_t)n * sizeof *v);
  if (!v) return 1;
  for (int i = 0; i < n; i++) v[i] = (int)strtol(argv[i + 1], NULL, 10);
  show("input", v, n);
  qsort(v, (size_t)n, sizeof *v, ascending);
  show("ascending", v, n);
  int min = v[0], max = v[n - 1];
  printf("min %d max %d (INT_MIN %s, INT_MAX %s)\n", min, max, min == INT_MIN ? "present" : "absent",
         max == INT_MAX ? "present" : "absent");
  printf("median %d\n", v[n / 2]);
  for (int i = 1; i < n; i++)
    if (v[i] == v[i - 1] && (i == 1 || v[i - 2] != v[i])) printf("duplicate %d\n", v[i]);
  qsort(v, (size_t)n, sizeof *v, descending);
  show("descending", v, n);
  qsort(v, (size_t)n, sizeof *v, by_magnitude);
  show("magnitude", v, n);
  qsort(v, 0, sizeof *v, ascending);
  qsort(v, 1, sizeof *v, descending);
  show("unchanged", v, n);
  free(v);
  return 0;
}
