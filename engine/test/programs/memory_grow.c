// args: 3 10 300 1 0
// covers: memory.size and memory.grow: growth within the machine's 256 pages (16 MiB) returns the old size, beyond it -1
void compute(const char *input) {
  const char *s = input;
  unsigned long start = __builtin_wasm_memory_size(0);
  printf("grew by 0 so far: %d\n", (int)(__builtin_wasm_memory_size(0) - start));
  while (*s) {
    while (*s == ' ') s++;
    if (!*s) break;
    int pages = parse_int(s);
    while (*s && *s != ' ') s++;
    unsigned long before = __builtin_wasm_memory_size(0);
    long old = (long)__builtin_wasm_memory_grow(0, (unsigned long)pages);
    unsigned long after = __builtin_wasm_memory_size(0);
    printf("grow %d: %s, size +%d\n", pages, old < 0 ? "failed" : old == (long)before ? "old size" : "wrong",
           (int)(after - before));
    if (old >= 0 && pages > 0) {
      /* the new pages are there and zeroed */
      volatile unsigned char *p = (volatile unsigned char *)(before * 65536);
      printf("new page byte %d\n", p[pages * 65536 - 1]);
      p[0] = 7;
    }
  }
  printf("total growth %d pages\n", (int)(__builtin_wasm_memory_size(0) - start));
  /* everything that remains, then one page too many */
  long room = 256 - (long)__builtin_wasm_memory_size(0);
  printf("fill %s\n", (long)__builtin_wasm_memory_grow(0, (unsigned long)room) >= 0 ? "ok" : "failed");
  printf("one more %d\n", (int)__builtin_wasm_memory_grow(0, 1));
  printf("huge %d\n", (int)__builtin_wasm_memory_grow(0, 0xffffffffUL));
}
