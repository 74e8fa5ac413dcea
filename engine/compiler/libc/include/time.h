/* time.h: the machine has no clock. time() returns (time_t)-1 and clock() returns -1, the
 * standard's "not available" values; calendar functions are a compile-time error. */
#ifndef _TIME_H
#define _TIME_H
#include <stddef.h>
typedef long long time_t;
typedef long clock_t;
#define CLOCKS_PER_SEC ((clock_t)1000000)
struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
time_t time(time_t *t);
clock_t clock(void);
#define __TVM_NOTIME(f) __attribute__((unavailable(f ": the transformer machine has no clock or calendar")))
struct tm *localtime(const time_t *t) __TVM_NOTIME("localtime");
struct tm *gmtime(const time_t *t) __TVM_NOTIME("gmtime");
struct tm *localtime_r(const time_t *t, struct tm *out) __TVM_NOTIME("localtime_r");
struct tm *gmtime_r(const time_t *t, struct tm *out) __TVM_NOTIME("gmtime_r");
time_t mktime(struct tm *tm) __TVM_NOTIME("mktime");
char *asctime(const struct tm *tm) __TVM_NOTIME("asctime");
char *ctime(const time_t *t) __TVM_NOTIME("ctime");
size_t strftime(char *restrict s, size_t n, const char *restrict fmt, const struct tm *restrict tm)
    __TVM_NOTIME("strftime");
int nanosleep(const struct timespec *req, struct timespec *rem) __TVM_NOTIME("nanosleep");
int timespec_get(struct timespec *ts, int base) __TVM_NOTIME("timespec_get");
int clock_gettime(int clock, struct timespec *ts) __TVM_NOTIME("clock_gettime");
#endif
