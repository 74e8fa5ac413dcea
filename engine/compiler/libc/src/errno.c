/* errno and strerror with glibc's messages for the values errno.h defines. */
#include <errno.h>
#include <string.h>

int errno;

static const struct {
  int code;
  const char *text;
} messages[] = {
    {0, "Success"},
    {EPERM, "Operation not permitted"},
    {ENOENT, "No such file or directory"},
    {ESRCH, "No such process"},
    {EINTR, "Interrupted system call"},
    {EIO, "Input/output error"},
    {ENXIO, "No such device or address"},
    {E2BIG, "Argument list too long"},
    {ENOEXEC, "Exec format error"},
    {EBADF, "Bad file descriptor"},
    {ECHILD, "No child processes"},
    {EAGAIN, "Resource temporarily unavailable"},
    {ENOMEM, "Cannot allocate memory"},
    {EACCES, "Permission denied"},
    {EFAULT, "Bad address"},
    {ENOTBLK, "Block device required"},
    {EBUSY, "Device or resource busy"},
    {EEXIST, "File exists"},
    {EXDEV, "Invalid cross-device link"},
    {ENODEV, "No such device"},
    {ENOTDIR, "Not a directory"},
    {EISDIR, "Is a directory"},
    {EINVAL, "Invalid argument"},
    {ENFILE, "Too many open files in system"},
    {EMFILE, "Too many open files"},
    {ENOTTY, "Inappropriate ioctl for device"},
    {ETXTBSY, "Text file busy"},
    {EFBIG, "File too large"},
    {ENOSPC, "No space left on device"},
    {ESPIPE, "Illegal seek"},
    {EROFS, "Read-only file system"},
    {EMLINK, "Too many links"},
    {EPIPE, "Broken pipe"},
    {EDOM, "Numerical argument out of domain"},
    {ERANGE, "Numerical result out of range"},
    {EDEADLK, "Resource deadlock avoided"},
    {ENAMETOOLONG, "File name too long"},
    {ENOLCK, "No locks available"},
    {ENOSYS, "Function not implemented"},
    {ENOTEMPTY, "Directory not empty"},
    {ELOOP, "Too many levels of symbolic links"},
    {EOVERFLOW, "Value too large for defined data type"},
    {EILSEQ, "Invalid or incomplete multibyte or wide character"},
    {ENOTSUP, "Operation not supported"},
    {ETIMEDOUT, "Connection timed out"},
};

char *strerror(int errnum) {
  for (unsigned int i = 0; i < sizeof messages / sizeof messages[0]; i++)
    if (messages[i].code == errnum) return (char *)messages[i].text;
  /* glibc: "Unknown error N", N in decimal (negative numbers too). */
  static char unknown[32] = "Unknown error ";
  char *p = unknown + 14;
  unsigned int v = (unsigned int)errnum;
  if (errnum < 0) {
    *p++ = '-';
    v = 0u - v;
  }
  static const unsigned int pow10[10] = {1000000000u, 100000000u, 10000000u, 1000000u, 100000u,
                                         10000u,      1000u,      100u,      10u,      1u};
  int i = 0;
  while (i < 9 && v < pow10[i]) i++;
  for (; i < 10; i++) {
    int d = '0';
    while (v >= pow10[i]) v -= pow10[i], d++;
    *p++ = (char)d;
  }
  *p = 0;
  return unknown;
}
