// brainfuck: a Brainfuck interpreter; the program is argv[1] and its input is standard input.
// Brackets are matched in advance (an unmatched one is an error with exit status 2), the tape
// is 3000 cells of wrapping bytes, and the number of executed instructions is reported.
// args: ",[.[-],]++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+."
// stdin: echo me!
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAPE 3000

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PROGRAM\n", argv[0]);
    return 2;
  }
  const char *code = argv[1];
  int n = (int)strlen(code);
  int *jump = malloc(sizeof(int) * (size_t)(n + 1));
  int *stack = malloc(sizeof(int) * (size_t)(n + 1));
  int sp = 0;
  for (int i = 0; i < n; i++) {
    if (code[i] == '[') stack[sp++] = i;
    else if (code[i] == ']') {
      if (sp == 0) {
        fprintf(stderr, "unmatched ] at %d\n", i);
        return 2;
      }
      int j = stack[--sp];
      jump[i] = j;
      jump[j] = i;
    }
  }
  if (sp) {
    fprintf(stderr, "unmatched [ at %d\n", stack[sp - 1]);
    return 2;
  }
  unsigned char tape[TAPE];
  memset(tape, 0, sizeof tape);
  int ptr = 0;
  long long steps = 0;
  int outputs = 0;
  for (int pc = 0; pc < n; pc++) {
    steps++;
    switch (code[pc]) {
    case '>': ptr = (ptr + 1) % TAPE; break;
    case '<': ptr = (ptr + TAPE - 1) % TAPE; break;
    case '+': tape[ptr]++; break;
    case '-': tape[ptr]--; break;
    case '.':
      putchar(tape[ptr]);
      outputs++;
      break;
    case ',': {
      int c = getchar();
      tape[ptr] = c == EOF ? 0 : (unsigned char)c;
      break;
    }
    case '[':
      if (!tape[ptr]) pc = jump[pc];
      break;
    case ']':
      if (tape[ptr]) pc = jump[pc];
      break;
    default: steps--; break;
    }
  }
  printf("\n[%lld steps, %d bytes out, pointer at %d]\n", steps, outputs, ptr);
  free(jump);
  free(stack);
  return 0;
}
