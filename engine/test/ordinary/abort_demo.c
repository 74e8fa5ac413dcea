// abort_demo: a bounded stack that calls abort() on overflow, after printing what it pushed to
// stdout and a diagnostic to stderr; the exit status is 134 (SIGABRT) and nothing after the
// abort is printed.
// args: 5
#include <stdio.h>
#include <stdlib.h>

#define CAPACITY 4

struct stack {
  int items[CAPACITY];
  int size;
};

static void push(struct stack *s, int v) {
  if (s->size == CAPACITY) {
    fprintf(stderr, "stack overflow pushing %d (capacity %d)\n", v, CAPACITY);
    abort();
  }
  s->items[s->size++] = v;
  printf("pushed %d, size %d\n", v, s->size);
}

static int pop(struct stack *s) {
  if (s->size == 0) {
    fprintf(stderr, "stack underflow\n");
    abort();
  }
  return s->items[--s->size];
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3;
  struct stack s = {{0}, 0};
  push(&s, 100);
  push(&s, 200);
  printf("popped %d\n", pop(&s));
  for (int i = 0; i < n; i++) push(&s, i * i);
  printf("never printed when n > 3: size %d\n", s.size);
  return 0;
}
