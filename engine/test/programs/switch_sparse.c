// args: 0 1 7 100 101 999 1000 4096 65535 -1 -7 31337 2147483647 12
// covers: a sparse switch (cases far apart: compare-and-branch even with jump tables allowed) and a switch with ranges of equal cases
static const char *name_of(int code) {
  switch (code) {
  case 0: return "zero";
  case 1: return "one";
  case 7: return "seven";
  case 100: return "hundred";
  case 999: return "nines";
  case 1000: return "thousand";
  case 4096: return "page";
  case 65535: return "short";
  case -1: return "minus one";
  case 31337: return "elite";
  case 2147483647: return "int max";
  default: return "other";
  }
}

static int bucket(unsigned x) {
  switch (x % 16) {
  case 0: case 1: case 2: case 3: return 10;
  case 4: case 5: return 20;
  case 6: return 30;
  case 8: case 9: case 10: case 11: case 12: return 40;
  case 15: return 50;
  default: return 0;
  }
}

void compute(const char *input) {
  const char *s = input;
  int total = 0;
  while (*s) {
    while (*s == ' ') s++;
    if (!*s) break;
    int v = parse_int(s);
    while (*s && *s != ' ') s++;
    total += bucket((unsigned)v);
    printf("%d %s %d\n", v, name_of(v), bucket((unsigned)v));
  }
  printf("total %d\n", total);
}
