// Strings: char arrays, char pointers, pointers into arrays, escapes and non-printable bytes.
#include <stdio.h>

const char *greeting = "hello, \"world\"\n";
char buffer[16] = "abc";

static int count_vowels(const char *s) {
  int n = 0;
  const char *p = s;
  while (*p) {
    char c = *p;
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') n++;
    p++; // @bp: scan hits=1,4,9
  }
  return n;
}

int main(void) {
  char word[12] = "tab\there";
  char odd[6] = {'x', '\\', '\'', 127, 1, 0};
  const char *tail = word + 4;
  unsigned char high = 200;
  char quote = '\'';
  char *cursor = buffer;
  int vowels = count_vowels(greeting);
  for (int i = 0; i < 5; i++) {
    cursor[3 + i] = (char)('v' + i);
    cursor[4 + i] = 0; // @bp: append hits=2,5 globals=buffer,greeting
  }
  vowels += count_vowels(word);
  printf("%d %s %s %d %c %s\n", vowels, tail, buffer, high, quote, odd); // @bp: end hits=1
  return 0;
}
