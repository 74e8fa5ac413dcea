// strings_fun: the string.h functions on realistic tasks: splitting a path with strtok and
// strrchr, finding substrings with strstr, spans with strspn/strcspn/strpbrk, copying and
// concatenating with bounds, memmove on overlap, memchr/memcmp, strdup/strndup and strerror-free
// comparisons.
#define _POSIX_C_SOURCE 200809L // strdup and strndup are POSIX
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char path[] = "/usr/local/share/doc/transformer-vm/README.md";
  const char *base = strrchr(path, '/');
  printf("basename: %s\n", base ? base + 1 : path);
  const char *dot = strrchr(path, '.');
  printf("extension: %s, dir length %d\n", dot ? dot : "(none)", (int)(base - path));
  int depth = 0;
  for (char *part = strtok(path, "/"); part; part = strtok(NULL, "/")) printf("  [%d] %s\n", depth++, part);

  const char *text = "needle in a haystack, another needle, a last needle.";
  int count = 0;
  for (const char *p = text; (p = strstr(p, "needle")) != NULL; p += 6)
    printf("needle at %d\n", (int)(p - text)), count++;
  printf("%d needles; strstr(\"\") at %d\n", count, (int)(strstr(text, "") - text));

  const char *line = "   \t  key_42 = value; # comment";
  size_t ws = strspn(line, " \t");
  size_t keylen = strcspn(line + ws, " =");
  printf("key '%.*s' after %zu blanks\n", (int)keylen, line + ws, ws);
  const char *punct = strpbrk(line, "=;#");
  printf("first punctuation '%c' at %d\n", *punct, (int)(punct - line));

  char buf[32];
  strncpy(buf, "truncated copy of a long string", sizeof buf - 1);
  buf[sizeof buf - 1] = '\0';
  printf("strncpy: '%s' (%zu)\n", buf, strlen(buf));
  char cat[40] = "abc";
  strcat(cat, "def");
  strncat(cat, "ghijklmnop", 4);
  printf("concatenated: %s\n", cat);

  char overlap[] = "0123456789";
  memmove(overlap + 2, overlap, 6);
  printf("memmove right: %s\n", overlap);
  memmove(overlap, overlap + 3, 5);
  printf("memmove left: %s\n", overlap);
  memset(overlap + 8, '#', 2);
  printf("memset: %s\n", overlap);

  const char *hit = memchr("binary\0data\0here", 'd', 16);
  printf("memchr past NUL found d: %s\n", hit ? hit : "no");
  printf("memcmp: %d %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3) == 0, memcmp("b", "a", 1) > 0);
  printf("strcmp signs: %d %d %d\n", strcmp("apple", "apricot") < 0, strcmp("", "") == 0, strncmp("abcX", "abcY", 3));
  const char *hello = "hello";
  printf("strchr NUL at %d, strchr l at %d\n", (int)(strchr(hello, '\0') - hello), (int)(strchr(hello, 'l') - hello));

  char *d = strdup("duplicated");
  char *nd = strndup("only the first part", 8);
  d[0] = 'D';
  printf("%s / [%s] (%zu)\n", d, nd, strlen(nd));
  free(d);
  free(nd);
  return 0;
}
