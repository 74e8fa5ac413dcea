// switch_table: dense switch statements that compilers turn into jump tables: day and month
// names, roman numerals digit by digit, an opcode decoder with fall-through, and a sparse switch
// for contrast; inputs are the numbers given on the command line.
// args: 0 1 4 6 7 9 12 13 1994 2024 3999 -1
#include <stdio.h>
#include <stdlib.h>

static const char *day_name(int d) {
  switch (d) {
  case 0: return "Sunday";
  case 1: return "Monday";
  case 2: return "Tuesday";
  case 3: return "Wednesday";
  case 4: return "Thursday";
  case 5: return "Friday";
  case 6: return "Saturday";
  default: return "?";
  }
}

static int days_in_month(int m, int leap) {
  switch (m) {
  case 2: return leap ? 29 : 28;
  case 4: case 6: case 9: case 11: return 30;
  case 1: case 3: case 5: case 7: case 8: case 10: case 12: return 31;
  default: return -1;
  }
}

static void roman_digit(char **out, int digit, char one, char five, char ten) {
  switch (digit) {
  case 9: *(*out)++ = one; *(*out)++ = ten; break;
  case 8: case 7: case 6: case 5:
    *(*out)++ = five;
    for (int i = 5; i < digit; i++) *(*out)++ = one;
    break;
  case 4: *(*out)++ = one; *(*out)++ = five; break;
  case 3: *(*out)++ = one; /* fall through */
  case 2: *(*out)++ = one; /* fall through */
  case 1: *(*out)++ = one; /* fall through */
  case 0: break;
  }
}

static int flags_of(int opcode) {
  int f = 0;
  switch (opcode & 7) {
  case 7: f |= 64; /* fall through */
  case 6: f |= 32; /* fall through */
  case 5: f |= 16; break;
  case 4: f |= 8; /* fall through */
  case 3: f |= 4; /* fall through */
  case 2: f |= 2; break;
  case 1: f |= 1; break;
  }
  return f;
}

static const char *sparse(int x) {
  switch (x) {
  case -1: return "minus one";
  case 7: return "seven";
  case 1994: return "a year";
  case 100000: return "a lot";
  default: return "other";
  }
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    int x = atoi(argv[i]);
    char roman[32], *p = roman;
    if (x > 0 && x < 4000) {
      roman_digit(&p, x / 1000, 'M', '?', '?');
      roman_digit(&p, x / 100 % 10, 'C', 'D', 'M');
      roman_digit(&p, x / 10 % 10, 'X', 'L', 'C');
      roman_digit(&p, x % 10, 'I', 'V', 'X');
    }
    *p = '\0';
    printf("%5d: day %-9s month days %2d/%2d roman %-12s flags %3d sparse %s\n", x, day_name(x),
           days_in_month(x, 0), days_in_month(x, 1), roman, flags_of(x), sparse(x));
  }
  return 0;
}
