/* Ending the run, chosen by the first word of standard input: return from main, exit with
 * atexit handlers (run in reverse, one registering another), _Exit (no handlers), abort, a
 * failed assert (glibc's message, status 134), assert under NDEBUG, and raise(SIGABRT). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void h1(void) { printf("handler 1\n"); }
static void h2(void) { printf("handler 2\n"); }
static void late(void) { printf("late handler\n"); }
static void h3(void) {
  printf("handler 3 registers another\n");
  atexit(late);
}

static int checked(int x) {
#include <assert.h>
  assert(x > 0 && "x must be positive");
  return x * 2;
}

static int unchecked(int x) {
#define NDEBUG
#include <assert.h>
  assert(x > 0);
#undef NDEBUG
#include <assert.h>
  return x * 3;
}

static void deep_exit(int depth) {
  if (depth == 0) exit(7);
  deep_exit(depth - 1);
  printf("never\n");
}

int main(void) {
  char cmd[32] = "";
  if (scanf("%31s", cmd) != 1) return 99;
  printf("command %s\n", cmd);
  fprintf(stderr, "stderr before the end\n");
  atexit(h1);
  atexit(h2);
  atexit(h3);
  int extra = 0;
  for (int i = 0; i < 28; i++) extra += atexit(h1) == 0;
  printf("registered %d more\n", extra);
  if (!strcmp(cmd, "return")) return 42;
  if (!strcmp(cmd, "exit")) deep_exit(5);
  if (!strcmp(cmd, "exit0")) exit(EXIT_SUCCESS);
  if (!strcmp(cmd, "exit1")) exit(EXIT_FAILURE);
  if (!strcmp(cmd, "exit300")) exit(300);
  if (!strcmp(cmd, "_Exit")) _Exit(5);
  if (!strcmp(cmd, "abort")) abort();
  if (!strcmp(cmd, "raise")) raise(SIGABRT);
  if (!strcmp(cmd, "assert")) printf("%d\n", checked(-1));
  if (!strcmp(cmd, "ndebug")) printf("%d %d\n", unchecked(-1), checked(4));
  return 0;
}
