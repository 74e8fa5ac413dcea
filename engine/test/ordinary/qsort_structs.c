// qsort_structs: a table of employees sorted with qsort by two keys (department ascending, then
// salary descending, then name), and by a 64-bit key, printed as aligned columns.
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct employee {
  char name[12];
  char dept[8];
  int32_t salary;
  int64_t badge;
};

static struct employee staff[] = {
    {"Ada", "eng", 120000, 7000000001LL},   {"Grace", "eng", 125000, 7000000002LL},
    {"Linus", "ops", 90000, -5LL},          {"Ken", "eng", 120000, 4294967296LL},
    {"Barbara", "research", 99000, 12LL},   {"Dennis", "ops", 90000, 4294967295LL},
    {"Margaret", "research", 135000, -9000000000LL}, {"Alan", "eng", 98000, 0LL},
    {"Edsger", "research", 99000, 123456789012345LL},
};

static int by_dept_salary_name(const void *a, const void *b) {
  const struct employee *x = a, *y = b;
  int c = strcmp(x->dept, y->dept);
  if (c) return c;
  if (x->salary != y->salary) return x->salary > y->salary ? -1 : 1;
  return strcmp(x->name, y->name);
}

static int by_badge(const void *a, const void *b) {
  const struct employee *x = a, *y = b;
  return (x->badge > y->badge) - (x->badge < y->badge);
}

static void print_table(const char *title, const struct employee *e, size_t n) {
  printf("-- %s --\n", title);
  for (size_t i = 0; i < n; i++)
    printf("%-9s %-9s %7" PRId32 " %16" PRId64 "\n", e[i].name, e[i].dept, e[i].salary, e[i].badge);
}

int main(void) {
  size_t n = sizeof staff / sizeof staff[0];
  qsort(staff, n, sizeof staff[0], by_dept_salary_name);
  print_table("by department, salary, name", staff, n);
  int64_t total = 0;
  const char *dept = "";
  int64_t dept_total = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || strcmp(staff[i].dept, dept) != 0) {
      if (i > 0) printf("subtotal %-9s %" PRId64 "\n", dept, dept_total);
      if (i == n) break;
      dept = staff[i].dept;
      dept_total = 0;
    }
    dept_total += staff[i].salary;
    total += staff[i].salary;
  }
  printf("total %" PRId64 "\n", total);
  qsort(staff, n, sizeof staff[0], by_badge);
  print_table("by badge", staff, n);
  struct employee key;
  key.badge = 4294967296LL;
  struct employee *hit = bsearch(&key, staff, n, sizeof staff[0], by_badge);
  printf("badge %" PRId64 " belongs to %s\n", key.badge, hit ? hit->name : "nobody");
  key.badge = 1;
  hit = bsearch(&key, staff, n, sizeof staff[0], by_badge);
  printf("badge %" PRId64 " belongs to %s\n", key.badge, hit ? hit->name : "nobody");
  return 0;
}
