// reverse_lines: reads standard input with fgets, keeps every line in memory (malloc'd copies),
// then prints the lines last to first, each reversed character by character, with line numbers.
// stdin: first line\nsecond line here\n\nfourth, after an empty one\nlast line without newline
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_line(const char *s) {
  size_t n = strlen(s);
  char *p = malloc(n + 1);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  memcpy(p, s, n + 1);
  return p;
}

static void reverse_in_place(char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n / 2; i++) {
    char t = s[i];
    s[i] = s[n - 1 - i];
    s[n - 1 - i] = t;
  }
}

int main(void) {
  char buf[128];
  char **lines = NULL;
  int count = 0, cap = 0;
  while (fgets(buf, sizeof buf, stdin)) {
    size_t n = strlen(buf);
    if (n > 0 && buf[n - 1] == '\n') buf[n - 1] = '\0';
    if (count == cap) {
      cap = cap ? cap * 2 : 2;
      char **grown = realloc(lines, (size_t)cap * sizeof *lines);
      if (!grown) return 1;
      lines = grown;
    }
    lines[count++] = dup_line(buf);
  }
  printf("%d lines\n", count);
  for (int i = count - 1; i >= 0; i--) {
    reverse_in_place(lines[i]);
    printf("%2d: [%s]\n", i + 1, lines[i]);
    free(lines[i]);
  }
  free(lines);
  return 0;
}
