// stderr_mix: progress on stdout and warnings on stderr, interleaved; both reach the output in
// the order written. Lines of standard input are validated as "key=value" with an integer value.
// stdin: width=80\nheight=abc\n=5\ndepth=-3\nnoequals\ncolor=255\n
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char line[64];
  int n = 0, good = 0, warnings = 0;
  long long total = 0;
  while (fgets(line, sizeof line, stdin)) {
    n++;
    line[strcspn(line, "\n")] = '\0';
    char *eq = strchr(line, '=');
    if (!eq) {
      fprintf(stderr, "warning: line %d: no '=' in \"%s\"\n", n, line);
      warnings++;
      continue;
    }
    *eq = '\0';
    const char *key = line, *value = eq + 1;
    if (!*key) {
      fprintf(stderr, "warning: line %d: empty key\n", n);
      warnings++;
      continue;
    }
    char *end;
    long long v = strtoll(value, &end, 10);
    if (*value == '\0' || *end != '\0') {
      fprintf(stderr, "warning: line %d: %s: '%s' is not an integer\n", n, key, value);
      warnings++;
      continue;
    }
    if (v < 0) fputs("note: negative value\n", stderr);
    printf("ok: %s = %lld\n", key, v);
    total += v;
    good++;
  }
  fprintf(stderr, "%d warnings\n", warnings);
  printf("%d of %d lines accepted, total %lld\n", good, n, total);
  fputc('!', stderr);
  fputc('\n', stdout);
  return warnings ? 1 : 0;
}
