// linked_list: a singly linked list with malloc/free: sorted insertion, removal by value,
// in-place reversal, merging two sorted lists, and freeing everything (checked by counting).
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

static int live_nodes;

static struct node *new_node(int v, struct node *next) {
  struct node *n = malloc(sizeof *n);
  if (!n) {
    puts("out of memory");
    exit(1);
  }
  n->value = v;
  n->next = next;
  live_nodes++;
  return n;
}

static void insert_sorted(struct node **head, int v) {
  while (*head && (*head)->value < v) head = &(*head)->next;
  *head = new_node(v, *head);
}

static int remove_value(struct node **head, int v) {
  int removed = 0;
  while (*head) {
    if ((*head)->value == v) {
      struct node *dead = *head;
      *head = dead->next;
      free(dead);
      live_nodes--;
      removed++;
    } else head = &(*head)->next;
  }
  return removed;
}

static struct node *reverse(struct node *h) {
  struct node *prev = NULL;
  while (h) {
    struct node *next = h->next;
    h->next = prev;
    prev = h;
    h = next;
  }
  return prev;
}

static struct node *merge(struct node *a, struct node *b) {
  struct node head = {0, NULL}, *tail = &head;
  while (a && b) {
    struct node **take = a->value <= b->value ? &a : &b;
    tail->next = *take;
    tail = *take;
    *take = (*take)->next;
  }
  tail->next = a ? a : b;
  return head.next;
}

static void print(const char *label, const struct node *h) {
  printf("%s:", label);
  for (; h; h = h->next) printf(" %d", h->value);
  printf(" (live %d)\n", live_nodes);
}

static void free_list(struct node *h) {
  while (h) {
    struct node *next = h->next;
    free(h);
    live_nodes--;
    h = next;
  }
}

int main(void) {
  struct node *a = NULL, *b = NULL;
  int values[] = {5, 3, 9, 3, 1, 7, 3, 12, -4};
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) insert_sorted(&a, values[i]);
  for (int i = 0; i < 6; i++) insert_sorted(&b, i * 4 - 2);
  print("a", a);
  print("b", b);
  printf("removed %d threes\n", remove_value(&a, 3));
  printf("removed %d forty-twos\n", remove_value(&a, 42));
  print("a", a);
  struct node *m = merge(a, b);
  print("merged", m);
  m = reverse(m);
  print("reversed", m);
  free_list(m);
  printf("after free: %d live nodes\n", live_nodes);
  return live_nodes;
}
