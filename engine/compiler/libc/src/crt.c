/*
 * The C runtime start: what runs between the machine's prologue and main().
 *
 *   prologue: input_base; data; call __tvm_start(input)   (engine/compiler/compile.ts)
 *   __tvm_start: decode argv from the input, call main, exit() with what main returns
 * The machine services (standard input read in place from the rest of the input, the end of a
 * run, the heap) are in sys.c.
 *
 * The input (docs/token-programs.md, "Program input") is the words of argv, argv[0] first, each
 * ended by 0x02, then 0x03, then standard input to the end. The input section cannot hold a NUL,
 * so the bytes 0x00..0x03 inside a word or standard input are written as 0x01 followed by the byte
 * plus one. Decoding happens here, on the machine: the transformer reads argv and stdin like any
 * other input.
 */
#include "tvm_sys.h"

void exit(int status) __attribute__((noreturn));

/* sys.c: the next unread byte of standard input. */
extern const unsigned char *__tvm_stdin;

enum { ESCAPE = 1, END_OF_WORD = 2, END_OF_ARGS = 3 };

/* Freestanding, clang keeps the name `main` and gives main(void) a two-argument wrapper, so
 * either form of main is called the same way. */
int main(int argc, char **argv);

/* Decodes the words at `p` in place (a decoded word is never longer than its encoding), storing
 * their starts in argv when it is given; returns their number. Written as compares against one
 * byte at a time: clang would otherwise merge them into bit tests, which the machine lowers. */
static int decode_words(unsigned char *p, char **argv, const unsigned char **rest) {
  int n = 0;
  unsigned char *w = p;
  for (;;) {
    unsigned int c = *p;
    if (c == END_OF_ARGS) {
      p++;
      break;
    }
    if (c == 0) break;
    if (argv) argv[n] = (char *)w;
    for (;;) {
      c = *p;
      if (c > END_OF_ARGS) {
        p++;
      } else if (c == ESCAPE) {
        c = p[1] - 1u;
        p += 2;
      } else {
        break;
      }
      if (argv) *w++ = (unsigned char)c;
    }
    if (c == END_OF_WORD) p++;
    if (argv) *w++ = 0;
    n++;
  }
  *rest = p;
  return n;
}

__attribute__((visibility("default"), noreturn)) void __tvm_start(unsigned char *input) {
  const unsigned char *rest;
  int argc = decode_words(input, 0, &rest);
  char *argv[argc + 1];
  decode_words(input, argv, &rest);
  argv[argc] = 0;
  __tvm_stdin = rest;
  if (argc > 0) __tvm_progname = argv[0];
  exit(main(argc, argv));
}
