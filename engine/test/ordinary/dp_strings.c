// dp_strings: dynamic programming on pairs of strings from argv: the longest common subsequence
// (with one LCS reconstructed from the table) and the Levenshtein edit distance with the list of
// edits that achieves it.
// args: AGGTAB GXTXAYB kitten sitting intention execution
#include <stdio.h>
#include <string.h>

#define MAXLEN 32

static int lcs[MAXLEN + 1][MAXLEN + 1], ed[MAXLEN + 1][MAXLEN + 1];

static int min3(int a, int b, int c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

static void compare(const char *a, const char *b) {
  int n = (int)strlen(a), m = (int)strlen(b);
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= m; j++) {
      if (!i || !j) lcs[i][j] = 0, ed[i][j] = i + j;
      else {
        lcs[i][j] = a[i - 1] == b[j - 1] ? lcs[i - 1][j - 1] + 1
                    : lcs[i - 1][j] > lcs[i][j - 1] ? lcs[i - 1][j] : lcs[i][j - 1];
        ed[i][j] = min3(ed[i - 1][j] + 1, ed[i][j - 1] + 1, ed[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
      }
    }
  char seq[MAXLEN + 1];
  int k = lcs[n][m];
  seq[k] = '\0';
  for (int i = n, j = m; i && j;) {
    if (a[i - 1] == b[j - 1]) seq[--k] = a[i - 1], i--, j--;
    else if (lcs[i - 1][j] >= lcs[i][j - 1]) i--;
    else j--;
  }
  printf("%s vs %s: LCS %d \"%s\", edit distance %d\n", a, b, lcs[n][m], seq, ed[n][m]);
  char edits[2 * MAXLEN][24];
  int e = 0;
  for (int i = n, j = m; i || j;) {
    if (i && j && ed[i][j] == ed[i - 1][j - 1] + (a[i - 1] != b[j - 1])) {
      if (a[i - 1] != b[j - 1]) sprintf(edits[e++], "replace %c->%c at %d", a[i - 1], b[j - 1], i);
      i--, j--;
    } else if (i && ed[i][j] == ed[i - 1][j] + 1) {
      sprintf(edits[e++], "delete %c at %d", a[i - 1], i);
      i--;
    } else {
      sprintf(edits[e++], "insert %c at %d", b[j - 1], i + 1);
      j--;
    }
  }
  while (e) printf("  %s\n", edits[--e]);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc % 2 == 0) {
    fprintf(stderr, "usage: %s A B [A B ...]\n", argv[0]);
    return 2;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strlen(argv[i]) > MAXLEN || strlen(argv[i + 1]) > MAXLEN) {
      printf("strings longer than %d are not compared\n", MAXLEN);
      continue;
    }
    compare(argv[i], argv[i + 1]);
  }
  return 0;
}
