/* Ending the run (exit, _Exit, abort, atexit), assert's failure message, and the small stdlib
 * functions that need nothing else: abs, div, getenv (there is no environment), system (no
 * shell). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "opaque.h"
#include "tvm_sys.h"

const char *__tvm_progname = "";

#define ATEXIT_MAX 32
static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void)) {
  if (nhandlers == ATEXIT_MAX) return -1;
  handlers[nhandlers++] = fn;
  return 0;
}

_Noreturn void exit(int status) {
  /* A handler may call atexit again; take them one at a time from the end. */
  while (nhandlers > 0) handlers[--nhandlers]();
  __tvm_exit(status);
}

_Noreturn void _Exit(int status) { __tvm_exit(status); }

_Noreturn void abort(void) { __tvm_abort(); }

/* glibc's message: "PROG: FILE:LINE: FUNC: Assertion `EXPR' failed.\n", where PROG is the base
 * name of argv[0] (glibc's __progname) and is left out, with its ": ", when empty. */
_Noreturn void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func) {
  const char *prog = __tvm_progname ? __tvm_progname : "";
  for (const char *p = prog; *p; p++)
    if (*p == '/') prog = p + 1;
  fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", prog, *prog ? ": " : "", file, line,
          func ? func : "", func ? ": " : "", expr);
  abort();
}

/* Branches, with __tvm_opaque: clang's branch-free form (x ^ x >> 31) - (x >> 31) is a lowered
 * shift and xor on the machine. */
int abs(int x) {
  if (x < 0) return (int)__tvm_opaque(0u - (unsigned int)x);
  return x;
}
long labs(long x) { return abs(x); }
long long llabs(long long x) { return x < 0 ? -x : x; }

div_t div(int a, int b) {
  div_t r = {a / b, a % b};
  return r;
}
ldiv_t ldiv(long a, long b) {
  ldiv_t r = {a / b, a % b};
  return r;
}
lldiv_t lldiv(long long a, long long b) {
  lldiv_t r = {a / b, a % b};
  return r;
}

char *getenv(const char *name) {
  (void)name;
  return 0;
}

/* No command processor: system(NULL) says so with 0; a command fails with -1 (ENOSYS). */
int system(const char *command) {
  if (!command) return 0;
  errno = ENOSYS;
  return -1;
}
