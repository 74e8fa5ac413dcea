// args: 123456789 -987654321
// covers: the high word of a 64-bit product of two ints ((long long)a * b >> 32: i64.mul of i64 extends, and a shift), once unsupported, and the unsigned widening product
void compute(const char *input) {
  int a = 0, b = 0;
  sscanf(input, "%d %d", &a, &b);
  int high = (int)(((long long)a * (long long)b) >> 32);
  unsigned uhigh = (unsigned)(((unsigned long long)(unsigned)a * (unsigned)b) >> 32);
  unsigned low = (unsigned)((long long)a * b);
  printf("%d %u %u\n", high, uhigh, low);
}
