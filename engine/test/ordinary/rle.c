// rle: run-length encoding of standard input as count+byte pairs printed in a readable form
// ("3a" for aaa, escapes for newlines and digits), decoding it again to check the round trip,
// and reporting the compression ratio in percent (integer arithmetic).
// stdin: aaaabbbcccd\n\n\nxxxxxxxxxxxxxxxxxxxxxxxxxyz 1112223333\n
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct run {
  int count;
  int byte;
};

int main(void) {
  static unsigned char data[4096];
  size_t n = 0;
  int c;
  while ((c = getchar()) != EOF && n < sizeof data) data[n++] = (unsigned char)c;
  struct run *runs = malloc((n + 1) * sizeof *runs);
  size_t nr = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && data[j] == data[i] && j - i < 255) j++;
    runs[nr].count = (int)(j - i);
    runs[nr].byte = data[i];
    nr++;
    i = j;
  }
  printf("%zu bytes in %zu runs:\n", n, nr);
  for (size_t r = 0; r < nr; r++) {
    int b = runs[r].byte;
    printf("%d", runs[r].count);
    if (b == '\n') printf("\\n");
    else if (isdigit(b) || b == '\\') printf("\\%c", b);
    else if (isprint(b)) putchar(b);
    else printf("\\x%02x", b);
    putchar(r + 1 < nr ? ' ' : '\n');
  }
  unsigned char *back = malloc(n + 1);
  size_t m = 0;
  for (size_t r = 0; r < nr; r++) {
    memset(back + m, runs[r].byte, (size_t)runs[r].count);
    m += (size_t)runs[r].count;
  }
  printf("round trip: %s\n", m == n && memcmp(back, data, n) == 0 ? "identical" : "DIFFERENT");
  size_t encoded = nr * 2;
  printf("encoded %zu bytes, %zu%% of the input\n", encoded, n ? encoded * 100 / n : 0);
  int longest = 0;
  for (size_t r = 0; r < nr; r++)
    if (runs[r].count > longest) longest = runs[r].count;
  printf("longest run %d\n", longest);
  free(runs);
  free(back);
  return 0;
}
