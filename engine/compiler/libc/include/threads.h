/* threads.h: the transformer machine runs one thread; every function here is a compile-time
 * error at the line that uses it. */
#ifndef _THREADS_H
#define _THREADS_H
typedef int thrd_t;
typedef int mtx_t;
typedef int cnd_t;
typedef int (*thrd_start_t)(void *);
#define __TVM_NOTHRD(f) __attribute__((unavailable(f ": the transformer machine has no threads")))
int thrd_create(thrd_t *t, thrd_start_t fn, void *arg) __TVM_NOTHRD("thrd_create");
int thrd_join(thrd_t t, int *res) __TVM_NOTHRD("thrd_join");
int thrd_detach(thrd_t t) __TVM_NOTHRD("thrd_detach");
int mtx_init(mtx_t *m, int type) __TVM_NOTHRD("mtx_init");
int mtx_lock(mtx_t *m) __TVM_NOTHRD("mtx_lock");
int mtx_unlock(mtx_t *m) __TVM_NOTHRD("mtx_unlock");
int cnd_init(cnd_t *c) __TVM_NOTHRD("cnd_init");
int cnd_wait(cnd_t *c, mtx_t *m) __TVM_NOTHRD("cnd_wait");
int cnd_signal(cnd_t *c) __TVM_NOTHRD("cnd_signal");
#endif
