// qsort_strings: sorts words (from standard input, one or more per line) with qsort and strcmp
// through a pointer-to-pointer comparator, removes duplicates, then looks words up with bsearch.
// args: pear kiwi zebra apple
// stdin: banana apple cherry\ndate fig grape apple\nkiwi lemon mango banana\nnectarine orange pear\n
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_len_then_alpha(const void *a, const void *b) {
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  size_t lx = strlen(x), ly = strlen(y);
  if (lx != ly) return lx < ly ? -1 : 1;
  return strcmp(x, y);
}

int main(int argc, char **argv) {
  char *words[64];
  int n = 0;
  char line[128];
  while (fgets(line, sizeof line, stdin)) {
    for (char *w = strtok(line, " \n"); w && n < 64; w = strtok(NULL, " \n")) {
      words[n] = malloc(strlen(w) + 1);
      strcpy(words[n], w);
      n++;
    }
  }
  printf("%d words read\n", n);
  qsort(words, (size_t)n, sizeof words[0], cmp_str);
  int unique = 0;
  for (int i = 0; i < n; i++) {
    if (unique > 0 && strcmp(words[unique - 1], words[i]) == 0) {
      free(words[i]);
      continue;
    }
    words[unique++] = words[i];
  }
  printf("%d unique:", unique);
  for (int i = 0; i < unique; i++) printf(" %s", words[i]);
  printf("\n");
  for (int i = 1; i < argc; i++) {
    char *key = argv[i];
    char **hit = bsearch(&key, words, (size_t)unique, sizeof words[0], cmp_str);
    if (hit) printf("%-6s found at %d\n", key, (int)(hit - words));
    else printf("%-6s not found\n", key);
  }
  qsort(words, (size_t)unique, sizeof words[0], cmp_len_then_alpha);
  printf("by length:");
  for (int i = 0; i < unique; i++) printf(" %s(%zu)", words[i], strlen(words[i]));
  printf("\n");
  for (int i = 0; i < unique; i++) free(words[i]);
  return 0;
}
