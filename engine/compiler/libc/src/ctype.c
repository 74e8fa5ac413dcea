/* ctype.h for the "C" locale. Each class is a few range checks written as one subtraction and an
 * unsigned compare, which the machine runs natively (a 256-entry table would cost data and a
 * bit-test would be lowered). EOF and bytes above 127 belong to no class. */
#include <ctype.h>

#define IN(c, lo, n) ((unsigned int)((c) - (lo)) < (unsigned int)(n))

int isdigit(int c) { return IN(c, '0', 10); }
int islower(int c) { return IN(c, 'a', 26); }
int isupper(int c) { return IN(c, 'A', 26); }
int isalpha(int c) { return IN(c, 'a', 26) || IN(c, 'A', 26); }
int isalnum(int c) { return IN(c, '0', 10) || IN(c, 'a', 26) || IN(c, 'A', 26); }
int isxdigit(int c) { return IN(c, '0', 10) || IN(c, 'a', 6) || IN(c, 'A', 6); }
int isspace(int c) { return c == ' ' || IN(c, '\t', 5); }
int isblank(int c) { return c == ' ' || c == '\t'; }
int iscntrl(int c) { return IN(c, 0, 32) || c == 127; }
int isprint(int c) { return IN(c, ' ', 95); }
int isgraph(int c) { return IN(c, '!', 94); }
int ispunct(int c) { return IN(c, '!', 94) && !isalnum(c); }
int isascii(int c) { return IN(c, 0, 128); }
int toascii(int c) { return c & 0x7f; }
int tolower(int c) { return IN(c, 'A', 26) ? c + 32 : c; }
int toupper(int c) { return IN(c, 'a', 26) ? c - 32 : c; }
