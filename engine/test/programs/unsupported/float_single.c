// error: f32
// covers: single-precision floating point arithmetic on runtime values (f32 instructions)
void compute(const char *input) {
  int n = parse_int(input);
  int r = (int)((float)n * 0.75f - 1.25f); /* @unsupported */
  printf("%d\n", r);
}
