// head_opts: prints the first N lines of standard input, like `head`, with options parsed from
// argv by hand: -n N (or -nN), -v (a header and line numbers), -s SKIP, and -- ending options.
// args: -v -n 3 -s1 -- extra
// stdin: alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\n
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(const char *prog) {
  fprintf(stderr, "usage: %s [-v] [-n N] [-s SKIP] [--] [label]\n", prog);
  exit(2);
}

static int number_arg(const char *prog, const char *s) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 0 || v > 1000) usage(prog);
  return (int)v;
}

int main(int argc, char **argv) {
  int n = 10, skip = 0, verbose = 0;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (a[0] != '-') break;
    if (strcmp(a, "-v") == 0) verbose = 1;
    else if (strncmp(a, "-n", 2) == 0) {
      if (a[2]) n = number_arg(argv[0], a + 2);
      else if (i + 1 < argc) n = number_arg(argv[0], argv[++i]);
      else usage(argv[0]);
    } else if (strncmp(a, "-s", 2) == 0) {
      if (a[2]) skip = number_arg(argv[0], a + 2);
      else if (i + 1 < argc) skip = number_arg(argv[0], argv[++i]);
      else usage(argv[0]);
    } else usage(argv[0]);
  }
  printf("program %s: n=%d skip=%d verbose=%d\n", argv[0], n, skip, verbose);
  for (int j = i; j < argc; j++) printf("operand %d: %s\n", j - i + 1, argv[j]);
  if (verbose) printf("==> standard input <==\n");
  char line[100];
  int seen = 0, printed = 0;
  while (printed < n && fgets(line, sizeof line, stdin)) {
    seen++;
    if (seen <= skip) continue;
    if (verbose) printf("%4d  ", seen);
    fputs(line, stdout);
    printed++;
  }
  printf("printed %d of the lines read (%d)\n", printed, seen);
  return 0;
}
