// knapsack: the 0/1 knapsack problem by dynamic programming over capacities, for items read from
// standard input ("name weight value" per line) and the capacity from argv; prints the best
// value, the chosen items, and the best value for every capacity up to the limit.
// args: 15
// stdin: map 9 150\ncompass 13 35\nwater 3 200\nsandwich 5 160\nglucose 2 60\ntin 6 45\nbanana 4 60\napple 3 40\ncheese 4 30\n
#include <stdio.h>
#include <stdlib.h>

#define MAX_ITEMS 20
#define MAX_CAP 64

int main(int argc, char **argv) {
  int cap = argc > 1 ? atoi(argv[1]) : 10;
  if (cap < 0 || cap > MAX_CAP) {
    fprintf(stderr, "capacity must be 0..%d\n", MAX_CAP);
    return 2;
  }
  char names[MAX_ITEMS][16];
  int weight[MAX_ITEMS], value[MAX_ITEMS], n = 0;
  while (n < MAX_ITEMS && scanf("%15s %d %d", names[n], &weight[n], &value[n]) == 3) n++;
  printf("%d items, capacity %d\n", n, cap);
  static int best[MAX_ITEMS + 1][MAX_CAP + 1];
  for (int i = 1; i <= n; i++)
    for (int c = 0; c <= cap; c++) {
      best[i][c] = best[i - 1][c];
      if (weight[i - 1] <= c) {
        int with = best[i - 1][c - weight[i - 1]] + value[i - 1];
        if (with > best[i][c]) best[i][c] = with;
      }
    }
  printf("best value %d\n", best[n][cap]);
  int c = cap, used = 0;
  for (int i = n; i > 0; i--) {
    if (best[i][c] != best[i - 1][c]) {
      printf("  take %-9s weight %2d value %3d\n", names[i - 1], weight[i - 1], value[i - 1]);
      c -= weight[i - 1];
      used += weight[i - 1];
    }
  }
  printf("weight used %d of %d\n", used, cap);
  printf("by capacity:");
  for (int k = 0; k <= cap; k++) printf(" %d", best[n][k]);
  printf("\n");
  return 0;
}
