// A linked list in a global pool: pointers followed by what they point at, 64-bit keys, statics.
#include <stdio.h>

struct node {
  unsigned long long key;
  int value;
  struct node *next;
};

static struct node pool[6];
static int used = 0;
struct node *head = 0;

static struct node *push(unsigned long long key, int value) {
  struct node *n = &pool[used++];
  n->key = key;
  n->value = value;
  n->next = head;
  head = n; // @bp: push hits=1,3,6 globals=used
  return n;
}

int main(void) {
  unsigned long long key = 1;
  struct node *last = 0;
  for (int i = 0; i < 6; i++) {
    key = key * 0x100000001ULL + 7;
    last = push(key, -i * 1000);
  }
  long long sum = 0;
  struct node *walk = head;
  while (walk) {
    sum += walk->value;
    walk = walk->next; // @bp: walk hits=1,5 globals=head
  }
  printf("%lld %llu\n", sum, last->key); // @bp: end hits=1
  return 0;
}
