// args: 12 -5 0 7 33 100 -42 8
// covers: nested loops with break and continue, labelled-style early exit via flag, do-while, switch with fallthrough and default (no jump table), ternary chains, short-circuit && and || with side effects, while with complex conditions
static int side_effects;

static __attribute__((noinline)) int check(int v, int limit) {
  side_effects++;
  return v < limit;
}

static __attribute__((noinline)) const char *describe(int v) {
  switch (v % 4) {
    case 0:
      return "zero";
    case 1:
    case -1:
      return "one";
    case 2:
      return "two";
    case -3:
    case -2:
      return "negative";
    default:
      return "three";
  }
}

static __attribute__((noinline)) int grade(int v) {
  int g = 0;
  switch (v / 10) {
    case 10:
    case 9:
      g += 1; /* fall through */
    case 8:
      g += 1; /* fall through */
    case 7:
      g += 1;
      break;
    case 3:
      g = -1;
      break;
    default:
      g = v < 0 ? -2 : 0;
  }
  return g;
}

void compute(const char *input) {
  int v[8];
  int n = 0;
  const char *p = input;
  while (n < 8 && *p) {
    while (*p == ' ') p++;
    if (!*p) break;
    v[n++] = parse_int(p);
    while (*p && *p != ' ') p++;
  }
  /* pairs whose sum is a multiple of 5, skipping negatives, stopping after 6 */
  int found = 0;
  for (int i = 0; i < n && found < 6; i++) {
    if (v[i] < 0) continue;
    for (int j = i + 1; j < n; j++) {
      if (v[j] < 0) continue;
      if ((v[i] + v[j]) % 5 != 0) continue;
      printf("pair %d+%d\n", v[i], v[j]);
      if (++found >= 6) break;
    }
  }
  printf("found %d\n", found);
  /* search with a flag to leave two loops */
  int target = v[n - 1], fi = -1, fj = -1, done = 0;
  for (int i = 0; i < n && !done; i++) {
    for (int j = 0; j < n; j++) {
      if (i != j && v[i] - v[j] == target) {
        fi = i;
        fj = j;
        done = 1;
        break;
      }
    }
  }
  printf("difference %d at %d,%d\n", target, fi, fj);
  /* do-while runs at least once */
  int k = v[2], iterations = 0;
  do {
    k = k > 0 ? k - 3 : k + 2;
    iterations++;
  } while (k > 0 && iterations < 20);
  printf("do-while %d %d\n", k, iterations);
  /* switch, ternaries */
  for (int i = 0; i < n; i++) {
    int x = v[i];
    const char *sign = x > 0 ? "pos" : x < 0 ? "neg" : "zero";
    printf("%d %s %s grade=%d\n", x, sign, describe(x), grade(x));
  }
  /* short-circuit evaluation: check() runs only when needed */
  int hits = 0;
  for (int i = 0; i < n; i++) {
    if (v[i] > 10 && check(v[i], 50)) hits++;
    if (v[i] == 0 || check(v[i], 0)) hits += 10;
  }
  printf("hits=%d side_effects=%d\n", hits, side_effects);
}
