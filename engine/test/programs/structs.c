// args: 1 2 5 7 -3 -4 2 0 10 10 20 30 0 0 1 1
// covers: nested structs, arrays of structs, struct pointers passed to functions, field updates through pointers, struct assignment (84-byte copies: clang calls memcpy), sorting structs by a computed key
struct Point {
  int x, y;
};

struct Rect {
  struct Point lo, hi;
};

/* more than 64 bytes, so that a copy is a memcpy call rather than inline loads and stores */
struct Shape {
  char name[12];
  struct Rect box;
  int history[12];
  int moves;
  int id;
};

static struct Shape shapes[4];

static __attribute__((noinline)) int width(const struct Rect *r) { return r->hi.x - r->lo.x; }
static __attribute__((noinline)) int height(const struct Rect *r) { return r->hi.y - r->lo.y; }
static __attribute__((noinline)) int area(const struct Rect *r) { return width(r) * height(r); }

static __attribute__((noinline)) void normalize(struct Rect *r) {
  if (r->lo.x > r->hi.x) {
    int t = r->lo.x;
    r->lo.x = r->hi.x;
    r->hi.x = t;
  }
  if (r->lo.y > r->hi.y) {
    int t = r->lo.y;
    r->lo.y = r->hi.y;
    r->hi.y = t;
  }
}

static __attribute__((noinline)) void translate(struct Shape *s, int dx, int dy) {
  s->box.lo.x += dx;
  s->box.hi.x += dx;
  s->box.lo.y += dy;
  s->box.hi.y += dy;
  s->history[s->moves % 12] = dx * 100 + dy;
  s->moves++;
}

/* takes the coordinates as values: printf arguments loaded from adjacent fields can be merged into 64-bit copies */
static __attribute__((noinline)) void print_point(int x, int y) { printf("[%d,%d]", x, y); }

static void print_shape(const struct Shape *s) {
  printf("%s#%d ", s->name, s->id);
  print_point(s->box.lo.x, s->box.lo.y);
  putchar('-');
  print_point(s->box.hi.x, s->box.hi.y);
  printf(" area=%d moves=%d", area(&s->box), s->moves);
  printf(" last=%d\n", s->moves ? s->history[(s->moves - 1) % 12] : 0);
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (n < 4) {
    int c[4];
    int got = 0;
    while (got < 4) {
      while (*p == ' ') p++;
      if (!*p) break;
      c[got++] = parse_int(p);
      while (*p && *p != ' ') p++;
    }
    if (got < 4) break;
    struct Shape *s = &shapes[n];
    s->name[0] = 'r';
    s->name[1] = (char)('A' + n);
    s->name[2] = 0;
    s->id = n + 1;
    s->box.lo.x = c[0];
    s->box.lo.y = c[1];
    s->box.hi.x = c[2];
    s->box.hi.y = c[3];
    normalize(&s->box);
    n++;
  }
  for (int i = 0; i < n; i++) print_shape(&shapes[i]);
  /* struct assignment: a full copy, then changes to the copy leave the original alone */
  struct Shape copy = shapes[0];
  translate(&copy, 5, -2);
  translate(&copy, -1, 3);
  copy.name[0] = 'c';
  print_shape(&copy);
  print_shape(&shapes[0]);
  printf("same=%d\n", memcmp(&copy, &shapes[0], sizeof copy) == 0);
  /* insertion sort by area, moving whole structs */
  for (int i = 1; i < n; i++) {
    struct Shape key = shapes[i];
    int k = area(&key.box);
    int j = i - 1;
    while (j >= 0 && area(&shapes[j].box) > k) {
      shapes[j + 1] = shapes[j];
      j--;
    }
    shapes[j + 1] = key;
  }
  printf("sorted:");
  for (int i = 0; i < n; i++) printf(" %s=%d", shapes[i].name, area(&shapes[i].box));
  putchar('\n');
  printf("sizeof Shape=%d", (int)sizeof(struct Shape));
  printf(" Rect=%d\n", (int)sizeof(struct Rect));
}
