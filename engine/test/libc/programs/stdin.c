/* Standard input against glibc: scanf, getchar, ungetc, fgets, fread, feof/ferror/clearerr, and
 * the end of input. The harness feeds the same text to both builds. */
#include <stdio.h>
#include <string.h>

int main(void) {
  int a = -1, b = -1, r;
  char word[32], line[16];
  r = scanf("%d %d", &a, &b);
  printf("scanf %d: %d %d\n", r, a, b);
  r = scanf("%31s", word);
  printf("word %d: %s\n", r, word);
  int c = getchar();
  printf("getchar %d\n", c);
  c = getchar();
  printf("getchar %d ungetc %d\n", c, ungetc(c, stdin));
  c = getc(stdin);
  printf("getc %d", c);
  printf(" fgetc %d\n", fgetc(stdin));
  while (fgets(line, sizeof line, stdin)) {
    printf("fgets [%s] len %d\n", line, (int)strlen(line));
    if (line[0] == '.') break;
  }
  unsigned char raw[8];
  size_t n = fread(raw, 1, 5, stdin);
  printf("fread %d: %.*s\n", (int)n, (int)n, (char *)raw);
  n = fread(raw, 2, 3, stdin);
  printf("fread blocks %d\n", (int)n);
  int x = 0;
  r = scanf(" %x", &x);
  printf("scanf hex %d: %x feof %d\n", r, x, feof(stdin));
  int count = 0, sum = 0, v;
  while ((r = scanf("%d", &v)) == 1) {
    sum += v;
    count++;
  }
  printf("numbers %d sum %d last r %d\n", count, sum, r);
  r = scanf("%d", &v);
  printf("after a failure r %d\n", r);
  r = scanf("%*[^\n]");
  printf("skip line r %d\n", r);
  while ((c = getchar()) != EOF) putchar(c == '\n' ? '|' : c);
  printf("\nEOF: feof %d ferror %d getchar %d\n", feof(stdin), ferror(stdin), getchar());
  printf("fgets at EOF %s", fgets(line, sizeof line, stdin) ? "line" : "NULL");
  printf(" scanf %d\n", scanf("%d", &v));
  clearerr(stdin);
  printf("clearerr: feof %d\n", feof(stdin));
  printf("ungetc EOF %d\n", ungetc(EOF, stdin));
  printf("ungetc at end %d", ungetc('Q', stdin));
  printf(" feof %d", feof(stdin));
  printf(" getchar %d", getchar());
  printf(" getchar %d", getchar());
  printf(" feof %d\n", feof(stdin));
  printf("fputc to stdin %d, fgetc from stdout %d\n", fputc('x', stdin), fgetc(stdout));
  return 0;
}
