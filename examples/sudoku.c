/*
 * sudoku.c - a Sudoku solver that explains itself: constraint propagation (naked singles and
 * hidden singles) plus depth-first search that guesses in the cell with the fewest
 * candidates, printing every deduction, guess, contradiction and backtrack, then the grid.
 * Input: 81 cells row by row, digits 1-9 for givens and 0 or '.' for empty cells; any other
 *        characters (spaces, '|', '-', newlines) are ignored, e.g.
 *        "530070000600195000098000060800060003400803001700020006060000280000419005000080079".
 *
 * Candidate sets are arrays of 0/1 flags with a count per cell, not bitmasks: this machine
 * compares and adds cheaply but has to emulate bitwise operations. Instead of copying the
 * whole state at every guess, every change is written to a trail and undone on backtrack.
 */

/* Loops that clang would unroll are kept rolled: the unrolled copies need `and` masks for
 * the leftover iterations (slow here) and merge neighbouring stores into 64-bit ones (which
 * this machine does not have). */
#ifdef __clang__
#define NO_UNROLL _Pragma("clang loop unroll(disable)")
#else
#define NO_UNROLL
#endif

#define CELLS 81
#define UNITS 27         /* units 0-8 are rows, 9-17 columns, 18-26 boxes */
#define MAX_TRAIL 1024   /* at most 81 placements + 729 eliminations on one search path */
#define MAX_NOTES 1500   /* reasoning lines printed before going quiet */

/* ── Geometry, built once by counting (no division or remainder) ── */
static unsigned char row_unit[CELLS], col_unit[CELLS], box_unit[CELLS];
static unsigned char unit_cells[UNITS * 9]; /* the 9 cells of unit u start at unit_start[u] */
static int unit_start[UNITS];
static int digit_cells[10]; /* d * 81: where digit d's flags start in cand[] */
static int digit_units[10]; /* d * 27: where digit d's counters start in places[] */

/* ── Search state: every change is recorded on the trail ── */
static unsigned char cand[10 * CELLS];    /* cand[digit_cells[d] + c]: d still possible in c */
static unsigned char count[CELLS];        /* number of candidates left in cell c */
static unsigned char value[CELLS];        /* digit placed in cell c, 0 if none yet */
static unsigned char places[10 * UNITS];  /* places[digit_units[d] + u]: cells of u allowing d */
static unsigned char trail_cell[MAX_TRAIL], trail_digit[MAX_TRAIL]; /* digit 0: a placement */
static int trail_len;

/* Work queues of the propagation: cells down to one candidate, (unit, digit) pairs down to
 * one place. Each entry is pushed at most once per propagation (counts only go down). */
static unsigned char naked_queue[CELLS];
static int naked_head, naked_len;
static unsigned char hidden_unit[10 * UNITS], hidden_digit[10 * UNITS];
static int hidden_head, hidden_len;

/* The contradiction found last: a cell without candidates, or a unit without a place for a
 * digit (fail_unit >= 0). */
static int fail_cell, fail_unit, fail_digit;

/* Search stack: the guessed cell, the next digit to try there, and the trail mark to undo to. */
static unsigned char level_cell[CELLS], level_next[CELLS];
static int level_mark[CELLS];
static int depth;

static int notes_left;
static int naked_count, hidden_count, guess_count, dead_end_count, backtrack_count;

static void setup_geometry(void) {
  /* Box of (r, c) is band[r] + stack[c], with band = 0,0,0,3,3,3,6,6,6 and stack = 0,0,0,1,..;
   * built by counting up in threes. */
  int cell = 0, band = 0, r_in_band = 0;
  for (int r = 0; r < 9; r++) {
    int stack = 0, c_in_stack = 0;
    for (int c = 0; c < 9; c++) {
      row_unit[cell] = r;
      col_unit[cell] = 9 + c;
      box_unit[cell] = 18 + band + stack;
      cell++;
      if (++c_in_stack == 3) {
        c_in_stack = 0;
        stack++;
      }
    }
    if (++r_in_band == 3) {
      r_in_band = 0;
      band += 3;
    }
  }
  static unsigned char filled[UNITS];
  int start = 0;
  for (int u = 0; u < UNITS; u++) {
    unit_start[u] = start;
    filled[u] = 0;
    start += 9;
  }
  for (int c = 0; c < CELLS; c++) {
    int u = row_unit[c];
    unit_cells[unit_start[u] + filled[u]++] = c;
    u = col_unit[c];
    unit_cells[unit_start[u] + filled[u]++] = c;
    u = box_unit[c];
    unit_cells[unit_start[u] + filled[u]++] = c;
  }
  int dc = 0, du = 0;
  NO_UNROLL
  for (int d = 0; d <= 9; d++) {
    digit_cells[d] = dc;
    digit_units[d] = du;
    dc += CELLS;
    du += UNITS;
  }
}

/* ── Printing ── */

static void print_cell(int c) { printf("r%dc%d", row_unit[c] + 1, col_unit[c] - 8); }

static void print_unit(int u) {
  if (u < 9) {
    printf("row %d", u + 1);
  } else if (u < 18) {
    printf("column %d", u - 8);
  } else {
    printf("box %d", u - 17);
  }
}

/* Starts a reasoning line (indented by the guess depth) if the line budget allows. */
static int note(void) {
  if (notes_left == 0) {
    printf("... (reasoning output limit reached; solving on quietly)\n");
    notes_left = -1;
  }
  if (notes_left < 0) return 0;
  notes_left--;
  for (int i = 0; i < depth; i++) print_str("  ");
  return 1;
}

static void print_candidates(int c) {
  for (int d = 1; d <= 9; d++) {
    if (cand[digit_cells[d] + c]) printf(" %d", d);
  }
}

static void print_failure(void) {
  if (fail_unit >= 0) {
    printf("no place left for %d in ", fail_digit);
    print_unit(fail_unit);
  } else {
    print_cell(fail_cell);
    printf(" has no candidates left");
  }
}

static void print_grid(void) {
  int r_in_band = 0, c = 0;
  for (int r = 0; r < 9; r++) {
    int c_in_stack = 0;
    for (int k = 0; k < 9; k++) {
      if (k > 0) output_byte(' ');
      if (c_in_stack == 3) {
        print_str("| ");
        c_in_stack = 0;
      }
      output_byte(value[c] ? '0' + value[c] : '.');
      c_in_stack++;
      c++;
    }
    output_byte('\n');
    if (++r_in_band == 3 && r < 8) {
      print_str("------+-------+------\n");
      r_in_band = 0;
    }
  }
}

/* ── Constraint propagation ── */

/* Removes candidate d from cell c. Returns 0 on a contradiction. */
static int eliminate(int c, int d) {
  unsigned char *flag = cand + digit_cells[d] + c;
  if (*flag == 0) return 1;
  *flag = 0;
  trail_cell[trail_len] = c;
  trail_digit[trail_len] = d;
  trail_len++;
  /* Counts are compared before they are decremented: that needs no masking to 8 bits. */
  int had = count[c];
  count[c] = had - 1;
  unsigned char *unit_places = places + digit_units[d];
  int ur = row_unit[c], uc = col_unit[c], ub = box_unit[c];
  int pr = unit_places[ur], pc = unit_places[uc], pb = unit_places[ub];
  unit_places[ur] = pr - 1;
  unit_places[uc] = pc - 1;
  unit_places[ub] = pb - 1;
  if (had == 1) {
    fail_cell = c;
    fail_unit = -1;
    return 0;
  }
  if (had == 2) naked_queue[naked_len++] = c;
  if (pr == 1 || pc == 1 || pb == 1) {
    fail_unit = pr == 1 ? ur : pc == 1 ? uc : ub;
    fail_digit = d;
    return 0;
  }
  if (pr == 2) {
    hidden_unit[hidden_len] = ur;
    hidden_digit[hidden_len++] = d;
  }
  if (pc == 2) {
    hidden_unit[hidden_len] = uc;
    hidden_digit[hidden_len++] = d;
  }
  if (pb == 2) {
    hidden_unit[hidden_len] = ub;
    hidden_digit[hidden_len++] = d;
  }
  return 1;
}

/* Removes d from the cells of unit u other than `keep`. The flag test is done here, so the
 * common case (d is already gone from that cell) costs no call. */
static int eliminate_from_unit(int u, int keep, int d) {
  const unsigned char *flags = cand + digit_cells[d];
  const unsigned char *cells = unit_cells + unit_start[u];
  for (int k = 0; k < 9; k++) {
    int x = cells[k];
    if (flags[x] && x != keep && !eliminate(x, d)) return 0;
  }
  return 1;
}

/* Puts d into cell c: drops c's other candidates and d from all its peers. */
static int place(int c, int d) {
  value[c] = d;
  trail_cell[trail_len] = c;
  trail_digit[trail_len] = 0;
  trail_len++;
  const unsigned char *flag = cand + c; /* walks c's flags for digits 1..9 in steps of 81 */
  for (int e = 1; e <= 9; e++) {
    flag += CELLS;
    if (*flag && e != d && !eliminate(c, e)) return 0;
  }
  if (!eliminate_from_unit(row_unit[c], c, d)) return 0;
  if (!eliminate_from_unit(col_unit[c], c, d)) return 0;
  return eliminate_from_unit(box_unit[c], c, d);
}

/* Undoes trail entries until the trail is back at `mark`. */
static void undo_to(int mark) {
  while (trail_len > mark) {
    trail_len--;
    int c = trail_cell[trail_len], d = trail_digit[trail_len];
    if (d == 0) {
      value[c] = 0;
    } else {
      cand[digit_cells[d] + c] = 1;
      count[c]++;
      unsigned char *unit_places = places + digit_units[d];
      unit_places[row_unit[c]]++;
      unit_places[col_unit[c]]++;
      unit_places[box_unit[c]]++;
    }
  }
}

/* Applies naked and hidden singles until none is left. Returns 0 on a contradiction. */
static int propagate(void) {
  for (;;) {
    if (naked_head < naked_len) {
      int c = naked_queue[naked_head++];
      if (value[c]) continue;
      int d = 1;
      while (!cand[digit_cells[d] + c]) d++;
      if (note()) {
        print_cell(c);
        printf(" = %d (naked single: its only candidate)\n", d);
      }
      naked_count++;
      if (!place(c, d)) return 0;
      continue;
    }
    if (hidden_head < hidden_len) {
      int u = hidden_unit[hidden_head], d = hidden_digit[hidden_head];
      hidden_head++;
      const unsigned char *flags = cand + digit_cells[d];
      const unsigned char *cells = unit_cells + unit_start[u];
      int k = 0;
      while (!flags[cells[k]]) k++;
      int c = cells[k];
      if (value[c]) continue; /* d is already placed there */
      if (note()) {
        print_cell(c);
        printf(" = %d (hidden single: the only place for %d in ", d, d);
        print_unit(u);
        printf(")\n");
      }
      hidden_count++;
      if (!place(c, d)) return 0;
      continue;
    }
    return 1;
  }
}

static void reset_queues(void) {
  naked_head = naked_len = 0;
  hidden_head = hidden_len = 0;
}

/* Every row, column and box holds each digit exactly once. */
static int check_solution(void) {
  static unsigned char seen[10];
  for (int u = 0; u < UNITS; u++) {
    NO_UNROLL
    for (int d = 1; d <= 9; d++) seen[d] = 0;
    const unsigned char *cells = unit_cells + unit_start[u];
    NO_UNROLL
    for (int k = 0; k < 9; k++) {
      int d = value[cells[k]];
      if ((unsigned int)(d - 1) > 8u || seen[d]) return 0; /* not 1-9, or repeated */
      seen[d] = 1;
    }
  }
  return 1;
}

/* ── Search ── */

/* Tries the next untried candidate of the deepest guess, backtracking out of levels whose
 * candidates are used up. Returns 0 when the whole tree is exhausted. */
static int next_guess(void) {
  while (depth > 0) {
    int level = depth - 1;
    int c = level_cell[level];
    undo_to(level_mark[level]);
    int d = level_next[level];
    while (d <= 9 && !cand[digit_cells[d] + c]) d++;
    if (d > 9) {
      depth--;
      backtrack_count++;
      if (note()) {
        printf("backtrack: every candidate of ");
        print_cell(c);
        printf(" failed\n");
      }
      continue;
    }
    int first = level_next[level] == 1;
    level_next[level] = d + 1;
    guess_count++;
    /* The guess line sits at the guess's own level; its consequences are indented below. */
    depth--;
    if (note()) {
      printf(first ? "guess " : "try instead ");
      print_cell(c);
      printf(" = %d", d);
      if (first) {
        printf(" (");
        print_cell(c);
        printf(" has the fewest candidates:");
        print_candidates(c);
        printf(")");
      }
      printf("\n");
    }
    depth++;
    reset_queues();
    if (place(c, d) && propagate()) return 1;
    dead_end_count++;
    if (note()) {
      printf("contradiction: ");
      print_failure();
      printf(" -> ");
      print_cell(c);
      printf(" is not %d\n", d);
    }
  }
  return 0;
}

void compute(const char *input) {
  setup_geometry();
  static unsigned char given[CELLS];
  int n = 0, givens = 0;
  for (const unsigned char *s = (const unsigned char *)input; *s; s++) {
    int ch = *s;
    int d;
    if ((unsigned int)(ch - '1') <= 8u) {
      d = ch - '0';
    } else if (ch == '0' || ch == '.') {
      d = 0;
    } else {
      continue;
    }
    if (n == CELLS) {
      printf("too many cells: expected 81 digits (0 or . for empty)\n");
      return;
    }
    given[n++] = d;
    if (d) givens++;
  }
  if (n < CELLS) {
    printf("expected 81 cells (digits, 0 or . for empty), got %d\n", n);
    return;
  }

  for (int c = 0; c < CELLS; c++) {
    count[c] = 9;
    value[c] = 0;
  }
  NO_UNROLL
  for (int i = CELLS; i < 10 * CELLS; i++) cand[i] = 1; /* digits 1-9 (digit 0 is unused) */
  NO_UNROLL
  for (int i = UNITS; i < 10 * UNITS; i++) places[i] = 9;
  trail_len = 0;
  depth = 0;
  reset_queues();
  notes_left = MAX_NOTES;
  naked_count = hidden_count = guess_count = dead_end_count = backtrack_count = 0;

  printf("puzzle (%d givens):\n", givens);
  for (int c = 0; c < CELLS; c++) value[c] = given[c];
  print_grid();
  NO_UNROLL
  for (int c = 0; c < CELLS; c++) value[c] = 0;

  printf("placing the givens and removing their digits from their rows, columns and boxes\n");
  for (int c = 0; c < CELLS; c++) {
    int d = given[c];
    if (d == 0) continue;
    if (!cand[digit_cells[d] + c]) {
      printf("the givens conflict: ");
      print_cell(c);
      printf(" = %d clashes with another given\n", d);
      return;
    }
    if (!place(c, d)) {
      printf("the givens already contradict each other: ");
      print_failure();
      printf("\n");
      return;
    }
  }
  printf("filling in forced cells\n");
  if (!propagate()) {
    printf("contradiction: ");
    print_failure();
    printf("\nthe puzzle has no solution\n");
    return;
  }

  for (;;) {
    /* Choose the open cell with the fewest candidates (the first one on ties). */
    int best = -1, best_count = 10;
    for (int c = 0; c < CELLS; c++) {
      if (!value[c] && count[c] < best_count) {
        best = c;
        best_count = count[c];
      }
    }
    if (best < 0) break; /* every cell is filled */
    level_cell[depth] = best;
    level_next[depth] = 1;
    level_mark[depth] = trail_len;
    depth++;
    if (!next_guess()) {
      printf("every possibility fails: the puzzle has no solution (%d guesses)\n", guess_count);
      return;
    }
  }
  depth = 0;

  printf("solved: %d givens, %d naked singles, %d hidden singles, %d guesses, %d contradictions, "
         "%d backtracks\n",
         givens, naked_count, hidden_count, guess_count, dead_end_count, backtrack_count);
  print_grid();
  printf(check_solution() ? "check: every row, column and box holds 1-9 exactly once\n"
                          : "check FAILED\n");
}
