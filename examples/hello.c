/*
 * hello.c - the smallest Transformer VM program.
 * Input: a name, e.g. "World". Output: "Hello, World!" and a newline.
 */

void compute(const char *input) { printf("Hello, %s!\n", input); } // @line: greet
