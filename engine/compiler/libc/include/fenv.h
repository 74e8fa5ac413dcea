/* fenv.h: refused. The machine has one rounding mode (to nearest, ties to even) and no
 * floating-point exception flags, so a program that needs this header could not behave as
 * written; a clear error is better than functions that silently do nothing. */
#ifndef _FENV_H
#define _FENV_H
#error "fenv.h: rounding modes and floating-point exceptions are not supported: the machine always rounds to nearest (ties to even) and keeps no exception flags"
#endif
