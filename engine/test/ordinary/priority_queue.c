// priority_queue: a binary min-heap of (priority, id) pairs used as an event queue and for
// Dijkstra's shortest paths on a small weighted graph given as an edge list.
#include <stdio.h>
#include <stdlib.h>

struct item {
  int prio, id;
};

struct heap {
  struct item *a;
  int n, cap;
};

static int less(struct item x, struct item y) { return x.prio < y.prio || (x.prio == y.prio && x.id < y.id); }

static void push(struct heap *h, int prio, int id) {
  if (h->n == h->cap) {
    h->cap = h->cap ? h->cap * 2 : 4;
    h->a = realloc(h->a, (size_t)h->cap * sizeof *h->a);
  }
  int i = h->n++;
  h->a[i] = (struct item){prio, id};
  while (i > 0 && less(h->a[i], h->a[(i - 1) / 2])) {
    struct item t = h->a[i];
    h->a[i] = h->a[(i - 1) / 2];
    h->a[(i - 1) / 2] = t;
    i = (i - 1) / 2;
  }
}

static struct item pop(struct heap *h) {
  struct item top = h->a[0];
  h->a[0] = h->a[--h->n];
  int i = 0;
  for (;;) {
    int l = 2 * i + 1, r = l + 1, m = i;
    if (l < h->n && less(h->a[l], h->a[m])) m = l;
    if (r < h->n && less(h->a[r], h->a[m])) m = r;
    if (m == i) break;
    struct item t = h->a[i];
    h->a[i] = h->a[m];
    h->a[m] = t;
    i = m;
  }
  return top;
}

#define NODES 7
static const int edges[][3] = {{0, 1, 7}, {0, 2, 9}, {0, 5, 14}, {1, 2, 10}, {1, 3, 15}, {2, 3, 11},
                               {2, 5, 2}, {3, 4, 6},  {4, 5, 9},  {5, 6, 1},  {6, 4, 3}};

int main(void) {
  struct heap h = {NULL, 0, 0};
  int prios[] = {5, 1, 9, 1, 7, 3, 3, 0, 8};
  for (int i = 0; i < 9; i++) push(&h, prios[i], i);
  printf("events:");
  while (h.n) {
    struct item it = pop(&h);
    printf(" (%d,#%d)", it.prio, it.id);
  }
  printf("\n");
  int dist[NODES], prev[NODES];
  for (int i = 0; i < NODES; i++) dist[i] = -1, prev[i] = -1;
  dist[0] = 0;
  push(&h, 0, 0);
  int pops = 0;
  while (h.n) {
    struct item it = pop(&h);
    pops++;
    if (it.prio > dist[it.id]) continue;
    for (size_t e = 0; e < sizeof edges / sizeof edges[0]; e++) {
      for (int dir = 0; dir < 2; dir++) {
        int from = edges[e][dir], to = edges[e][1 - dir], w = edges[e][2];
        if (from != it.id) continue;
        int d = it.prio + w;
        if (dist[to] < 0 || d < dist[to]) {
          dist[to] = d;
          prev[to] = from;
          push(&h, d, to);
        }
      }
    }
  }
  printf("%d pops\n", pops);
  for (int v = 0; v < NODES; v++) {
    printf("node %d: distance %2d, path", v, dist[v]);
    int path[NODES], k = 0;
    for (int u = v; u >= 0; u = prev[u]) path[k++] = u;
    while (k) printf(" %d", path[--k]);
    printf("\n");
  }
  free(h.a);
  return 0;
}
