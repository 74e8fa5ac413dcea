// error: i64
// covers: 64-bit integer multiply of runtime values (i64.mul, with i64 extends and shifts)
void compute(const char *input) {
  int a = 0, b = 0;
  sscanf(input, "%d %d", &a, &b);
  int high = (int)(((long long)a * (long long)b) >> 32); /* @unsupported */
  printf("%d\n", high);
}
