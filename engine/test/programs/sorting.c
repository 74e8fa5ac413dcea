// args: 31 -4 15 0 99 -4 7 2147483647 -2147483648 42 8 15
// covers: bubble sort with early exit, insertion sort, selection sort on unsigned short, binary search with (lo + hi) / 2, counting inversions, sortedness checks, arrays passed as pointers
static int work[16];
static unsigned short narrow[16];

static __attribute__((noinline)) int bubble_sort(int *a, int n) {
  int passes = 0;
  for (int end = n - 1; end > 0; end--) {
    int swapped = 0;
    for (int i = 0; i < end; i++) {
      if (a[i] > a[i + 1]) {
        int t = a[i];
        a[i] = a[i + 1];
        a[i + 1] = t;
        swapped = 1;
      }
    }
    passes++;
    if (!swapped) break;
  }
  return passes;
}

static __attribute__((noinline)) void insertion_sort_desc(int *a, int n) {
  for (int i = 1; i < n; i++) {
    int key = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] < key) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = key;
  }
}

static __attribute__((noinline)) void selection_sort_u16(unsigned short *a, int n) {
  for (int i = 0; i < n - 1; i++) {
    int m = i;
    for (int j = i + 1; j < n; j++)
      if (a[j] < a[m]) m = j;
    unsigned short t = a[i];
    a[i] = a[m];
    a[m] = t;
  }
}

static __attribute__((noinline)) int binary_search(const int *a, int n, int key) {
  int lo = 0, hi = n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (a[mid] == key) return mid;
    if (a[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1 - lo;
}

static __attribute__((noinline)) int inversions(const int *a, int n) {
  int c = 0;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (a[i] > a[j]) c++;
  return c;
}

static void print_array(const char *label, const int *a, int n) {
  printf("%s:", label);
  for (int i = 0; i < n; i++) printf(" %d", a[i]);
  putchar('\n');
}

void compute(const char *input) {
  const char *p = input;
  int n = 0;
  while (n < 16) {
    while (*p == ' ') p++;
    if (!*p) break;
    int x = parse_int(p);
    while (*p && *p != ' ') p++;
    work[n] = x;
    narrow[n] = (unsigned short)x;
    n++;
  }
  printf("inversions %d\n", inversions(work, n));
  int passes = bubble_sort(work, n);
  print_array("bubble", work, n);
  printf("passes %d, again %d, inversions %d\n", passes, bubble_sort(work, n), inversions(work, n));
  int keys[5];
  keys[0] = work[0];
  keys[1] = work[n - 1];
  keys[2] = work[n / 2];
  keys[3] = work[1] + 1;
  keys[4] = work[n - 2] - 1;
  for (int i = 0; i < 5; i++) printf("search %d -> %d\n", keys[i], binary_search(work, n, keys[i]));
  insertion_sort_desc(work, n);
  print_array("desc", work, n);
  selection_sort_u16(narrow, n);
  printf("u16:");
  for (int i = 0; i < n; i++) printf(" %u", narrow[i]);
  putchar('\n');
}
