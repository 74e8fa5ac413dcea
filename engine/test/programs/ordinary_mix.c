// args: 7 hello world
// covers: what ordinary C compiles to at any level: variadic functions, VLAs, bit-fields, structs passed and returned by value, static locals, goto, narrow integer types, select, a table of structs with callbacks
typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)

struct point {
  int x, y;
};
struct rect {
  struct point lo, hi;
  unsigned char tag;
};
struct flags {
  unsigned a : 3;
  signed b : 5;
  unsigned c : 12;
  unsigned d : 1;
};

static int sum_ints(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int total = 0;
  for (int i = 0; i < count; i++) total += va_arg(ap, int);
  va_end(ap);
  return total;
}

static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p == '#') printf("%d", va_arg(ap, int));
    else if (*p == '$') printf("%s", va_arg(ap, const char *));
    else putchar(*p);
  }
  va_end(ap);
}

static struct rect grow(struct rect r, int by) {
  r.lo.x -= by;
  r.lo.y -= by;
  r.hi.x += by;
  r.hi.y += by;
  r.tag++;
  return r;
}

static int area(struct rect r) { return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y); }

static int next_id(void) {
  static int id = 100;
  return id++;
}

static int vla_sum(int n) {
  int v[n];
  for (int i = 0; i < n; i++) v[i] = i * i - n;
  int s = 0;
  for (int i = n - 1; i >= 0; i--) s += v[i];
  return s;
}

static int find_first(const char *s, char c) {
  int i = 0;
  for (;;) {
    if (!s[i]) goto missing;
    if (s[i] == c) goto found;
    i++;
  }
found:
  return i;
missing:
  return -1;
}

static int max3(int a, int b, int c) {
  int m = a > b ? a : b;
  return m > c ? m : c;
}

struct shape {
  const char *name;
  int (*measure)(struct rect);
  struct rect (*change)(struct rect, int);
};

void compute(const char *input) {
  int n = parse_int(input);
  const char *words = input;
  while (*words && *words != ' ') words++;
  if (*words) words++;
  say("n=# sum=# words=$\n", n, sum_ints(4, n, 2 * n, -3, 10), words);
  struct rect r = {{1, 2}, {4, 6}, 250};
  struct rect g = grow(r, n);
  struct rect copy;
  copy = g;
  copy.tag += 10;
  say("area # -> # tag # #\n", area(r), area(g), g.tag, copy.tag);
  static const struct shape shapes[] = {{"rect", area, grow}};
  struct rect h = shapes[0].change(copy, 1);
  say("$ #\n", shapes[0].name, shapes[0].measure(h));
  struct flags f = {5, -7, 4000, 1};
  f.a += (unsigned)n;
  f.b -= 20;
  f.c *= 2;
  say("flags # # # #\n", (int)f.a, (int)f.b, (int)f.c, (int)f.d);
  signed char sc = (signed char)(n * 40);
  unsigned char uc = (unsigned char)(n * 40);
  short sh = (short)(n * 10000);
  unsigned short us = (unsigned short)(n * 10000);
  say("narrow # # # #\n", sc, uc, sh, us);
  say("ids # # #\n", next_id(), next_id(), next_id());
  say("vla # #\n", vla_sum(n), vla_sum(n + 5));
  say("find # # max #\n", find_first(words, 'o'), find_first(words, 'z'), max3(n, -n, n * 3 - 20));
  int i = 0, acc = 0;
  do {
    acc += i & 1 ? i : -i, i++;
    if (i == 5) continue;
  } while (i < n * 2);
  say("acc #\n", acc);
}
