/*
 * The C runtime start: what runs between the machine's prologue and main(), and the machine
 * services the C library is built on (tvm_sys.h).
 *
 *   prologue: input_base; data; call __tvm_start(input)   (engine/compiler/compile.ts)
 *   __tvm_start: decode argv from the input, call main, exit() with what main returns
 *   __tvm_read: standard input, read in place from the rest of the input
 *   __tvm_exit / __tvm_abort: a `halt` the compiler emits for the tvm.exit / tvm.abort imports
 *
 * The input (docs/token-programs.md, "Program input") is the words of argv, argv[0] first, each
 * ended by 0x02, then 0x03, then standard input to the end. The input section cannot hold a NUL,
 * so the bytes 0x00..0x03 inside a word or standard input are written as 0x01 followed by the byte
 * plus one. Decoding happens here, on the machine: the transformer reads argv and stdin like any
 * other input.
 */
#include "tvm_sys.h"

__attribute__((import_module("env"), import_name("output_byte"))) void tvm_output_byte(int byte);
/* Both end the run: the compiler turns them into `halt 0x100` (the status is the operand stack's
 * top, so the transformer's own tokens carry it) and `halt 0x101` (abort). */
__attribute__((import_module("tvm"), import_name("exit"))) _Noreturn void tvm_halt_exit(int status);
__attribute__((import_module("tvm"), import_name("abort"))) _Noreturn void tvm_halt_abort(void);

void exit(int status) __attribute__((noreturn));

enum { ESCAPE = 1, END_OF_WORD = 2, END_OF_ARGS = 3 };

/* The next unread byte of standard input (decoded lazily, in place, by __tvm_read). */
static const unsigned char *stdin_at;
static unsigned char *heap_start;

/* __tvm_progname is defined by the library (exit.c), with "" until set here. */

void __tvm_write(int byte) { tvm_output_byte(byte); }

int __tvm_read(void) {
  int c = *stdin_at;
  if (c == 0) return -1; /* the input's terminator: end of standard input */
  stdin_at++;
  if (c == ESCAPE) c = *stdin_at++ - 1;
  return c;
}

_Noreturn void __tvm_exit(int status) { tvm_halt_exit(status); }

_Noreturn void __tvm_abort(void) { tvm_halt_abort(); }

void *__tvm_heap_start(void) {
  if (!heap_start) {
    /* Above the input: find its terminator once, then align to 16 bytes. */
    const unsigned char *p = stdin_at;
    while (*p) p++;
    unsigned int a = (unsigned int)(p + 1);
    unsigned int pad = 16 - (a & 15);
    heap_start = (unsigned char *)(a + (pad == 16 ? 0 : pad));
  }
  return heap_start;
}

void *__tvm_heap_end(void) { return (void *)(__builtin_wasm_memory_size(0) * 65536u); }

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
  stdin_at = rest;
  if (argc > 0) __tvm_progname = argv[0];
  exit(main(argc, argv));
}
