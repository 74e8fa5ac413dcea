// args: 10 20 30 40 50 60 70 -80
// covers: pointer arithmetic and comparisons, pointer differences (exact division by element size), pointers to pointers, swapping through pointers, walking arrays from both ends, array of string pointers, pointers into the middle of arrays and structs, output parameters
static int data[8];
static const char *const words[] = {"alpha", "beta", "gamma", "delta"};

struct Node {
  int value;
  short weight;
  char tag;
};

static struct Node nodes[5];

static __attribute__((noinline)) void swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

static __attribute__((noinline)) void min_max(const int *begin, const int *end, const int **min_at, const int **max_at) {
  *min_at = begin;
  *max_at = begin;
  for (const int *q = begin + 1; q < end; q++) {
    if (*q < **min_at) *min_at = q;
    if (*q > **max_at) *max_at = q;
  }
}

static __attribute__((noinline)) int count_between(const int *a, const int *b) { return (int)(b - a); }

static __attribute__((noinline)) int node_distance(const struct Node *a, const struct Node *b) { return (int)(b - a); }

static __attribute__((noinline)) void advance(const char **pp, int n) {
  while (n-- > 0 && **pp) (*pp)++;
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (n < 8) {
    while (*p == ' ') p++;
    if (!*p) break;
    data[n++] = parse_int(p);
    while (*p && *p != ' ') p++;
  }
  int *lo = data, *hi = data + n - 1;
  while (lo < hi) swap(lo++, hi--);
  printf("reversed:");
  for (int *q = data; q != data + n; q++) printf(" %d", *q);
  putchar('\n');
  const int *mn, *mx;
  min_max(data, data + n, &mn, &mx);
  printf("min %d at %d, max %d at %d, span %d\n", *mn, count_between(data, mn), *mx, count_between(data, mx),
         count_between(mn, mx));
  /* every other element through a stepping pointer */
  int sum = 0;
  for (const int *q = data + 1; q < data + n; q += 2) sum += *q;
  printf("odd positions sum %d\n", sum);
  /* pointer to pointer to walk a string table */
  const char *const *w = words;
  for (int i = 0; i < 4; i++, w++) {
    const char *s = *w;
    advance(&s, (data[i] & 3) + 1);
    printf("%s->%s ", *w, s);
  }
  putchar('\n');
  /* pointers into structs */
  for (int i = 0; i < 5; i++) {
    struct Node *nd = nodes + i;
    nd->value = data[i] * (i + 1);
    nd->weight = (short)(data[i] - 100);
    nd->tag = (char)('a' + i);
  }
  struct Node *last = &nodes[4];
  int *vp = &last->value;
  short *wp = &nodes[2].weight;
  *vp += 1000;
  *wp = (short)(*wp * 2);
  for (struct Node *q = nodes; q <= last; q++) printf("%c:%d:%d ", q->tag, q->value, q->weight);
  printf("\ndistance %d", node_distance(nodes, last));
  printf(" size %d\n", (int)sizeof(struct Node));
  /* pointer comparison and difference on chars */
  const char *a = input, *b = input + str_len(input);
  printf("input span %d first %c last %c\n", (int)(b - a), *a, b[-1]);
}
