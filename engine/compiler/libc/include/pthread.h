/* pthread.h: the transformer machine runs one thread; every function here is a compile-time
 * error at the line that uses it. */
#ifndef _PTHREAD_H
#define _PTHREAD_H
typedef unsigned long pthread_t;
typedef struct { int __unused; } pthread_attr_t;
typedef struct { int __unused; } pthread_mutex_t;
typedef struct { int __unused; } pthread_mutexattr_t;
typedef struct { int __unused; } pthread_cond_t;
typedef struct { int __unused; } pthread_condattr_t;
#define PTHREAD_MUTEX_INITIALIZER {0}
#define PTHREAD_COND_INITIALIZER {0}
#define __TVM_NOPT(f) __attribute__((unavailable(f ": the transformer machine has no threads")))
int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
    __TVM_NOPT("pthread_create");
int pthread_join(pthread_t t, void **res) __TVM_NOPT("pthread_join");
int pthread_detach(pthread_t t) __TVM_NOPT("pthread_detach");
pthread_t pthread_self(void) __TVM_NOPT("pthread_self");
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a) __TVM_NOPT("pthread_mutex_init");
int pthread_mutex_lock(pthread_mutex_t *m) __TVM_NOPT("pthread_mutex_lock");
int pthread_mutex_unlock(pthread_mutex_t *m) __TVM_NOPT("pthread_mutex_unlock");
int pthread_mutex_destroy(pthread_mutex_t *m) __TVM_NOPT("pthread_mutex_destroy");
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a) __TVM_NOPT("pthread_cond_init");
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m) __TVM_NOPT("pthread_cond_wait");
int pthread_cond_signal(pthread_cond_t *c) __TVM_NOPT("pthread_cond_signal");
int pthread_cond_broadcast(pthread_cond_t *c) __TVM_NOPT("pthread_cond_broadcast");
#endif
