// Recursion: the innermost frame's parameters and locals at several depths, a function static.
#include <stdio.h>

static int calls = 0;

long long power(long long base, unsigned int exp) {
  static int deepest = 0;
  long long half = 0;
  calls++;
  if ((int)exp > deepest) deepest = (int)exp;
  if (exp == 0) return 1; // @bp: base hits=1 globals=calls,power::deepest
  half = power(base, exp / 2);
  half = half * half; // @bp: unwind hits=1,3,5 globals=calls
  return (exp & 1u) ? half * base : half;
}

unsigned int gcd(unsigned int a, unsigned int b) {
  unsigned int r = a % (b ? b : 1);
  if (b == 0) return a; // @bp: gcd hits=1,2,4
  return gcd(b, r);
}

int main(void) {
  long long p = power(3, 37);
  unsigned int g = gcd(3000000000u, 1234567890u);
  printf("%lld %u %d\n", p, g, calls); // @bp: done hits=1 globals=calls
  return 0;
}
