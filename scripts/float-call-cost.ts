// Measures what the C library's floating-point calls cost the machine: trace tokens and
// instructions of one call (math.h functions, printf's float conversions, strtod), as the
// reference executor runs an -O2 program making the call, minus the same program without it.
// Run with `npx tsx scripts/float-call-cost.ts`; docs/floating-point.md quotes its output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, compileFile } from '../engine/compiler/compile';
import { runReference } from '../engine/vm/reference';

interface Case {
  /** What the table says. */
  readonly call: string;
  /** Statements run with `double x` (opaque to the optimizer: 0.7 read through a volatile) in scope. */
  readonly code: string;
  /** The same program without the call (default: prints x's bits). */
  readonly base?: string;
}

const PRINT_BITS = (v: string) =>
  `{ union { double d; unsigned long long u; } b = { ${v} }; printf("%llx\\n", b.u); }`;

const CASES: Case[] = [
  { call: 'x + y (f64.add)', code: PRINT_BITS('x + y') },
  { call: 'x * y (f64.mul)', code: PRINT_BITS('x * y') },
  { call: 'x / y (f64.div)', code: PRINT_BITS('x / y') },
  { call: 'sqrt(x)', code: PRINT_BITS('sqrt(x)') },
  { call: 'floor(x)', code: PRINT_BITS('floor(x * 10)'), base: PRINT_BITS('x * 10') },
  { call: 'sin(x)', code: PRINT_BITS('sin(x)') },
  { call: 'cos(x)', code: PRINT_BITS('cos(x)') },
  { call: 'exp(x)', code: PRINT_BITS('exp(x)') },
  { call: 'log(x)', code: PRINT_BITS('log(x)') },
  { call: 'pow(x, y)', code: PRINT_BITS('pow(x, y)') },
  { call: 'atan2(x, y)', code: PRINT_BITS('atan2(x, y)') },
  { call: 'printf("%f", x)', code: 'printf("%f\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%.2f", x)', code: 'printf("%.2f\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%e", x)', code: 'printf("%e\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%g", x)', code: 'printf("%g\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%.17g", x)', code: 'printf("%.17g\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%a", x)', code: 'printf("%a\\n", x);', base: 'printf("\\n");' },
  { call: 'printf("%f", 1e300)', code: 'printf("%f\\n", x * 1e300);', base: PRINT_BITS('x * 1e300') },
  { call: 'strtod("0.7")', code: PRINT_BITS('strtod(s, 0)'), base: PRINT_BITS('(double)s[0]') },
  { call: 'strtod("3.141592653589793")', code: PRINT_BITS('strtod(t, 0)'), base: PRINT_BITS('(double)t[0]') },
];

function program(body: string): string {
  return `#include <math.h>
#include <stdio.h>
#include <stdlib.h>
volatile double vx = 0.7, vy = 2.3;
volatile const char *vs = "0.7", *vt = "3.141592653589793";
int main(void) {
  double x = vx, y = vy;
  const char *s = (const char *)vs, *t = (const char *)vt;
  (void)y; (void)s; (void)t;
  ${body}
  return 0;
}
`;
}

async function run(dir: string, name: string, body: string) {
  const file = join(dir, `${name}.c`);
  writeFileSync(file, program(body));
  const tp = asTokenProgram(await compileFile(file, { optimize: 'O2' }));
  const r = runReference(tp, { maxTokens: 500_000_000 });
  if (r.trap) throw new Error(`${name}: trapped (${r.trap.message})`);
  return { tokens: r.trace.length, steps: r.steps };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-float-cost-'));
  try {
    const rows: string[][] = [];
    for (const [i, c] of CASES.entries()) {
      const with_ = await run(dir, `with${i}`, c.code);
      const without = await run(dir, `without${i}`, c.base ?? PRINT_BITS('x'));
      rows.push([
        `\`${c.call}\``,
        String(with_.tokens - without.tokens),
        String(with_.steps - without.steps),
      ]);
    }
    const header = ['call (x = 0.7, y = 2.3)', 'trace tokens', 'instructions executed'];
    const width = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, k) => (k === 0 ? c.padEnd(width[k]) : c.padStart(width[k]))).join(' | ')} |`;
    console.log(line(header));
    console.log(
      `| ${width.map((w, k) => (k === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    );
    for (const r of rows) console.log(line(r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
