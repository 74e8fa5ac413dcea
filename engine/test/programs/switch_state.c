// args: /* a comment */ x = "str\"ing" + 12; // line comment
// covers: switch with dense cases (a lexer state machine), compiled to a jump table (br_table)
enum state { CODE, SLASH, LINE, BLOCK, BLOCK_STAR, STRING, STRING_ESC, NUMBER, WORD, SPACE, PUNCT };

static int classify(char c) {
  switch (c) {
  case '0': case '1': case '2': case '3': case '4':
  case '5': case '6': case '7': case '8': case '9':
    return 1;
  case ' ': case '\t': case '\n':
    return 2;
  case '"':
    return 3;
  case '/':
    return 4;
  case '*':
    return 5;
  case '\\':
    return 6;
  default:
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ? 7 : 0;
  }
}

void compute(const char *input) {
  enum state st = CODE;
  int counts[11] = {0};
  for (const char *p = input;; p++) {
    char c = *p;
    int k = classify(c);
    switch (st) {
    case CODE:
    case SPACE:
    case PUNCT:
    case NUMBER:
    case WORD:
      switch (k) {
      case 1: st = st == WORD ? WORD : NUMBER; break;
      case 2: st = SPACE; break;
      case 3: st = STRING; break;
      case 4: st = SLASH; break;
      case 7: st = WORD; break;
      default: st = PUNCT; break;
      }
      break;
    case SLASH:
      st = k == 4 ? LINE : k == 5 ? BLOCK : PUNCT;
      break;
    case LINE:
      if (c == '\n') st = SPACE;
      break;
    case BLOCK:
      if (k == 5) st = BLOCK_STAR;
      break;
    case BLOCK_STAR:
      st = k == 4 ? CODE : k == 5 ? BLOCK_STAR : BLOCK;
      break;
    case STRING:
      st = k == 6 ? STRING_ESC : k == 3 ? CODE : STRING;
      break;
    case STRING_ESC:
      st = STRING;
      break;
    }
    counts[st]++;
    if (!c) break;
  }
  static const char *names[] = {"code", "slash", "line", "block", "block*", "string", "esc", "number", "word", "space", "punct"};
  for (int i = 0; i < 11; i++) printf("%s %d\n", names[i], counts[i]);
}
