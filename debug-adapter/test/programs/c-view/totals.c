// Running totals over a basket of structs: one of the gdb oracle's programs, and the one the
// end-to-end test debugs in a real VS Code (Variables pane by name, a struct expanded, a hover).
#include <stdio.h>

struct item {
  int price;
  int count;
};

int main(void) {
  struct item basket[3] = {{250, 2}, {99, 5}, {1200, 1}};
  struct item best = {0, 0};
  int total = 0;
  for (int i = 0; i < 3; i++) {
    total += basket[i].price * basket[i].count;
    if (basket[i].price > best.price) best = basket[i];
    printf("%d\n", total); // @bp: tally hits=1,2,3
  }
  printf("total %d, best %d\n", total, best.price); // @bp: end hits=1
  return 0;
}
