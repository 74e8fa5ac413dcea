// atexit_demo: three atexit handlers run in reverse order of registration when main returns
// (status 5); one of them flushes a summary built up during the run, another prints to stderr.
// stdin: alpha beta gamma\n
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char summary[128];
static int words;

static void first_registered(void) { printf("handler 1 (registered first, runs last)\n"); }

static void print_summary(void) { printf("handler 2: %d words: %s\n", words, summary); }

static void to_stderr(void) { fprintf(stderr, "handler 3 (registered last, runs first) on stderr\n"); }

int main(void) {
  if (atexit(first_registered) || atexit(print_summary) || atexit(to_stderr)) {
    puts("atexit failed");
    return 1;
  }
  char w[32];
  while (scanf("%31s", w) == 1) {
    if (words) strcat(summary, "+");
    strcat(summary, w);
    words++;
    printf("read %s\n", w);
  }
  printf("main returns 5\n");
  return 5;
}
