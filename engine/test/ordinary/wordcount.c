// wordcount: counts lines, words and bytes of standard input, like `wc`, reading with getchar
// until EOF, and reports the longest word and how many words start with each vowel.
// stdin: the quick brown fox\njumps over the lazy dog\n\n  an apple a day   keeps\tthe doctor away\nend
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  int c;
  int lines = 0, words = 0, bytes = 0;
  int in_word = 0;
  char word[64];
  int len = 0;
  char longest[64] = "";
  int vowels[5] = {0, 0, 0, 0, 0};
  const char *vowel_names = "aeiou";

  while ((c = getchar()) != EOF) {
    bytes++;
    if (c == '\n') lines++;
    if (isspace(c)) {
      if (in_word) {
        word[len] = '\0';
        if (strlen(word) > strlen(longest)) strcpy(longest, word);
        const char *v = strchr(vowel_names, tolower((unsigned char)word[0]));
        if (v) vowels[v - vowel_names]++;
        len = 0;
      }
      in_word = 0;
    } else {
      if (!in_word) words++;
      in_word = 1;
      if (len < 63) word[len++] = (char)c;
    }
  }
  if (in_word) {
    word[len] = '\0';
    if (strlen(word) > strlen(longest)) strcpy(longest, word);
    const char *v = strchr(vowel_names, tolower((unsigned char)word[0]));
    if (v) vowels[v - vowel_names]++;
  }
  printf("%7d %7d %7d\n", lines, words, bytes);
  printf("longest word: '%s' (%zu letters)\n", longest, strlen(longest));
  for (int i = 0; i < 5; i++) printf("words starting with %c: %d\n", vowel_names[i], vowels[i]);
  return 0;
}
