/*
 * The machine services the C library is built on (tvm_sys.h): output, standard input, the end of
 * a run and the heap's bounds. In the library archive, so that a `compute` program that calls the
 * library gets them too; the runtime start (crt.c) points standard input at the input.
 */
#include "tvm_sys.h"

__attribute__((import_module("env"), import_name("output_byte"))) void tvm_output_byte(int byte);
/* Both end the run: the compiler turns them into `halt 0x100` (the status is the operand stack's
 * top, so the transformer's own tokens carry it) and `halt 0x101` (abort). */
__attribute__((import_module("tvm"), import_name("exit"))) _Noreturn void tvm_halt_exit(int status);
__attribute__((import_module("tvm"), import_name("abort"))) _Noreturn void tvm_halt_abort(void);

enum { ESCAPE = 1 };

/* The next unread byte of standard input, decoded as it is read (crt.c sets it; a `compute`
 * program has no standard input). */
const unsigned char *__tvm_stdin;
static unsigned char *heap_start;
extern unsigned char __heap_base;

void __tvm_write(int byte) { tvm_output_byte(byte); }

int __tvm_read(void) {
  const unsigned char *p = __tvm_stdin;
  if (!p) return -1;
  int c = *p;
  if (c == 0) return -1; /* the input's terminator: end of standard input */
  p++;
  if (c == ESCAPE) c = *p++ - 1;
  __tvm_stdin = p;
  return c;
}

_Noreturn void __tvm_exit(int status) { tvm_halt_exit(status); }

_Noreturn void __tvm_abort(void) { tvm_halt_abort(); }

void *__tvm_heap_start(void) {
  if (!heap_start) {
    /* Above the input (at the linker's heap base, 16-aligned, in either kind of program): find its
     * terminator once, then align to 16 bytes. */
    const unsigned char *p = __tvm_stdin;
    if (!p) {
      unsigned int base = (unsigned int)&__heap_base, pad = 16 - (base & 15);
      p = (const unsigned char *)(base + (pad == 16 ? 0 : pad));
    }
    while (*p) p++;
    unsigned int a = (unsigned int)(p + 1);
    unsigned int pad = 16 - (a & 15);
    heap_start = (unsigned char *)(a + (pad == 16 ? 0 : pad));
  }
  return heap_start;
}

/* The end of the machine's 16 MiB: a program with main() has all of it from the start; a
 * `compute` program's memory is grown to it the first time the heap is needed. */
void *__tvm_heap_end(void) {
  unsigned int pages = __builtin_wasm_memory_size(0);
  if (pages < 256 && __builtin_wasm_memory_grow(0, 256 - pages) != (unsigned int)-1) pages = 256;
  return (void *)(pages * 65536u);
}
