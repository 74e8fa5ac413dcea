// Randomized oracle tests: generated programs full of i32 operations (lowered ones included, with
// variable and constant operands and edge values) print the same on the machine as in V8.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile, compileWasm } from '../compiler/compile';
import { watToWasm } from '../compiler/wat';
import { runReference } from '../vm/reference';
import { runInV8, text } from './support/oracle';
import { prng } from './support/prng';

const EDGES = [
  0, 1, 2, 3, 7, 8, 15, 16, 24, 31, 32, 33, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0xffffffff, 0xfffffffe, 0x80000001,
];

/** The output import, a memory, and $print32: prints a value's 4 bytes, least significant first. */
const PRINT32_WAT = `(import "env" "output_byte" (func $out (param i32)))
  (memory (export "memory") 1)
  (func $print32 (param $v i32)
    (i32.store (i32.const 100) (local.get $v))
    (call $out (i32.load8_u (i32.const 100)))
    (call $out (i32.load8_u (i32.const 101)))
    (call $out (i32.load8_u (i32.const 102)))
    (call $out (i32.load8_u (i32.const 103))))`;

const dir = mkdtempSync(join(tmpdir(), 'tvm-random-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const BINARY = [
  'add',
  'sub',
  'mul',
  'div_s',
  'div_u',
  'rem_s',
  'rem_u',
  'and',
  'or',
  'xor',
  'shl',
  'shr_s',
  'shr_u',
  'rotl',
  'rotr',
  'eq',
  'ne',
  'lt_s',
  'lt_u',
  'gt_s',
  'gt_u',
  'le_s',
  'le_u',
  'ge_s',
  'ge_u',
];
const UNARY = ['clz', 'ctz', 'popcnt', 'eqz', 'extend8_s', 'extend16_s'];

function watProgram(seed: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const constant = () => (rnd() < 0.6 ? pick(EDGES) : Math.floor(rnd() * 2 ** 32)) | 0;
  const operand = (): string =>
    rnd() < 0.5 ? `(local.get $${pick(['a', 'b', 'c', 'd'])})` : `(i32.const ${constant()})`;
  const expr = (depth: number): string => {
    if (depth === 0 || rnd() < 0.25) return operand();
    if (rnd() < 0.2) return `(i32.${pick(UNARY)} ${expr(depth - 1)})`;
    const op = pick(BINARY);
    const right = expr(depth - 1);
    // Keep most divisions defined so the rest of the program still runs; some may trap.
    const guarded = /div|rem/.test(op) && rnd() < 0.9 ? `(i32.or ${right} (i32.const 1))` : right;
    return `(i32.${op} ${expr(depth - 1)} ${guarded})`;
  };
  const inits = ['a', 'b', 'c', 'd'].map((l) => `(local.set $${l} (i32.const ${constant()}))`).join('\n    ');
  const body = Array.from({ length: 16 }, () => `(call $print32 ${expr(3)})`).join('\n    ');
  return `(module
  ${PRINT32_WAT}
  (func (export "compute") (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    ${inits}
    ${body}))`;
}

test('random WAT expression programs: the machine prints what V8 prints, traps included', async () => {
  let traps = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const source = watProgram(seed);
    const wasm = await watToWasm(source, `random-${seed}.wat`);
    const program = await compileWasm(wasm, `random-${seed}.wat`);
    const v8 = runInV8(wasm, null, -1);
    const ours = runReference(asTokenProgram(program));
    if (v8.trap) traps++;
    assert.equal(text(ours.output), text(v8.output), `seed ${seed}:\n${source}`);
    // The same trap as V8's, by kind: "divide by zero", "divide result unrepresentable", "unreachable".
    const v8Kind = !v8.trap
      ? undefined
      : /by zero/.test(v8.trap)
        ? 'divideByZero'
        : /unrepresentable/.test(v8.trap)
          ? 'integerOverflow'
          : 'unreachable';
    assert.equal(ours.trap?.kind, v8Kind, `seed ${seed}: V8 says ${v8.trap}`);
  }
  assert.ok(traps > 0 && traps < 40, `some programs trap and most do not (${traps} trapped)`);
});

function cProgram(seed: number): { source: string; args: string } {
  const rnd = prng(seed * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const values = Array.from(
    { length: 4 },
    () => (rnd() < 0.5 ? pick(EDGES) : Math.floor(rnd() * 2 ** 32)) | 0,
  );
  const unsignedOps = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>'];
  const leaf = () => (rnd() < 0.7 ? pick(['a', 'b', 'c', 'd']) : `${Math.floor(rnd() * 100) + 1}u`);
  const expr = (depth: number): string => {
    if (depth === 0 || rnd() < 0.2) return leaf();
    const op = pick(unsignedOps);
    const l = expr(depth - 1);
    const r = expr(depth - 1);
    if (op === '/' || op === '%') return `div0(${l}, ${r}, ${op === '/' ? 1 : 0})`;
    if (op === '<<' || op === '>>') return `(${l} ${op} (${r} & 31u))`;
    return `(${l} ${op} ${r})`;
  };
  const signed = (depth: number) => `sdiv((int)${expr(depth)}, (int)${expr(depth)})`;
  const lines = Array.from({ length: 10 }, (_, i) =>
    i % 3 === 2 ? `  printf("%d\\n", ${signed(2)});` : `  printf("%u\\n", ${expr(3)});`,
  );
  const source = `// generated by random-programs.test.ts, seed ${seed}
static unsigned div0(unsigned x, unsigned y, int quotient) { return y == 0 ? 0 : quotient ? x / y : x % y; }
static int sdiv(int x, int y) { return (y == 0 || (x == -2147483647 - 1 && y == -1)) ? 0 : x / y + x % y; }
void compute(const char *input) {
  int v[4];
  sscanf(input, "%d %d %d %d", &v[0], &v[1], &v[2], &v[3]);
  unsigned a = (unsigned)v[0], b = (unsigned)v[1], c = (unsigned)v[2], d = (unsigned)v[3];
${lines.join('\n')}
}
`;
  return { source, args: values.join(' ') };
}

test('random C expression programs: the machine prints what V8 prints', async () => {
  for (let seed = 1; seed <= 12; seed++) {
    const { source, args } = cProgram(seed);
    const file = join(dir, `random-${seed}.c`);
    writeFileSync(file, source);
    const program = await compileFile(file, { args });
    const v8 = runInV8(program.wasm, program.input, program.inputAddress);
    assert.equal(v8.trap, undefined);
    const ours = runReference(asTokenProgram(program));
    assert.equal(text(ours.output), text(v8.output), `seed ${seed}, input ${args}:\n${source}`);
  }
});

function i64Program(seed: number): string {
  const rnd = prng(seed * 104729);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const word = () => (rnd() < 0.5 ? pick(EDGES) : Math.floor(rnd() * 2 ** 32)) >>> 0;
  const constant = () => `(i64.const ${BigInt.asIntN(64, (BigInt(word()) << 32n) | BigInt(word()))})`;
  const operand = (): string =>
    pick([
      () => `(local.get $${pick(['x', 'y'])})`,
      constant,
      () => `(i64.extend_i32_u (local.get $w))`,
      () => `(i64.extend_i32_s (local.get $w))`,
      () => `(i64.load offset=${pick([0, 4, 8])} (i32.const 200))`,
      () => `(i64.load32_s (i32.const 204))`,
      () => `(i64.load16_u (i32.const 206))`,
      () => `(i64.load8_s (i32.const 203))`,
      () => `(call $pass (local.get $x))`,
    ])();
  const expr = (depth: number): string => {
    if (depth === 0 || rnd() < 0.25) return operand();
    if (rnd() < 0.3) {
      const op = pick(['shl', 'shr_u', 'shr_s']);
      return `(i64.${op} ${expr(depth - 1)} (i64.const ${pick([0, 1, 7, 8, 31, 32, 33, 40, 63, 64, 65])}))`;
    }
    if (rnd() < 0.15)
      return `(select ${expr(depth - 1)} ${expr(depth - 1)} (i32.wrap_i64 ${expr(depth - 1)}))`;
    return `(i64.${pick(['and', 'or', 'xor', 'add', 'sub'])} ${expr(depth - 1)} ${expr(depth - 1)})`;
  };
  const checks = Array.from({ length: 12 }, () => {
    const e = expr(3);
    return pick([
      `(call $print64 ${e})`,
      `(call $print32 (i64.${pick(['eq', 'ne'])} ${e} ${expr(2)}))`,
      `(call $print32 (i64.eqz ${e}))`,
      `(i64.store offset=${pick([0, 4, 8])} (i32.const 200) ${e}) (call $print64 (i64.load (i32.const 200)))`,
      `(i64.store32 (i32.const 212) ${e}) (call $print32 (i32.load (i32.const 212)))`,
      `(local.set $y ${e}) (call $print64 (block (result i64) (local.get $y)))`,
    ]);
  });
  return `(module
  ${PRINT32_WAT}
  (func $print64 (param $v i64)
    (call $print32 (i32.wrap_i64 (local.get $v)))
    (call $print32 (i32.wrap_i64 (i64.shr_u (local.get $v) (i64.const 32)))))
  (func $pass (param $v i64) (result i64) (local.get $v))
  (func (export "compute") (local $x i64) (local $y i64) (local $w i32)
    (local.set $x ${constant()})
    (local.set $y ${constant()})
    (local.set $w (i32.const ${word() | 0}))
    (i64.store (i32.const 200) ${constant()})
    (i64.store (i32.const 208) ${constant()})
    ${checks.join('\n    ')}))`;
}

test('64-bit moves, shifts by constants, bitwise, add/sub and equality: the machine agrees with V8', async () => {
  for (let seed = 1; seed <= 25; seed++) {
    const source = i64Program(seed);
    const wasm = await watToWasm(source, `i64-${seed}.wat`);
    const program = await compileWasm(wasm, `i64-${seed}.wat`);
    const v8 = runInV8(wasm, null, -1);
    const ours = runReference(asTokenProgram(program));
    assert.equal(text(ours.output), text(v8.output), `seed ${seed}:\n${source}`);
  }
});
