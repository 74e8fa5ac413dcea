/* setjmp.h: the transformer machine cannot save and restore its call stack, so using setjmp or
 * longjmp is a compile-time error at the line that uses it. */
#ifndef _SETJMP_H
#define _SETJMP_H
typedef int jmp_buf[1];
typedef int sigjmp_buf[1];
#define __TVM_NOJMP(f) __attribute__((unavailable(f ": the transformer machine has no non-local jumps")))
int setjmp(jmp_buf env) __TVM_NOJMP("setjmp");
_Noreturn void longjmp(jmp_buf env, int val) __TVM_NOJMP("longjmp");
int _setjmp(jmp_buf env) __TVM_NOJMP("_setjmp");
_Noreturn void _longjmp(jmp_buf env, int val) __TVM_NOJMP("_longjmp");
int sigsetjmp(sigjmp_buf env, int save) __TVM_NOJMP("sigsetjmp");
_Noreturn void siglongjmp(sigjmp_buf env, int val) __TVM_NOJMP("siglongjmp");
#endif
