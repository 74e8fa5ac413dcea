/* malloc, free, calloc, realloc, aligned_alloc over [__tvm_heap_start(), __tvm_heap_end()).
 *
 * Design (boundary tags, segregated free lists):
 * - A block is an 8-byte header, then its payload; blocks start 8-byte aligned and have sizes
 *   that are multiples of 8 (at least 24), so payloads are 8-byte aligned.
 * - The header holds the block's size (a word), whether it is in use and whether the block
 *   before it is in use (a byte each: reading a flag byte is one load, where a flag bit would
 *   need a mask, which the machine lowers). A free block also stores its size in its last word
 *   (the footer), so that freeing the block after it can find its start and merge with it.
 * - Free blocks sit in doubly linked lists by size class (16·2^k bytes and up); malloc takes
 *   the first fitting block of the smallest class that can hold the request and splits off the
 *   rest. free merges a block with free neighbours at once, so no two free blocks are adjacent.
 * - Memory never yet used lies above `top`; the free block just below `top` is merged into it,
 *   so freeing everything gives the whole heap back in one piece.
 * Sizes and classes use only adds, compares and constant shifts: the machine lowers multiply,
 * divide, variable shifts and masks to costly helpers. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "opaque.h"
#include "tvm_sys.h"

#define NBINS 20
#define HEAD 8u
#define MIN_BLOCK 24u

typedef struct block {
  size_t size;
  unsigned char inuse;
  unsigned char prev_inuse;
  unsigned char pad[2];
  struct block *next; /* free blocks only */
  struct block *prev;
} block;

static block *bins[NBINS];
static char *top;       /* the first byte above all blocks; its header's prev_inuse is kept */
static char *heap_end;  /* one past the last usable byte */
static int ready;

static int bin_of(size_t size) {
  int i = 0;
  size_t limit = 2 * MIN_BLOCK;
  while (i < NBINS - 1 && size >= limit) {
    limit += limit;
    i++;
  }
  return i;
}

static block *at(void *p, size_t offset) { return (block *)((char *)p + offset); }

static void unlink_block(block *b) {
  if (b->prev) b->prev->next = b->next;
  else bins[bin_of(b->size)] = b->next;
  if (b->next) b->next->prev = b->prev;
}

/* Makes [b, b+size) a free block (keeping its prev_inuse) and files it. */
static void make_free(block *b, size_t size) {
  b->size = size;
  b->inuse = 0;
  *(size_t *)((char *)b + size - 4) = size;
  at(b, size)->prev_inuse = 0;
  int i = bin_of(size);
  b->prev = 0;
  b->next = bins[i];
  if (bins[i]) bins[i]->prev = b;
  bins[i] = b;
}

/* x mod 8 by compares on its low byte (a whole-byte mask is cheap on the machine; `x & 7` is a
 * lowered helper call). __tvm_opaque keeps clang from folding the compares back into a mask. */
static size_t mod8(size_t x) {
  unsigned int r = (unsigned int)x & 0xff;
  if (r >= 128) r = __tvm_opaque(r - 128);
  if (r >= 64) r = __tvm_opaque(r - 64);
  if (r >= 32) r = __tvm_opaque(r - 32);
  if (r >= 16) r = __tvm_opaque(r - 16);
  if (r >= 8) r = __tvm_opaque(r - 8);
  return r;
}

/* The first block 8-byte aligned; top's header needs HEAD bytes below the end. */
static int init(void) {
  uintptr_t s = (uintptr_t)__tvm_heap_start();
  char *end = (char *)__tvm_heap_end();
  while (mod8(s)) s++; /* once per run */
  heap_end = end;
  if ((char *)s + HEAD > end) return 0;
  top = (char *)s;
  ((block *)top)->prev_inuse = 1;
  ready = 1;
  return 1;
}

/* Block size for a request: header + payload rounded up to 8, at least MIN_BLOCK; 0 if too big. */
static size_t block_size(size_t n) {
  if (n > 0x7ffffff0u) return 0;
  size_t size = n + HEAD + 7;
  size -= mod8(size);
  return size < MIN_BLOCK ? MIN_BLOCK : size;
}

/* Marks b (free, unlinked, `have` bytes) in use for `size` bytes, freeing the rest if it is big
 * enough to be a block. */
static void take(block *b, size_t have, size_t size) {
  b->inuse = 1;
  if (have - size >= MIN_BLOCK) {
    b->size = size;
    block *rest = at(b, size);
    rest->prev_inuse = 1;
    make_free(rest, have - size);
  } else {
    b->size = have;
    at(b, have)->prev_inuse = 1;
  }
}

/* The first free block of at least `size` bytes in the smallest class that can hold it, or 0.
 * (A function of its own: as a loop inside malloc, its exit flag became a bit tested with `& 1`,
 * a lowered helper call on the machine.) */
static block *find_fit(size_t size) {
  for (int i = bin_of(size); i < NBINS; i++)
    for (block *b = bins[i]; b; b = b->next)
      if (b->size >= size) return b;
  return 0;
}

/* New memory from above top, or 0. */
static block *from_top(size_t size) {
  if ((size_t)(heap_end - top) < size + HEAD) return 0;
  block *b = (block *)top;
  b->size = size;
  b->inuse = 1;
  top += size;
  ((block *)top)->prev_inuse = 1;
  return b;
}

void *malloc(size_t n) {
  if (!ready && !init()) {
    errno = ENOMEM;
    return 0;
  }
  size_t size = block_size(n);
  if (!size) {
    errno = ENOMEM;
    return 0;
  }
  block *b = find_fit(size);
  if (b) {
    size_t have = b->size;
    unlink_block(b);
    take(b, have, size);
    return (char *)b + HEAD;
  }
  b = from_top(size);
  if (!b) {
    errno = ENOMEM;
    return 0;
  }
  return (char *)b + HEAD;
}

void free(void *p) {
  if (!p) return;
  block *b = (block *)((char *)p - HEAD);
  size_t size = b->size;
  if (!b->prev_inuse) {
    size_t before = *(size_t *)((char *)b - 4);
    b = (block *)((char *)b - before);
    unlink_block(b);
    size += before;
  }
  char *after = (char *)b + size;
  if (after == top) {
    top = (char *)b; /* b's prev_inuse is already right for top */
    return;
  }
  block *a = (block *)after;
  if (!a->inuse) {
    unlink_block(a);
    size += a->size;
  }
  make_free(b, size);
}

void *calloc(size_t n, size_t size) {
  size_t total;
  /* Multiplication is a lowered helper on this machine; small operands cannot overflow. */
  if (n < 65536 && size < 65536) total = n * size;
  else if (size && n > (size_t)-1 / size) {
    errno = ENOMEM;
    return 0;
  } else total = n * size;
  void *p = malloc(total);
  if (p) memset(p, 0, total);
  return p;
}

void *realloc(void *p, size_t n) {
  if (!p) return malloc(n);
  size_t size = block_size(n);
  if (!size) {
    errno = ENOMEM;
    return 0;
  }
  block *b = (block *)((char *)p - HEAD);
  size_t have = b->size;
  if (have >= size) {
    if (have - size >= MIN_BLOCK) {
      /* Shrink: the tail becomes a block of its own and is freed (merging with what follows). */
      b->size = size;
      block *rest = at(b, size);
      rest->size = have - size;
      rest->inuse = 1;
      rest->prev_inuse = 1;
      free((char *)rest + HEAD);
    }
    return p;
  }
  char *after = (char *)b + have;
  if (after == top) {
    if ((size_t)(heap_end - (char *)b) >= size + HEAD) {
      b->size = size;
      top = (char *)b + size;
      ((block *)top)->prev_inuse = 1;
      return p;
    }
  } else {
    block *a = (block *)after;
    if (!a->inuse && have + a->size >= size) {
      size_t total = have + a->size;
      unlink_block(a);
      take(b, total, size);
      return p;
    }
  }
  void *q = malloc(n);
  if (!q) return 0;
  memcpy(q, p, have - HEAD);
  free(p);
  return q;
}

void *reallocarray(void *p, size_t n, size_t size) {
  if (size && n > (size_t)-1 / size) {
    errno = ENOMEM;
    return 0;
  }
  return realloc(p, n * size);
}

void *aligned_alloc(size_t align, size_t n) {
  if (!align || (align & (align - 1))) {
    errno = EINVAL;
    return 0;
  }
  if (align <= 8) return malloc(n);
  if (n > 0x7ffffff0u - align - 2 * MIN_BLOCK) {
    errno = ENOMEM;
    return 0;
  }
  char *p = (char *)malloc(n + align + MIN_BLOCK);
  if (!p) return 0;
  uintptr_t a = (uintptr_t)p;
  if ((a & (align - 1)) == 0) return p;
  /* The first aligned payload at least MIN_BLOCK past p: the bytes before its block become a
   * free block of their own. */
  uintptr_t want = (a + MIN_BLOCK + align - 1) & ~(uintptr_t)(align - 1);
  block *b = (block *)(p - HEAD);
  size_t have = b->size;
  size_t lead = (size_t)(want - a);
  block *nb = at(b, lead);
  nb->size = have - lead;
  nb->inuse = 1;
  nb->prev_inuse = 1;
  b->size = lead;
  free(p); /* frees the lead, merging it with a free block before it if any */
  return (void *)want;
}

int posix_memalign(void **out, size_t align, size_t n) {
  if (align < sizeof(void *) || (align & (align - 1))) return EINVAL;
  void *p = aligned_alloc(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
