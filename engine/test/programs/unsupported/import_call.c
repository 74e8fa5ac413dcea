// error: import host_random
// covers: calling an external host function: an import other than output_byte
/* plain `extern int host_random(void);` makes wasm-ld fail with "undefined symbol: host_random";
   naming the import module turns it into a real wasm import (env.host_random) */
__attribute__((import_module("env"), import_name("host_random"))) extern int host_random(void);

void compute(const char *input) {
  int n = parse_int(input);
  int r = host_random(); /* @unsupported */
  printf("%d\n", n + r);
}
