// A division by zero in a function the compiler inlines, an INT_MIN / -1 and __builtin_trap,
// chosen by the input: "d N" divides 100 by N, "o" divides INT_MIN by -1, "t" traps.
int average(int sum, int count) {
  return sum / count; // @line: DIVIDE
}

int overflow(int a, int b) {
  return a / b; // @line: OVERFLOW
}

void compute(const char *input) {
  printf("before\n");
  if (input[0] == 'd') printf("%d\n", average(100, parse_int(input + 2)));
  if (input[0] == 'o') printf("%d\n", overflow(-2147483647 - 1, parse_int("-1") + input[1]));
  if (input[0] == 't') __builtin_trap(); // @line: TRAP
  printf("after\n");
}
