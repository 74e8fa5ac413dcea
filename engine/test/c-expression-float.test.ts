// The debugger's C expressions with float and double, checked against gcc: random expressions over
// float/double/integer variables holding edge values (±0, subnormals, the largest finite, ±inf,
// NaNs with payloads) and random literals, compiled natively with gcc -O0 (SSE arithmetic, as
// FLT_EVAL_METHOD 0 and WebAssembly compute) and run; every result's type and bits must agree.
// Also the display of floats, which follows gdb (checked against gdb itself in the gdb oracle).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  CExpressionError,
  type CExpressionFrame,
  evaluateCExpression,
  holdsIn,
  parseCExpression,
} from '../debug-info/c-expression';
import { DOUBLE, FLOAT, INT } from '../debug-info/c-expression-types';
import { bitsOf, bytesOfBits, formatFloat, formatG, isNaNBits, roundRational } from '../debug-info/float';
import { formatValue } from '../debug-info/format';
import type { CBaseType, CValue } from '../debug-info/model';
import { resolved } from '../debug-info/types';

const UINT: CBaseType = { kind: 'base', name: 'unsigned int', size: 4, encoding: 'unsigned' };
const LLONG: CBaseType = { kind: 'base', name: 'long long', size: 8, encoding: 'signed' };

/** A tiny seeded generator (xorshift), so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const floatVar = (type: CBaseType, bits: bigint): CValue => ({
  type,
  place: { kind: 'value', bytes: bytesOfBits(bits, type.size as 4 | 8) },
});

test('floats display as gdb prints them', () => {
  const d = (bits: bigint) => formatFloat(bits, 8);
  const f = (bits: bigint) => formatFloat(bits, 4);
  // What gdb 13 printed for the same bits (gcc -g build, `info locals`).
  assert.equal(d(0x40091eb851eb851fn), '3.1400000000000001');
  assert.equal(d(0x54b249ad2594c37dn), '1e+100');
  assert.equal(d(0x8000000000000000n), '-0');
  assert.equal(d(0x7ff0000000000000n), 'inf');
  assert.equal(d(0xfff0000000000000n), '-inf');
  assert.equal(d(0x3fd5555555555555n), '0.33333333333333331');
  assert.equal(d(0x7ff8000000000000n), 'nan(0x8000000000000)');
  assert.equal(d(0xfff8000000000123n), '-nan(0x8000000000123)');
  assert.equal(d(0x7ff0000000000001n), 'nan(0x000000001)');
  assert.equal(d(0x0000000000000001n), '4.9406564584124654e-324');
  assert.equal(d(0x7fefffffffffffffn), '1.7976931348623157e+308');
  assert.equal(d(0x4341c37937e08000n), '10000000000000000');
  assert.equal(d(0x4376345785d8a000n), '1e+17');
  assert.equal(d(0x3ee4f8b588e368f1n), '1.0000000000000001e-05');
  assert.equal(f(0x3dcccccdn), '0.100000001');
  assert.equal(f(0x4048f5c3n), '3.1400001');
  assert.equal(f(0x4b800000n), '16777216');
  assert.equal(f(0x00000001n), '1.40129846e-45');
  assert.equal(f(0x7fc00000n), 'nan(0x400000)');
  assert.equal(f(0x7f800001n), 'nan(0x1)');
  // Ties round to even as glibc's printf does (JS's toPrecision rounds them up).
  assert.equal(formatG(4000000000000001n, -2, 17), '1000000000000000.2');
  assert.equal(formatG(4000000000000003n, -2, 17), '1000000000000000.8');
  // long double (binary128 on wasm32) is not shown as a wrong number.
  const ld: CBaseType = { kind: 'base', name: 'long double', size: 16, encoding: 'float' };
  assert.equal(
    formatValue({ type: ld, place: { kind: 'value', bytes: new Uint8Array(16) } }, () => undefined),
    '<long double not supported>',
  );
  const cx: CBaseType = { kind: 'base', name: 'complex double', size: 16, encoding: 'complex_float' };
  const bytes = new Uint8Array(16);
  bytes.set(bytesOfBits(0x3ff0000000000000n, 8), 0);
  bytes.set(bytesOfBits(0xc000000000000000n, 8), 8);
  assert.equal(
    formatValue({ type: cx, place: { kind: 'value', bytes } }, () => undefined),
    '1 + -2i',
  );
});

test('literals round correctly (no double rounding for float) and errors name the literal', () => {
  // 1 + 2^-24 + 2^-60: a double rounds it to the float halfway point, which then rounds to even
  // (1); the float nearest the literal is 1 + 2^-23.
  const lit = '1.00000005960464477550';
  assert.equal(Math.fround(Number(lit)), 1);
  const v = evaluateCExpression(parseCExpression(`${lit}f`), undefined);
  assert.equal(bitsOf((v.place as { bytes: Uint8Array }).bytes, 4), 0x3f800001n);
  assert.equal(roundRational(1n, 10n, 8), 0.1);
  const fails = (text: string, why: RegExp) =>
    assert.throws(
      () => evaluateCExpression(parseCExpression(text), undefined),
      (e: unknown) => e instanceof CExpressionError && why.test(e.message),
      text,
    );
  fails('1.5L', /'1.5L' at column 1: long double literals are not supported/);
  fails('2 * 1.2.3', /'1.2.3' at column 5 is not a valid floating-point literal/);
  fails('0x1.8', /'0x1.8' at column 1 is not a valid floating-point literal/);
  fails('1.5 % 2', /cannot apply '%' to floating-point operands/);
  fails('~1.5', /cannot apply '~'/);
  fails('(int)1e10', /out of the range of 'int'/);
  fails('(long double)1', /'long double' values are not supported/);
  fails('(char *)1.5', /to a pointer/);
  fails('"ab"[1.0]', /needs an integer/);
});

test('breakpoint conditions on doubles', () => {
  const vars: Record<string, CValue> = {
    x: floatVar(DOUBLE, 0x3fe8000000000000n),
    z: floatVar(DOUBLE, 0x8000000000000000n),
  };
  const frame: CExpressionFrame = { program: undefined, memory: () => undefined, lookup: (n) => vars[n] };
  const holds = (t: string) => holdsIn(parseCExpression(t), frame);
  assert.equal(holds('x > 0.5'), true);
  assert.equal(holds('x < 0.5'), false);
  assert.equal(holds('x'), true);
  assert.equal(holds('z'), false); // -0 is false
  assert.equal(holds('x * 2 == 1.5'), true);
});

test('float arithmetic agrees with gcc on 600 random expressions', () => {
  execFileSync('gcc', ['--version']);
  const r = rng(20261201);
  const f64 = [
    0n,
    0x8000000000000000n,
    0x3ff0000000000000n,
    0xbff8000000000000n,
    0x3fb999999999999an, // 0.1
    0x400921fb54442d18n, // pi
    0x0000000000000001n, // smallest subnormal
    0x000fffffffffffffn, // largest subnormal
    0x7fefffffffffffffn, // largest finite
    0x7ff0000000000000n,
    0xfff0000000000000n,
    0x7ff8000000000000n,
    0xfff8000000000abcn, // a NaN with a payload
    0x41dfffffffc00000n, // 2147483647
    0x43e0000000000000n, // 2^63
    0x4330000000000001n, // 2^52 + 1
  ];
  const f32 = [
    0n,
    0x80000000n,
    0x3f800000n,
    0x3dcccccdn,
    0x00000001n,
    0x007fffffn,
    0x7f7fffffn,
    0x7f800000n,
    0xff800000n,
    0x7fc00000n,
    0xffc01234n,
    0x4b800001n,
    0xc2f70000n,
  ];
  const randomBits = (size: 4 | 8) =>
    size === 8
      ? (BigInt(r(1 << 30)) << 34n) | (BigInt(r(1 << 30)) << 4n) | BigInt(r(16))
      : (BigInt(r(1 << 30)) << 2n) | BigInt(r(4));
  const vars: Record<string, CValue> = {};
  const cDecls: string[] = [];
  const declare = (name: string, type: CBaseType, bits: bigint) => {
    vars[name] = floatVar(type, bits);
    const hex = `0x${bits.toString(16)}`;
    if (type.encoding === 'float')
      cDecls.push(
        `volatile ${type.name} ${name}; static void init_${name}(void) { ${type.size === 8 ? 'unsigned long long' : 'unsigned'} b = ${hex}${type.size === 8 ? 'ULL' : 'U'}; memcpy((void *)&${name}, &b, ${type.size}); }`,
      );
    else
      cDecls.push(
        `volatile ${type.name} ${name}; static void init_${name}(void) { ${name} = (${type.name})${hex}ULL; }`,
      );
  };
  for (const name of ['da', 'db', 'dc']) declare(name, DOUBLE, r(3) ? f64[r(f64.length)] : randomBits(8));
  for (const name of ['fa', 'fb', 'fc']) declare(name, FLOAT, r(3) ? f32[r(f32.length)] : randomBits(4));
  // NaNs with random payloads and signs, quiet or signaling, so NaN propagation is exercised.
  declare('dn', DOUBLE, (BigInt(r(2)) << 63n) | (0x7ffn << 52n) | (randomBits(8) & ((1n << 52n) - 1n) || 1n));
  declare('fn', FLOAT, (BigInt(r(2)) << 31n) | (0xffn << 23n) | (randomBits(4) & 0x7fffffn || 1n));
  declare('i', INT, BigInt.asUintN(32, BigInt([0, 1, -1, 3, -7, 2147483647, -2147483648, 16777217][r(8)])));
  declare('u', UINT, BigInt([0, 1, 4294967295, 16777217, 2147483648][r(5)]));
  declare(
    'll',
    LLONG,
    BigInt.asUintN(64, [0n, -1n, 9007199254740993n, -(1n << 63n), 123456789012345678n][r(5)]),
  );
  const names = Object.keys(vars);
  const literal = (): string => {
    const digits = `${r(100000)}`;
    const forms = [
      `${digits}.${r(1000)}`,
      `${digits}e${r(80) - 40}`,
      `.${digits}`,
      `0x${r(1 << 20).toString(16)}.${r(4096).toString(16)}p${r(100) - 50}`,
      `${r(10)}.${'9'.repeat(r(25))}e${r(700) - 350}`,
    ];
    return forms[r(forms.length)] + (r(3) === 0 ? 'f' : '');
  };
  const ops = ['+', '-', '*', '/', '<', '<=', '==', '!=', '>', '>=', '&&', '||'];
  const casts = [
    'float',
    'double',
    'int',
    'unsigned int',
    'long long',
    'unsigned long long',
    '_Bool',
    'char',
  ];
  // Every subexpression reads a volatile variable, so gcc computes it at run time with SSE (its
  // constant folding makes other NaNs than the hardware).
  const gen = (depth: number): string => {
    const k = r(10);
    if (depth === 0 || k < 3) return names[r(names.length)];
    if (k === 3) return `${['-', '!', '+'][r(3)]}(${gen(depth - 1)})`;
    if (k === 4) return `(${casts[r(casts.length)]})(${gen(depth - 1)})`;
    if (k === 5) return `(${gen(depth - 1)} ? ${gen(depth - 1)} : ${gen(depth - 1)})`;
    const op = ops[r(ops.length)];
    if (k === 6) return `(${gen(depth - 1)} ${op} ${literal()})`;
    if (k === 7) return `(${literal()} ${op} ${gen(depth - 1)})`;
    return `(${gen(depth - 1)} ${op} ${gen(depth - 1)})`;
  };
  const cases: { text: string; kind: number; bits: bigint }[] = [];
  let refused = 0;
  while (cases.length < 600) {
    const text = gen(4);
    let v: CValue;
    try {
      v = evaluateCExpression(parseCExpression(text), {
        program: undefined,
        memory: () => undefined,
        lookup: (n) => vars[n],
      });
    } catch (e) {
      // Undefined in C: a float out of an integer type's range converted to it, x / 0, INT_MIN / -1.
      if (e instanceof CExpressionError && /out of the range|division by zero|overflows/.test(e.message)) {
        refused++;
        continue;
      }
      throw e;
    }
    const t = resolved(v.type);
    assert.ok(t.kind === 'base', text);
    const kind = t.encoding === 'float' ? t.size / 4 : 0;
    const bytes = (v.place as { bytes: Uint8Array }).bytes;
    const raw = bitsOf(bytes, t.size as 4 | 8);
    // Integers compare as 64-bit two's complement of their value (gcc prints (long long)).
    const signed = t.encoding === 'signed' || t.encoding === 'signed_char';
    cases.push({
      text,
      kind,
      bits: kind ? raw : BigInt.asUintN(64, signed ? BigInt.asIntN(t.size * 8, raw) : raw),
    });
  }
  assert.ok(refused < 300, `${refused} expressions refused`);
  const dir = mkdtempSync(join(tmpdir(), 'c-expr-float-'));
  try {
    const prints = cases.map(
      (c) =>
        `  { __typeof__(${c.text}) t = (${c.text}); unsigned long long b = 0; int k = _Generic(t, float: 1, double: 2, default: 0); if (k) memcpy(&b, &t, sizeof t); else b = (unsigned long long)(long long)t; printf("%d %llx\\n", k, b); }`,
    );
    writeFileSync(
      join(dir, 'e.c'),
      `#include <stdio.h>\n#include <string.h>\n${cDecls.join('\n')}\nint main(void) {\n${names.map((n) => `  init_${n}();`).join('\n')}\n${prints.join('\n')}\n  return 0;\n}\n`,
    );
    // -frounding-math: without it gcc -O0 still folds `0.0f - (float)-k` to `(float)k`
    // negated, a -0 where IEEE (and clang, and V8) give +0.
    execFileSync('gcc', ['-O0', '-fwrapv', '-frounding-math', '-w', '-o', join(dir, 'e'), join(dir, 'e.c')]);
    const lines = execFileSync(join(dir, 'e'), { encoding: 'utf8' }).trim().split('\n');
    assert.equal(lines.length, cases.length);
    let nans = 0;
    let otherNaN = 0;
    cases.forEach((c, i) => {
      const [kind, hex] = lines[i].split(' ');
      // NaN results: both must be NaN. Their bits (sign aside) agree unless two NaNs met in one
      // operation: gcc folds `a - -b` into `a + b` (a NaN's sign changes) and evaluates the
      // operands of + and * in either order (which NaN wins changes); the debugger computes C's
      // operations as written, the first NaN operand winning as in WebAssembly on x86-64.
      const size = c.kind === 2 ? 8 : 4;
      const gccBits = BigInt(`0x${hex}`);
      const nan = c.kind !== 0 && isNaNBits(c.bits, size);
      const signless = (b: bigint) => (nan ? b & ~(1n << BigInt(size * 8 - 1)) : b);
      const message = `${c.text}: gcc says ${lines[i]}, the debugger ${c.bits.toString(16)}`;
      assert.equal(c.kind, Number(kind), message);
      if (nan) {
        assert.ok(isNaNBits(gccBits, size), message);
        if (signless(c.bits) !== signless(gccBits)) otherNaN++;
      } else assert.equal(c.bits.toString(16), hex, message);
      if (c.kind && isNaNBits(c.bits, size)) nans++;
    });
    // The sample exercises what it is meant to: floats, integers and NaNs among the results.
    const kinds = [0, 1, 2].map((k) => cases.filter((c) => c.kind === k).length);
    assert.ok(kinds.every((n) => n > 50) && nans > 30, `results by kind ${kinds}, NaNs ${nans}`);
    assert.ok(otherNaN * 10 <= nans, `${otherNaN} of ${nans} NaN results carry another NaN than gcc's`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
