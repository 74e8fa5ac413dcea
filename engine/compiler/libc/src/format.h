/* What printf.c shares with fmt_float.c: where formatted bytes go (a sink) and a conversion's
 * flags, width and precision. */
#ifndef TVM_FORMAT_H
#define TVM_FORMAT_H
#include <stddef.h>

#include "tvm_sys.h"

/* Where formatted bytes go: the output (buf == 0) or buf[0 .. cap-1) with room for the NUL.
 * `count` is every byte produced, stored or not (printf's and snprintf's return value). */
struct sink {
  char *buf;
  size_t cap;
  size_t count;
};

static inline void put(struct sink *s, int c) {
  if (!s->buf) __tvm_write(c & 0xff);
  else if (s->count + 1 < s->cap) s->buf[s->count] = (char)c;
  s->count++;
}

/* A conversion specification's flags, width and precision (-1: none). Flags are separate ints,
 * not bits of one word: testing a bit is a lowered `and` on the machine. */
struct spec {
  int minus, plus, space, hash, zero;
  int width, prec;
};

void __tvm_put_n(struct sink *s, const char *p, int n);
void __tvm_pad(struct sink *s, int c, int n);

/* Powers of ten 1e9 .. 1 (printf.c). */
extern const unsigned int __tvm_pow10_32[10];

/* One floating-point conversion (conv is one of f F e E g G a A) of the double with these bits.
 * Weak: linked only into programs that use floating point (the compiler asks for it then, see
 * engine/compiler/clang.ts usesFloatingPoint), so printf alone stays small. */
__attribute__((weak)) void __tvm_fmt_float(struct sink *s, unsigned long long bits, int conv,
                                           const struct spec *sp);
#endif
