// return7: main returns 7 after a small computation (the digits of a number from argv are summed
// until one digit remains, the digital root), so the exit status is 7 for 1234564 and the output is
// complete.
// args: 1234564 99999999
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int digit_sum(const char *s) {
  int sum = 0;
  for (; *s; s++)
    if (*s >= '0' && *s <= '9') sum += *s - '0';
  return sum;
}

static int digital_root(const char *s, int *steps) {
  char buf[16];
  int v = digit_sum(s);
  *steps = 1;
  while (v >= 10) {
    snprintf(buf, sizeof buf, "%d", v);
    v = digit_sum(buf);
    ++*steps;
  }
  return v;
}

int main(int argc, char **argv) {
  int result = 0;
  for (int i = argc - 1; i >= 1; i--) {
    int steps;
    int root = digital_root(argv[i], &steps);
    printf("digital root of %s is %d after %d step%s\n", argv[i], root, steps, steps == 1 ? "" : "s");
    result = root;
  }
  if (argc < 2) {
    puts("no numbers given");
    return 1;
  }
  printf("returning %d from main\n", result);
  return result;
}
