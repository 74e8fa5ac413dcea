// nqueens: counts the solutions of the N-queens problem for N = 1..N (from argv, default 7) by
// backtracking with bitmasks, prints the first solution for the largest N as a board, and counts
// the nodes visited.
// args: 7
#include <stdio.h>
#include <stdlib.h>

static int n;
static long long nodes;
static int first[16], placed[16], have_first;

static int solve(int row, unsigned cols, unsigned diag1, unsigned diag2) {
  nodes++;
  if (row == n) {
    if (!have_first) {
      for (int i = 0; i < n; i++) first[i] = placed[i];
      have_first = 1;
    }
    return 1;
  }
  int count = 0;
  unsigned free_cols = ~(cols | diag1 | diag2) & ((1u << n) - 1);
  while (free_cols) {
    unsigned bit = free_cols & -free_cols;
    free_cols ^= bit;
    int col = 0;
    while (!(bit >> col & 1)) col++;
    placed[row] = col;
    count += solve(row + 1, cols | bit, (diag1 | bit) << 1, (diag2 | bit) >> 1);
  }
  return count;
}

int main(int argc, char **argv) {
  int max = argc > 1 ? atoi(argv[1]) : 7;
  if (max < 1 || max > 12) {
    fprintf(stderr, "N must be 1..12\n");
    return 1;
  }
  for (n = 1; n <= max; n++) {
    nodes = 0;
    have_first = 0;
    int s = solve(0, 0, 0, 0);
    printf("%2d queens: %4d solutions, %6lld nodes\n", n, s, nodes);
  }
  n = max;
  for (int r = 0; r < n; r++) {
    for (int c = 0; c < n; c++) printf(" %c", first[r] == c ? 'Q' : '.');
    printf("\n");
  }
  return 0;
}
