// rand_use: the C library's rand() after srand(seed): the first values, a Fisher-Yates shuffle
// of a deck, dice histograms with rejection sampling, and the same sequence again after
// re-seeding; rand() without srand behaves as srand(1).
// args: 2024
#include <stdio.h>
#include <stdlib.h>

// Three values in order (a call's arguments are evaluated in no fixed order, so not rand() thrice there).
static void print3(const char *label) {
  int a = rand();
  int b = rand();
  int c = rand();
  printf("%s: %d %d %d\n", label, a, b, c);
}

static int roll(int sides) {
  int limit = RAND_MAX - RAND_MAX % sides;
  int r;
  do r = rand();
  while (r >= limit);
  return r % sides + 1;
}

int main(int argc, char **argv) {
  printf("RAND_MAX = %d\n", RAND_MAX);
  print3("unseeded");
  srand(1);
  print3("srand(1)");
  unsigned seed = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 42u;
  srand(seed);
  int first[5];
  for (int i = 0; i < 5; i++) first[i] = rand();
  printf("srand(%u):", seed);
  for (int i = 0; i < 5; i++) printf(" %d", first[i]);
  printf("\n");
  int deck[20];
  for (int i = 0; i < 20; i++) deck[i] = i + 1;
  for (int i = 19; i > 0; i--) {
    int j = rand() % (i + 1);
    int t = deck[i];
    deck[i] = deck[j];
    deck[j] = t;
  }
  printf("shuffled:");
  for (int i = 0; i < 20; i++) printf(" %d", deck[i]);
  printf("\n");
  int hist[13] = {0};
  for (int i = 0; i < 360; i++) hist[roll(6) + roll(6)]++;
  for (int s = 2; s <= 12; s++) {
    printf("%2d %3d ", s, hist[s]);
    for (int k = 0; k < hist[s] / 4; k++) putchar('*');
    putchar('\n');
  }
  srand(seed);
  int same = 1;
  for (int i = 0; i < 5; i++) same &= rand() == first[i];
  printf("re-seeded sequence identical: %s\n", same ? "yes" : "no");
  srand(0);
  print3("srand(0)");
  return 0;
}
