// DWARF reader fixture: functions that clang inlines at -O2, locals in nested blocks, values that
// live in WebAssembly locals and on the operand stack, 64-bit values (engine/test/dwarf-info.test.ts).
#include <stdio.h>
#include <stdint.h>

static inline uint32_t mix(uint32_t h, uint32_t v) {
  uint32_t x = h ^ v;
  x *= 16777619u;
  return x ^ (x >> 13);
}

static inline int clamp(int v, int lo, int hi) {
  if (v < lo) return lo;
  if (v > hi) return hi;
  return v;
}

static uint64_t fold(const uint32_t *values, int n) {
  uint64_t acc = 0;
  for (int i = 0; i < n; i++) {
    uint32_t h = mix(2166136261u, values[i]);
    acc = (acc << 7) ^ h ^ (acc >> 3);
  }
  return acc;
}

int main(void) {
  uint32_t values[16];
  int total = 0;
  for (int i = 0; i < 16; i++) {
    values[i] = (uint32_t)(i * 2654435761u);
    int c = clamp((int)(values[i] % 1000) - 500, -100, 100);
    total += c;
  }
  {
    int64_t big = (int64_t)total * -1234567891011ll;
    printf("%d %lld\n", total, (long long)big);
  }
  printf("%llu\n", (unsigned long long)fold(values, 16));
  return 0;
}
