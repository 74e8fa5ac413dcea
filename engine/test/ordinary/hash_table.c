// hash_table: word frequencies from standard input in a hash table with separate chaining
// (FNV-1a 32-bit hash), growing by doubling when the load factor passes 3/4; prints the table's
// shape after each resize and the most frequent words.
// stdin: it was the best of times it was the worst of times\nit was the age of wisdom it was the age of foolishness\nit was the epoch of belief it was the epoch of incredulity\nit was the season of light it was the season of darkness\n
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *word;
  int count;
  struct entry *next;
};

struct table {
  struct entry **buckets;
  uint32_t size, used;
};

static uint32_t fnv1a(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static void resize(struct table *t, uint32_t size) {
  struct entry **b = calloc(size, sizeof *b);
  for (uint32_t i = 0; i < t->size; i++) {
    struct entry *e = t->buckets[i];
    while (e) {
      struct entry *next = e->next;
      uint32_t k = fnv1a(e->word) & (size - 1);
      e->next = b[k];
      b[k] = e;
      e = next;
    }
  }
  free(t->buckets);
  t->buckets = b;
  t->size = size;
  uint32_t longest = 0, empty = 0;
  for (uint32_t i = 0; i < size; i++) {
    uint32_t len = 0;
    for (struct entry *e = b[i]; e; e = e->next) len++;
    if (len > longest) longest = len;
    if (!len) empty++;
  }
  printf("resized to %u buckets: %u words, %u empty, longest chain %u\n", size, t->used, empty, longest);
}

static void add(struct table *t, const char *w) {
  uint32_t k = fnv1a(w) & (t->size - 1);
  for (struct entry *e = t->buckets[k]; e; e = e->next)
    if (strcmp(e->word, w) == 0) {
      e->count++;
      return;
    }
  struct entry *e = malloc(sizeof *e);
  e->word = malloc(strlen(w) + 1);
  strcpy(e->word, w);
  e->count = 1;
  e->next = t->buckets[k];
  t->buckets[k] = e;
  if (++t->used * 4 > t->size * 3) resize(t, t->size * 2);
}

int main(void) {
  struct table t = {calloc(4, sizeof(struct entry *)), 4, 0};
  char w[32];
  int len = 0, c, total = 0;
  while ((c = getchar()) != EOF || len) {
    if (c != EOF && isalpha(c)) {
      if (len < 31) w[len++] = (char)tolower(c);
      continue;
    }
    if (len) {
      w[len] = '\0';
      add(&t, w);
      total++;
      len = 0;
    }
    if (c == EOF) break;
  }
  printf("%d words, %u distinct, fnv1a(\"the\") = %08x\n", total, t.used, fnv1a("the"));
  for (int round = 0; round < 3; round++) {
    struct entry *best = NULL;
    for (uint32_t i = 0; i < t.size; i++)
      for (struct entry *e = t.buckets[i]; e; e = e->next)
        if (!best || e->count > best->count || (e->count == best->count && strcmp(e->word, best->word) < 0)) best = e;
    printf("#%d %s %d\n", round + 1, best->word, best->count);
    best->count = -best->count;
  }
  for (uint32_t i = 0; i < t.size; i++) {
    struct entry *e = t.buckets[i];
    while (e) {
      struct entry *next = e->next;
      free(e->word);
      free(e);
      e = next;
    }
  }
  free(t.buckets);
  return 0;
}
