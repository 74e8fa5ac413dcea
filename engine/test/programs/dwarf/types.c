// DWARF reader fixture: one of every kind of C type the debugger shows (engine/test/dwarf-info.test.ts).
#include <stdio.h>
#include <stdint.h>

typedef unsigned int word;
typedef struct point { int x, y; } point;
struct rect { point min, max; const char *label; };
union bits { uint32_t u; int16_t halves[2]; unsigned char bytes[4]; };
struct flags {
  unsigned ready : 1;
  unsigned mode : 3;
  signed delta : 5;
  uint8_t tag;
  unsigned long long wide : 40;
  struct { int inner_a; short inner_b; };
  union { int as_int; char as_chars[4]; };
};
enum color { RED, GREEN = 5, BLUE = -3 };
enum level { LOW = 1u, HIGH = 4000000000u };
struct node { int value; struct node *next; };
struct opaque;
struct packet { int len; unsigned char data[]; };
typedef int (*binop)(int, int);
typedef const volatile word cv_word;

int grid[3][4];
static int file_counter = 7;
const char *const greeting = "hello";
struct rect frame = { { 1, 2 }, { 30, 40 }, "frame" };
volatile long long ticks = -5;
_Bool ready_flag = 1;
enum color paint = BLUE;
enum level lvl = HIGH;
struct opaque *handle;
struct packet *last_packet;
int (*pick)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }

static int sum_list(const struct node *n) {
  int total = 0;
  for (; n; n = n->next) total += n->value;
  return total;
}

static int counter(void) {
  static int calls;
  return ++calls;
}

int main(int argc, char **argv) {
  struct node c = { 3, 0 }, b = { 2, &c }, a = { 1, &b };
  struct node *head = &a;
  struct node **where = &head;
  union bits u;
  struct flags f = { 1, 5, -7, 200, 0x123456789ull, { 11, 12 }, { 65 } };
  binop ops[2] = { add, sub };
  cv_word cw = 9;
  word matrix[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
  char name[8] = "dwarf";
  int i;
  u.u = 0x01020304u;
  for (i = 0; i < 3; i++) grid[i][i] = i * argc;
  pick = ops[argc & 1];
  for (i = 0; i < 2; i++) {
    int r = pick(matrix[i][0], matrix[i][2]);
    printf("%d\n", r);
  }
  printf("%d %d %d %u %d %s\n", sum_list(*where), f.delta, u.halves[0], cw, counter() + counter(), name);
  printf("%d %d %lld %d %d %s\n", frame.max.x, file_counter, (long long)f.wide, f.inner_a, f.as_int, greeting);
  printf("%d %u %d %p %p %zu\n", (int)paint, (unsigned)lvl, (int)ready_flag + (int)ticks, (void *)handle,
         (void *)last_packet, sizeof(struct packet));
  return argv[0] == 0;
}
