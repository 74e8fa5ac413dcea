// args: Hello, Transformer VM! racecar 2024
// covers: string reversal in place, palindromes, str_len, case conversion with & and | on chars, character classes with switch, memmove on overlapping ranges, memset, memcmp, string literals, word splitting with pointers
static char buf[96];
static int counts[4]; /* zero-initialised; zeroing a small local array would be merged into 64-bit stores */

static __attribute__((noinline)) void reverse(char *s, int len) {
  char *a = s, *b = s + len - 1;
  while (a < b) {
    char t = *a;
    *a++ = *b;
    *b-- = t;
  }
}

static __attribute__((noinline)) int is_palindrome(const char *s, int len) {
  for (int i = 0, j = len - 1; i < j; i++, j--)
    if (s[i] != s[j]) return 0;
  return 1;
}

static __attribute__((noinline)) int classify(char c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
      return 1; /* vowel */
    case ' ':
      return 2;
    case ',':
    case '!':
    case '.':
      return 3;
    default:
      return 0;
  }
}

void compute(const char *input) {
  int len = str_len(input);
  if (len > 80) len = 80;
  memcpy(buf, input, (tvm_size_t)len);
  buf[len] = 0;
  printf("input [%s] length %d\n", buf, len);
  reverse(buf, len);
  printf("reversed [%s]\n", buf);
  reverse(buf, len);
  /* upper and lower case with bit operations on letters */
  char up[96], low[96];
  for (int i = 0; i <= len; i++) {
    char c = buf[i];
    int letter = (c | 32) >= 'a' && (c | 32) <= 'z';
    up[i] = letter ? (char)(c & ~32) : c;
    low[i] = letter ? (char)(c | 32) : c;
  }
  printf("upper [%s]\nlower [%s]\n", up, low);
  for (int i = 0; i < len; i++) counts[classify(low[i])]++;
  static const char *const class_names[4] = {"other", "vowels", "spaces", "punct"};
  for (int k = 0; k < 4; k++) printf(k < 3 ? "%s=%d " : "%s=%d\n", class_names[k], counts[k]);
  /* words and palindromes */
  const char *p = low;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *start = p;
    while (*p && *p != ' ') p++;
    int wl = (int)(p - start);
    printf("word %d:", wl);
    for (const char *q = start; q < p; q++) putchar(*q);
    printf(" %s\n", is_palindrome(start, wl) ? "palindrome" : "-");
  }
  /* overlapping moves, fills, comparisons */
  memmove(buf + 3, buf, 10);
  buf[len + 3 < 90 ? len + 3 : 90] = 0;
  printf("moved right [%s]\n", buf);
  memmove(buf, buf + 3, 10);
  printf("moved back [%s]\n", buf);
  memset(buf + 5, '*', 4);
  printf("filled [%s]\n", buf);
  printf("cmp %d %d %d\n", memcmp("abc", "abd", 3), memcmp(up, low, 1), memcmp(buf, buf, (tvm_size_t)len));
}
