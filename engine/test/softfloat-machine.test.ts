// Every float instruction on the machine (the flattener's soft-float helper calls, softfloat.wat
// flattened with lowering) against V8 running the same module: edge operands through calls with
// float parameters, the result bits printed; the truncations' traps (halt 7 against V8's
// RuntimeError); and one small float program through the native transformer, token for token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { watToWasm } from '../compiler/wat';
import { TrapCode } from '../vm/traps';
import { nativeMatchesReference, PRINT64_WAT, runWat } from './support/i64';
import { nativeSkip } from './support/native';
import {
  carrier,
  F32_EDGES,
  F64_EDGES,
  FLOAT_OPS,
  type FloatOp,
  I32_EDGES,
  I64_EDGES,
  nativeWrapper,
} from './support/softfloat-cases';

interface WasmApi {
  instantiate(
    bytes: Uint8Array,
  ): Promise<{ instance: { exports: Record<string, (...a: unknown[]) => unknown> } }>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type Operand = number | bigint;
type ParamType = FloatOp['params'][number];

/** A dozen operands of each type (a subset of the edge lists: the machine runs every one). */
const pick = <T>(xs: readonly T[], idx: number[]) => idx.map((i) => xs[i] as T);
const OPERANDS: Record<ParamType, Operand[]> = {
  // ±0, ±min subnormal, max subnormal, ±max finite, ±inf, NaNs (quiet and signalling, payloads), ±1,
  // ±0.5, ±2.5, 2^31, 2^63 - ulp, f32 max + just under half an ulp, half f32's min subnormal,
  // -(1 - ulp/2), -0.49999999999999994
  f64: pick(
    F64_EDGES,
    [0, 66, 1, 67, 4, 9, 75, 12, 78, 14, 16, 82, 18, 84, 21, 87, 25, 91, 35, 42, 54, 59, 86, 88],
  ),
  // the same for binary32
  f32: pick(F32_EDGES, [0, 49, 1, 50, 4, 9, 58, 12, 61, 14, 16, 65, 18, 67, 21, 70, 25, 74, 35, 40]),
  i32: I32_EDGES,
  i64: I64_EDGES,
};

const literal = (t: ParamType, x: Operand) =>
  carrier(t) === 'i64' ? `(i64.const ${BigInt.asIntN(64, BigInt(x))})` : `(i32.const ${Number(x) | 0})`;

/** Which calls V8 traps on (only the non-saturating truncations can): those are tested apart. */
async function v8Traps(): Promise<(op: FloatOp, args: Operand[]) => boolean> {
  const module = await watToWasm(
    `(module ${FLOAT_OPS.map((op) => nativeWrapper(op)).join('\n')})`,
    'native.wat',
  );
  const { exports } = (await wasm.instantiate(module)).instance;
  return (op, args) => {
    try {
      (exports[op.name] as (...a: unknown[]) => unknown)(
        ...args.map((x, i) =>
          carrier(op.params[i] as ParamType) === 'i64' ? BigInt.asIntN(64, BigInt(x)) : Number(x) | 0,
        ),
      );
      return false;
    } catch {
      return true;
    }
  };
}

/**
 * add and mul of two NaNs: V8's optimizing tier may commute the operands and answer with the
 * second NaN, so V8 is no oracle there (engine/test/softfloat.test.ts checks the helpers' rule).
 */
function nanPair(op: FloatOp, args: Operand[]): boolean {
  if (!/^f(32|64)_(add|mul)$/.test(op.name)) return false;
  return args.every((x) =>
    op.params[0] === 'f64'
      ? (BigInt.asUintN(64, BigInt(x)) & 0x7fffffffffffffffn) > 0x7ff0000000000000n
      : (Number(x) & 0x7fffffff) > 0x7f800000,
  );
}

function program(ops: readonly FloatOp[], calls: string[]): string {
  return `(module
  ${PRINT64_WAT}
  ${ops.map((op) => nativeWrapper(op, true)).join('\n  ')}
  (func (export "compute")
    ${calls.join('\n    ')}))`;
}

function callsOf(op: FloatOp, argLists: Operand[][]): string[] {
  return argLists.map((args) => {
    const call = `(call $${op.name} ${args.map((x, i) => literal(op.params[i] as ParamType, x)).join(' ')})`;
    return `(call $print64 ${carrier(op.result) === 'i32' ? `(i64.extend_i32_u ${call})` : call})`;
  });
}

async function assertSame(wat: string, what: string) {
  const r = await runWat(wat, `${what}.wat`);
  const at = [...r.v8.output].findIndex((c, i) => r.machine.output[i] !== c) >> 4;
  assert.equal(
    r.machine.output,
    r.v8.output,
    `${what}: value ${at} differs: machine ${r.machine.output.slice(16 * at, 16 * at + 16)}, V8 ${r.v8.output.slice(16 * at, 16 * at + 16)}`,
  );
  assert.equal(r.machine.trap, undefined);
  assert.equal(r.v8.trap, undefined);
  return r;
}

test('every float instruction on the machine matches V8 bit for bit on edge operands', async () => {
  const traps = await v8Traps();
  // One program per group of operations keeps each run short and a failure's message specific.
  const groups = new Map<string, FloatOp[]>();
  for (const op of FLOAT_OPS) {
    const key =
      op.name.startsWith('f32_') || op.name.startsWith('f64_')
        ? op.name.slice(0, 3) + op.params.length
        : 'conv';
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  let values = 0;
  for (const [key, ops] of groups) {
    const calls: string[] = [];
    for (const op of ops) {
      const [p0, p1] = op.params as [ParamType, ParamType | undefined];
      const lists: Operand[][] =
        p1 === undefined
          ? OPERANDS[p0].map((a) => [a])
          : OPERANDS[p0].flatMap((a) => OPERANDS[p1].map((b) => [a, b]));
      calls.push(
        ...callsOf(
          op,
          lists.filter((args) => !traps(op, args) && !nanPair(op, args)),
        ),
      );
    }
    values += calls.length;
    await assertSame(program(ops, calls), `floats-${key}`);
  }
  assert.ok(values > 5000, `${values} values`);
});

test('float truncations trap on the machine exactly where V8 does (halt 7)', async () => {
  const traps = await v8Traps();
  const cases: [FloatOp, Operand][] = [];
  for (const op of FLOAT_OPS.filter((o) => /^i(32|64)_trunc_f/.test(o.name))) {
    const p = op.params[0] as ParamType;
    const trapping = OPERANDS[p].filter((x) => traps(op, [x]));
    const fine = OPERANDS[p].filter((x) => !traps(op, [x]));
    assert.ok(trapping.length > 0 && fine.length > 0, op.name);
    // two trapping operands per truncation (the first and last of the list: NaN, inf or a boundary)
    cases.push([op, trapping[0] as Operand], [op, trapping[trapping.length - 1] as Operand]);
  }
  for (const [op, x] of cases) {
    const r = await runWat(program([op], callsOf(op, [[x]])), `${op.name}-trap.wat`);
    assert.equal(r.machine.trap, TrapCode.invalidConversion, `${op.name}(0x${BigInt(x).toString(16)})`);
    assert.match(r.v8.trap ?? '', /float unrepresentable in integer range/);
    assert.equal(r.machine.output, '');
  }
});

test('a float program through the native transformer, token for token like the reference', {
  skip: nativeSkip(),
}, async () => {
  const ops = FLOAT_OPS.filter((o) =>
    ['f64_add', 'f64_mul', 'f64_lt', 'f64_convert_i32_s', 'i32_trunc_f64_s', 'f32_add'].includes(o.name),
  );
  const calls = [
    ...callsOf(ops[0] as FloatOp, [[0x3ff8000000000000n, 0x4004000000000000n]]),
    ...ops
      .slice(1)
      .flatMap((op) =>
        callsOf(op, [
          op.params.map((p) => (p === 'f32' ? 0x40490fdb : p === 'i32' ? -12345 : 0x400921fb54442d18n)),
        ]),
      ),
  ];
  const r = await assertSame(program(ops, calls), 'floats-native');
  const native = await nativeMatchesReference(r.program);
  assert.equal(native.mismatch, undefined, JSON.stringify(native.mismatch));
  assert.ok(native.halted);
  assert.equal(native.tokens, native.expected);
});
