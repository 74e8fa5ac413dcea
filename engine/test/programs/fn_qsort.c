// args: 5 -3 12 0 7 7 -100 42 1 9
// covers: function pointers: a qsort-like sort taking a comparator (call_indirect), several comparators
typedef int (*cmp_fn)(const void *, const void *);

static int asc(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int desc(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }
static int by_abs(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  if (x < 0) x = -x;
  if (y < 0) y = -y;
  return x != y ? x - y : *(const int *)a - *(const int *)b;
}

static void swap_bytes(char *a, char *b, tvm_size_t n) {
  while (n--) {
    char t = *a;
    *a++ = *b;
    *b++ = t;
  }
}

/* Insertion sort with qsort's interface: the comparator is called through a pointer. */
static void my_qsort(void *base, tvm_size_t count, tvm_size_t size, cmp_fn cmp) {
  char *p = (char *)base;
  for (tvm_size_t i = 1; i < count; i++)
    for (tvm_size_t j = i; j > 0 && cmp(p + (j - 1) * size, p + j * size) > 0; j--)
      swap_bytes(p + (j - 1) * size, p + j * size, size);
}

static void show(const char *name, const int *v, int n) {
  printf("%s:", name);
  for (int i = 0; i < n; i++) printf(" %d", v[i]);
  printf("\n");
}

void compute(const char *input) {
  int v[16], n = 0;
  const char *s = input;
  while (*s && n < 16) {
    while (*s == ' ') s++;
    if (!*s) break;
    v[n++] = parse_int(s);
    while (*s && *s != ' ') s++;
  }
  static const cmp_fn cmps[] = {asc, desc, by_abs};
  static const char *names[] = {"asc", "desc", "abs"};
  for (int k = 0; k < 3; k++) {
    my_qsort(v, (tvm_size_t)n, sizeof v[0], cmps[k]);
    show(names[k], v, n);
  }
}
