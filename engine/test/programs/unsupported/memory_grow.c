// error: memory.grow
// covers: growing linear memory at run time with __builtin_wasm_memory_grow
void compute(const char *input) {
  int pages = parse_int(input);
  int old = (int)__builtin_wasm_memory_grow(0, (unsigned long)(pages > 0 ? pages : 1)); /* @unsupported */
  printf("%d\n", old);
}
