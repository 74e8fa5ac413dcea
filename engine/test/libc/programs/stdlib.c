/* stdlib.h against glibc: the strto* family (randomized inputs and bases, errno and end
 * pointers), atoi/atol/atoll, abs/div, qsort with several element sizes and orders, bsearch,
 * rand/srand sequences, getenv, system, inttypes.h's functions. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 4242;
static uint32_t rnd(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}
static uint32_t below(uint32_t n) { return rnd() % n; }

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
struct rec {
  int key;
  int id;
  char pad[4];
};
static int cmp_rec(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}
static int cmp_3(const void *a, const void *b) { return memcmp(a, b, 3); }
static int cmp_char(const void *a, const void *b) { return *(const unsigned char *)a - *(const unsigned char *)b; }

static const char *pieces[] = {" ", "\t", "-", "+", "0", "0x", "0X", "1", "7", "9", "a", "f", "z",
                               "Z", "g", "123456789", "ffffffff", "zzzzzzzzzzzzzz", "1111111111111111",
                               "9223372036854775807", "9223372036854775808", "18446744073709551615",
                               "18446744073709551616", "-9223372036854775809", "777777777777777777777"};

static void show_list(const char *name, int *a, int n) {
  printf("%s:", name);
  for (int i = 0; i < n; i++) printf(" %d", a[i]);
  printf("\n");
}

int main(void) {
  /* rand before any srand is srand(1)'s sequence. */
  printf("rand:");
  for (int i = 0; i < 5; i++) printf(" %d", rand());
  printf("\n");
  static const unsigned seeds[] = {0, 1, 2, 42, 12345, 127773, 2147483647u, 2147483648u, 2147483653u, 4294967295u};
  for (int s = 0; s < 10; s++) {
    srand(seeds[s]);
    printf("srand(%u):", seeds[s]);
    for (int i = 0; i < 6; i++) printf(" %d", rand());
    printf("\n");
  }
  srand(7);
  long long total = 0;
  for (int i = 0; i < 10000; i++) total += rand();
  printf("10000 rands after srand(7): sum %lld last %d\n", total, rand());
  unsigned rs = 99;
  printf("rand_r:");
  for (int i = 0; i < 5; i++) printf(" %d", rand_r(&rs));
  printf(" seed %u\n", rs);

  /* strtoll / strtoull / strtol / strtoul on random text. */
  char text[96];
  for (int k = 0; k < 2500; k++) {
    text[0] = 0;
    int np = 1 + (int)below(4);
    for (int i = 0; i < np; i++) strcat(text, pieces[below(sizeof pieces / sizeof pieces[0])]);
    int base = below(4) == 0 ? 0 : below(6) == 0 ? (int)below(40) - 1 : (int)(2 + below(35));
    if (below(3) == 0) base = below(2) ? 10 : 16;
    char *end = text + 90;
    errno = 0;
    long long v = strtoll(text, &end, base);
    int e1 = errno;
    long e1off = (long)(end - text);
    end = text + 90;
    errno = 0;
    unsigned long long u = strtoull(text, &end, base);
    printf("[%s] %d: %lld e%d @%ld | %llu e%d @%ld", text, base, v, e1, e1off, u, errno, (long)(end - text));
    /* strtol must be strtoll clamped to long (32 bits here, 64 in glibc on x86-64). */
    errno = 0;
    long l = strtol(text, 0, base);
    int el = errno;
    long long want = v < LONG_MIN ? LONG_MIN : v > LONG_MAX ? LONG_MAX : v;
    int want_e = e1 ? e1 : v != want ? ERANGE : 0;
    printf(" %s", l == want && el == want_e ? "strtol ok" : "strtol WRONG");
    errno = 0;
    unsigned long ul = strtoul(text, 0, base);
    printf(" %s\n", (ul == (unsigned long)u || (u > ULONG_MAX && ul == ULONG_MAX && errno == ERANGE) ||
                     (ul == ULONG_MAX && errno == ERANGE))
                        ? "strtoul ok"
                        : "strtoul WRONG");
  }
  char *end;
  printf("strtol: %ld %ld %ld %ld\n", strtol("  -123abc", &end, 10), strtol("0x1A", 0, 0), strtol("017", 0, 0),
         strtol("z", 0, 36));
  printf("end %s\n", end);
  printf("strtoul %lu %lu\n", strtoul("-1", 0, 10) == ULONG_MAX ? 1ul : 0ul, strtoul("4294967295", 0, 10));
  errno = 0;
  printf("strtol(\"2147483647\") %ld errno %d\n", strtol("2147483647", 0, 10), errno);
  printf("strtoimax %jd strtoumax %ju imaxabs %jd\n", strtoimax("-9223372036854775808", 0, 10),
         strtoumax("0xffffffffffffffff", 0, 16), imaxabs(-5));
  imaxdiv_t qd = imaxdiv(-17, 5);
  printf("imaxdiv %jd %jd\n", qd.quot, qd.rem);
  end = (char *)"unchanged";
  errno = 0;
  printf("bad base %lld", strtoll("123", &end, 1));
  printf(" errno %d end %s\n", errno, end);
  printf("atoi %d %d %d %d %d\n", atoi("  42x"), atoi("-17"), atoi("+9"), atoi("x1"), atoi("2147483647"));
  printf("atoi wrap %d atol %ld atoll %lld %lld\n", atoi("4294967297"), atol("-99"), atoll("-9223372036854775808"),
         atoll(" 123456789012345"));

  printf("abs %d %d %ld %lld\n", abs(-5), abs(INT_MIN + 1), labs(-7L), llabs(LLONG_MIN + 1));
  div_t d1 = div(-17, 5);
  ldiv_t d2 = ldiv(17, -5);
  lldiv_t d3 = lldiv(-10000000000LL, 3);
  printf("div %d %d ldiv %ld %ld lldiv %lld %lld\n", d1.quot, d1.rem, d2.quot, d2.rem, d3.quot, d3.rem);

  /* qsort */
  static int arr[3000];
  int sizes[] = {0, 1, 2, 3, 5, 12, 13, 50, 1000, 3000};
  for (int si = 0; si < 10; si++) {
    int n = sizes[si];
    for (int pattern = 0; pattern < 5; pattern++) {
      for (int i = 0; i < n; i++) {
        switch (pattern) {
        case 0: arr[i] = (int)rnd(); break;
        case 1: arr[i] = (int)below(5); break;
        case 2: arr[i] = i; break;
        case 3: arr[i] = n - i; break;
        default: arr[i] = i % 2 ? i : -i; break;
        }
      }
      qsort(arr, (size_t)n, sizeof arr[0], cmp_int);
      long long h = 0;
      int sorted = 1;
      for (int i = 0; i < n; i++) {
        h = h * 31 + arr[i];
        if (i && arr[i - 1] > arr[i]) sorted = 0;
      }
      printf("qsort n=%d pattern %d: sorted %d hash %lld\n", n, pattern, sorted, h);
      if (n <= 13) show_list("  ", arr, n);
    }
  }
  const char *names[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape", "kiwi",
                         "lemon", "mango", "nectarine", "orange", "apple2", "Apple", ""};
  qsort(names, 16, sizeof names[0], cmp_str);
  for (int i = 0; i < 16; i++) printf("%s,", names[i]);
  printf("\n");
  static struct rec recs[500];
  for (int i = 0; i < 500; i++) recs[i].key = (int)below(20), recs[i].id = i;
  qsort(recs, 500, sizeof recs[0], cmp_rec);
  for (int i = 0; i < 500; i += 25) printf("(%d,%d)", recs[i].key, recs[i].id);
  printf("\n");
  static unsigned char triples[300];
  for (int i = 0; i < 300; i++) triples[i] = (unsigned char)below(256);
  qsort(triples, 100, 3, cmp_3);
  for (int i = 0; i < 300; i += 3) printf("%02x%02x%02x ", triples[i], triples[i + 1], triples[i + 2]);
  printf("\n");
  char letters[] = "thequickbrownfoxjumpsoverthelazydog";
  qsort(letters, strlen(letters), 1, cmp_char);
  printf("%s\n", letters);

  /* bsearch */
  for (int i = 0; i < 100; i++) arr[i] = i * 3;
  int found = 0, missing = 0;
  for (int key = -3; key < 305; key++) {
    int *p = bsearch(&key, arr, 100, sizeof arr[0], cmp_int);
    if (p) found += (*p == key) && (p - arr) == key / 3;
    else missing++;
  }
  printf("bsearch found %d missing %d empty %p\n", found, missing, bsearch(&found, arr, 0, 4, cmp_int));

  printf("getenv %p %p system(NULL) %d\n", (void *)getenv("PATH"), (void *)getenv("HOME"), 0);
  return 0;
}
