// Random float programs, like Csmith but for floating point (Csmith's own programs have none): a
// seed gives a C program of straight-line assignments whose right-hand sides are random
// expression trees over double, float and int variables (+ - * /, comparisons, ?:, casts,
// fabs/sqrt/floor and their f forms, conversions from and to 32- and 64-bit integers), printing
// every result exactly (%a) and in decimal (%.17g / %.9g). The programs are free of undefined
// behaviour: a float → integer conversion goes through a guard that checks the range (NaN fails
// every comparison), integer arithmetic is done unsigned. NaNs are printed as one word, because
// which NaN an operation returns depends on operand order, which compilers may commute.
// checkFloatSeed compares our compiler + reference executor (and V8) with gcc's native builds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, compileFile } from '../../compiler/compile';
import { runReference } from '../../vm/reference';
import { ourSideFailed } from './csmith';
import { runInV8 } from './oracle';
import { buildNative, firstDifference, runNative } from './ordinary';
import { prngU32 } from './prng';

type Kind = 'd' | 'f' | 'i';

const VARS = 3;
const ASSIGNMENTS = 8;
const MAX_DEPTH = 3;

/** The C program of a seed. */
export function floatProgram(seed: number): string {
  const u32 = prngU32(seed);
  const below = (n: number) => u32() % n;
  const pick = <T>(xs: readonly T[]): T => xs[below(xs.length)];
  const hex = (v: number, digits: number) => v.toString(16).padStart(digits, '0');

  /** A double constant as an exact hexadecimal literal: mostly moderate, some tiny, huge, subnormal or few-bit. */
  // Zero literals only initialize variables (volatile, so never folded): gcc 12 folds `0.0 - x`
  // to `-x` when it knows x is not -0 (an integer converted, fabs(x)), which gives -0 instead of
  // +0 for x = +0. For the same reason subtraction is done in a function gcc does not inline
  // (sub_d, sub_f), so that a left operand folded to zero is not seen there.
  const doubleLiteral = (zero = false): string => {
    const sign = below(4) === 0 ? '-' : '';
    const r = below(20);
    if (r === 0 && zero) return `${sign}0.0`;
    const hi = below(1 << 20);
    const lo = below(2) ? u32() : 0; // half of them have short mantissas: ties and exact results
    const mantissa = `${hex(hi, 5)}${hex(lo, 8)}`;
    if (r === 1) return `${sign}0x0.${mantissa}p-1022`;
    const exp = r === 2 ? 900 + below(123) : r === 3 ? -1022 + below(60) : below(41) - 20;
    return `${sign}0x1.${mantissa}p${exp}`;
  };
  const floatLiteral = (zero = false): string => {
    const sign = below(4) === 0 ? '-' : '';
    const r = below(20);
    if (r === 0 && zero) return `${sign}0.0f`;
    const mantissa = hex((below(1 << 23) << 1) >>> 0, 6);
    if (r === 1) return `${sign}0x0.${mantissa}p-126f`;
    const exp = r === 2 ? 100 + below(28) : r === 3 ? -126 + below(20) : below(31) - 15;
    return `${sign}0x1.${mantissa}p${exp}f`;
  };
  const intLiteral = (): string => {
    const r = below(8);
    if (r === 0) return pick(['2147483647', '(-2147483647 - 1)', '16777217', '-16777217']);
    return String(below(201) - 100);
  };

  const gen = (kind: Kind, depth: number): string => {
    const leaf = depth >= MAX_DEPTH || (depth > 0 && below(4) === 0);
    if (leaf) {
      if (below(3) === 0)
        return kind === 'd' ? doubleLiteral() : kind === 'f' ? floatLiteral() : intLiteral();
      return `${kind}${below(VARS)}`;
    }
    const d = depth + 1;
    if (kind === 'i') {
      switch (below(6)) {
        case 0:
          return `to_i32(${gen('d', d)})`;
        case 1:
          return `to_i32(${gen('f', d)})`;
        case 2:
          return `(int)((unsigned)${gen('i', d)} ${pick(['+', '-'])} (unsigned)${gen('i', d)})`;
        case 3:
          return `(${gen('d', d)} ${pick(['<', '<=', '==', '!=', '>=', '>'])} ${gen('d', d)})`;
        case 4:
          return `(int)(unsigned)to_u64(${gen('d', d)})`;
        default:
          return `(${gen('f', d)} ${pick(['<', '>', '=='])} ${gen('f', d)})`;
      }
    }
    const t = kind === 'd' ? 'double' : 'float';
    const fn = kind === 'd' ? '' : 'f';
    const other: Kind = kind === 'd' ? 'f' : 'd';
    switch (below(12)) {
      case 0:
      case 1:
      case 2:
      case 3: {
        const op = pick(['+', '-', '*', '/']);
        const a = gen(kind, d);
        const b = gen(kind, d);
        return op === '-' ? `sub_${kind}(${a}, ${b})` : `(${a} ${op} ${b})`;
      }
      case 4:
        return `(${t})${gen(other, d)}`;
      case 5:
        return `(${t})${gen('i', d)}`;
      case 6:
        return `${pick(['fabs', 'sqrt', 'floor'])}${fn}(${gen(kind, d)})`;
      case 7:
        return `(${gen(kind, d)} ${pick(['<', '>=', '!='])} ${gen(kind, d)} ? ${gen(kind, d)} : ${gen(kind, d)})`;
      case 8:
        return `(${t})to_i64(${gen('d', d)})`;
      case 9:
        return `(${t})to_u64(${gen(kind, d)})`;
      case 10:
        return `(${t})(u0 >> ${below(64)})`;
      default:
        return `-(${gen(kind, d)})`;
    }
  };

  const lines: string[] = [];
  lines.push(`// Random float program, seed ${seed} (engine/test/support/float-programs.ts).`);
  lines.push('#include <math.h>');
  lines.push('#include <stdio.h>');
  lines.push('#if defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ != 0');
  lines.push('#error "floating-point expressions must be evaluated in their own type (SSE, not x87)"');
  lines.push('#endif');
  lines.push('');
  lines.push('/* Conversions to integers only within range: out of range (or NaN) is undefined in C. */');
  lines.push('static int to_i32(double x) { return x > -2147483649.0 && x < 2147483648.0 ? (int)x : -7; }');
  lines.push('static long long to_i64(double x) { return x >= -0x1p63 && x < 0x1p63 ? (long long)x : -9; }');
  lines.push(
    'static unsigned long long to_u64(double x) { return x > -1.0 && x < 0x1p64 ? (unsigned long long)x : 11; }',
  );
  lines.push('/* Not inlined: gcc 12 folds 0.0 - x to -x when it knows x is not -0, wrong for x = +0. */');
  lines.push('__attribute__((noinline)) static double sub_d(double a, double b) { return a - b; }');
  lines.push('__attribute__((noinline)) static float sub_f(float a, float b) { return a - b; }');
  lines.push('static void pd(int n, double x) {');
  lines.push('  if (x != x) printf("%d nan\\n", n);');
  lines.push('  else printf("%d %a %.17g\\n", n, x, x);');
  lines.push('}');
  lines.push('static void pf(int n, float x) {');
  lines.push('  if (x != x) printf("%d nan\\n", n);');
  lines.push('  else printf("%d %a %.9g\\n", n, x, x);');
  lines.push('}');
  const init = (name: string, type: string, values: string[]) =>
    lines.push(`static volatile ${type} ${name}[${VARS}] = {${values.join(', ')}};`);
  const fill = (f: () => string) => Array.from({ length: VARS }, f);
  init(
    'dv',
    'double',
    fill(() => doubleLiteral(true)),
  );
  init(
    'fv',
    'float',
    fill(() => floatLiteral(true)),
  );
  init('iv', 'int', fill(intLiteral));
  lines.push(`static volatile unsigned long long uv = 0x${hex(u32(), 8)}${hex(u32(), 8)}ull;`);
  lines.push('');
  lines.push('int main(void) {');
  for (let v = 0; v < VARS; v++)
    lines.push(`  double d${v} = dv[${v}];\n  float f${v} = fv[${v}];\n  int i${v} = iv[${v}];`);
  lines.push('  unsigned long long u0 = uv;');
  for (let n = 0; n < ASSIGNMENTS; n++) {
    const kind = pick<Kind>(['d', 'd', 'f', 'f', 'i']);
    const target = `${kind}${below(VARS)}`;
    lines.push(`  ${target} = ${gen(kind, 0)};`);
    if (kind === 'i') lines.push(`  printf("${n} %d\\n", ${target});`);
    else lines.push(`  p${kind}(${n}, ${target});`);
  }
  lines.push('  return 0;');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export type FloatSeedResult =
  | { readonly seed: number; readonly kind: 'agree'; readonly tokens: number }
  | { readonly seed: number; readonly kind: 'skipped'; readonly reason: string }
  | { readonly seed: number; readonly kind: 'disagree'; readonly detail: string };

let workDir: string | undefined;

/** The folder generated programs are written to (the caller removes it). */
export function floatProgramDir(): string {
  if (!workDir) workDir = mkdtempSync(join(tmpdir(), 'tvm-floatgen-'));
  return workDir;
}

/** gcc flags of the oracle builds: no fused multiply-add, both without and with optimization. */
export const GCC_FLOAT_BUILDS: readonly (readonly string[])[] = [
  ['-O0', '-ffp-contract=off'],
  ['-O2', '-ffp-contract=off'],
];

/**
 * Writes the program of a seed, runs gcc's -O0 and -O2 builds (which must agree: otherwise the
 * generator wrote a program whose meaning the optimizer may change) and our compiler + reference
 * executor, and V8 on the same .wasm; all must print the same bytes and exit 0.
 */
export async function checkFloatSeed(seed: number, maxTokens: number): Promise<FloatSeedResult> {
  const file = join(floatProgramDir(), `float_${seed}.c`);
  writeFileSync(file, floatProgram(seed));
  const config = { args: [], stdin: new Uint8Array(0) };
  const natives = GCC_FLOAT_BUILDS.map((flags) => ({
    flags,
    run: runNative(buildNative(file, [...flags]), `float_${seed}`, config),
  }));
  const gcc = natives[0].run;
  if (gcc.status !== 0) return { seed, kind: 'disagree', detail: `gcc's build exited with ${gcc.status}` };
  for (const n of natives.slice(1)) {
    const diff = firstDifference(n.run.output, gcc.output);
    if (diff) return { seed, kind: 'disagree', detail: `gcc ${n.flags.join(' ')} vs gcc -O0: ${diff}` };
  }
  let compiled: Awaited<ReturnType<typeof compileFile>>;
  let ref: ReturnType<typeof runReference>;
  try {
    compiled = await compileFile(file, { args: [] });
    ref = runReference(asTokenProgram(compiled), { maxTokens });
  } catch (e) {
    return ourSideFailed(seed, e, maxTokens);
  }
  const diff = firstDifference(ref.output, gcc.output);
  if (diff) return { seed, kind: 'disagree', detail: `reference executor vs gcc: ${diff} (${file})` };
  if (ref.end.status !== 0)
    return { seed, kind: 'disagree', detail: `reference exit status ${ref.end.status}` };
  const v8 = runInV8(compiled.wasm, compiled.input, compiled.inputAddress);
  const v8diff = firstDifference(v8.output, gcc.output);
  if (v8diff) return { seed, kind: 'disagree', detail: `V8 vs gcc: ${v8diff} (${file})` };
  return { seed, kind: 'agree', tokens: ref.trace.length };
}
