// grep_lite: a file-less grep over standard input: the pattern comes from argv, with -i (ignore
// case), -n (line numbers), -c (count only) and -v (invert); matching is plain substring search.
// The exit status is 0 when a line matched and 1 otherwise, as grep's is.
// args: -n -i "THE "
// stdin: The cat sat on the mat\nno match here\nwhere is the dog?\nTHEN again\nbathe thee\n
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool ignore_case, numbers, count_only, invert;

static bool contains(const char *hay, const char *needle) {
  if (!ignore_case) return strstr(hay, needle) != NULL;
  size_t n = strlen(needle);
  for (; *hay; hay++) {
    size_t k = 0;
    while (k < n && hay[k] && tolower((unsigned char)hay[k]) == tolower((unsigned char)needle[k])) k++;
    if (k == n) return true;
  }
  return n == 0;
}

int main(int argc, char **argv) {
  const char *pattern = NULL;
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1] && !pattern) {
      for (const char *f = argv[i] + 1; *f; f++) {
        switch (*f) {
        case 'i': ignore_case = true; break;
        case 'n': numbers = true; break;
        case 'c': count_only = true; break;
        case 'v': invert = true; break;
        default:
          fprintf(stderr, "%s: unknown option -%c\n", argv[0], *f);
          return 2;
        }
      }
    } else pattern = argv[i];
  }
  if (!pattern) {
    fprintf(stderr, "usage: %s [-incv] PATTERN\n", argv[0]);
    return 2;
  }
  char line[200];
  int lineno = 0, matches = 0;
  while (fgets(line, sizeof line, stdin)) {
    lineno++;
    bool hit = contains(line, pattern) != invert;
    if (!hit) continue;
    matches++;
    if (count_only) continue;
    if (numbers) printf("%d:", lineno);
    fputs(line, stdout);
    if (line[strlen(line) - 1] != '\n') putchar('\n');
  }
  if (count_only) printf("%d\n", matches);
  fprintf(stderr, "%s: %d of %d lines matched '%s'\n", argv[0], matches, lineno, pattern);
  return matches ? 0 : 1;
}
