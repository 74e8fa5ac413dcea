// How a main() program's run ends is what the test checks. It prints argv, echoes standard input
// (NUL shown as '@'), then ends as argv[1] says: "return N", "exit N" (from a nested call),
// "abort".
#include <stdio.h>
#include <stdlib.h>

static void leave(int depth, int status) {
  if (depth > 0) leave(depth - 1, status);
  exit(status); /* @line: nested-exit */
}

int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) printf("argv: [%s]\n", argv[i]);
  if (argv[argc] != NULL) printf("argv is not NULL-terminated\n");
  int c;
  fputs("stdin: ", stdout);
  while ((c = getchar()) != EOF) putchar(c == 0 ? '@' : c);
  putchar('\n');
  if (argc < 3) return 0;
  const char *how = argv[1];
  int n = atoi(argv[2]);
  if (how[0] == 'r') return n;
  if (how[0] == 'e') leave(3, n);
  if (how[0] == 'a') abort();
  return 99;
}
