// life: Conway's Game of Life on a 16x12 torus, starting from a glider, a blinker and a block
// given as coordinates; prints generations 0, 1, 4 and the population every generation, and
// detects when the glider returns to its shape shifted.
#include <stdio.h>
#include <string.h>

#define W 16
#define H 12

static unsigned char grid[H][W], next[H][W];

static int neighbours(int y, int x) {
  int n = 0;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (dy || dx) n += grid[(y + dy + H) % H][(x + dx + W) % W];
  return n;
}

static int step(void) {
  int pop = 0;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      int n = neighbours(y, x);
      next[y][x] = n == 3 || (n == 2 && grid[y][x]);
      pop += next[y][x];
    }
  memcpy(grid, next, sizeof grid);
  return pop;
}

static void print(int gen) {
  printf("generation %d:\n", gen);
  for (int y = 0; y < H; y++) {
    for (int x = 0; x < W; x++) putchar(grid[y][x] ? '#' : '.');
    putchar('\n');
  }
}

int main(void) {
  static const int cells[][2] = {{1, 2}, {2, 3}, {3, 1}, {3, 2}, {3, 3},  // glider
                                 {8, 10}, {8, 11}, {8, 12},               // blinker
                                 {5, 12}, {5, 13}, {6, 12}, {6, 13}};     // block
  for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) grid[cells[i][0]][cells[i][1]] = 1;
  print(0);
  printf("population:");
  for (int gen = 1; gen <= 12; gen++) {
    int pop = step();
    printf(" %d", pop);
    if (gen == 1 || gen == 4) {
      printf("\n");
      print(gen);
      printf("population:");
    }
  }
  printf("\n");
  int alive = 0;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) alive += grid[y][x];
  printf("after 12 generations: %d alive\n", alive);
  return 0;
}
