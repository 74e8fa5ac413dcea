// error: f64
// covers: double-precision floating point arithmetic on runtime values (f64 instructions)
void compute(const char *input) {
  int n = parse_int(input);
  int r = (int)((double)n / 3.0 + 0.5); /* @unsupported */
  printf("%d\n", r);
}
