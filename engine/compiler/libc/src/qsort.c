/* qsort (introsort: median-of-three quicksort, insertion sort for short runs, heapsort when the
 * recursion gets too deep, so O(n log n) always, no allocation) and bsearch. For a total order
 * the result is the one sorted order, the same as glibc's. Elements are swapped a word at a time
 * when the size and base allow, else a byte at a time. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

/* Loops are not unrolled: the remainder of an unrolled loop is a lowered `& 3` on the machine. */
static void swap_bytes(char *a, char *b, size_t size) {
#pragma clang loop unroll(disable)
  for (size_t i = 0; i < size; i++) {
    char t = a[i];
    a[i] = b[i];
    b[i] = t;
  }
}

static void swap_words(char *a, char *b, size_t size) {
#pragma clang loop unroll(disable)
  for (size_t i = 0; i < size; i += 4) {
    uint32_t t = *(uint32_t *)(a + i);
    *(uint32_t *)(a + i) = *(uint32_t *)(b + i);
    *(uint32_t *)(b + i) = t;
  }
}

struct sorter {
  size_t size;
  cmp_fn cmp;
  int words;
};

static inline void swap(const struct sorter *s, char *a, char *b) {
  if (a == b) return;
  if (s->words) swap_words(a, b, s->size);
  else swap_bytes(a, b, s->size);
}

static void insertion(const struct sorter *s, char *lo, size_t n) {
  char *end = lo + n * s->size;
  for (char *i = lo + s->size; i < end; i += s->size)
    for (char *j = i; j > lo && s->cmp(j - s->size, j) > 0; j -= s->size) swap(s, j - s->size, j);
}

/* Heapsort of the n elements at base (the fallback that bounds the worst case). */
static void sift(const struct sorter *s, char *base, size_t root, size_t n) {
  for (;;) {
    size_t child = root + root + 1;
    if (child >= n) return;
    char *c = base + child * s->size;
    if (child + 1 < n && s->cmp(c, c + s->size) < 0) {
      child++;
      c += s->size;
    }
    char *r = base + root * s->size;
    if (s->cmp(r, c) >= 0) return;
    swap(s, r, c);
    root = child;
  }
}

static void heapsort_range(const struct sorter *s, char *base, size_t n) {
  for (size_t i = n / 2; i-- > 0;) sift(s, base, i, n);
  for (size_t end = n - 1; end > 0; end--) {
    swap(s, base, base + end * s->size);
    sift(s, base, 0, end);
  }
}

/* Sorts the n elements at lo. Counts travel with the pointers, so that no byte distance has to
 * be divided by the element size (a division is a lowered helper call on the machine). */
static void introsort(const struct sorter *s, char *lo, size_t n, int depth) {
  size_t size = s->size;
  for (;;) {
    if (n <= 12) {
      insertion(s, lo, n);
      return;
    }
    if (depth-- == 0) {
      heapsort_range(s, lo, n);
      return;
    }
    /* Median of three to lo, hi, and the pivot at mid, which then moves to lo. */
    char *hi = lo + (n - 1) * size;
    char *mid = lo + (n >> 1) * size;
    if (s->cmp(mid, lo) < 0) swap(s, mid, lo);
    if (s->cmp(hi, mid) < 0) {
      swap(s, hi, mid);
      if (s->cmp(mid, lo) < 0) swap(s, mid, lo);
    }
    swap(s, lo, mid);
    char *i = lo, *j = hi + size;
    size_t jn = n; /* j's index */
    for (;;) {
      do i += size;
      while (i < hi && s->cmp(i, lo) < 0);
      do {
        j -= size;
        jn--;
      } while (s->cmp(lo, j) < 0);
      if (i >= j) break;
      swap(s, i, j);
    }
    swap(s, lo, j);
    /* Recurse into the smaller side, loop on the larger: stack depth stays O(log n). */
    size_t left = jn, right = n - jn - 1;
    if (left < right) {
      if (left > 1) introsort(s, lo, left, depth);
      lo = j + size;
      n = right;
    } else {
      if (right > 1) introsort(s, j + size, right, depth);
      n = left;
    }
    if (n < 2) return;
  }
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp) {
  if (n < 2 || size == 0) return;
  struct sorter s = {size, cmp, (size & 3) == 0 && ((uintptr_t)base & 3) == 0};
  int depth = 0; /* 2 log2(n), by doubling (a right shift is a lowered helper call) */
  for (size_t m = 1; m < n; m += m) depth += 2;
  introsort(&s, (char *)base, n, depth);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size, cmp_fn cmp) {
  const char *lo = (const char *)base;
  while (n > 0) {
    const char *mid = lo + (n >> 1) * size;
    int c = cmp(key, mid);
    if (c == 0) return (void *)mid;
    if (c > 0) {
      lo = mid + size;
      n -= (n >> 1) + 1;
    } else {
      n >>= 1;
    }
  }
  return 0;
}
