// error: long double is not supported
// covers: long double (binary128 on WebAssembly, which the machine cannot compute)
void compute(const char *input) {
  long double x = parse_int(input); /* @unsupported */
  printf("%d\n", (int)(x / 3));
}
