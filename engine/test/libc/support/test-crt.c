/* A test-only C runtime start for the C library's tests (the real one is
 * engine/compiler/libc/src/crt.c): the machine services over JavaScript imports, and an entry
 * `run` that calls main with argv = {"libc-test"} and exits with its result. */
#include <stddef.h>
#include <stdlib.h>

#include "../../../compiler/libc/src/tvm_sys.h"

__attribute__((import_module("env"), import_name("write_byte"))) void js_write_byte(int b);
__attribute__((import_module("env"), import_name("read_byte"))) int js_read_byte(void);
__attribute__((import_module("env"), import_name("exit"))) _Noreturn void js_exit(int status);
__attribute__((import_module("env"), import_name("abort"))) _Noreturn void js_abort(void);

extern unsigned char __heap_base;

void __tvm_write(int byte) { js_write_byte(byte & 0xff); }
int __tvm_read(void) { return js_read_byte(); }
_Noreturn void __tvm_exit(int status) { js_exit(status); }
_Noreturn void __tvm_abort(void) { js_abort(); }
void *__tvm_heap_start(void) { return &__heap_base; }
/* The memory's size at start: the harness gives the module a fixed memory (no growth). */
void *__tvm_heap_end(void) { return (void *)(__builtin_wasm_memory_size(0) * 65536); }

int main(int argc, char **argv);

void run(void) {
  static char name[] = "libc-test";
  static char *argv[] = {name, 0};
  __tvm_progname = name;
  exit(main(1, argv));
}
