// sudoku_bits: a sudoku solver with candidate bitmasks per row, column and box, choosing the
// empty cell with the fewest candidates first (unlike examples/sudoku.c's plain backtracking);
// the puzzle (81 characters, 0 or . for blanks) comes from argv[1].
// args: 53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79
#include <stdio.h>
#include <string.h>

static int cell[81];
static unsigned rows[9], cols[9], boxes[9];
static long guesses;

static int box_of(int i) { return (i / 27) * 3 + (i % 9) / 3; }

static void place(int i, int d) {
  cell[i] = d;
  rows[i / 9] |= 1u << d, cols[i % 9] |= 1u << d, boxes[box_of(i)] |= 1u << d;
}

static void unplace(int i, int d) {
  cell[i] = 0;
  rows[i / 9] &= ~(1u << d), cols[i % 9] &= ~(1u << d), boxes[box_of(i)] &= ~(1u << d);
}

static int bits(unsigned x) {
  int n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

static int solve(void) {
  int best = -1, best_count = 10;
  unsigned best_mask = 0;
  for (int i = 0; i < 81; i++) {
    if (cell[i]) continue;
    unsigned mask = ~(rows[i / 9] | cols[i % 9] | boxes[box_of(i)]) & 0x3FE;
    int c = bits(mask);
    if (c < best_count) best = i, best_count = c, best_mask = mask;
    if (c == 0) return 0;
  }
  if (best < 0) return 1;
  for (int d = 1; d <= 9; d++) {
    if (!(best_mask >> d & 1)) continue;
    guesses++;
    place(best, d);
    if (solve()) return 1;
    unplace(best, d);
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *p = argc > 1 ? argv[1] : "";
  if (strlen(p) != 81) {
    printf("the puzzle must have 81 cells, not %zu\n", strlen(p));
    return 1;
  }
  for (int i = 0; i < 81; i++) {
    int d = p[i] >= '1' && p[i] <= '9' ? p[i] - '0' : 0;
    if (d && (rows[i / 9] | cols[i % 9] | boxes[box_of(i)]) >> d & 1) {
      printf("conflict at row %d column %d\n", i / 9 + 1, i % 9 + 1);
      return 1;
    }
    if (d) place(i, d);
  }
  int ok = solve();
  printf("%s after %ld guesses\n", ok ? "solved" : "no solution", guesses);
  for (int r = 0; ok && r < 9; r++) {
    for (int c = 0; c < 9; c++) printf("%d%s", cell[r * 9 + c], c == 2 || c == 5 ? " | " : c == 8 ? "\n" : " ");
    if (r == 2 || r == 5) printf("------+-------+------\n");
  }
  return !ok;
}
