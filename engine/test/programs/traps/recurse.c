int deep(int n) { // @line: DEEP
  volatile int frame[16];
  frame[n & 15] = n;
  if (n == 0) return 0;
  return frame[n & 15] + deep(n - 1);
}

void compute(const char *input) {
  printf("%d\n", deep(parse_int(input)));
}
