// args: 3 1 4 1 5 9 2 6 5 3 5
// covers: global counters changed by several functions, static local variables that persist across calls, const lookup tables, global arrays initialised with data, zero-initialised globals (scalars, arrays, struct), string literal table
static int total_calls;
static int event_count[4];
static unsigned checksum = 17u;
static int primes[10] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
static const unsigned char squares[16] = {0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225};
static const char *const names[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
static struct {
  int hits;
  int misses;
  int last;
} cache_stats;
static int cache_keys[8];
static int cache_vals[8];

static __attribute__((noinline)) int next_id(void) {
  static int id = 100;
  total_calls++;
  return id++;
}

static __attribute__((noinline)) int running_average(int x) {
  static int sum;
  static int n;
  total_calls++;
  sum += x;
  n++;
  return sum / n;
}

static __attribute__((noinline)) int cached_square_sum(int k) {
  total_calls++;
  int slot = k & 7;
  if (cache_keys[slot] == k + 1) {
    cache_stats.hits++;
    return cache_vals[slot];
  }
  cache_stats.misses++;
  int s = 0;
  for (int i = 0; i <= k && i < 16; i++) s += squares[i];
  cache_keys[slot] = k + 1;
  cache_vals[slot] = s;
  cache_stats.last = k;
  return s;
}

static void record(int x) {
  event_count[x % 4]++;
  checksum = checksum * 31u + (unsigned)x;
  primes[x % 10] += x;
}

void compute(const char *input) {
  const char *p = input;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    int x = parse_int(p);
    while (*p && *p != ' ') p++;
    if (x < 0 || x > 9) continue;
    int id = next_id();
    int avg = running_average(x);
    int sq = cached_square_sum(x);
    record(x);
    printf("#%d %s avg=%d sqsum=%d\n", id, names[x], avg, sq);
  }
  printf("calls=%d", total_calls);
  printf(" hits=%d", cache_stats.hits);
  printf(" misses=%d", cache_stats.misses);
  printf(" last=%d\n", cache_stats.last);
  printf("events");
  for (int i = 0; i < 4; i++) printf(" %d", event_count[i]);
  printf("\nprimes");
  for (int i = 0; i < 10; i++) printf(" %d", primes[i]);
  printf("\nchecksum=%u next=%d\n", checksum, next_id());
}
