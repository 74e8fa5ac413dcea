/*
 * addition.c - schoolbook addition of two arbitrarily long decimal numbers.
 * Usage: addition A+B, with A and B digit strings of any length, e.g. "addition 12345+6789".
 * Output: the equation with its sum, e.g. "12345+6789=19134". Exit status 2 on bad input.
 *
 * The sum is streamed out most significant digit first, so no digit buffer (and no length
 * limit) is needed: a column whose digit sum is 9 may still turn into 0 when a carry arrives
 * from the right, so runs of such columns are held back (only counted) until a column with
 * a sum below 9 (no carry) or above 9 (carry) decides them. Only add/sub/compare are used.
 */

#include <stdio.h>

static int is_digit(int c) { return (unsigned int)(c - '0') <= 9u; }

/* Any control character or space counts as a separator. */
static const char *skip_spaces(const char *s) {
  while ((unsigned int)(*s - 1) < 32u) s++; /* 1 <= *s <= ' ' */
  return s;
}

/* Prints `count` copies of `digit`; *started says whether a nonzero digit was already
 * printed (until then zeros are leading zeros and are dropped). */
static void emit_digits(int digit, int count, int *started) {
  if (count <= 0) return;
  if (!*started) {
    if (digit == 0) return;
    *started = 1;
  }
  while (count > 0) {
    putchar('0' + digit); // @line: emit-digit
    count--;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s A+B (two decimal numbers, e.g. 12345+6789)\n", argv[0]);
    return 2;
  }
  const char *input = argv[1];
  const char *a = skip_spaces(input);
  int len_a = 0;
  while (is_digit(a[len_a])) len_a++;
  const char *p = skip_spaces(a + len_a);
  const char *b = skip_spaces(p + 1);
  int len_b = 0;
  if (*p == '+') {
    while (is_digit(b[len_b])) len_b++;
  }
  if (len_a == 0 || len_b == 0 || *skip_spaces(b + len_b) != 0) {
    fprintf(stderr, "expected input like \"12345+6789\", got \"%s\"\n", input);
    return 2;
  }

  for (int i = 0; i < len_a; i++) putchar(a[i]);
  putchar('+');
  for (int i = 0; i < len_b; i++) putchar(b[i]);
  putchar('=');

  /* Columns are aligned on the right: the longer operand's first digit is column 0, the
   * shorter one starts `len - len_x` columns later. */
  int len = len_a > len_b ? len_a : len_b;
  int skip_a = len - len_a, skip_b = len - len_b;
  int held = 0;  /* last column sum below 9, not yet printed (starts as the possible carry-out) */
  int nines = 0; /* columns with sum exactly 9 after `held` */
  int started = 0;
  for (int col = 0; col < len; col++) {
    int s = 0;
    if (col >= skip_a) s += a[col - skip_a] - '0';
    if (col >= skip_b) s += b[col - skip_b] - '0';
    if (s == 9) {
      nines++;
    } else if (s < 9) { /* no carry reaches the held columns */
      emit_digits(held, 1, &started);
      emit_digits(9, nines, &started);
      held = s;
      nines = 0;
    } else { /* a carry: the held digit goes up by one and the nines roll over to zeros */
      emit_digits(held + 1, 1, &started);
      emit_digits(0, nines, &started);
      held = s - 10;
      nines = 0;
    }
  }
  emit_digits(held, 1, &started);
  emit_digits(9, nines, &started);
  if (!started) putchar('0'); /* the sum is zero */
  putchar('\n');
  return 0;
}
