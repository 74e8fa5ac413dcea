// sprintf_fmt: formatting into buffers with sprintf and snprintf: flags (- + space # 0), width
// and precision (also from *), length modifiers hh h l ll z j t, %c %s %% %o %x %X %u %i, and
// snprintf's truncation and return value, checked with strlen.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void show(const char *fmt_name, const char *buf, int ret) {
  printf("%-14s [%s] ret %d%s\n", fmt_name, buf, ret, (size_t)ret == strlen(buf) ? "" : " (truncated)");
}

int main(void) {
  char buf[64];
  int r;
  r = sprintf(buf, "%d|%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42, 42);
  show("ints", buf, r);
  r = sprintf(buf, "%d|%5d|%-5d|%05d|%+d|% d", -42, -42, -42, -42, -42, -42);
  show("negatives", buf, r);
  r = sprintf(buf, "%x|%X|%#x|%#o|%o|%#X|%08x", 255u, 255u, 255u, 8u, 8u, 0u, 0xbeefu);
  show("hex/octal", buf, r);
  r = sprintf(buf, "%.3d|%.0d|%8.3d|%-8.3d|%+.2d", 7, 0, -7, 7, 3);
  show("precision", buf, r);
  r = sprintf(buf, "%*d|%-*d|%.*d|%*.*d", 6, 1, 6, 2, 4, 3, 7, 5, -4);
  show("star", buf, r);
  r = sprintf(buf, "%s|%10s|%-10s|%.3s|%10.2s", "abc", "right", "left", "truncate", "xyz");
  show("strings", buf, r);
  r = sprintf(buf, "%c%c%c|%5c|%-3c|%%|%%%%", 'a', 'b', 'c', 'R', 'L');
  show("chars", buf, r);
  r = sprintf(buf, "%hhd|%hhu|%hd|%hu", 300, 300, 70000, 70000);
  show("hh and h", buf, r);
  r = sprintf(buf, "%lld|%llu|%llx", -9223372036854775807LL - 1, 18446744073709551615ULL, 0xfedcba9876543210ULL);
  show("ll", buf, r);
  r = sprintf(buf, "%ld|%lu|%lx", -2147483647L - 1, 4294967295UL, 0xabcdefUL);
  show("l (32-bit)", buf, r);
  r = sprintf(buf, "%zu|%zd|%jd|%ju|%td", sizeof(int32_t), (ptrdiff_t)-5, (intmax_t)-1234567890123LL,
              (uintmax_t)42, (ptrdiff_t)(buf + 9 - buf));
  show("z j t", buf, r);
  r = sprintf(buf, "%i|%u|%u", -17, 4294967295u, -1);
  show("i and u", buf, r);
  r = sprintf(buf, "%#.3o|%#.0x|%.0x|%#5x|%-#8x|", 8u, 0u, 0u, 1u, 26u);
  show("alternate", buf, r);
  char small[8];
  r = snprintf(small, sizeof small, "%s", "0123456789");
  show("snprintf 8", small, r);
  r = snprintf(small, 1, "%d", 12345);
  show("snprintf 1", small, r);
  r = snprintf(NULL, 0, "%lld items", 1234567890123LL);
  printf("snprintf(NULL, 0) would write %d bytes\n", r);
  int n = 0;
  for (int i = 0; i < 5; i++) n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%d", i ? "," : "", i * i);
  show("appended", buf, n);
  return 0;
}
