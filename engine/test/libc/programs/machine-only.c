/* What the machine does where glibc would reach the operating system: no files (fopen fails
 * with ENOENT for reading and EROFS for writing; seeking fails with ESPIPE), no clock (time and
 * clock return -1), no signals (signal returns SIG_ERR), no environment, no shell. Only the
 * WebAssembly build runs this; the test states the expected output. */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void handler(int sig) { (void)sig; }

int main(void) {
  errno = 0;
  FILE *f = fopen("data.txt", "r");
  printf("fopen r: %s %s\n", f ? "FILE" : "NULL", strerror(errno));
  f = fopen("out.txt", "w");
  printf("fopen w: %s %s\n", f ? "FILE" : "NULL", strerror(errno));
  printf("tmpfile: %s %s\n", tmpfile() ? "FILE" : "NULL", strerror(errno));
  printf("remove %d rename %d %s\n", remove("x"), rename("x", "y"), strerror(errno));
  printf("fseek %d ftell %ld %s\n", fseek(stdin, 0, SEEK_SET), ftell(stdout), strerror(errno));
  errno = 0;
  printf("fputc(stdin) %d %s\n", fputc('x', stdin), strerror(errno));
  printf("ferror(stdin) %d\n", ferror(stdin));
  time_t t = 5;
  printf("time %lld %lld clock %ld\n", (long long)time(&t), (long long)t, (long)clock());
  printf("signal %s %s\n", signal(SIGINT, handler) == SIG_ERR ? "SIG_ERR" : "installed", strerror(errno));
  printf("getenv %s system(NULL) %d system %d %s\n", getenv("PATH") ? "set" : "NULL", system(0), system("ls"),
         strerror(errno));
  printf("setlocale %s %s %s\n", setlocale(LC_ALL, ""), setlocale(LC_ALL, "POSIX"),
         setlocale(LC_ALL, "de_DE") ? "de" : "NULL");
  printf("write %d\n", (int)write(1, "via write\n", 10));
  printf("setvbuf %d fflush %d fclose %d\n", setvbuf(stdout, 0, _IONBF, 0), fflush(stdout), fclose(stdout));
  printf("floating point: [%f][%5.2e][%g][%a][%d]\n", 1.5, 2.5, 3.5, 4.5, 42);
  return 0;
}
