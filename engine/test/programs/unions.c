// args: 305419896 -1 -2147483648 65535 -559038737
// covers: unions viewing one word as int / unsigned / 4 bytes / 4 signed bytes / 2 shorts / 2 unsigned shorts (little-endian), tagged union accessed through pointers, writing one member and reading another
union Word {
  unsigned u;
  int i;
  unsigned char b[4];
  signed char sb[4];
  unsigned short h[2];
  short sh[2];
};

enum Kind { KIND_INT, KIND_BYTES, KIND_TEXT };

struct Value {
  int kind;
  union {
    int number;
    unsigned char bytes[4];
    char text[8];
  } as;
};

static struct Value table[6];

static __attribute__((noinline)) void show_word(const union Word *w) {
  printf("u=%u i=%d", w->u, w->i);
  printf(" b=%u,%u,%u,%u", w->b[0], w->b[1], w->b[2], w->b[3]);
  printf(" sb=%d,%d,%d,%d", w->sb[0], w->sb[1], w->sb[2], w->sb[3]);
  printf(" h=%u,%u sh=%d,%d\n", w->h[0], w->h[1], w->sh[0], w->sh[1]);
}

static __attribute__((noinline)) int value_weight(const struct Value *v) {
  switch (v->kind) {
    case KIND_INT:
      return v->as.number;
    case KIND_BYTES:
      return v->as.bytes[0] + v->as.bytes[1] + v->as.bytes[2] + v->as.bytes[3];
    default:
      return str_len(v->as.text);
  }
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (n < 6) {
    while (*p == ' ') p++;
    if (!*p) break;
    int x = parse_int(p);
    while (*p && *p != ' ') p++;
    union Word w;
    w.i = x;
    show_word(&w);
    /* write through the byte view, read the word back */
    w.b[0] ^= 0xffu;
    w.sb[3] = (signed char)(w.sb[3] - 1);
    w.h[1] = (unsigned short)(w.h[1] + 1u);
    printf("  modified u=%u i=%d\n", w.u, w.i);
    struct Value *v = &table[n];
    v->kind = n % 3;
    if (v->kind == KIND_INT) {
      v->as.number = x;
    } else if (v->kind == KIND_BYTES) {
      v->as.number = x; /* read back as bytes */
    } else {
      int len = 0;
      unsigned u = (unsigned)x;
      do {
        v->as.text[len++] = (char)('a' + u % 26u);
        u /= 26u;
      } while (u && len < 7);
      v->as.text[len] = 0;
    }
    n++;
  }
  int total = 0;
  for (int i = 0; i < n; i++) {
    int wgt = value_weight(&table[i]);
    printf("value %d kind %d weight %d", i, table[i].kind, wgt);
    if (table[i].kind == KIND_TEXT) printf(" text %s", table[i].as.text);
    putchar('\n');
    total += wgt & 0xffff;
  }
  printf("total %d sizeof %d\n", total, (int)sizeof(struct Value));
}
