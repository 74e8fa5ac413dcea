// fnptr_calc: an RPN calculator whose operators live in a table of function pointers (looked up
// by name), plus a function returning a function pointer and a callback-driven fold. The RPN
// expression comes from argv.
// args: 6 7 mul 5 sub 3 pow 100 mod 17 max 2 neg add 9 gcd
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int64_t (*binop)(int64_t, int64_t);
typedef int64_t (*unop)(int64_t);

static int64_t add(int64_t a, int64_t b) { return a + b; }
static int64_t sub(int64_t a, int64_t b) { return a - b; }
static int64_t mul(int64_t a, int64_t b) { return a * b; }
static int64_t mod(int64_t a, int64_t b) { return b ? a % b : 0; }
static int64_t max(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t pw(int64_t a, int64_t b) {
  int64_t r = 1;
  while (b-- > 0) r *= a;
  return r;
}
static int64_t gcd(int64_t a, int64_t b) { return b ? gcd(b, a % b) : (a < 0 ? -a : a); }
static int64_t neg(int64_t a) { return -a; }
static int64_t sq(int64_t a) { return a * a; }

static const struct {
  const char *name;
  binop fn;
} binops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"mod", mod}, {"max", max}, {"pow", pw}, {"gcd", gcd}};

static unop unary(const char *name) {
  if (strcmp(name, "neg") == 0) return neg;
  if (strcmp(name, "sq") == 0) return sq;
  return NULL;
}

static int64_t fold(const int64_t *v, int n, binop f, int64_t init) {
  for (int i = 0; i < n; i++) init = f(init, v[i]);
  return init;
}

int main(int argc, char **argv) {
  int64_t st[32];
  int sp = 0;
  for (int i = 1; i < argc; i++) {
    const char *t = argv[i];
    binop b = NULL;
    for (size_t k = 0; k < sizeof binops / sizeof binops[0]; k++)
      if (strcmp(binops[k].name, t) == 0) b = binops[k].fn;
    unop u = unary(t);
    if (b) {
      if (sp < 2) {
        printf("%s: stack underflow\n", t);
        return 1;
      }
      sp--;
      st[sp - 1] = b(st[sp - 1], st[sp]);
    } else if (u) {
      if (sp < 1) return 1;
      st[sp - 1] = u(st[sp - 1]);
    } else {
      st[sp++] = strtoll(t, NULL, 10);
    }
    printf("%-4s -> top %lld (depth %d)\n", t, (long long)st[sp - 1], sp);
  }
  int64_t nums[] = {12, 18, 30, -42};
  for (size_t k = 0; k < sizeof binops / sizeof binops[0]; k++)
    printf("fold %s = %lld\n", binops[k].name, (long long)fold(nums, 4, binops[k].fn, binops[k].fn == mul ? 1 : 0));
  binop chosen = argc > 3 ? mul : add;
  printf("chosen(3, 4) = %lld\n", (long long)chosen(3, 4));
  return sp == 1 ? 0 : 4;
}
