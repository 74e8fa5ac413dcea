/*
 * min_cost_matching.c - minimum-cost perfect matching (the assignment problem) solved with
 * the O(n^3) Hungarian algorithm using row/column potentials.
 * Input: n, then the n*n costs in row-major order, separated by spaces,
 *        e.g. "3 9 2 7 6 4 3 5 8 1" for the matrix [[9,2,7],[6,4,3],[5,8,1]].
 *        1 <= n <= 12; costs are integers with absolute value up to 1000000.
 * Output: the matrix, the row -> column assignment with each cost, the minimum total cost,
 *         and the dual potentials that certify the total is optimal.
 */

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

static int is_digit(int c) { return (unsigned int)(c - '0') <= 9u; }

/* Reads the next integer (optional sign, at most 9 digits) at *pos, skipping any separator
 * characters before it. Returns 0 when no number is left. */
static int read_int(const char **pos, int *out) {
  const unsigned char *s = (const unsigned char *)*pos;
  while (*s != 0 && *s != '-' && *s != '+' && !is_digit(*s)) s++; /* separators */
  int neg = 0;
  if (*s == '-' || *s == '+') {
    neg = *s == '-';
    s++;
  }
  if (!is_digit(*s)) return 0;
  int x = 0, len = 0;
  NO_UNROLL
  while (is_digit(*s)) {
    if (len == 9) return 0;
    x = x * 10 + (*s - '0'); /* parsing runs once per number: a multiply is fine here */
    len++;
    s++;
  }
  *pos = (const char *)s;
  *out = neg ? -x : x;
  return 1;
}

/* Number of characters print_int uses for x (|x| < 10^9), by comparisons only. */
static const int pow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

static int int_width(int x) {
  int w = 1;
  if (x < 0) {
    w = 2;
    for (int k = 1; k < 9 && x <= -pow10[k]; k++) w++;
  } else {
    for (int k = 1; k < 9 && x >= pow10[k]; k++) w++;
  }
  return w;
}

static void print_padded(int x, int width) {
  for (int w = int_width(x); w < width; w++) output_byte(' ');
  print_int(x);
}

void compute(const char *input) {
  const char *pos = input;
  int n = 0;
  if (!read_int(&pos, &n) || n < 1 || n > MAXN) {
    printf("expected n (1..%d) followed by n*n costs, got \"%s\"\n", MAXN, input);
    return;
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
      if (!read_int(&pos, &c)) {
        printf("expected %d*%d costs after n=%d\n", n, n, n);
        return;
      }
      if (c > MAXCOST || c < -MAXCOST) {
        printf("cost %d is out of range (at most %d in absolute value)\n", c, MAXCOST);
        return;
      }
      cost[row_start[i] + j] = c;
      int w = int_width(c);
      if (w > width) width = w;
    }
  }

  printf("cost matrix (%d x %d):\n", n, n);
  for (int i = 1; i <= n; i++) {
    for (int j = 1; j <= n; j++) {
      output_byte(' ');
      print_padded(cost[row_start[i] + j], width);
    }
    output_byte('\n');
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
  } else {
    printf("certificate check FAILED (dual sum %d)\n", dual);
  }
}
