// A program with main() and no C library: how its run ends is what the test checks.
// It prints argv, echoes standard input (NUL shown as '@'), then ends as argv[1] says:
// "return N", "exit N" (from a nested call), "abort".
void __tvm_write(int byte);
int __tvm_read(void);
_Noreturn void __tvm_exit(int status);
_Noreturn void __tvm_abort(void);

void exit(int status) { __tvm_exit(status); }

static void put(const char *s) {
  while (*s) __tvm_write(*s++);
}

static int number(const char *s) {
  int neg = *s == '-', n = 0;
  if (neg) s++;
  while (*s >= '0' && *s <= '9') n = n * 10 + (*s++ - '0');
  return neg ? -n : n;
}

static void leave(int depth, int status) {
  if (depth > 0) leave(depth - 1, status);
  exit(status); /* @line: nested-exit */
}

int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    put("argv: [");
    put(argv[i]);
    put("]\n");
  }
  if (argv[argc] != 0) put("argv is not NULL-terminated\n");
  int c;
  put("stdin: ");
  while ((c = __tvm_read()) >= 0) __tvm_write(c == 0 ? '@' : c);
  put("\n");
  if (argc < 3) return 0;
  const char *how = argv[1];
  int n = number(argv[2]);
  if (how[0] == 'r') return n;
  if (how[0] == 'e') leave(3, n);
  if (how[0] == 'a') __tvm_abort();
  return 99;
}
