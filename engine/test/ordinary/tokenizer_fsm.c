// tokenizer_fsm: a tokenizer for a small C-like language written as a state machine on a switch:
// identifiers, decimal and hex numbers, strings with escapes, one- and two-character operators
// and comments; the source comes from argv[1], the token kinds are counted and printed.
// args: 'x1 = 0x1F + y_2*(30 - z) /* note */ >= "a\"b" && !done; // end'
#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum state { START, IDENT, NUMBER, HEX, STRING, STRING_ESC, SLASH, BLOCK, BLOCK_STAR, LINE, OPERATOR };
enum kind { K_IDENT, K_NUMBER, K_STRING, K_OP, K_COMMENT, K_COUNT };
static const char *kind_names[K_COUNT] = {"ident", "number", "string", "op", "comment"};
static int counts[K_COUNT];

static void emit(enum kind k, const char *start, const char *end) {
  counts[k]++;
  printf("%-7s %.*s\n", kind_names[k], (int)(end - start), start);
}

static int two_char_op(const char *p) {
  static const char *ops[] = {"==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "++", "--"};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (strncmp(p, ops[i], 2) == 0) return 1;
  return 0;
}

int main(int argc, char **argv) {
  const char *src = argc > 1 ? argv[1] : "";
  const char *p = src, *start = src;
  enum state s = START;
  for (;;) {
    char c = *p;
    switch (s) {
    case START:
      start = p;
      if (c == '\0') goto done;
      if (isspace((unsigned char)c)) p++;
      else if (isalpha((unsigned char)c) || c == '_') s = IDENT, p++;
      else if (c == '0' && (p[1] == 'x' || p[1] == 'X')) s = HEX, p += 2;
      else if (isdigit((unsigned char)c)) s = NUMBER, p++;
      else if (c == '"') s = STRING, p++;
      else if (c == '/') s = SLASH, p++;
      else s = OPERATOR;
      break;
    case IDENT:
      if (isalnum((unsigned char)c) || c == '_') p++;
      else emit(K_IDENT, start, p), s = START;
      break;
    case NUMBER:
      if (isdigit((unsigned char)c)) p++;
      else emit(K_NUMBER, start, p), s = START;
      break;
    case HEX:
      if (isxdigit((unsigned char)c)) p++;
      else emit(K_NUMBER, start, p), s = START;
      break;
    case STRING:
      if (c == '\0') {
        printf("error: unterminated string at column %d\n", (int)(start - src) + 1);
        goto done;
      }
      p++;
      if (c == '\\') s = STRING_ESC;
      else if (c == '"') emit(K_STRING, start, p), s = START;
      break;
    case STRING_ESC:
      if (c) p++;
      s = STRING;
      break;
    case SLASH:
      if (c == '*') s = BLOCK, p++;
      else if (c == '/') s = LINE, p++;
      else emit(K_OP, start, p), s = START;
      break;
    case BLOCK:
    case BLOCK_STAR:
      if (c == '\0') {
        printf("error: unterminated comment\n");
        goto done;
      }
      p++;
      if (s == BLOCK_STAR && c == '/') emit(K_COMMENT, start, p), s = START;
      else s = c == '*' ? BLOCK_STAR : BLOCK;
      break;
    case LINE:
      if (c == '\0' || c == '\n') emit(K_COMMENT, start, p), s = START;
      else p++;
      break;
    case OPERATOR:
      p += two_char_op(p) ? 2 : 1;
      emit(K_OP, start, p);
      s = START;
      break;
    }
  }
done:
  for (int k = 0; k < K_COUNT; k++) printf("%s: %d\n", kind_names[k], counts[k]);
  return 0;
}
