// 1 KiB frames: 2000 of them need 2 MiB of C stack, more than the 1 MiB a program has.
int deep(int n) { // @line: DEEP
  volatile int frame[256];
  frame[n & 255] = n;
  if (n == 0) return 0;
  return frame[n & 255] + deep(n - 1);
}

void compute(const char *input) {
  printf("%d\n", deep(parse_int(input)));
}
