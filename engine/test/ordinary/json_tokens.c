// json_tokens: a tiny JSON tokenizer and validator over standard input: strings (with escapes,
// \u counted), numbers (integer, fraction and exponent kept as text), true/false/null and
// punctuation; it tracks nesting depth with a stack, reports the first error with its line and
// column, and counts tokens of each kind.
// stdin: {"name": "tvm", "ops": 35, "nested": {"list": [1, -2.5e3, true, null],\n "esc": "a\\"b\\u00e9"}, "empty": []}\n
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int line = 1, col = 0, peeked = -2;

static int next(void) {
  int c = peeked != -2 ? peeked : getchar();
  peeked = -2;
  if (c == '\n') line++, col = 0;
  else col++;
  return c;
}

static int peek(void) {
  if (peeked == -2) peeked = getchar();
  return peeked;
}

static int fail(const char *what) {
  printf("error at %d:%d: %s\n", line, col, what);
  return 1;
}

int main(void) {
  char stack[64];
  int depth = 0, max_depth = 0;
  int strings = 0, numbers = 0, literals = 0, punct = 0, escapes = 0;
  for (;;) {
    int c = next();
    if (c == EOF) break;
    if (isspace(c)) continue;
    if (c == '{' || c == '[') {
      if (depth == 64) return fail("too deep");
      stack[depth++] = (char)c;
      if (depth > max_depth) max_depth = depth;
      punct++;
    } else if (c == '}' || c == ']') {
      if (!depth || stack[depth - 1] != (c == '}' ? '{' : '[')) return fail("mismatched bracket");
      depth--;
      punct++;
    } else if (c == ',' || c == ':') {
      punct++;
    } else if (c == '"') {
      char text[64];
      int len = 0;
      for (;;) {
        int d = next();
        if (d == EOF || d == '\n') return fail("unterminated string");
        if (d == '"') break;
        if (d == '\\') {
          escapes++;
          d = next();
          if (d == 'u') {
            for (int k = 0; k < 4; k++)
              if (!isxdigit(next())) return fail("bad \\u escape");
            d = '?';
          } else if (!strchr("\"\\/bfnrt", d)) return fail("bad escape");
        }
        if (len < 63) text[len++] = (char)d;
      }
      text[len] = '\0';
      printf("string  \"%s\"\n", text);
      strings++;
    } else if (c == '-' || isdigit(c)) {
      char text[32];
      int len = 0;
      text[len++] = (char)c;
      while (len < 31 && (isdigit(peek()) || strchr(".eE+-", peek()) && peek() != EOF)) text[len++] = (char)next();
      text[len] = '\0';
      printf("number  %s\n", text);
      numbers++;
    } else if (isalpha(c)) {
      char word[8];
      int len = 0;
      word[len++] = (char)c;
      while (len < 7 && isalpha(peek())) word[len++] = (char)next();
      word[len] = '\0';
      if (strcmp(word, "true") && strcmp(word, "false") && strcmp(word, "null")) return fail("unknown literal");
      printf("literal %s\n", word);
      literals++;
    } else return fail("unexpected character");
  }
  if (depth) return fail("unclosed bracket at end");
  printf("valid: %d strings, %d numbers, %d literals, %d punctuation, %d escapes, depth %d, %d lines\n", strings,
         numbers, literals, punct, escapes, max_depth, line - 1);
  return 0;
}
