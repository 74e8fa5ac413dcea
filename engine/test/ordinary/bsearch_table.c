// bsearch_table: classifies the identifiers of a C snippet (from standard input) as keywords by
// binary search in a sorted keyword table, counting each keyword's uses; unknown words too.
// stdin: int main(void) {\n  unsigned int x = sizeof(long);\n  while (x) { if (x & 1) break; x >>= 1; }\n  return static_cast;\n}\n
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *keywords[] = {
    "auto",   "break",  "case",    "char",   "const",    "continue", "default",  "do",
    "double", "else",   "enum",    "extern", "float",    "for",      "goto",     "if",
    "int",    "long",   "register", "return", "short",   "signed",   "sizeof",   "static",
    "struct", "switch", "typedef", "union",  "unsigned", "void",     "volatile", "while",
};
#define NKEYWORDS (sizeof keywords / sizeof keywords[0])
static int uses[NKEYWORDS];

static int compare_key(const void *key, const void *elem) {
  return strcmp((const char *)key, *(const char *const *)elem);
}

int main(void) {
  for (size_t i = 1; i < NKEYWORDS; i++)
    if (strcmp(keywords[i - 1], keywords[i]) >= 0) {
      printf("table not sorted at %s\n", keywords[i]);
      return 1;
    }
  char word[32];
  int len = 0, c, others = 0, line = 1;
  do {
    c = getchar();
    if (c != EOF && (isalnum(c) || c == '_')) {
      if (len < 31) word[len++] = (char)c;
      continue;
    }
    if (len > 0) {
      word[len] = '\0';
      const char **hit = bsearch(word, keywords, NKEYWORDS, sizeof keywords[0], compare_key);
      if (hit) uses[hit - keywords]++;
      else if (!isdigit((unsigned char)word[0])) {
        others++;
        printf("line %d: identifier %s\n", line, word);
      }
      len = 0;
    }
    if (c == '\n') line++;
  } while (c != EOF);
  for (size_t i = 0; i < NKEYWORDS; i++)
    if (uses[i]) printf("%-8s x%d\n", keywords[i], uses[i]);
  printf("%d other identifiers on %d lines\n", others, line - 1);
  return 0;
}
