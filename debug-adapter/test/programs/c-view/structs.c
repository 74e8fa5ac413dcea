// Structs, nested structs, unions, bit-fields, enums, typedefs and pointers to structs.
#include <stdio.h>

typedef enum { RED, GREEN = 5, BLUE } colour;

struct point {
  int x;
  int y;
};

typedef struct point point_t;

struct rect {
  point_t corner[2];
  colour fill;
  char label[8];
};

struct flags {
  unsigned int ready : 1;
  int level : 4;
  unsigned int mode : 3;
  unsigned char tag;
  _Bool ok;
};

union word {
  unsigned int whole;
  unsigned short halves[2];
  unsigned char bytes[4];
};

struct rect shapes[3] = {
    {{{0, 0}, {4, 3}}, RED, "first"},
    {{{-2, 7}, {9, -1}}, BLUE, "second"},
    {{{1, 1}, {1, 1}}, GREEN, ""},
};

static int area(const struct rect *r) {
  int w = r->corner[1].x - r->corner[0].x;
  int h = r->corner[1].y - r->corner[0].y;
  int a = w * h;
  return a < 0 ? -a : a; // @bp: area hits=1,2 globals=shapes
}

int main(void) {
  struct flags f = {1, -5, 6, 'Z', 1};
  union word u = {0x11223344u};
  point_t origin = {-1, 2};
  struct rect *big = &shapes[1];
  colour odd = (colour)3;
  int total = 0;
  for (int k = 0; k < 3; k++) {
    total += area(&shapes[k]);
    f.level = (int)(f.level + 3);
    u.halves[k & 1] = (unsigned short)(u.halves[k & 1] + 0x0101 * k); // @bp: loop hits=1,3
  }
  f.ok = total > 100;
  printf("%d %u %d %d %d\n", total, u.whole, origin.x, big->fill, (int)odd); // @bp: end hits=1
  return 0;
}
