/* ctype.h for the "C" locale. Each class is range checks, each a subtraction and an unsigned
 * compare, which the machine runs natively (a 256-entry table would cost data words stored in
 * every program's prologue). Two ranges are tested one after the other with __tvm_opaque between
 * them: clang would otherwise join them with `or`, or fold 'a'..'z' and 'A'..'Z' into `c & ~32`,
 * both lowered to helper calls on the machine. EOF and bytes above 127 belong to no class. */
#include <ctype.h>

#include "opaque.h"

#define IN(c, lo, n) ((unsigned int)((c) - (lo)) < (unsigned int)(n))
#define OPAQUE(c) ((int)__tvm_opaque((unsigned int)(c)))

int isdigit(int c) { return IN(c, '0', 10); }
int islower(int c) { return IN(c, 'a', 26); }
int isupper(int c) { return IN(c, 'A', 26); }
int isalpha(int c) {
  if (IN(c, 'a', 26)) return 1;
  return IN(OPAQUE(c), 'A', 26);
}
int isalnum(int c) {
  if (IN(c, '0', 10)) return 1;
  if (IN(OPAQUE(c), 'a', 26)) return 1;
  return IN(OPAQUE(c), 'A', 26);
}
int isxdigit(int c) {
  if (IN(c, '0', 10)) return 1;
  if (IN(OPAQUE(c), 'a', 6)) return 1;
  return IN(OPAQUE(c), 'A', 6);
}
int isspace(int c) {
  if (c == ' ') return 1;
  return IN(OPAQUE(c), '\t', 5);
}
int isblank(int c) {
  if (c == ' ') return 1;
  return OPAQUE(c) == '\t';
}
int iscntrl(int c) {
  if (IN(c, 0, 32)) return 1;
  return OPAQUE(c) == 127;
}
int isprint(int c) { return IN(c, ' ', 95); }
int isgraph(int c) { return IN(c, '!', 94); }
int ispunct(int c) {
  if (!IN(c, '!', 94)) return 0;
  return !isalnum(OPAQUE(c));
}
int isascii(int c) { return IN(c, 0, 128); }
int toascii(int c) { return c & 0x7f; }
int tolower(int c) { return IN(c, 'A', 26) ? c + 32 : c; }
int toupper(int c) { return IN(c, 'a', 26) ? c - 32 : c; }
