// A program written for the machine (compute) that also calls the C library: its string and
// allocation functions link in with the machine services (stdin is empty, the heap lies above
// the input and the memory grows to the machine's 16 MiB when the heap is first needed).
// args: the quick brown fox
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void compute(const char *input) {
  char *copy = strdup(input);
  int words = 0;
  for (char *w = strtok(copy, " "); w; w = strtok(NULL, " ")) {
    char *up = malloc(strlen(w) + 1);
    for (size_t i = 0; i <= strlen(w); i++) up[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
    printf("%s ", up);
    free(up);
    words++;
  }
  void *big = malloc(8 << 20); /* beyond the program's initial memory */
  printf("\n%d words, %s, a big block: %s\n", words, getchar() == EOF ? "no stdin" : "stdin?", big ? "yes" : "no");
  free(copy);
  free(big);
}
