// error: call_indirect
// covers: a call through a function pointer chosen at runtime (table + call_indirect)
static __attribute__((noinline)) int twice(int x) { return x + x; }
static __attribute__((noinline)) int negate(int x) { return -x; }

void compute(const char *input) {
  int n = parse_int(input);
  int (*volatile op)(int) = n > 0 ? twice : negate;
  int r = op(n); /* @unsupported */
  printf("%d\n", r);
}
