// Randomized i64 expressions against V8: seeded expression trees over every i64 operation
// (arithmetic, division, shifts and rotates by variable and constant counts, bit counts,
// comparisons, sign extensions, select) on operands biased to edge values; the machine must print
// what V8 prints and trap where V8 traps, with the same kind of trap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrapCode } from '../vm/traps';
import { nativeMatchesReference, PRINT64_WAT, runWat } from './support/i64';
import { nativeSkip } from './support/native';
import { prng } from './support/prng';

const EDGES = [
  0n,
  1n,
  -1n,
  2n,
  10n,
  -(2n ** 63n),
  2n ** 63n - 1n,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  2n ** 32n,
  2n ** 32n + 1n,
  -(2n ** 32n),
  31n,
  32n,
  33n,
  63n,
  64n,
  65n,
];
const BINARY = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'div_s', 'div_u', 'rem_s', 'rem_u'];
const SHIFTS = ['shl', 'shr_s', 'shr_u', 'rotl', 'rotr'];
const COMPARE = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const UNARY = ['clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s', 'extend32_s'];

function program(seed: number): string {
  const rnd = prng(seed * 7877);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const word = () => BigInt(Math.floor(rnd() * 2 ** 32));
  const value = () =>
    rnd() < 0.5
      ? pick(EDGES)
      : BigInt.asIntN(64, ((word() << 32n) | word()) >> BigInt(Math.floor(rnd() * 64)));
  const operand = (): string =>
    rnd() < 0.5 ? `(local.get $${pick(['a', 'b', 'c', 'd'])})` : `(i64.const ${value()})`;
  const expr = (depth: number): string => {
    if (depth === 0 || rnd() < 0.2) return operand();
    const r = rnd();
    if (r < 0.1) return `(i64.${pick(UNARY)} ${expr(depth - 1)})`;
    if (r < 0.2) return `(i64.extend_i32_u (i64.${pick(COMPARE)} ${expr(depth - 1)} ${expr(depth - 1)}))`;
    if (r < 0.25) return `(i64.extend_i32_s (i32.wrap_i64 ${expr(depth - 1)}))`;
    if (r < 0.3)
      return `(select ${expr(depth - 1)} ${expr(depth - 1)} (i64.${pick(COMPARE)} ${expr(depth - 1)} ${operand()}))`;
    if (r < 0.5) {
      const count =
        rnd() < 0.5 ? `(i64.const ${pick([0, 1, 7, 8, 31, 32, 33, 63, 64, -1, -33])})` : expr(depth - 1);
      return `(i64.${pick(SHIFTS)} ${expr(depth - 1)} ${count})`;
    }
    const op = pick(BINARY);
    const right = expr(depth - 1);
    // Keep most divisions defined so that the rest of the program still runs; some may trap.
    const guarded = /div|rem/.test(op) && rnd() < 0.9 ? `(i64.or ${right} (i64.const 2))` : right;
    return `(i64.${op} ${expr(depth - 1)} ${guarded})`;
  };
  const inits = ['a', 'b', 'c', 'd'].map((l) => `(local.set $${l} (i64.const ${value()}))`).join('\n    ');
  const body = Array.from({ length: 12 }, () => `(call $print64 ${expr(3)})`).join('\n    ');
  return `(module
  ${PRINT64_WAT}
  (func (export "compute") (local $a i64) (local $b i64) (local $c i64) (local $d i64)
    ${inits}
    ${body}))`;
}

test('random i64 expression programs: the machine prints what V8 prints, traps included', async () => {
  let traps = 0;
  let steps = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const source = program(seed);
    const r = await runWat(source, `i64-random-${seed}.wat`);
    if (r.v8.trap) traps++;
    steps += r.machine.steps;
    assert.equal(r.machine.output, r.v8.output, `seed ${seed}:\n${source}`);
    const v8Kind = !r.v8.trap
      ? undefined
      : /by zero/.test(r.v8.trap)
        ? TrapCode.divideByZero
        : /unrepresentable/.test(r.v8.trap)
          ? TrapCode.integerOverflow
          : TrapCode.unreachable;
    assert.equal(r.machine.trap, v8Kind, `seed ${seed}: V8 says ${r.v8.trap}`);
  }
  assert.ok(traps > 0 && traps < 10, `some programs trap and most do not (${traps} trapped)`);
  assert.ok(steps > 100_000, `the helpers ran (${steps} machine steps)`);
});

test('the transformer generates the reference tokens for a random i64 program', {
  skip: nativeSkip(),
}, async () => {
  const r = await runWat(program(1), 'i64-random-1.wat');
  assert.equal(r.v8.trap, undefined);
  const native = await nativeMatchesReference(r.program);
  assert.equal(native.mismatch, undefined, JSON.stringify(native.mismatch));
  assert.ok(native.halted);
  assert.equal(native.tokens, native.expected);
});
