// args: 3 4 add 2 mul 5 sub 1 neg sq dup add
// covers: a table of handlers (an array of function pointers) indexed by command, and callbacks of different arities
typedef int (*binary_fn)(int, int);
typedef int (*unary_fn)(int);
typedef void (*visit_fn)(int, int, int);

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_neg(int a) { return -a; }
static int op_sq(int a) { return a * a; }
static int op_dup(int a) { return a; }

static const struct {
  const char *name;
  binary_fn fn;
} binary_ops[] = {{"add", op_add}, {"sub", op_sub}, {"mul", op_mul}};
static const struct {
  const char *name;
  unary_fn fn;
} unary_ops[] = {{"neg", op_neg}, {"sq", op_sq}, {"dup", op_dup}};

static int stack[32], depth;

static int same(const char *a, const char *b, int n) {
  for (int i = 0; i < n; i++)
    if (a[i] != b[i]) return 0;
  return b[n] == 0;
}

static void print_cell(int index, int value, int total) { printf("[%d/%d]=%d ", index, total, value); }
static int count_calls(void) {
  static int calls;
  return ++calls;
}

static void each(visit_fn visit) {
  for (int i = 0; i < depth; i++) visit(i, stack[i], depth);
}

static int apply_all(int (*const fns[])(void), int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) sum += fns[i]();
  return sum;
}

void compute(const char *input) {
  const char *s = input;
  while (*s) {
    while (*s == ' ') s++;
    const char *w = s;
    while (*s && *s != ' ') s++;
    int len = (int)(s - w);
    if (!len) break;
    if ((*w >= '0' && *w <= '9') || *w == '-') {
      stack[depth++] = parse_int(w);
      continue;
    }
    int done = 0;
    for (unsigned i = 0; i < sizeof binary_ops / sizeof binary_ops[0] && !done; i++)
      if (same(w, binary_ops[i].name, len) && depth >= 2) {
        depth--;
        stack[depth - 1] = binary_ops[i].fn(stack[depth - 1], stack[depth]);
        done = 1;
      }
    for (unsigned i = 0; i < sizeof unary_ops / sizeof unary_ops[0] && !done; i++)
      if (same(w, unary_ops[i].name, len) && depth >= 1) {
        int r = unary_ops[i].fn(stack[depth - 1]);
        if (unary_ops[i].fn == op_dup) stack[depth++] = r;
        else stack[depth - 1] = r;
        done = 1;
      }
    if (!done) printf("? ");
    each(print_cell);
    printf("\n");
  }
  int (*const counters[])(void) = {count_calls, count_calls, count_calls};
  printf("calls %d\n", apply_all(counters, 3));
}
