// args: 2 -1 0 3 1 4 -2 5 1 0 3 -3 2 1 1 -4
// covers: 2D arrays, matrix multiply with runtime operands (mul), transpose, trace, 3x3 determinant by cofactors, matrix power with repeated multiplication, row/column sums, index arithmetic i*N+j over a flat view
#define N 4

static int A[N][N], B[N][N], C[N][N], D[N][N];

/* dst must not overlap x or y (copying a temporary row by row would become 64-bit loads/stores) */
static __attribute__((noinline)) void mat_mul(int (*dst)[N], int (*x)[N], int (*y)[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int s = 0;
      for (int k = 0; k < N; k++) s += x[i][k] * y[k][j];
      dst[i][j] = s;
    }
}

static __attribute__((noinline)) void transpose(int (*dst)[N], int (*src)[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) dst[j][i] = src[i][j];
}

static __attribute__((noinline)) int det3(int (*m)[N], int skip_row, int skip_col) {
  int r[3], c[3], nr = 0, nc = 0;
  for (int i = 0; i < N; i++) {
    if (i != skip_row) r[nr++] = i;
    if (i != skip_col) c[nc++] = i;
  }
  return m[r[0]][c[0]] * (m[r[1]][c[1]] * m[r[2]][c[2]] - m[r[1]][c[2]] * m[r[2]][c[1]]) -
         m[r[0]][c[1]] * (m[r[1]][c[0]] * m[r[2]][c[2]] - m[r[1]][c[2]] * m[r[2]][c[0]]) +
         m[r[0]][c[2]] * (m[r[1]][c[0]] * m[r[2]][c[1]] - m[r[1]][c[1]] * m[r[2]][c[0]]);
}

static int det4(int (*m)[N]) {
  int d = 0;
  for (int j = 0; j < N; j++) {
    int cof = m[0][j] * det3(m, 0, j);
    d += (j & 1) ? -cof : cof;
  }
  return d;
}

static void print_mat(const char *name, int (*m)[N]) {
  printf("%s:", name);
  for (int i = 0; i < N; i++) {
    putchar(' ');
    for (int j = 0; j < N; j++) printf(j ? ",%d" : "%d", m[i][j]);
  }
  putchar('\n');
}

void compute(const char *input) {
  const char *p = input;
  int *flat = &A[0][0];
  for (int k = 0; k < N * N; k++) {
    while (*p == ' ') p++;
    flat[k] = *p ? parse_int(p) : k;
    while (*p && *p != ' ') p++;
  }
  print_mat("A", A);
  transpose(B, A);
  print_mat("At", B);
  mat_mul(C, A, B);
  print_mat("A*At", C);
  mat_mul(C, A, A);
  mat_mul(D, C, A);
  print_mat("A^3", D);
  int trace = 0;
  for (int i = 0; i < N; i++) trace += A[i][i];
  printf("trace=%d det=%d det(At)=%d det(A^3)=%d\n", trace, det4(A), det4(B), det4(D));
  for (int i = 0; i < N; i++) {
    int row = 0, col = 0;
    for (int j = 0; j < N; j++) {
      row += A[i][j];
      col += flat[j * N + i];
    }
    printf("row%d=%d col%d=%d\n", i, row, i, col);
  }
}
