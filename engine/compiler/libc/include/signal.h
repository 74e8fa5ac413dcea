/* signal.h: there are no signals. signal() fails with SIG_ERR (errno ENOSYS); raise(SIGABRT)
 * aborts; the rest is a compile-time error at the line that uses it. */
#ifndef _SIGNAL_H
#define _SIGNAL_H
typedef int sig_atomic_t;
typedef void (*__sighandler_t)(int);
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
#define SIG_ERR ((__sighandler_t)-1)
#define SIGINT 2
#define SIGILL 4
#define SIGABRT 6
#define SIGFPE 8
#define SIGSEGV 11
#define SIGTERM 15
__sighandler_t signal(int sig, __sighandler_t handler);
int raise(int sig);
#define __TVM_NOSIG(f) __attribute__((unavailable(f ": the transformer machine has no signals")))
int kill(int pid, int sig) __TVM_NOSIG("kill");
int sigaction(int sig, const void *act, void *old) __TVM_NOSIG("sigaction");
unsigned int alarm(unsigned int seconds) __TVM_NOSIG("alarm");
#endif
