// The math library's accuracy harness, shared by engine/test/libm.test.ts and
// scripts/libm-accuracy.ts: inputs per function (edge values and seeded random ones over each
// function's interesting range), one C program that runs our libm (compiled for wasm32 against our
// libc, run in V8) and one native program (gcc + glibc) that computes the reference: glibc's own
// result for the exact functions, its 80-bit long double function for the others. Errors are
// measured in ulps of the double (or float) result.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileC } from '../../compiler/clang';
import { runInV8 } from './oracle';
import { prngU32 } from './prng';

export type Kind = 'exact' | 'approx';
/** What the expression yields: a double, a float, or an integer. */
type Out = 'd' | 'f' | 'i';

export interface LibmFunction {
  readonly name: string;
  readonly kind: Kind;
  readonly out: Out;
  /** Our call, in terms of the inputs a and b (doubles). */
  readonly expr: string;
  /** The native reference: a long double expression for 'approx', else the same call (glibc). */
  readonly ref: string;
  /** Input pairs: edge cases and random values. */
  readonly inputs: (rand: Rand) => [number, number][];
}

interface Rand {
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** A random bit pattern (any double, NaNs included). */
  bits(): number;
  /** A random finite positive double with a uniformly random exponent in [emin, emax]. */
  logUniform(emin: number, emax: number): number;
  readonly n: number;
}

const EDGE = [
  0,
  -0,
  Infinity,
  -Infinity,
  Number.NaN,
  1,
  -1,
  0.5,
  -0.5,
  2,
  -2,
  10,
  1e-300,
  -1e-300,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e300,
  1e22,
  Math.PI,
  -Math.PI,
  Math.PI / 2,
  Math.PI / 4,
  3,
  1.5,
  2.5,
  -2.5,
  0.49999999999999994,
  4503599627370497,
  1 + 2 ** -52,
  1 - 2 ** -53,
];
const pairs = (xs: number[]): [number, number][] => xs.map((x) => [x, 0]);

function randomSet(r: Rand, parts: (() => number)[]): [number, number][] {
  const out: [number, number][] = pairs(EDGE);
  for (const part of parts) for (let i = 0; i < r.n; i++) out.push([part(), 0]);
  return out;
}

function unary(
  name: string,
  kind: Kind,
  ranges: (r: Rand) => (() => number)[],
  opts: { ref?: string; float?: boolean } = {},
): LibmFunction {
  const f = opts.float ? `${name}f` : name;
  const expr = opts.float ? `${f}((float)a)` : `${f}(a)`;
  const ref =
    kind === 'exact'
      ? expr
      : opts.float
        ? `${opts.ref ?? `${name}l`}((long double)(float)a)`
        : `${opts.ref ?? `${name}l`}((long double)a)`;
  return {
    name: f,
    kind,
    out: opts.float ? 'f' : 'd',
    expr,
    ref,
    inputs: (r) => randomSet(r, ranges(r)),
  };
}

function binary(
  name: string,
  kind: Kind,
  gen: (r: Rand) => [number, number],
  opts: { float?: boolean; extra?: [number, number][] } = {},
): LibmFunction {
  const f = opts.float ? `${name}f` : name;
  const expr = opts.float ? `${f}((float)a, (float)b)` : `${f}(a, b)`;
  const ref =
    kind === 'exact'
      ? expr
      : opts.float
        ? `${name}l((long double)(float)a, (long double)(float)b)`
        : `${name}l((long double)a, (long double)b)`;
  return {
    name: f,
    kind,
    out: opts.float ? 'f' : 'd',
    expr,
    ref,
    inputs: (r) => {
      const out: [number, number][] = [...(opts.extra ?? [])];
      for (const a of EDGE)
        for (const b of [0, -0, 1, -1, 2, 0.5, Infinity, -Infinity, Number.NaN, 3]) out.push([a, b]);
      for (let i = 0; i < 3 * r.n; i++) out.push(gen(r));
      return out;
    },
  };
}

const any = (r: Rand) => [() => r.bits(), () => r.uniform(-1e6, 1e6), () => r.uniform(-8, 8)];
const positive = (r: Rand) => [
  () => r.logUniform(-1074, 1023),
  () => r.uniform(0.5, 2),
  () => r.uniform(1 - 2 ** -20, 1 + 2 ** -20),
];

/** Every function measured, double forms then float forms. */
export const LIBM_FUNCTIONS: LibmFunction[] = [
  // exact
  unary('fabs', 'exact', any),
  unary('sqrt', 'exact', (r) => [() => r.bits(), () => r.logUniform(-1074, 1023)]),
  unary('floor', 'exact', any),
  unary('ceil', 'exact', any),
  unary('trunc', 'exact', any),
  unary('round', 'exact', (r) => [
    () => r.bits(),
    () => r.uniform(-8, 8),
    () => Math.round(r.uniform(-99, 99)) + 0.5,
  ]),
  unary('rint', 'exact', (r) => [() => r.bits(), () => Math.round(r.uniform(-99, 99)) + 0.5]),
  unary('nearbyint', 'exact', (r) => [
    () => r.uniform(-1e6, 1e6),
    () => Math.round(r.uniform(-99, 99)) + 0.5,
  ]),
  {
    name: 'lround',
    kind: 'exact',
    out: 'i',
    expr: '(long long)lround(a)',
    ref: '(long long)lround(a)',
    inputs: (r) => {
      const out: [number, number][] = pairs([0, -0, 0.5, -0.5, 1.5, 2.5, -2.5, 2147483647.4, -2147483648.4]);
      for (let i = 0; i < r.n; i++)
        out.push([r.uniform(-2e9, 2e9), 0], [Math.round(r.uniform(-99, 99)) + 0.5, 0]);
      return out;
    },
  },
  {
    name: 'llround',
    kind: 'exact',
    out: 'i',
    expr: 'llround(a)',
    ref: 'llround(a)',
    inputs: (r) => {
      const out: [number, number][] = pairs([0, 0.5, -0.5, 2.5, -2.5, 9e18, -9.2e18]);
      for (let i = 0; i < r.n; i++) out.push([r.uniform(-9e18, 9e18), 0], [r.uniform(-99, 99), 0]);
      return out;
    },
  },
  binary('fmod', 'exact', (r) => [r.bits(), r.bits()], {
    extra: [
      [1e308, 3e-308],
      [5e-324, 5e-324],
      [1e-310, 3e-320],
    ],
  }),
  binary('fmod', 'exact', (r) => [r.uniform(-1e4, 1e4), r.uniform(-10, 10)]),
  binary('remainder', 'exact', (r) => [r.bits(), r.bits()]),
  binary('remainder', 'exact', (r) => [r.uniform(-1e4, 1e4), Math.round(r.uniform(-10, 10)) / 2]),
  binary('fmin', 'exact', (r) => [r.bits(), r.bits()]),
  binary('fmax', 'exact', (r) => [r.bits(), r.bits()]),
  binary('fdim', 'exact', (r) => [r.uniform(-1e3, 1e3), r.uniform(-1e3, 1e3)]),
  binary('copysign', 'exact', (r) => [r.bits(), r.bits()]),
  binary('nextafter', 'exact', (r) => [r.bits(), r.bits()], {
    extra: [
      [0, 1],
      [-0, -1],
      [5e-324, 0],
      [Number.MAX_VALUE, Infinity],
      [2.2250738585072014e-308, 0],
    ],
  }),
  {
    name: 'frexp',
    kind: 'exact',
    out: 'd',
    expr: '({ int e; frexp(a, &e); })',
    ref: '({ int e; frexp(a, &e); })',
    inputs: (r) => randomSet(r, [() => r.bits(), () => r.logUniform(-1074, -1000)]),
  },
  {
    name: 'frexp(exponent)',
    kind: 'exact',
    out: 'i',
    expr: '({ int e; frexp(a, &e); (long long)e; })',
    ref: '({ int e; frexp(a, &e); (long long)e; })',
    inputs: (r) => randomSet(r, [() => r.bits(), () => r.logUniform(-1074, -1000)]),
  },
  binary('ldexp', 'exact', (r) => [r.bits(), Math.round(r.uniform(-2200, 2200))], {
    extra: [
      [1.5, -1074],
      [1.5, -1075],
      [3, -1076],
      [2.5, -1075],
      [0.75, -1073],
      [1, 1024],
      [1, -1075],
      [5e-324, 2098],
    ],
  }),
  binary('ldexp', 'exact', (r) => [r.uniform(-4, 4), Math.round(r.uniform(-1100, -1020))]),
  {
    name: 'modf',
    kind: 'exact',
    out: 'd',
    expr: '({ double t; modf(a, &t); })',
    ref: '({ double t; modf(a, &t); })',
    inputs: (r) => randomSet(r, any(r)),
  },
  {
    name: 'modf(integral)',
    kind: 'exact',
    out: 'd',
    expr: '({ double t; modf(a, &t); t; })',
    ref: '({ double t; modf(a, &t); t; })',
    inputs: (r) => randomSet(r, any(r)),
  },
  // approximated
  unary('exp', 'approx', (r) => [
    () => r.uniform(-745.2, 709.8),
    () => r.uniform(-1, 1),
    () => r.uniform(-750, -700),
  ]),
  unary('exp2', 'approx', (r) => [() => r.uniform(-1075, 1024), () => r.uniform(-1, 1)]),
  unary('expm1', 'approx', (r) => [
    () => r.uniform(-40, 709.7),
    () => r.uniform(-1, 1),
    () => r.uniform(-1e-3, 1e-3),
  ]),
  unary('log', 'approx', positive),
  unary('log2', 'approx', positive),
  unary('log10', 'approx', positive),
  unary('log1p', 'approx', (r) => [
    () => r.uniform(-1, 1),
    () => r.logUniform(-60, 1000),
    () => r.uniform(-1e-6, 1e-6),
  ]),
  unary('sin', 'approx', (r) => [
    () => r.uniform(-10, 10),
    () => r.uniform(-1e6, 1e6),
    () => r.logUniform(19, 1023),
  ]),
  unary('cos', 'approx', (r) => [
    () => r.uniform(-10, 10),
    () => r.uniform(-1e6, 1e6),
    () => r.logUniform(19, 1023),
  ]),
  unary('tan', 'approx', (r) => [
    () => r.uniform(-10, 10),
    () => r.uniform(-1e6, 1e6),
    () => r.logUniform(19, 1023),
  ]),
  unary('asin', 'approx', (r) => [() => r.uniform(-1, 1), () => r.uniform(0.99, 1)]),
  unary('acos', 'approx', (r) => [
    () => r.uniform(-1, 1),
    () => r.uniform(0.99, 1),
    () => r.uniform(-1, -0.99),
  ]),
  unary('atan', 'approx', (r) => [() => r.uniform(-4, 4), () => r.bits()]),
  unary('sinh', 'approx', (r) => [() => r.uniform(-712, 712), () => r.uniform(-2, 2)]),
  unary('cosh', 'approx', (r) => [() => r.uniform(-712, 712), () => r.uniform(-2, 2)]),
  unary('tanh', 'approx', (r) => [() => r.uniform(-25, 25), () => r.uniform(-2, 2)]),
  unary('cbrt', 'approx', (r) => [() => r.bits(), () => r.uniform(-10, 10)]),
  binary('atan2', 'approx', (r) => [r.bits(), r.bits()]),
  binary('atan2', 'approx', (r) => [r.uniform(-2, 2), r.uniform(-2, 2)]),
  binary('hypot', 'approx', (r) => [r.bits(), r.bits()]),
  binary('hypot', 'approx', (r) => [r.uniform(-10, 10), r.uniform(-10, 10)]),
  binary('pow', 'approx', (r) => [r.uniform(0, 10), r.uniform(-60, 60)]),
  binary('pow', 'approx', (r) => [r.uniform(1 - 2 ** -20, 1 + 2 ** -20), r.uniform(-1e8, 1e8)]),
  binary('pow', 'approx', (r) => [r.uniform(-10, 10), Math.round(r.uniform(-300, 300))]),
  binary('pow', 'approx', (r) => [r.logUniform(-1074, 1023), r.uniform(-2, 2)]),
  // float forms
  ...[
    'exp',
    'exp2',
    'expm1',
    'log',
    'log2',
    'log10',
    'log1p',
    'sin',
    'cos',
    'tan',
    'asin',
    'acos',
    'atan',
    'sinh',
    'cosh',
    'tanh',
    'cbrt',
  ].map((name) =>
    unary(
      name,
      'approx',
      (r) => [() => r.uniform(-100, 100), () => r.uniform(-1, 1), () => r.logUniform(-149, 127)],
      {
        float: true,
      },
    ),
  ),
  binary('pow', 'approx', (r) => [r.uniform(0, 10), r.uniform(-40, 40)], { float: true }),
  binary('atan2', 'approx', (r) => [r.uniform(-2, 2), r.uniform(-2, 2)], { float: true }),
  binary('hypot', 'approx', (r) => [r.uniform(-1e30, 1e30), r.uniform(-1e30, 1e30)], { float: true }),
  unary('sqrt', 'exact', (r) => [() => r.logUniform(-149, 127)], { float: true }),
  unary('floor', 'exact', (r) => [() => r.uniform(-1e6, 1e6)], { float: true }),
  binary('fmod', 'exact', (r) => [r.uniform(-1e6, 1e6), r.uniform(-10, 10)], { float: true }),
  ...['fabs', 'ceil', 'trunc', 'round', 'rint', 'nearbyint'].map((name) =>
    unary(
      name,
      'exact',
      (r) => [() => r.uniform(-1e3, 1e3), () => Math.round(r.uniform(-99, 99)) + 0.5, () => r.bits()],
      {
        float: true,
      },
    ),
  ),
  ...['remainder', 'fmin', 'fmax', 'copysign', 'nextafter'].map((name) =>
    binary(name, 'exact', (r) => [r.bits(), r.bits()], { float: true }),
  ),
  binary('ldexp', 'exact', (r) => [r.uniform(-4, 4), Math.round(r.uniform(-160, 140))], { float: true }),
  {
    name: 'frexpf',
    kind: 'exact',
    out: 'f',
    expr: '({ int e; frexpf((float)a, &e) * 0 + (float)e; })',
    ref: '({ int e; frexpf((float)a, &e) * 0 + (float)e; })',
    inputs: (r) => randomSet(r, [() => r.logUniform(-149, 127)]),
  },
  {
    name: 'modff',
    kind: 'exact',
    out: 'f',
    expr: '({ float t; modff((float)a, &t); })',
    ref: '({ float t; modff((float)a, &t); })',
    inputs: (r) => randomSet(r, [() => r.uniform(-1e3, 1e3)]),
  },
];

const buf = new DataView(new ArrayBuffer(8));
const toBits = (x: number) => {
  buf.setFloat64(0, x);
  return buf.getBigUint64(0);
};
const fromBits = (u: bigint) => {
  buf.setBigUint64(0, u);
  return buf.getFloat64(0);
};

function makeRand(seed: number, n: number): Rand {
  const u32 = prngU32(seed);
  const unit = () => (u32() * 2 ** 21 + (u32() >>> 11)) / 2 ** 53;
  return {
    n,
    uniform: (lo, hi) => lo + (hi - lo) * unit(),
    bits: () => fromBits((BigInt(u32()) << 32n) | BigInt(u32())),
    logUniform: (emin, emax) => {
      const e = emin + Math.floor(unit() * (emax - emin + 1));
      return (1 + unit()) * 2 ** e || 5e-324;
    },
  };
}

export interface Case {
  readonly fn: LibmFunction;
  readonly inputs: [number, number][];
}

/** Every function's inputs for a seed and a random-sample count per range. */
export function libmCases(seed: number, n: number, only?: (f: LibmFunction) => boolean): Case[] {
  return LIBM_FUNCTIONS.filter((f) => !only || only(f)).map((fn, i) => ({
    fn,
    inputs: fn.inputs(makeRand(seed + i * 7919, n)),
  }));
}

/** The C program for a side: 'ours' prints our results' bits, 'ref' the references. */
function program(cases: Case[], side: 'ours' | 'ref'): string {
  const lines = ['#include <math.h>', '#include <stdio.h>', '#include <string.h>', '#include <stdint.h>'];
  lines.push(
    'static void pd(double v) { uint64_t u; memcpy(&u, &v, 8); printf("%016llx\\n", (unsigned long long)u); }',
    'static void pf(float v) { uint32_t u; memcpy(&u, &v, 4); printf("%08x\\n", u); }',
    'static void pi(long long v) { printf("%lld\\n", v); }',
    'static double d(uint64_t u) { double v; memcpy(&v, &u, 8); return v; }',
  );
  if (side === 'ref')
    lines.push(
      // the reference as a double-double (hi, lo) of the long double; floats as (float hi, lo)
      'static void rd(long double v) { double h = (double)v; pd(h); pd(isfinite(h) ? (double)(v - h) : 0.0); }',
      'static void rf(long double v) { float h = (float)v; pf(h); pd(isfinite(h) ? (double)(v - h) : 0.0); }',
    );
  cases.forEach((c, k) => {
    const flat = c.inputs.flatMap(([a, b]) => [
      `0x${toBits(a).toString(16)}ull`,
      `0x${toBits(b).toString(16)}ull`,
    ]);
    lines.push(`static const uint64_t in${k}[${flat.length}] = {${flat.join(',')}};`);
  });
  lines.push('int main(void) {');
  cases.forEach((c, k) => {
    const expr = side === 'ours' || c.fn.kind === 'exact' ? c.fn.expr : c.fn.ref;
    const print =
      side === 'ref' && c.fn.kind === 'approx'
        ? c.fn.out === 'f'
          ? 'rf'
          : 'rd'
        : { d: 'pd', f: 'pf', i: 'pi' }[c.fn.out];
    lines.push(
      `  for (int i = 0; i < ${c.inputs.length}; i++) { double a = d(in${k}[2 * i]), b = d(in${k}[2 * i + 1]); (void)b; ${print}(${expr}); }`,
    );
  });
  lines.push('  return 0;', '}', '');
  return lines.join('\n');
}

/** Runs both sides; returns our output lines and the reference's. */
export function runLibm(cases: Case[]): { ours: string[]; ref: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-libm-'));
  try {
    const oursC = join(dir, 'ours.c');
    writeFileSync(oursC, program(cases, 'ours'));
    const run = runInV8(compileC(oursC), null, 0);
    if (run.status !== 0)
      throw new Error(`our libm program ended with status ${run.status} ${run.trap ?? ''}`);
    const refC = join(dir, 'ref.c');
    writeFileSync(refC, program(cases, 'ref'));
    const exe = join(dir, 'ref');
    const cc = spawnSync('gcc', ['-O1', '-fno-builtin', '-o', exe, refC, '-lm'], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`gcc failed:\n${cc.stderr}`);
    const ref = spawnSync(exe, [], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (ref.status !== 0) throw new Error(`the reference program failed: ${ref.stderr}`);
    return {
      ours: Buffer.from(run.output).toString('latin1').trimEnd().split('\n'),
      ref: ref.stdout.trimEnd().split('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Measured {
  readonly name: string;
  readonly kind: Kind;
  readonly samples: number;
  /** Largest error in ulps (approx), or the number of results whose bits differ (exact). */
  readonly maxUlp: number;
  readonly mismatches: string[];
}

const f32 = new DataView(new ArrayBuffer(4));
function floatFromHex(h: string): number {
  f32.setUint32(0, Number.parseInt(h, 16));
  return f32.getFloat32(0);
}

/** The distance between value and the reference hi + lo, in ulps of the reference's format. */
function ulpError(value: number, hi: number, lo: number, float: boolean): number {
  if (Number.isNaN(hi)) return Number.isNaN(value) ? 0 : Infinity;
  if (!Number.isFinite(hi)) return value === hi ? 0 : Infinity;
  if (!Number.isFinite(value)) return Infinity;
  const [bias, mant, min] = float ? [127, 23, -149] : [1023, 52, -1074];
  const a = Math.abs(hi);
  const e = a === 0 ? min : Math.max(Math.floor(Math.log2(a)) - mant, min);
  // log2 can land one off at binade edges: fix with exact powers of two.
  let ex = e;
  if (a !== 0 && ex > min && 2 ** (ex + mant) > a) ex--;
  if (a !== 0 && 2 ** (ex + mant + 1) <= a) ex++;
  void bias;
  return Math.abs(value - hi - lo) / 2 ** Math.max(ex, min);
}

/** Compares the two sides' lines function by function. */
export function measure(cases: Case[], ours: string[], ref: string[]): Measured[] {
  const out: Measured[] = [];
  let io = 0;
  let ir = 0;
  for (const c of cases) {
    let maxUlp = 0;
    const mismatches: string[] = [];
    for (const [a, b] of c.inputs) {
      const mine = ours[io++];
      const show = `${c.fn.expr.replace(/\(float\)/g, '')} with a=${a} b=${b}`;
      if (c.fn.kind === 'exact') {
        const theirs = ref[ir++];
        if (mine === theirs) continue;
        const nan = (h: string) =>
          c.fn.out === 'd'
            ? Number.isNaN(fromBits(BigInt(`0x${h}`)))
            : c.fn.out === 'f' && Number.isNaN(floatFromHex(h));
        if (nan(mine) && nan(theirs)) continue; // NaN bits are not specified (see docs)
        // fmin/fmax between -0 and +0: ours orders -0 < +0, glibc returns an operand (documented).
        const zero = (v: number) => (c.fn.out === 'f' ? Math.fround(v) : v) === 0;
        if (/^f(min|max)/.test(c.fn.name) && zero(a) && zero(b)) continue;
        maxUlp++;
        mismatches.push(`${show}: ours ${mine}, glibc ${theirs}`);
      } else {
        const float = c.fn.out === 'f';
        const v = float ? floatFromHex(mine) : fromBits(BigInt(`0x${mine}`));
        const hi = float ? floatFromHex(ref[ir++]) : fromBits(BigInt(`0x${ref[ir++]}`));
        const lo = fromBits(BigInt(`0x${ref[ir++]}`));
        const err = ulpError(v, hi, lo, float);
        if (err > maxUlp) maxUlp = err;
        if (err > (process.env.LIBM_SHOW ? Number(process.env.LIBM_SHOW) : 1))
          mismatches.push(`${show}: ours ${v}, reference ${hi} + ${lo} (${err} ulp)`);
      }
    }
    out.push({ name: c.fn.name, kind: c.fn.kind, samples: c.inputs.length, maxUlp, mismatches });
  }
  if (io !== ours.length || ir !== ref.length)
    throw new Error(
      `output lengths differ from the inputs: ours ${ours.length}/${io}, ref ${ref.length}/${ir}`,
    );
  return out;
}
