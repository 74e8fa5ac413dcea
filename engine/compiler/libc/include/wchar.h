/* wchar.h basics: wide strings of wchar_t (32-bit on wasm32, as in glibc). No wide I/O. */
#ifndef _WCHAR_H
#define _WCHAR_H
#include <stddef.h>
#ifndef WEOF
#define WEOF 0xffffffffu
#endif
typedef unsigned int wint_t;
size_t wcslen(const wchar_t *s);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcscpy(wchar_t *restrict d, const wchar_t *restrict s);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wmemset(wchar_t *d, wchar_t c, size_t n);
wchar_t *wmemcpy(wchar_t *restrict d, const wchar_t *restrict s, size_t n);
wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
#endif
