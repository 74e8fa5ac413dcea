// ctype_table: classifies every character 0..127 with the ctype.h predicates and prints a
// compact table (one letter per class) for the printable ones, the counts per class, and
// toupper/tolower on a mixed string; EOF is classified too.
#include <ctype.h>
#include <stdio.h>

struct cls {
  const char *name;
  int (*pred)(int);
  char mark;
};

int main(void) {
  const struct cls classes[] = {
      {"alnum", isalnum, 'A'}, {"alpha", isalpha, 'a'}, {"blank", isblank, 'b'}, {"cntrl", iscntrl, 'c'},
      {"digit", isdigit, 'd'}, {"graph", isgraph, 'g'}, {"lower", islower, 'l'}, {"print", isprint, 'p'},
      {"punct", ispunct, '.'}, {"space", isspace, 's'}, {"upper", isupper, 'u'}, {"xdigit", isxdigit, 'x'},
  };
  const int n = sizeof classes / sizeof classes[0];
  int counts[12] = {0};
  for (int c = 0; c < 128; c++)
    for (int k = 0; k < n; k++)
      if (classes[k].pred(c)) counts[k]++;
  for (int k = 0; k < n; k++) printf("%-6s %3d\n", classes[k].name, counts[k]);
  for (int c = 32; c < 127; c += 16) {
    for (int d = c; d < c + 16 && d < 127; d++) {
      char marks[13];
      int m = 0;
      for (int k = 0; k < n; k++) marks[m++] = classes[k].pred(d) ? classes[k].mark : '-';
      marks[m] = '\0';
      if (d % 4 == 0) printf("'%c' %s\n", d, marks);
    }
  }
  const int specials[] = {0, '\t', '\n', '\v', '\f', '\r', 27, 127, EOF};
  for (int i = 0; i < 9; i++) {
    int c = specials[i];
    printf("%4d: space %d cntrl %d print %d blank %d\n", c, !!isspace(c), !!iscntrl(c), !!isprint(c), !!isblank(c));
  }
  const char *s = "Hello, World! 123 aBcD";
  printf("upper: ");
  for (const char *p = s; *p; p++) putchar(toupper((unsigned char)*p));
  printf("\nlower: ");
  for (const char *p = s; *p; p++) putchar(tolower((unsigned char)*p));
  printf("\ntoupper(EOF) == EOF: %d, tolower('[') = '%c'\n", toupper(EOF) == EOF, tolower('['));
  return 0;
}
