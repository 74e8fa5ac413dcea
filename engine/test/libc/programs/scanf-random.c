/* Randomized sscanf against glibc: formats of one to four directives (conversions with widths,
 * lengths hh/h/ll/j, '*' suppression, %n, scansets, literal characters and white space) over
 * inputs built from tricky pieces (signs, 0x prefixes, overflowing numbers, white space). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t seed = 777;
static uint32_t rnd(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return seed;
}
static uint32_t below(uint32_t n) { return rnd() % n; }

static const char *pieces[] = {
    "",     " ",     "  \t\n", "0",    "-",    "+",     "0x",    "0X1f", "12",     "-34",
    "+56",  "077",   "089",    "abc",  "xyz",  ",",     "%",     "zz",   "0xg",    "1e5",
    "-0x10", "]",    "a-b",    "99999999999", "18446744073709551616", "-9223372036854775809",
    "4294967296", "2147483648", "-2147483649", "255", "256", "-129", "65536", "7fffffff", "FFff"};

/* kind: 0 int-like (with length), 1 chars (%c), 2 string (%s, %[), 3 %n, 4 no argument */
struct dir {
  const char *text;
  int kind;
};
static const struct dir dirs[] = {
    {"d", 0}, {"i", 0}, {"u", 0}, {"o", 0}, {"x", 0}, {"X", 0}, {"c", 1}, {"s", 2},
    {"[a-z]", 2}, {"[^,]", 2}, {"[]a-]", 2}, {"[0-9x]", 2}, {"n", 3},
};

int main(void) {
  char input[128], fmt[64];
  static const char *lens[] = {"", "hh", "h", "ll", "j"};
  for (int k = 0; k < 3000; k++) {
    input[0] = 0;
    int np = (int)below(5);
    for (int i = 0; i < np; i++) strcat(input, pieces[below(sizeof pieces / sizeof pieces[0])]);
    char *f = fmt;
    int nd = 1 + (int)below(4);
    int kinds[4], lensel[4], nargs = 0;
    for (int i = 0; i < nd; i++) {
      int r = (int)below(10);
      if (r == 0) {
        *f++ = ' ';
        continue;
      }
      if (r == 1) {
        *f++ = below(2) ? ',' : 'a';
        continue;
      }
      if (r == 2) {
        *f++ = '%';
        *f++ = '%';
        continue;
      }
      const struct dir *d = &dirs[below(sizeof dirs / sizeof dirs[0])];
      *f++ = '%';
      int suppress = d->kind != 3 && below(6) == 0;
      if (suppress) *f++ = '*';
      if (d->kind != 3 && below(3) == 0) f += sprintf(f, "%d", 1 + (int)below(6));
      int len = 0;
      if (d->kind == 0 || d->kind == 3) {
        len = (int)below(5);
        strcpy(f, lens[len]);
        f += strlen(f);
      }
      strcpy(f, d->text);
      f += strlen(f);
      if (!suppress) {
        kinds[nargs] = d->kind;
        lensel[nargs] = len;
        nargs++;
      }
    }
    *f = 0;
    /* Storage for each argument, filled with a sentinel. */
    union {
      signed char hh;
      short h;
      int i;
      long long ll;
      char s[80];
    } store[4];
    void *ptr[4];
    for (int i = 0; i < 4; i++) {
      memset(&store[i], 0x5a, sizeof store[i]);
      ptr[i] = &store[i];
    }
    int r = sscanf(input, fmt, ptr[0], ptr[1], ptr[2], ptr[3]);
    printf("[%s] [%s] -> %d:", input, fmt, r);
    for (int i = 0; i < nargs && i < r + 1; i++) {
      if (kinds[i] == 0 || kinds[i] == 3) {
        switch (lensel[i]) {
        case 1: printf(" %d", store[i].hh); break;
        case 2: printf(" %d", store[i].h); break;
        case 3:
        case 4: printf(" %lld", store[i].ll); break;
        default: printf(" %d", store[i].i);
        }
      } else if (kinds[i] == 1) {
        printf(" '%.8s'", store[i].s);
      } else {
        printf(" \"%.79s\"", store[i].s);
      }
    }
    printf("\n");
  }
  return 0;
}
