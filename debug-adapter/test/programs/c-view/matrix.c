// 2-D arrays, pointers to rows and into arrays, global and file-static tables.
#include <stdio.h>

int grid[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
static unsigned short weights[4] = {3, 1, 4, 1};

static void transpose(const int in[3][4], int out[4][3]) {
  for (int r = 0; r < 3; r++) {
    for (int c = 0; c < 4; c++) {
      out[c][r] = in[r][c] * weights[c]; // @bp: cell hits=1,6,12
    }
  }
}

int main(void) {
  int t[4][3] = {{0}};
  int *diag = &grid[1][1];
  int (*row)[4] = &grid[2];
  long long sums[4] = {0};
  transpose(grid, t);
  for (int c = 0; c < 4; c++) {
    for (int r = 0; r < 3; r++) sums[c] += t[c][r];
    diag[0] += (int)sums[c]; // @bp: sums hits=1,4 globals=grid,weights
  }
  printf("%d %d %lld\n", diag[0], (*row)[3], sums[3]); // @bp: end hits=1
  return 0;
}
