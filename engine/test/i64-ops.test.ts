// Every WebAssembly i64 instruction on the machine (word pairs, lowering/helpers.wat) against V8
// running the same module: edge operands for each operation, with variable operands (through calls
// with i64 parameters and results) and constant ones (the inline forms), the traps of division,
// and the 64-bit moves (loads and stores of every width, locals, globals, select, blocks).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrapCode } from '../vm/traps';
import { nativeMatchesReference, PRINT64_WAT, runWat } from './support/i64';
import { nativeSkip } from './support/native';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
/** Edge values, as signed 64-bit numbers. */
const EDGES = [
  0n,
  1n,
  -1n,
  2n,
  -2n,
  7n,
  -7n,
  10n,
  MIN,
  MAX,
  MIN + 1n,
  0x7fffffffn,
  0x80000000n,
  -0x80000000n,
  0xffffffffn,
  2n ** 32n,
  2n ** 32n + 1n,
  -(2n ** 32n),
  0x123456789abcdef0n,
  BigInt.asIntN(64, 0xfedcba9876543210n),
  10n ** 18n,
];
const COUNTS = [
  0n,
  1n,
  7n,
  8n,
  31n,
  32n,
  33n,
  63n,
  64n,
  65n,
  127n,
  128n,
  -1n,
  -31n,
  -32n,
  -33n,
  -63n,
  -64n,
  -65n,
];

const BINARY = ['add', 'sub', 'mul', 'div_s', 'div_u', 'rem_s', 'rem_u', 'and', 'or', 'xor'];
const SHIFTS = ['shl', 'shr_s', 'shr_u', 'rotl', 'rotr'];
const COMPARE = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const UNARY = ['clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s', 'extend32_s'];

const traps = (op: string, a: bigint, b: bigint) =>
  /div|rem/.test(op) && (b === 0n || (op === 'div_s' && a === MIN && b === -1n));

/** A module whose compute prints `calls` (each an i64 expression). */
const program = (funcs: string, calls: string[]) => `(module
  ${PRINT64_WAT}
  ${funcs}
  (func (export "compute")
    ${calls.map((c) => `(call $print64 ${c})`).join('\n    ')}))`;

async function assertSame(wat: string, what: string) {
  const r = await runWat(wat, `${what}.wat`);
  // Report the first value that differs (16 hex digits each), not the whole output.
  const at = [...r.v8.output].findIndex((c, i) => r.machine.output[i] !== c) >> 4;
  const value = (out: string) => out.slice(16 * at, 16 * at + 16);
  assert.equal(
    r.machine.output,
    r.v8.output,
    `${what}: value ${at} is ${value(r.machine.output)}, V8 prints ${value(r.v8.output)}`,
  );
  assert.equal(r.machine.trap, undefined, `${what}: no trap`);
  assert.equal(r.v8.trap, undefined, `${what}: no trap in V8`);
  assert.ok(r.machine.output.length > 0);
  return r;
}

test('i64 binary operations on edge values, variable and constant operands', async () => {
  for (const op of [...BINARY, ...COMPARE]) {
    const result = COMPARE.includes(op) ? (e: string) => `(i64.extend_i32_u ${e})` : (e: string) => e;
    const funcs = `(func $op (param $a i64) (param $b i64) (result i64) ${result(`(i64.${op} (local.get $a) (local.get $b))`)})`;
    const calls: string[] = [];
    for (const a of EDGES) {
      for (const b of EDGES) {
        if (traps(op, a, b)) continue;
        calls.push(`(call $op (i64.const ${a}) (i64.const ${b}))`);
        // The right operand a constant in the instruction itself (inline forms, constant folding).
        calls.push(result(`(i64.${op} (call $op (i64.const ${a}) (i64.const 0)) (i64.const ${b}))`));
      }
    }
    // The second form ran op(a, 0) first: only ops without a trap there.
    const safe = calls.filter((c) => !/div|rem/.test(op) || !c.includes('(i64.const 0)) (i64.const'));
    await assertSame(program(funcs, safe), `i64.${op}`);
  }
});

test('i64 shifts and rotates by variable and constant counts (mod 64, negative counts too)', async () => {
  for (const op of SHIFTS) {
    const funcs = [
      `(func $op (param $a i64) (param $b i64) (result i64) (i64.${op} (local.get $a) (local.get $b)))`,
      ...COUNTS.map(
        (c, i) => `(func $k${i} (param $a i64) (result i64) (i64.${op} (local.get $a) (i64.const ${c})))`,
      ),
    ].join('\n  ');
    const calls: string[] = [];
    for (const a of EDGES) {
      for (const [i, c] of COUNTS.entries()) {
        calls.push(`(call $op (i64.const ${a}) (i64.const ${c}))`);
        calls.push(`(call $k${i} (i64.const ${a}))`);
      }
      // A count whose high word is not zero: only its low 6 bits count.
      calls.push(`(call $op (i64.const ${a}) (i64.const ${2n ** 40n + 5n}))`);
    }
    await assertSame(program(funcs, calls), `i64.${op}`);
  }
});

test('i64 clz, ctz, popcnt, eqz and the sign extensions', async () => {
  const values = [...EDGES, 0x80n, 0x7fn, 0x8000n, 0x7fffn, 0xff80n, 2n ** 40n, 2n ** 62n];
  for (const op of [...UNARY, 'eqz']) {
    const body = op === 'eqz' ? '(i64.extend_i32_u (i64.eqz (local.get $a)))' : `(i64.${op} (local.get $a))`;
    const funcs = `(func $op (param $a i64) (result i64) ${body})`;
    await assertSame(
      program(
        funcs,
        values.map((v) => `(call $op (i64.const ${v}))`),
      ),
      `i64.${op}`,
    );
  }
});

test('division and remainder by zero trap with divideByZero, INT64_MIN / -1 with integerOverflow', async () => {
  const cases: [string, bigint, bigint, number | undefined][] = [
    ['div_s', 5n, 0n, TrapCode.divideByZero],
    ['div_u', MIN, 0n, TrapCode.divideByZero],
    ['rem_s', -1n, 0n, TrapCode.divideByZero],
    ['rem_u', 0n, 0n, TrapCode.divideByZero],
    ['div_s', MIN, -1n, TrapCode.integerOverflow],
    ['rem_s', MIN, -1n, undefined], // 0, no trap
    ['div_u', MIN, -1n, undefined],
  ];
  for (const [op, a, b, code] of cases) {
    const funcs = `(func $op (param $a i64) (param $b i64) (result i64) (i64.${op} (local.get $a) (local.get $b)))`;
    // Something printed before the trap: the output up to it must be V8's too.
    const wat = program(funcs, ['(i64.const 42)', `(call $op (i64.const ${a}) (i64.const ${b}))`]);
    const r = await runWat(wat, `${op}.wat`);
    assert.equal(r.machine.output, r.v8.output, `${op}(${a}, ${b}): output`);
    assert.equal(r.machine.trap, code, `${op}(${a}, ${b}): trap code`);
    assert.equal(r.v8.trap !== undefined, code !== undefined, `${op}(${a}, ${b}): V8 traps too`);
    if (code === TrapCode.divideByZero) assert.match(r.v8.trap ?? '', /by zero/);
  }
});

test('i64 loads and stores of every width, locals, globals, select, drop, blocks and calls', async () => {
  const funcs = `
  (global $g (mut i64) (i64.const ${0x0123456789abcdefn}))
  (global $h (mut i64) (i64.const -2))
  (global $x (mut i32) (i32.const 77))
  (func $pair (param $a i64) (param $n i32) (param $b i64) (result i64)
    (local $t i64)
    (local.set $t (i64.add (local.get $a) (local.get $b)))
    (select (local.get $t) (local.get $a) (local.get $n)))
  (func $loads (param $p i32) (result i64)
    (i64.add
      (i64.add (i64.add (i64.load8_s (local.get $p)) (i64.load8_u offset=1 (local.get $p)))
               (i64.add (i64.load16_s offset=2 (local.get $p)) (i64.load16_u offset=4 (local.get $p))))
      (i64.add (i64.add (i64.load32_s offset=6 (local.get $p)) (i64.load32_u offset=10 (local.get $p)))
               (i64.load offset=3 (local.get $p)))))
  (func $blocks (param $a i64) (result i64)
    (block $out (result i64)
      (drop (i64.const 99))
      (br_if $out (local.get $a) (i64.eqz (local.get $a)))
      (drop)
      (if (result i64) (i64.lt_s (local.get $a) (i64.const 0))
        (then (i64.sub (i64.const 0) (local.get $a)))
        (else (i64.mul (local.get $a) (i64.const 3))))))`;
  const calls = [
    '(global.get $g)',
    '(global.get $h)',
    '(block (result i64) (global.set $g (i64.mul (global.get $g) (global.get $h))) (global.get $g))',
    '(i64.extend_i32_s (global.get $x))',
    '(call $pair (i64.const -5) (i32.const 1) (i64.const 8))',
    '(call $pair (i64.const -5) (i32.const 0) (i64.const 8))',
    // Memory at 600: a byte pattern with the sign bits set here and there.
    `(block (result i64)
      (i64.store (i32.const 600) (i64.const ${BigInt.asIntN(64, 0x80ff7f0180fe8000n)}))
      (i64.store offset=8 (i32.const 600) (i64.const ${BigInt.asIntN(64, 0xfedcba9876543210n)}))
      (i64.store8 (i32.const 616) (i64.const -1))
      (i64.store16 (i32.const 617) (i64.const ${0x123456789abcn}))
      (i64.store32 (i32.const 619) (i64.const ${BigInt.asIntN(64, 0xdeadbeefcafef00dn)}))
      (call $loads (i32.const 600)))`,
    '(call $loads (i32.const 609))',
    '(i64.load (i32.const 616))',
    '(call $blocks (i64.const 0))',
    '(call $blocks (i64.const -7))',
    '(call $blocks (i64.const 7))',
  ];
  await assertSame(program(funcs, calls), 'i64-moves');
});

test('the transformer generates the reference tokens for an i64 program', {
  skip: nativeSkip(),
}, async () => {
  const funcs = `(func $f (param $a i64) (param $b i64) (result i64)
    (i64.xor
      (i64.add (i64.mul (local.get $a) (local.get $b)) (i64.div_u (local.get $a) (local.get $b)))
      (i64.add (i64.rotl (i64.rem_s (local.get $a) (local.get $b)) (local.get $b))
               (i64.add (i64.extend_i32_u (i64.lt_s (local.get $a) (local.get $b)))
                        (i64.add (i64.shr_s (local.get $a) (local.get $b)) (i64.clz (local.get $b)))))))`;
  const r = await assertSame(
    program(funcs, [
      `(call $f (i64.const ${0x1234567890n}) (i64.const 37))`,
      '(call $f (i64.const -3) (i64.const 5))',
    ]),
    'i64-native',
  );
  const native = await nativeMatchesReference(r.program);
  assert.equal(native.mismatch, undefined, JSON.stringify(native.mismatch));
  assert.ok(native.halted);
  assert.equal(native.tokens, native.expected);
});
