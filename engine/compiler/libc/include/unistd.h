/* unistd.h: read() on fd 0 and write() on fds 1 and 2 work (the run's input and output);
 * processes, files and sleeping are a compile-time error at the line that uses them. */
#ifndef _UNISTD_H
#define _UNISTD_H
#include <stddef.h>
#include <sys/types.h>
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int isatty(int fd);
#define __TVM_NOOS(f, what) __attribute__((unavailable(f ": the transformer machine has no " what)))
pid_t fork(void) __TVM_NOOS("fork", "processes");
pid_t getpid(void) __TVM_NOOS("getpid", "processes");
int execv(const char *path, char *const argv[]) __TVM_NOOS("execv", "processes");
int execvp(const char *file, char *const argv[]) __TVM_NOOS("execvp", "processes");
unsigned int sleep(unsigned int seconds) __TVM_NOOS("sleep", "clock");
int usleep(unsigned int usec) __TVM_NOOS("usleep", "clock");
int open(const char *path, int flags, ...) __TVM_NOOS("open", "files");
int close(int fd) __TVM_NOOS("close", "files");
off_t lseek(int fd, off_t off, int whence) __TVM_NOOS("lseek", "files");
int unlink(const char *path) __TVM_NOOS("unlink", "files");
int access(const char *path, int mode) __TVM_NOOS("access", "files");
char *getcwd(char *buf, size_t n) __TVM_NOOS("getcwd", "files");
int chdir(const char *path) __TVM_NOOS("chdir", "files");
#endif
