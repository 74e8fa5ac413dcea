// Inputs for the printf/strtod/scanf float tests (libc-float-format.test.ts): seeded random
// doubles (bit patterns and "nice" decimals), the classic hard cases, and decimal strings for
// strtod, all written into one C program that gcc (glibc) and our C library must run alike.
import { prngU32 } from './prng';

/** A double as its 16 hex digits. */
export type Bits = string;

const hex64 = (hi: number, lo: number): Bits =>
  (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

export function bitsOf(x: number): Bits {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return hex64(v.getUint32(0), v.getUint32(4));
}

/** Values every printf format is tried on. */
export const HARD_VALUES: readonly Bits[] = [
  '0000000000000000', // 0
  '8000000000000000', // -0
  '0010000000000000', // DBL_MIN
  '0000000000000001', // DBL_TRUE_MIN = 5e-324
  '000fffffffffffff', // largest subnormal
  '0000000000000123',
  '7fefffffffffffff', // DBL_MAX
  '7ff0000000000000', // inf
  'fff0000000000000', // -inf
  '7ff8000000000000', // nan
  'fff8000000000000', // -nan
  '7ff0000000000001', // a signalling NaN payload
  ...[
    0.1,
    1e23,
    2 ** 53 - 1,
    2 ** 53 + 2,
    0.125,
    2.5,
    0.5,
    1.5,
    1e21,
    1e22,
    314159e-5, // the classic printf("%f") example, not pi
    1e-5,
    9.9999e-5,
    0.0001,
    1e6,
    999999.5,
    999999.4,
    123456789,
    1 / 3,
    2 / 3,
    0.05,
    0.015,
    0.0625,
    1e100,
    1e-100,
    1e300,
    1e-300,
    5e-324,
    4.35,
    1234.5678,
    9.5,
    99.5,
    0.95,
    6.02214076e23,
    1.602176634e-19,
    65536,
  ].flatMap((x) => [bitsOf(x), bitsOf(-x)]),
];

/** Seeded random doubles: half random bit patterns (finite), half "nice" decimals. */
export function randomValues(seed: number, n: number): Bits[] {
  const next = prngU32(seed);
  const out: Bits[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      let hi = next();
      if (((hi >>> 20) & 0x7ff) === 0x7ff) hi ^= 0x40000000;
      out.push(hex64(hi, next()));
    } else {
      const digits = (next() % 1_000_000) + 1;
      const scale = (next() % 21) - 10;
      out.push(bitsOf(digits * 10 ** scale));
    }
  }
  return out;
}

export const FORMATS: readonly string[] = [
  '%f',
  '%F',
  '%e',
  '%E',
  '%g',
  '%G',
  '%a',
  '%A',
  '%.0f',
  '%.1f',
  '%.2f',
  '%.3f',
  '%.5f',
  '%.10f',
  '%.17f',
  '%.20f',
  '%.40f',
  '%.0e',
  '%.1e',
  '%.3e',
  '%.10e',
  '%.16e',
  '%.20e',
  '%.40e',
  '%.0g',
  '%.1g',
  '%.2g',
  '%.6g',
  '%.10g',
  '%.15g',
  '%.17g',
  '%.20g',
  '%.40g',
  '%.0a',
  '%.1a',
  '%.3a',
  '%.12a',
  '%.13a',
  '%.20a',
  '%#.0f',
  '%#.0e',
  '%#g',
  '%#.3g',
  '%#a',
  '%+f',
  '% e',
  '%+g',
  '%-14.3f|',
  '%14.3e|',
  '%014.3f',
  '%-+014g|',
  '%020a',
  '% 012.4E',
  '%12s',
  '%*.*f',
];

/** strtod inputs: hard cases and random decimal strings (17-25 digits, exponents everywhere). */
export function strtodInputs(seed: number, n: number): string[] {
  const next = prngU32(seed);
  const out = [
    '0',
    '-0',
    '1',
    '0.1',
    '3.14159',
    '1e23',
    '9007199254740993',
    '9007199254740992.5',
    '9007199254740993.0000000000000000000000000000001',
    '2.2250738585072011e-308',
    '2.2250738585072014e-308',
    '2.2250738585072012e-308',
    '1.7976931348623157e308',
    '1.7976931348623158e308',
    '1.7976931348623159e308',
    '1e309',
    '-1e309',
    '4.9e-324',
    '2.4703282292062328e-324',
    '2.4703282292062327e-324',
    '2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324',
    '1e-400',
    '  +12.5e-1xyz',
    '0x1.8p3',
    '0x.1p-1070',
    '0x1p-1075',
    '0x1.0000000000001p-1075',
    '0x1.fffffffffffff8p1023',
    '0x1.fffffffffffff7ffp1023',
    '-0x',
    '0x',
    'inf',
    '-Infinity',
    'infin',
    'nan',
    '-nan',
    'nan(123)',
    'nan(0x7)',
    'nan(abc)',
    'nan(',
    '1e',
    '1e+',
    '.5',
    '.',
    '-.e1',
    'abc',
    '',
    '1.5e99999999999',
    '1e-99999999999',
    '123456789012345678901234567890e-10',
    `0.${'0'.repeat(400)}1e400`,
    `1${'0'.repeat(400)}e-400`,
    `${'9'.repeat(1000)}e-1000`,
    '3.4028235677973366e38',
    '3.4028235677973367e38',
    '1.4e-45',
    '1.17549421e-38',
    '0.000001e-320',
  ];
  for (let i = 0; i < n; i++) {
    const nd = 17 + (next() % 9);
    let s = String((next() % 9) + 1);
    for (let k = 1; k < nd; k++) s += String(next() % 10);
    const e = (next() % 660) - 340;
    out.push(`${s[0]}.${s.slice(1)}e${e}`);
  }
  return out;
}

const cString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The C program: printf of every value in every format, strtod/strtof of every input, round trips. */
export function floatFormatProgram(
  values: readonly Bits[],
  formats: readonly string[],
  inputs: readonly string[],
): string {
  return `#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static const unsigned long long V[] = {${values.map((b) => `0x${b}ull`).join(',')}};
static const char *const F[] = {${formats.map(cString).join(',')}};
static const char *const S[] = {${inputs.map(cString).join(',')}};
int main(void) {
  char buf[2000];
  for (unsigned i = 0; i < sizeof V / sizeof V[0]; i++) {
    double d;
    memcpy(&d, &V[i], 8);
    for (unsigned j = 0; j < sizeof F / sizeof F[0]; j++) {
      int n;
      if (!strcmp(F[j], "%12s")) n = printf("%12.3f|%-9.2e|%g\\n", d, d, d);
      else if (!strcmp(F[j], "%*.*f")) n = printf("%*.*f|%-*.*e\\n", 30, 4, d, -25, 7, d);
      else {
        n = printf(F[j], d);
        putchar('\\n');
      }
      printf("%d\\n", n);
    }
    int k = snprintf(buf, 8, "%.17g", d);
    char *end;
    double back = strtod(buf, &end);
    snprintf(buf, sizeof buf, "%.17g", d);
    double back2 = strtod(buf, &end);
    printf("%d %s %d\\n", k, buf, memcmp(&back2, &d, 8) == 0 || d != d);
    (void)back;
  }
  for (unsigned i = 0; i < sizeof S / sizeof S[0]; i++) {
    char *e1, *e2;
    errno = 0;
    double d = strtod(S[i], &e1);
    int r1 = errno;
    errno = 0;
    float f = strtof(S[i], &e2);
    int r2 = errno;
    unsigned long long u;
    unsigned int uf;
    memcpy(&u, &d, 8);
    memcpy(&uf, &f, 4);
    double sc = -1;
    int n = -1;
    int r = sscanf(S[i], "%lf%n", &sc, &n);
    printf("%016llx %d %d %08x %d %d %d %d %a\\n", u, (int)(e1 - S[i]), r1, uf, (int)(e2 - S[i]), r2, r, n, sc);
  }
  return 0;
}
`;
}
