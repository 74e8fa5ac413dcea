/* string.h, strings.h, ctype.h, strerror and wchar.h against glibc. Results are printed as
 * signs or offsets, since memcmp's magnitude and pointers differ between builds. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

static int sign(int x) { return (x > 0) - (x < 0); }
static long off(const void *p, const void *base) { return p ? (long)((const char *)p - (const char *)base) : -1; }

int main(void) {
  char a[64], b[64];
  const char *words[] = {"", "a", "b", "ab", "abc", "abd", "ABC", "aBc", "\xff", "\x80x", "abc\0x"};
  int nw = sizeof words / sizeof words[0];
  for (int i = 0; i < nw; i++) {
    for (int j = 0; j < nw; j++) {
      printf("%d%d%d%d%d%d ", sign(strcmp(words[i], words[j])), sign(strncmp(words[i], words[j], 2)),
             sign(strcasecmp(words[i], words[j])), sign(strncasecmp(words[i], words[j], 1)),
             sign(strcoll(words[i], words[j])), sign(memcmp(words[i], words[j], 1)));
    }
    printf("| %d %d\n", (int)strlen(words[i]), (int)strnlen(words[i], 2));
  }
  strcpy(a, "hello");
  printf("[%s]", strcat(a, ", world"));
  printf(" [%s]", strncat(a, "!!!", 2));
  printf(" [%s]\n", strncat(a, "?", 5));
  memset(b, 'x', sizeof b);
  strncpy(b, "abc", 6);
  printf("strncpy %d %d %d %c\n", b[3], b[4], b[5], b[6]);
  strncpy(b, "abcdefgh", 4);
  printf("strncpy short %.6s\n", b);
  strcpy(a, "0123456789");
  memmove(a + 2, a, 5);
  printf("memmove up %s\n", a);
  strcpy(a, "0123456789");
  memmove(a, a + 3, 5);
  printf("memmove down %s\n", a);
  memcpy(b, "copy\0me", 8);
  printf("memcpy %s %s\n", b, b + 5);
  printf("memset %s\n", (char *)memset(a, '-', 4));
  const char *s = "find the needle in the haystack, needle!";
  printf("strchr %ld %ld %ld\n", off(strchr(s, 'n'), s), off(strchr(s, 'z'), s), off(strchr(s, 0), s));
  printf("strrchr %ld %ld %ld\n", off(strrchr(s, 'n'), s), off(strrchr(s, 'z'), s), off(strrchr(s, 0), s));
  printf("memchr %ld %ld %ld\n", off(memchr(s, 'h', 40), s), off(memchr(s, 'h', 5), s), off(memchr(s, '!', 40), s));
  printf("strstr %ld %ld %ld %ld %ld\n", off(strstr(s, "needle"), s), off(strstr(s, "needles"), s),
         off(strstr(s, ""), s), off(strstr(s, "k, n"), s), off(strstr("aaab", "aab"), "aaab"));
  printf("strspn %d %d %d\n", (int)strspn(s, "dfin"), (int)strspn(s, ""), (int)strspn("", "abc"));
  printf("strcspn %d %d %d\n", (int)strcspn(s, " ,"), (int)strcspn(s, ""), (int)strcspn(s, "!"));
  printf("strpbrk %ld %ld\n", off(strpbrk(s, "yk"), s), off(strpbrk(s, "XYZ"), s));
  strcpy(a, "  one,two,,three  ,");
  for (char *t = strtok(a, " ,"); t; t = strtok(0, " ,")) printf("<%s>", t);
  printf("\n");
  strcpy(a, "k1=v1;k2=v2");
  char *save1, *save2;
  for (char *t = strtok_r(a, ";", &save1); t; t = strtok_r(0, ";", &save1)) {
    char *k = strtok_r(t, "=", &save2);
    char *v = strtok_r(0, "=", &save2);
    printf("(%s:%s)", k, v);
  }
  printf("\n");
  strcpy(a, ";;;");
  printf("strtok only delimiters %p\n", (void *)strtok(a, ";"));
  char *d = strdup("duplicate");
  char *nd = strndup("duplicate", 3);
  char *nd2 = strndup("du", 10);
  printf("strdup %s %s %s\n", d, nd, nd2);
  free(d);
  free(nd);
  free(nd2);
  printf("strxfrm %d", (int)strxfrm(b, "xfrm", sizeof b));
  printf(" %s %d\n", b, (int)strxfrm(0, "abcdef", 0));
  for (int e = 0; e <= 41; e++) printf("%d %s\n", e, strerror(e));
  printf("%s|%s|%s|%s|%s|%s\n", strerror(EILSEQ), strerror(EOVERFLOW), strerror(ENOTSUP), strerror(ETIMEDOUT),
         strerror(1000), "");
  printf("%s\n", strerror(-5));
  errno = ERANGE;
  perror("perror");
  errno = EDOM;
  perror("");
  errno = 0;
  perror(0);
  for (int c = -1; c < 256; c++) {
    int m = 0;
    m = m * 2 + !!isalnum(c);
    m = m * 2 + !!isalpha(c);
    m = m * 2 + !!isblank(c);
    m = m * 2 + !!iscntrl(c);
    m = m * 2 + !!isdigit(c);
    m = m * 2 + !!isgraph(c);
    m = m * 2 + !!islower(c);
    m = m * 2 + !!isprint(c);
    m = m * 2 + !!ispunct(c);
    m = m * 2 + !!isspace(c);
    m = m * 2 + !!isupper(c);
    m = m * 2 + !!isxdigit(c);
    printf("%d:%x:%d:%d%c", c, m, tolower(c), toupper(c), (c & 7) == 7 ? '\n' : ' ');
  }
  printf("\n");
  wchar_t w1[16], w2[16];
  wmemset(w1, L'z', 3);
  w1[3] = 0;
  wcscpy(w2, L"wide");
  wmemcpy(w2 + 4, L"r!", 3);
  printf("wcs %d %d %d %d %d %d\n", (int)wcslen(w1), (int)wcslen(w2), sign(wcscmp(w1, w2)), sign(wcscmp(w2, w2)),
         sign(wcscmp(L"", L"a")), sign(wcscmp(L"\x7fffffff", L"a")));
  for (int i = 0; w2[i]; i++) printf("%d ", (int)w2[i]);
  printf("\n");
  return 0;
}
