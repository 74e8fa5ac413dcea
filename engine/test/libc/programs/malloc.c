/* The allocator: random malloc/calloc/realloc/free sequences whose blocks are filled with a
 * pattern and checked (contents survive, blocks do not overlap), alignment, reuse of freed
 * memory (1 MiB allocated and freed a thousand times), calloc's zeroing and overflow, and, on
 * the machine, running out of memory (NULL with ENOMEM, then everything usable again). Only
 * facts that hold for any correct allocator are printed, so glibc prints the same. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 99;
static uint32_t rnd(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}

#define SLOTS 300
static unsigned char *ptr[SLOTS];
static size_t len[SLOTS];
static unsigned char tag[SLOTS];

static int check(int i) {
  for (size_t k = 0; k < len[i]; k++)
    if (ptr[i][k] != (unsigned char)(tag[i] + k)) return 0;
  return 1;
}
static void fill(int i) {
  for (size_t k = 0; k < len[i]; k++) ptr[i][k] = (unsigned char)(tag[i] + k);
}

static size_t random_size(void) {
  switch (rnd() % 8) {
  case 0: return rnd() % 4;
  case 1: return rnd() % 4096;
  case 2: return rnd() % 40000;
  default: return rnd() % 200;
  }
}

int main(void) {
  int bad = 0, misaligned = 0, ops = 0;
  for (int step = 0; step < 30000; step++) {
    int i = (int)(rnd() % SLOTS);
    int what = (int)(rnd() % 4);
    if (ptr[i] && !check(i)) bad++;
    if (what == 0 && ptr[i]) {
      free(ptr[i]);
      ptr[i] = 0;
    } else if (what == 1 && ptr[i]) {
      size_t n = random_size();
      unsigned char *q = realloc(ptr[i], n);
      if (!q && n) continue;
      ptr[i] = q;
      if (n < len[i]) len[i] = n;
      if (!check(i)) bad++;
      len[i] = n;
      fill(i);
    } else {
      free(ptr[i]);
      size_t n = random_size();
      ptr[i] = what == 2 ? calloc(n, 1) : malloc(n);
      if (!ptr[i]) {
        bad++;
        continue;
      }
      if (what == 2)
        for (size_t k = 0; k < n; k++) bad += ptr[i][k] != 0;
      len[i] = n;
      tag[i] = (unsigned char)rnd();
      fill(i);
    }
    if (ptr[i] && ((uintptr_t)ptr[i] & 7)) misaligned++;
    ops++;
    /* Every 1000 steps: all live blocks intact (an overlap would have overwritten one). */
    if (step % 1000 == 999)
      for (int j = 0; j < SLOTS; j++)
        if (ptr[j] && !check(j)) bad++;
  }
  for (int j = 0; j < SLOTS; j++) {
    if (ptr[j] && !check(j)) bad++;
    free(ptr[j]);
    ptr[j] = 0;
  }
  printf("random: %d operations, %d bad, %d misaligned\n", ops, bad, misaligned);

  int failed = 0;
  for (int k = 0; k < 1000; k++) {
    char *p = malloc(1 << 20);
    if (!p) failed++;
    else p[k] = (char)k, p[(1 << 20) - 1] = 1;
    free(p);
  }
  printf("1 MiB x 1000: %d failed\n", failed);
  for (int k = 0; k < 200; k++) {
    char *a = malloc(100000 + k), *b = malloc(50 + k), *c = malloc(300000);
    if (!a || !b || !c) failed++;
    free(b);
    free(a);
    free(c);
  }
  printf("mixed: %d failed\n", failed);

  char *g = malloc(10);
  strcpy(g, "grow me");
  for (size_t n = 16; n < 200000; n = n * 3 / 2) {
    g = realloc(g, n);
    if (!g || strcmp(g, "grow me") != 0) failed++;
  }
  g = realloc(g, 4);
  printf("realloc grow/shrink: %d failed, %.4s\n", failed, g);
  free(g);
  char *z = realloc(0, 5);
  printf("realloc(NULL) %d, malloc(0) %d\n", z != 0, malloc(0) != 0);
  free(z);
  free(0);

  int bad_align = 0;
  for (size_t al = 1; al <= 4096; al *= 2) {
    void *p = aligned_alloc(al, al * 3);
    void *q = malloc(24);
    if (!p || ((uintptr_t)p & (al - 1))) bad_align++;
    else memset(p, 0xab, al * 3);
    free(q);
    free(p);
  }
  void *pm = 0;
  int pr = posix_memalign(&pm, 256, 1000);
  printf("aligned_alloc: %d bad; posix_memalign %d aligned %d\n", bad_align, pr, ((uintptr_t)pm & 255) == 0);
  free(pm);

  errno = 0;
  void *huge = calloc(SIZE_MAX / 2, 3);
  printf("calloc overflow: %s errno %d\n", huge ? "not NULL" : "NULL", errno);
  errno = 0;
  huge = malloc(SIZE_MAX - 8);
  printf("malloc(SIZE_MAX - 8): %s errno %d\n", huge ? "not NULL" : "NULL", errno);
  unsigned char *dirty = malloc(5000);
  memset(dirty, 0xee, 5000);
  free(dirty);
  unsigned char *clean = calloc(1000, 5);
  int nonzero = 0;
  for (int k = 0; k < 5000; k++) nonzero += clean[k] != 0;
  printf("calloc zeroed: %d nonzero\n", nonzero);
  free(clean);

#ifdef __wasm__
  /* Exhaust the machine's heap with 1 MiB blocks, then free them and do it again. */
  static void *blocks[4096];
  int first = 0, second = 0;
  while (first < 4096 && (blocks[first] = malloc(1 << 20))) first++;
  int e = errno;
  for (int k = 0; k < first; k++) free(blocks[k]);
  while (second < 4096 && (blocks[second] = malloc(1 << 20))) second++;
  for (int k = 0; k < second; k++) free(blocks[k]);
  char *small = malloc(16);
  printf("exhaustion: %s\n", first > 10 && first == second && e == ENOMEM && small ? "NULL with ENOMEM, then reusable"
                                                                                  : "WRONG");
  free(small);
#else
  printf("exhaustion: NULL with ENOMEM, then reusable\n");
#endif
  return 0;
}
