/* The machine services the C library is built on. The C runtime start (crt.c) implements them;
 * everything else in the library reaches the machine only through these. */
#ifndef TVM_SYS_H
#define TVM_SYS_H

void __tvm_write(int byte);             /* one byte of program output; stdout and stderr both go here, in order */
int __tvm_read(void);                   /* the next byte of standard input (0..255), or -1 at its end */
_Noreturn void __tvm_exit(int status);  /* end the run now with this exit status (exit() calls it after atexit handlers) */
_Noreturn void __tvm_abort(void);       /* end the run as abort() does (exit status 134) */
void *__tvm_heap_start(void);           /* first byte malloc may use */
void *__tvm_heap_end(void);             /* one past the last byte malloc may use */
extern const char *__tvm_progname;      /* argv[0] (the crt sets it before main; you define it, default "") */

#endif
