/*
 * life.c - a medium-long run (about 5.5 million tokens): Conway's Game of Life on a 24 x 24 torus,
 * started from an R-pentomino and an acorn, for G generations (default 17). It prints the
 * population every 6 generations and, at the end, a checksum of the final board (the sum of
 * (row * 24 + column + 1) over the live cells), numbers any other Life program reproduces.
 * Usage: wasm-run examples/long/life.c [--args G]   (1 <= G <= 1000)
 * engine/test/memory-bound.test.ts runs it to bound wasm-run's peak memory (examples/long/README.md).
 */
#include <stdio.h>
#include <stdlib.h>

#define SIZE 24

static unsigned char board[SIZE][SIZE], next[SIZE][SIZE];

static void place(int row, int col, const char *rows[], int count) {
  for (int r = 0; r < count; r++)
    for (int c = 0; rows[r][c]; c++)
      if (rows[r][c] == '#') board[(row + r) % SIZE][(col + c) % SIZE] = 1;
}

static int population(void) {
  int live = 0;
  for (int r = 0; r < SIZE; r++)
    for (int c = 0; c < SIZE; c++) live += board[r][c];
  return live;
}

/* One generation on the torus: a neighbour's index wraps by a comparison, not a division. */
static void step(void) {
  for (int r = 0; r < SIZE; r++) {
    int up = r == 0 ? SIZE - 1 : r - 1, down = r == SIZE - 1 ? 0 : r + 1;
    for (int c = 0; c < SIZE; c++) {
      int left = c == 0 ? SIZE - 1 : c - 1, right = c == SIZE - 1 ? 0 : c + 1;
      int n = board[up][left] + board[up][c] + board[up][right] + board[r][left] + board[r][right] +
              board[down][left] + board[down][c] + board[down][right];
      next[r][c] = n == 3 || (n == 2 && board[r][c]);
    }
  }
  for (int r = 0; r < SIZE; r++)
    for (int c = 0; c < SIZE; c++) board[r][c] = next[r][c];
}

int main(int argc, char **argv) {
  int generations = argc > 1 ? atoi(argv[1]) : 17;
  if (generations < 1 || generations > 1000) {
    printf("usage: life [G] with 1 <= G <= 1000\n");
    return 2;
  }
  const char *r_pentomino[] = {".##", "##.", ".#."};
  const char *acorn[] = {".#.....", "...#...", "##..###"};
  place(4, 4, r_pentomino, 3);
  place(14, 10, acorn, 3);
  printf("generation 0: %d alive\n", population());
  for (int g = 1; g <= generations; g++) {
    step();
    if (g % 6 == 0 || g == generations) printf("generation %d: %d alive\n", g, population());
  }
  unsigned checksum = 0;
  for (int r = 0; r < SIZE; r++)
    for (int c = 0; c < SIZE; c++)
      if (board[r][c]) checksum += (unsigned)(r * SIZE + c + 1);
  printf("checksum: %u\n", checksum);
  return 0;
}
