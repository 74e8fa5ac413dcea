// args: 3 -7 1000
// covers: struct copies of 8..64 bytes (clang moves them with i64.load/i64.store), structs passed and returned by value, arrays of small structs, zero-initialised small structs
struct P2 { int x, y; };
struct P3 { short a; char b; char c; int d; };
struct Box { struct P2 lo, hi; };
struct Big { int v[16]; };

static struct P2 make(int x, int y) {
  struct P2 p = {x, y};
  return p;
}

static struct Box grow(struct Box b, int by) {
  struct Box r = b;
  r.lo.x -= by;
  r.lo.y -= by;
  r.hi.x += by;
  r.hi.y += by;
  return r;
}

/* Out of line, so clang copies through memory: i64.load / i64.store pairs. */
__attribute__((noinline)) static void copy_box(struct Box *dst, const struct Box *src) { *dst = *src; }
__attribute__((noinline)) static void copy_p3(struct P3 *dst, const struct P3 *src) { *dst = *src; }
__attribute__((noinline)) static void swap_p2(struct P2 *x, struct P2 *y) {
  struct P2 t = *x;
  *x = *y;
  *y = t;
}

static void show(const char *name, struct Box b) {
  printf("%s: (%d,%d)-(%d,%d)\n", name, b.lo.x, b.lo.y, b.hi.x, b.hi.y);
}

void compute(const char *input) {
  int a = 0, b = 0, c = 0;
  sscanf(input, "%d %d %d", &a, &b, &c);
  struct P2 ps[4];
  for (int i = 0; i < 4; i++) ps[i] = make(a * i, b - i);
  struct P2 t = ps[0];
  ps[0] = ps[3];
  ps[3] = t;
  for (int i = 0; i < 4; i++) printf("p%d = %d %d\n", i, ps[i].x, ps[i].y);

  struct Box box = {ps[1], ps[2]};
  struct Box wider = grow(box, c);
  show("box", box);
  show("wider", wider);

  struct P3 q = {(short)(a * 1000), (char)b, (char)c, a + b + c};
  struct P3 r = q;
  r.b++;
  printf("q = %d %d %d %d, r.b = %d\n", q.a, q.b, q.c, q.d, r.b);

  struct Big big = {{0}};
  for (int i = 0; i < 16; i++) big.v[i] = a * i + b;
  struct Big copy = big;
  copy.v[15] += c;
  int sum = 0;
  for (int i = 0; i < 16; i++) sum += copy.v[i] - big.v[i] + big.v[i];
  printf("big sum %d, last %d\n", sum, copy.v[15]);

  struct Box copied;
  copy_box(&copied, &wider);
  show("copied", copied);
  struct P3 q2;
  copy_p3(&q2, &q);
  printf("q2 = %d %d %d %d\n", q2.a, q2.b, q2.c, q2.d);
  swap_p2(&ps[1], &ps[2]);
  printf("swapped %d %d %d %d\n", ps[1].x, ps[1].y, ps[2].x, ps[2].y);

  struct Box zero = {{0, 0}, {0, 0}};
  zero.hi = wider.lo;
  show("zero", zero);
}
