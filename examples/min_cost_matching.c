/*
 * min_cost_matching.c - minimum-cost perfect matching (the assignment problem) solved with
 * the O(n^3) Hungarian algorithm using row/column potentials.
 * Usage: min_cost_matching N COST..., n and then the n*n costs in row-major order,
 *        e.g. "min_cost_matching 3 9 2 7 6 4 3 5 8 1" for the matrix [[9,2,7],[6,4,3],[5,8,1]];
 *        with no arguments the same numbers are read from standard input.
 *        1 <= n <= 12; costs are integers with absolute value up to 1000000.
 * Output: the matrix, the row -> column assignment with each cost, the minimum total cost,
 *         and the dual potentials that certify the total is optimal. Exit status 0, or 2 for
 *         bad input, 1 if the certificate check failed.
 */

#include <stdio.h>
#include <stdlib.h>

/* Loops that clang would unroll are kept rolled: the unrolled copies need `and` masks for
 * the leftover iterations (slow here) and merge neighbouring stores into 64-bit ones (which
 * this machine does not have). */
#ifdef __clang__
#define NO_UNROLL _Pragma("clang loop unroll(disable)")
#else
#define NO_UNROLL
#endif

#define MAXN 12
#define MAXCOST 1000000
#define INF 1000000000

/* Costs are stored 1-based in a flat array; row i starts at row_start[i] (built by addition
 * so that indexing needs no multiplication). */
static int cost[(MAXN + 1) * (MAXN + 1)];
static int row_start[MAXN + 1];

static int u[MAXN + 1];     /* row potentials */
static int v[MAXN + 1];     /* column potentials; v[0] ends up as minus the optimum */
static int match[MAXN + 1]; /* match[j] = row assigned to column j (0 = free) */
static int way[MAXN + 1];   /* previous column on the shortest alternating path */
static int minv[MAXN + 1];  /* smallest reduced cost reaching column j so far */
static int used[MAXN + 1];  /* column j is in the current alternating tree */
static int row_to_col[MAXN + 1];

/* The numbers come from the arguments, or from standard input when there are none. */
static char **next_arg;
static int args_left;

/* Reads the next integer into *out; returns 0 when there is none (or a word is not a number). */
static int next_number(int *out) {
  if (next_arg == NULL) return scanf("%d", out) == 1;
  if (args_left == 0) return 0;
  char *end;
  long x = strtol(*next_arg, &end, 10);
  if (end == *next_arg || *end != '\0' || x > INF || x < -INF) return 0;
  next_arg++;
  args_left--;
  *out = (int)x;
  return 1;
}

int main(int argc, char **argv) {
  if (argc > 1) {
    next_arg = argv + 1;
    args_left = argc - 1;
  }
  int n = 0;
  if (!next_number(&n) || n < 1 || n > MAXN) {
    fprintf(stderr, "usage: %s N COST...: N (1..%d), then the N*N costs row by row "
                    "(or the same numbers on standard input)\n", argv[0], MAXN);
    return 2;
  }
  int start = 0;
  NO_UNROLL
  for (int i = 0; i <= n; i++) {
    row_start[i] = start;
    start += MAXN + 1;
  }
  int width = 1;
  for (int i = 1; i <= n; i++) {
    for (int j = 1; j <= n; j++) {
      int c;
      if (!next_number(&c)) {
        fprintf(stderr, "expected %d*%d costs after n=%d\n", n, n, n);
        return 2;
      }
      if (c > MAXCOST || c < -MAXCOST) {
        fprintf(stderr, "cost %d is out of range (at most %d in absolute value)\n", c, MAXCOST);
        return 2;
      }
      cost[row_start[i] + j] = c;
      int w = snprintf(NULL, 0, "%d", c);
      if (w > width) width = w;
    }
  }

  printf("cost matrix (%d x %d):\n", n, n);
  for (int i = 1; i <= n; i++) {
    for (int j = 1; j <= n; j++) printf(" %*d", width, cost[row_start[i] + j]);
    putchar('\n');
  }

  NO_UNROLL
  for (int j = 0; j <= n; j++) {
    u[j] = 0;
    v[j] = 0;
    match[j] = 0;
    way[j] = 0;
  }

  /* Add rows one at a time. Column 0 is a virtual column holding the new row; grow a tree of
   * tight edges (reduced cost u[i] + v[j] == cost) Dijkstra-style until it reaches a free
   * column, then flip the matching along the path back to column 0. */
  for (int i = 1; i <= n; i++) {
    match[0] = i;
    int j0 = 0;
    NO_UNROLL
    for (int j = 0; j <= n; j++) {
      minv[j] = INF;
      used[j] = 0;
    }
    do {
      used[j0] = 1;
      int i0 = match[j0];
      const int *row = cost + row_start[i0];
      int delta = INF, j1 = 0;
      for (int j = 1; j <= n; j++) {
        if (used[j]) continue;
        int reduced = row[j] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      /* Shift potentials by delta: tree edges stay tight, and column j1 becomes reachable. */
      for (int j = 0; j <= n; j++) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (match[j0] != 0);
    /* Augment: walk the path back, shifting each row to the next column. */
    do {
      int j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 != 0);
  }

  NO_UNROLL
  for (int j = 1; j <= n; j++) row_to_col[match[j]] = j;
  int total = 0;
  printf("assignment:\n");
  for (int i = 1; i <= n; i++) {
    int j = row_to_col[i];
    int c = cost[row_start[i] + j];
    total += c;
    printf("  row %d -> column %d (cost %d)\n", i, j, c);
  }
  printf("minimum total cost: %d\n", total);

  /* Certificate (LP duality): if u[i] + v[j] <= cost[i][j] for every pair, no assignment can
   * cost less than sum(u) + sum(v); the matching above reaches that bound. */
  int dual = 0, feasible = 1;
  printf("potentials: rows");
  for (int i = 1; i <= n; i++) {
    printf(" %d", u[i]);
    dual += u[i];
  }
  printf(", columns");
  for (int j = 1; j <= n; j++) {
    printf(" %d", v[j]);
    dual += v[j];
  }
  printf("\n");
  for (int i = 1; i <= n; i++) {
    const int *row = cost + row_start[i];
    NO_UNROLL
    for (int j = 1; j <= n; j++) {
      if (u[i] + v[j] > row[j]) feasible = 0;
    }
  }
  if (feasible && dual == total) {
    printf("certificate: every row + column potential <= its cost, and they sum to %d, "
           "so no assignment is cheaper\n", dual);
    return 0;
  }
  printf("certificate check FAILED (dual sum %d)\n", dual);
  return 1;
}
