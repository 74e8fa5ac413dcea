// Calls through bad function pointers, chosen by the input: "n" calls a null pointer, "s" calls a
// function through a pointer of another type, "r" reads the pointer from past the table, "g" is a
// good call.
typedef int (*unary)(int);
typedef int (*binary)(int, int);

static int twice(int x) { return 2 * x; }

static unary volatile chosen;

static __attribute__((noinline)) int call_it(unary f, int x) {
  return f(x); // @line: CALL
}

static __attribute__((noinline)) int call_two(binary f) {
  return f(3, 4); // @line: CALL_TWO
}

void compute(const char *input) {
  printf("before\n");
  chosen = twice;
  if (input[0] == 'g') printf("%d\n", call_it(chosen, 21));
  if (input[0] == 'n') printf("%d\n", call_it((unary)0, 1));
  if (input[0] == 's') printf("%d\n", call_two((binary)chosen));
  if (input[0] == 'r') printf("%d\n", call_it((unary)(unsigned long)(1000 + input[1]), 1));
  printf("after\n");
}
