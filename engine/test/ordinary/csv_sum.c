// csv_sum: reads a CSV table from standard input (a header line, then rows of name and integer
// columns), sums each column with strtol, and prints per-row totals and the column sums/maxima.
// stdin: name,jan,feb,mar\nalice,10,20,-5\nbob,7,0,13\ncarol,1000,-250,42\ndave,3,3,3\n
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 8

int main(void) {
  char line[256];
  char headers[MAX_COLS][32];
  int ncols = 0;
  long long sums[MAX_COLS] = {0};
  long long maxima[MAX_COLS];
  int rows = 0;

  if (!fgets(line, sizeof line, stdin)) {
    fprintf(stderr, "empty input\n");
    return 1;
  }
  line[strcspn(line, "\r\n")] = '\0';
  for (char *tok = strtok(line, ","); tok && ncols < MAX_COLS; tok = strtok(NULL, ",")) {
    strncpy(headers[ncols], tok, 31);
    headers[ncols][31] = '\0';
    ncols++;
  }
  printf("%d columns, first is '%s'\n", ncols, headers[0]);

  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0') continue;
    char *name = strtok(line, ",");
    long long row_total = 0;
    for (int c = 1; c < ncols; c++) {
      char *field = strtok(NULL, ",");
      if (!field) {
        printf("row %d: missing column %s\n", rows + 1, headers[c]);
        break;
      }
      char *end;
      long long v = strtoll(field, &end, 10);
      if (*end != '\0') printf("row %d: '%s' is not a number\n", rows + 1, field);
      sums[c] += v;
      if (rows == 0 || v > maxima[c]) maxima[c] = v;
      row_total += v;
    }
    printf("%-8s total %6lld\n", name, row_total);
    rows++;
  }
  printf("%d rows\n", rows);
  for (int c = 1; c < ncols; c++)
    printf("%-4s sum %6lld  max %6lld\n", headers[c], sums[c], rows ? maxima[c] : 0LL);
  return 0;
}
