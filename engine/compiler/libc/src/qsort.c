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

static void insertion(const struct sorter *s, char *lo, char *hi) {
  for (char *i = lo + s->size; i <= hi; i += s->size)
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

static void introsort(const struct sorter *s, char *lo, char *hi, int depth) {
  size_t size = s->size;
  for (;;) {
    size_t n = (size_t)(hi - lo) / size + 1;
    if (n <= 12) {
      insertion(s, lo, hi);
      return;
    }
    if (depth-- == 0) {
      heapsort_range(s, lo, n);
      return;
    }
    /* Median of three to lo, hi, and the pivot at mid, which then moves to lo. */
    char *mid = lo + (n >> 1) * size;
    if (s->cmp(mid, lo) < 0) swap(s, mid, lo);
    if (s->cmp(hi, mid) < 0) {
      swap(s, hi, mid);
      if (s->cmp(mid, lo) < 0) swap(s, mid, lo);
    }
    swap(s, lo, mid);
    char *i = lo, *j = hi + size;
    for (;;) {
      do i += size;
      while (i < hi && s->cmp(i, lo) < 0);
      do j -= size;
      while (s->cmp(lo, j) < 0);
      if (i >= j) break;
      swap(s, i, j);
    }
    swap(s, lo, j);
    /* Recurse into the smaller side, loop on the larger: stack depth stays O(log n). */
    if (j - lo < hi - j) {
      if (j - size > lo) introsort(s, lo, j - size, depth);
      lo = j + size;
    } else {
      if (j + size < hi) introsort(s, j + size, hi, depth);
      hi = j - size;
    }
    if (lo >= hi) return;
  }
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp) {
  if (n < 2 || size == 0) return;
  struct sorter s = {size, cmp, (size & 3) == 0 && ((uintptr_t)base & 3) == 0};
  int depth = 0;
  for (size_t m = n; m > 1; m >>= 1) depth += 2;
  introsort(&s, (char *)base, (char *)base + (n - 1) * size, depth);
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
