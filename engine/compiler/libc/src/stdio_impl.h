/* The library's private view of FILE and of the shared digit helpers. Only the three standard
 * streams exist; `fd` says which (0 stdin, 1 stdout, 2 stderr). */
#ifndef TVM_STDIO_IMPL_H
#define TVM_STDIO_IMPL_H
#include <stdio.h>

struct __tvm_file {
  int fd;
  int ungot; /* a byte pushed back by ungetc, or -1 */
  int eof;
  int error;
};

/* The next byte of stdin (honouring ungetc), or EOF; sets the stream's eof flag at the end. */
int __tvm_stdin_getc(void);

/* Powers of ten for printing by subtraction (the machine lowers division). */
extern const unsigned int __tvm_pow10_32[10];

#include "opaque.h"
#endif
