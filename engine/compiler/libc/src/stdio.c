/* The three standard streams and the byte-level stdio functions. stdout and stderr write straight
 * to the machine's output (no buffering, so their bytes stay in order); stdin reads the machine's
 * input with one byte of push-back. Files do not exist: opening one fails with errno set. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "opaque.h"
#include "stdio_impl.h"
#include "tvm_sys.h"

static struct __tvm_file files[3] = {{0, -1, 0, 0}, {1, -1, 0, 0}, {2, -1, 0, 0}};
FILE *const stdin = &files[0];
FILE *const stdout = &files[1];
FILE *const stderr = &files[2];

int __tvm_stdin_getc(void) {
  struct __tvm_file *f = &files[0];
  int c = f->ungot;
  if (c >= 0) {
    f->ungot = -1;
    return c;
  }
  if (f->eof) return EOF;
  c = __tvm_read();
  if (c < 0) {
    f->eof = 1;
    return EOF;
  }
  return c;
}

/* Output streams are fd 1 and 2; anything else is not writable. */
static int writable(FILE *f) {
  if (f->fd == 0) {
    f->error = 1;
    errno = EBADF;
    return 0;
  }
  return 1;
}

int putchar(int c) {
  __tvm_write(c & 0xff);
  return c & 0xff;
}

int fputc(int c, FILE *f) {
  if (!writable(f)) return EOF;
  __tvm_write(c & 0xff);
  return c & 0xff;
}

int putc(int c, FILE *f) { return fputc(c, f); }

int puts(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) __tvm_write(*p);
  __tvm_write('\n');
  size_t n = (size_t)(p - (const unsigned char *)s) + 1;
  return n > 0x7fffffffu ? 0x7fffffff : (int)n; /* glibc returns the bytes written */
}

int fputs(const char *restrict s, FILE *restrict f) {
  if (!writable(f)) return EOF;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) __tvm_write(*p);
  return 1; /* glibc's value for success */
}

size_t fwrite(const void *restrict ptr, size_t size, size_t n, FILE *restrict f) {
  if (!size || !n) return 0;
  if (!writable(f)) return 0;
  const unsigned char *p = (const unsigned char *)ptr;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < size; k++) __tvm_write(*p++);
  return n;
}

/* stdin only; reading an output stream is an error (EBADF), as reading a write-only FILE is. */
static int readable(FILE *f) {
  if (f->fd != 0) {
    f->error = 1;
    errno = EBADF;
    return 0;
  }
  return 1;
}

int getchar(void) { return __tvm_stdin_getc(); }

int fgetc(FILE *f) {
  if (!readable(f)) return EOF;
  return __tvm_stdin_getc();
}

int getc(FILE *f) { return fgetc(f); }

int ungetc(int c, FILE *f) {
  if (c == EOF || f->fd != 0 || f->ungot >= 0) return EOF;
  f->ungot = c & 0xff;
  f->eof = 0;
  return c & 0xff;
}

char *fgets(char *restrict s, int n, FILE *restrict f) {
  if (!readable(f) || n <= 0) return 0;
  int i = 0;
  while (i < n - 1) {
    int c = __tvm_stdin_getc();
    if (c == EOF) {
      if (i == 0) return 0;
      break;
    }
    s[i++] = (char)c;
    if (c == '\n') break;
  }
  s[i] = 0;
  return s;
}

size_t fread(void *restrict ptr, size_t size, size_t n, FILE *restrict f) {
  if (!size || !n) return 0;
  if (!readable(f)) return 0;
  unsigned char *p = (unsigned char *)ptr;
  for (size_t i = 0; i < n; i++) {
    for (size_t k = 0; k < size; k++) {
      int c = __tvm_stdin_getc();
      if (c == EOF) return i;
      *p++ = (unsigned char)c;
    }
  }
  return n;
}

int fflush(FILE *f) {
  (void)f;
  return 0;
}

int feof(FILE *f) {
  if (!f->eof) return 0;
  if (f->ungot >= 0) return 0; /* a byte pushed back is still to be read */
  return (int)__tvm_opaque(1);
}
int ferror(FILE *f) { return f->error; }
void clearerr(FILE *f) {
  f->eof = 0;
  f->error = 0;
}
int fileno(FILE *f) { return f->fd; }

void perror(const char *s) {
  const char *msg = strerror(errno);
  if (s && *s) fputs(s, stderr), fputs(": ", stderr);
  fputs(msg, stderr);
  fputc('\n', stderr);
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size) {
  (void)f, (void)buf, (void)size;
  if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}

void setbuf(FILE *restrict f, char *restrict buf) { (void)f, (void)buf; }

/* There is no file system: reading finds no file, writing finds a read-only one. */
FILE *fopen(const char *restrict path, const char *restrict mode) {
  (void)path;
  errno = mode && mode[0] == 'r' && !strchr(mode, '+') ? ENOENT : EROFS;
  return 0;
}

FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict f) {
  (void)f;
  return fopen(path, mode);
}

FILE *fdopen(int fd, const char *mode) {
  (void)mode;
  if (fd >= 0 && fd <= 2) return &files[fd];
  errno = EBADF;
  return 0;
}

int fclose(FILE *f) {
  (void)f;
  return 0; /* the standard streams stay usable: the output is the machine's */
}

int fseek(FILE *f, long off, int whence) {
  (void)f, (void)off, (void)whence;
  errno = ESPIPE;
  return -1;
}

long ftell(FILE *f) {
  (void)f;
  errno = ESPIPE;
  return -1;
}

void rewind(FILE *f) {
  (void)fseek(f, 0, SEEK_SET);
  f->error = 0;
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos) {
  (void)f, (void)pos;
  errno = ESPIPE;
  return -1;
}

int fsetpos(FILE *f, const fpos_t *pos) {
  (void)f, (void)pos;
  errno = ESPIPE;
  return -1;
}

int remove(const char *path) {
  (void)path;
  errno = ENOENT;
  return -1;
}

int rename(const char *from, const char *to) {
  (void)from, (void)to;
  errno = ENOENT;
  return -1;
}

FILE *tmpfile(void) {
  errno = EROFS;
  return 0;
}

char *tmpnam(char *s) {
  (void)s;
  return 0;
}
