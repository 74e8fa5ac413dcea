// Generates engine/compiler/libc/src/math/libm_tables.h: the math library's polynomial
// coefficients (Taylor coefficients, exact rationals rounded once to double) and its tables
// (2^(j/64), log(1/c), atan(j/64) as double-doubles, 2/pi bits for the huge-argument reduction).
// Everything is computed here with BigInt fixed-point arithmetic, so the constants are our own
// and reproducible: `npx tsx scripts/libm-tables.ts` (add `--check` to compare with the file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../engine/compiler/paths';

const P = 400n; // fixed-point fraction bits of the working precision
const ONE = 1n << P;

const abs = (a: bigint) => (a < 0n ? -a : a);
const div = (a: bigint, b: bigint) => (a * ONE) / b; // fixed / fixed
const mul = (a: bigint, b: bigint) => (a * b) / ONE; // truncates toward zero (series end)

/** atanh(1/q) for an integer q > 1, fixed point. */
function atanhInv(q: bigint): bigint {
  let term = ONE / q;
  let sum = 0n;
  const q2 = q * q;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term /= q2;
  }
  return sum;
}

/** atanh(x) for a fixed-point |x| <= 1/2. */
function atanh(x: bigint): bigint {
  let sum = 0n;
  let pow = x;
  const x2 = mul(x, x);
  for (let k = 1n; pow !== 0n; k += 2n) {
    sum += pow / k;
    pow = mul(pow, x2);
  }
  return sum;
}

/** atan(1/q) for an integer q > 1 (Machin). */
function atanInv(q: bigint): bigint {
  let term = ONE / q;
  let sum = 0n;
  const q2 = q * q;
  for (let k = 1n, s = 1n; term !== 0n; k += 2n, s = -s) {
    sum += (s * term) / k;
    term /= q2;
  }
  return sum;
}

const LN2 = 2n * atanhInv(3n);
const PI = 16n * atanInv(5n) - 4n * atanInv(239n);

/** exp(x) for a fixed-point |x| <= 1. */
function expFixed(x: bigint): bigint {
  let sum = 0n;
  let term = ONE;
  for (let k = 1n; term !== 0n; k++) {
    sum += term;
    term = mul(term, x) / k;
  }
  return sum;
}

/** log(n/d) for positive integers with n/d in [1/2, 2]: 2 atanh((n-d)/(n+d)). */
function logRatio(n: bigint, d: bigint): bigint {
  return 2n * atanh(((n - d) * ONE) / (n + d));
}

/** atan(x) for fixed-point 0 <= x <= 1 (Euler's series, ratio x^2/(1+x^2) <= 1/2). */
function atanFixed(x: bigint): bigint {
  if (x === 0n) return 0n;
  const x2 = mul(x, x);
  const y = div(x2, ONE + x2);
  let term = div(x, ONE + x2);
  let sum = 0n;
  for (let n = 0n; term !== 0n; n++) {
    sum += term;
    term = (mul(term, y) * (2n * n + 2n)) / (2n * n + 3n);
  }
  return sum;
}

/** The double nearest to num/den (round half even), for num/den in the normal range. */
function ratToDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n !== den < 0n;
  let n = abs(num);
  const d = abs(den);
  // Scale to get a quotient with 54..55 bits plus the sticky remainder.
  let e = 0;
  while (n < d << 54n) {
    n <<= 1n;
    e--;
  }
  // Too large: scale the denominator instead of dropping bits of n (keeps the remainder exact).
  let den2 = d;
  while (n >= den2 << 55n) {
    den2 <<= 1n;
    e++;
  }
  let q = n / den2;
  const rem = n % den2;
  // q has 55 bits: keep 53, round half even with the two extra bits and the remainder.
  const extra = q & 3n;
  q >>= 2n;
  e += 2;
  const half = extra === 2n && rem === 0n;
  if (extra > 2n || (extra === 2n && rem !== 0n) || (half && (q & 1n) === 1n)) q += 1n;
  const v = Number(q) * 2 ** e;
  return neg ? -v : v;
}

const fixToDouble = (x: bigint) => ratToDouble(x, ONE);

/** A double-double (hi rounded to a multiple of 2^-grid when grid is given, lo the rest). */
function dd(x: bigint, grid?: number): [number, number] {
  let hi: number;
  if (grid === undefined) hi = fixToDouble(x);
  else {
    const unit = 1n << (P - BigInt(grid));
    const k = (x + (x >= 0n ? unit / 2n : -unit / 2n)) / unit;
    hi = Number(k) / 2 ** grid;
    if (!Number.isSafeInteger(Number(k))) throw new Error('grid too fine');
  }
  const hiFixed = doubleToFixed(hi);
  return [hi, fixToDouble(x - hiFixed)];
}

function doubleToFixed(v: number): bigint {
  if (v === 0) return 0n;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = (bits & ((1n << 52n) - 1n)) | (exp ? 1n << 52n : 0n);
  const e = BigInt((exp || 1) - 1075);
  const m = v < 0 ? -mant : mant;
  return e >= 0n ? (m << e) << P : (m << P) >> -e;
}

/** C99 hexadecimal floating literal, exact. */
function hex(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0x0p+0' : '0x0p+0';
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  if (exp === 0) throw new Error('subnormal constant');
  const frac = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  return `${v < 0 ? '-' : ''}0x1.${frac}p${exp - 1023 >= 0 ? '+' : ''}${exp - 1023}`;
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}

const out: string[] = [];
out.push('/* libm_tables.h: GENERATED by scripts/libm-tables.ts (BigInt fixed point, 400 bits); do not');
out.push(' * edit. Coefficients are exact rationals rounded once to double; tables are double-doubles. */');
out.push('#ifndef LIBM_TABLES_H');
out.push('#define LIBM_TABLES_H');
out.push('');

const define = (name: string, v: number) => out.push(`#define ${name} ${hex(v)}`);

// ln2 and pi pieces: *_HI on a coarse grid so that small integers times it are exact.
const [ln2hi, ln2lo] = dd(LN2, 42);
define('LN2_HI', ln2hi);
define('LN2_LO', ln2lo);
const [ln2h, ln2l] = dd(LN2);
define('LN2_D', ln2h);
define('LN2_DL', ln2l);
// ln2/64 split with a 36-bit head (|n| < 2^17 keeps n*head exact).
const L64 = LN2 / 64n;
const [l64hi, l64lo] = dd(L64, 42);
define('LN2_64_HI', l64hi);
define('LN2_64_LO', l64lo);
define('INV_LN2_64', fixToDouble(div(64n * ONE, LN2)));
const [il2h, il2l] = dd(div(ONE, LN2));
define('INV_LN2_HI', il2h);
define('INV_LN2_LO', il2l);
const LN10 = logRatio(10n, 8n) + 3n * LN2;
const [il10h, il10l] = dd(div(ONE, LN10));
define('INV_LN10_HI', il10h);
define('INV_LN10_LO', il10l);
const [pih, pil] = dd(PI);
define('PI_HI', pih);
define('PI_LO', pil);
const [pio2h, pio2l] = dd(PI / 2n);
define('PIO2_HI', pio2h);
define('PIO2_LO', pio2l);
define('INV_PIO2', fixToDouble(div(2n * ONE, PI)));
// pi/2 in three 33-bit pieces: k * piece exact for |k| < 2^20.
{
  let rest = PI / 2n;
  for (const name of ['PIO2_1', 'PIO2_2', 'PIO2_3']) {
    const lead = fixToDouble(rest);
    const grid = 33 - Math.floor(Math.log2(Math.abs(lead)));
    const [h] = dd(rest, grid);
    define(name, h);
    rest -= doubleToFixed(h);
  }
  define('PIO2_4', fixToDouble(rest));
}
out.push('');

// Taylor coefficients.
const coef = (name: string, num: bigint, den: bigint) => define(name, ratToDouble(num, den));
for (let k = 2; k <= 7; k++) coef(`EXP_C${k}`, 1n, factorial(k)); // e^r
for (let k = 2; k <= 14; k++) coef(`EXPM1_C${k}`, 1n, factorial(k));
coef('LOG_C2', -1n, 2n); // log1p's r^2 term; the rest is LOGP below
for (let k = 1; k <= 6; k++) coef(`ATAN_C${2 * k + 1}`, k % 2 ? -1n : 1n, BigInt(2 * k + 1));
out.push('');

// Near-minimax polynomials: interpolation at Chebyshev nodes (computed here in fixed point),
// converted to monomials, coefficients rounded to double; the degree is the smallest whose measured
// approximation error (evaluated exactly at 4000 points) is below the target. Fewer terms
// than Taylor's for the same accuracy: every float operation is a helper call on the machine.

/** cos(t) for fixed-point |t| <= 4. */
function cosFixed(t: bigint): bigint {
  let sum = 0n;
  let term = ONE;
  const t2 = mul(t, t);
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term;
    term = -mul(term, t2) / (k * (k + 1n));
  }
  return sum;
}

/** sum_k z^k num(k)/den(k), k = 0.. until the terms vanish. */
function series(z: bigint, coef: (k: number) => [bigint, bigint]): bigint {
  let sum = 0n;
  let pow = ONE;
  for (let k = 0; k < 2000; k++) {
    const [n, d] = coef(k);
    const term = (pow * n) / d;
    sum += term;
    if (pow === 0n || (k > 4 && abs(term) === 0n)) break;
    pow = mul(pow, z);
  }
  return sum;
}

function chebyshevFit(g: (z: bigint) => bigint, a: bigint, b: bigint, degree: number): bigint[] {
  const n = degree + 1;
  const mid = (a + b) / 2n;
  const half = (b - a) / 2n;
  const ts: bigint[] = [];
  for (let k = 0; k < n; k++) ts.push(cosFixed((PI * BigInt(2 * k + 1)) / BigInt(2 * n)));
  const gs = ts.map((t) => g(mid + mul(half, t)));
  // Chebyshev coefficients c_j = 2/n sum_k g_k T_j(t_k), c_0 halved.
  const c: bigint[] = [];
  for (let j = 0; j < n; j++) {
    let sum = 0n;
    for (let k = 0; k < n; k++) {
      let t0 = ONE;
      let t1 = ts[k];
      let tj = j === 0 ? t0 : t1;
      for (let i = 2; i <= j; i++) {
        tj = 2n * mul(ts[k], t1) - t0;
        t0 = t1;
        t1 = tj;
      }
      sum += mul(gs[k], tj);
    }
    c.push((2n * sum) / BigInt(n) / (j === 0 ? 2n : 1n));
  }
  // Integer coefficients of T_j in t, then p(t) in monomials.
  const T: bigint[][] = [[1n], [0n, 1n]];
  for (let j = 2; j < n; j++) {
    const next = new Array<bigint>(j + 1).fill(0n);
    T[j - 1].forEach((v, i) => {
      next[i + 1] += 2n * v;
    });
    T[j - 2].forEach((v, i) => {
      next[i] -= v;
    });
    T.push(next);
  }
  const pt = new Array<bigint>(n).fill(0n);
  for (let j = 0; j < n; j++)
    T[j].forEach((v, i) => {
      pt[i] += v * c[j];
    });
  // t = (z - mid)/half: expand sum pt_i ((z - mid)/half)^i.
  const out = new Array<bigint>(n).fill(0n);
  let power: bigint[] = [ONE];
  const base = [div(-mid, half), div(ONE, half)];
  for (let i = 0; i < n; i++) {
    power.forEach((v, l) => {
      out[l] += mul(pt[i], v);
    });
    const nextPower = new Array<bigint>(power.length + 1).fill(0n);
    power.forEach((v, l) => {
      nextPower[l] += mul(v, base[0]);
      nextPower[l + 1] += mul(v, base[1]);
    });
    power = nextPower;
  }
  return out;
}

/** The fitted polynomial with the smallest degree whose error is below 2^-target, as doubles. */
function fit(name: string, g: (z: bigint) => bigint, a: bigint, b: bigint, target: number): void {
  for (let degree = 1; degree < 20; degree++) {
    // The approximation's own error (before rounding the coefficients, whose error is the same
    // as a Taylor coefficient's).
    const fixed = chebyshevFit(g, a, b, degree);
    const coefs = fixed.map(fixToDouble);
    let worst = 0n;
    for (let i = 0; i <= 4000; i++) {
      const z = a + ((b - a) * BigInt(i)) / 4000n;
      let v = 0n;
      for (let k = fixed.length - 1; k >= 0; k--) v = mul(v, z) + fixed[k];
      const e = abs(v - g(z));
      if (e > worst) worst = e;
    }
    const bits = worst === 0n ? 999 : Number(P) - worst.toString(2).length;
    if (bits >= target) {
      out.push(
        `/* ${name}: degree ${degree} on [${fixToDouble(a)}, ${fixToDouble(b)}], error < 2^-${bits} */`,
      );
      for (const [k, v] of coefs.entries()) define(`${name}${k}`, v);
      return;
    }
  }
  throw new Error(`${name}: no degree below 20 reaches 2^-${target}`);
}

const fact = (n: number) => factorial(n);
// (sin x - x)/x^3 and (sinh x - x)/x^3 in z = x^2; (cos x - 1 + z/2)/z^2; on |x| <= pi/4 (+ a
// margin for the reduction's rounding) and |x| <= 1.
const zTrig = mul(PI / 4n, PI / 4n) + ONE / 1000n;
fit('SINP', (z) => series(z, (k) => [k % 2 ? 1n : -1n, fact(2 * k + 3)]), 0n, zTrig, 60);
fit('COSP', (z) => series(z, (k) => [k % 2 ? -1n : 1n, fact(2 * k + 4)]), 0n, zTrig, 60);
fit('SINHP', (z) => series(z, (k) => [1n, fact(2 * k + 3)]), 0n, ONE, 60);
// (log1p r - r + r^2/2)/r^3 over the reduced range of log's r (|r| < 2^-7 + margin): the r^3 term
// is then below 2^-66 of log x, which pow needs.
fit('LOGP', (z) => series(z, (k) => [k % 2 ? -1n : 1n, BigInt(k + 3)]), -ONE / 125n, ONE / 125n, 53);

// 2^(j/64), j = 0..63, as hi + lo.
out.push('static const double EXP2_TAB[128] = {');
for (let j = 0; j < 64; j++) {
  const [h, l] = dd(expFixed((LN2 * BigInt(j)) / 64n));
  out.push(`  ${hex(h)}, ${hex(l)},`);
}
out.push('};');
out.push('');

// log: for the top 7 fraction bits i of m in [1,2), invc = 1/c rounded to 9 significant bits
// (c the interval's middle; i = 0 uses c = 1 exactly, i = 127 uses c = 2, so that log(x) near
// x = 1 cancels exactly), and -log(invc) as a double-double with its head on a 2^-42 grid.
out.push('static const double LOG_TAB[384] = {');
for (let i = 0; i < 128; i++) {
  let invNum: bigint;
  let invDen: bigint;
  if (i === 0) {
    invNum = 1n;
    invDen = 1n;
  } else if (i === 127) {
    invNum = 1n;
    invDen = 2n;
  } else {
    // c = 1 + (i + 1/2)/128 = (256 + 2i + 1)/256; 1/c rounded to 9 bits: 1/c in (1/2, 1].
    const c2 = BigInt(256 + 2 * i + 1);
    invNum = (512n * 256n + c2 / 2n) / c2; // round(512 * 256/c2) / 512
    invDen = 512n;
  }
  const lg = -logRatio(invNum, invDen);
  const [h, l] = dd(lg, 42);
  out.push(`  ${hex(Number(invNum) / Number(invDen))}, ${hex(h)}, ${hex(l)},`);
}
out.push('};');
out.push('');

// atan(j/64), j = 0..64, as hi + lo.
out.push('static const double ATAN_TAB[130] = {');
for (let j = 0; j <= 64; j++) {
  const [h, l] = dd(atanFixed((ONE * BigInt(j)) / 64n));
  out.push(`  ${hex(h)}, ${hex(l)},`);
}
out.push('};');
out.push('');

// 2/pi as 24-bit chunks (1200 bits) for the Payne-Hanek reduction of huge sin/cos/tan arguments.
{
  const Q = 1300n;
  const one = 1n << Q;
  const atanInvQ = (q: bigint) => {
    let term = one / q;
    let sum = 0n;
    for (let k = 1n, s = 1n; term !== 0n; k += 2n, s = -s) {
      sum += (s * term) / k;
      term /= q * q;
    }
    return sum;
  };
  const piQ = 16n * atanInvQ(5n) - 4n * atanInvQ(239n);
  const twoOverPi = (2n * one * one) / piQ; // fixed point with Q fraction bits, < 1
  const chunks: number[] = [];
  for (let i = 0; i < 50; i++) {
    const shift = Q - 24n * BigInt(i + 1);
    chunks.push(Number((twoOverPi >> shift) & 0xffffffn));
  }
  out.push('/* 2/pi = sum TWO_OVER_PI_24[i] * 2^(-24 (i + 1)). */');
  out.push('static const unsigned int TWO_OVER_PI_24[50] = {');
  for (let i = 0; i < 50; i += 8)
    out.push(
      `  ${chunks
        .slice(i, i + 8)
        .map((c) => `0x${c.toString(16).padStart(6, '0')}`)
        .join(', ')},`,
    );
  out.push('};');
}
out.push('');
out.push('#endif');
out.push('');

const file = join(packageRoot(), 'engine', 'compiler', 'libc', 'src', 'math', 'libm_tables.h');
const text = out.join('\n');
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} differs from what scripts/libm-tables.ts generates`);
    process.exit(1);
  }
} else writeFileSync(file, text);
