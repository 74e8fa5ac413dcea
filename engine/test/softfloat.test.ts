// The soft-float helpers of engine/compiler/lowering/softfloat.wat against V8's native float
// instructions, bit for bit: every helper on edge operands (crossed pairwise for binary ones) and
// on seeded random operands, traps included (V8's "float unrepresentable in integer range" against
// tvm.trap(7)). Both modules run in Node's WebAssembly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { watToWasm } from '../compiler/wat';
import { TrapCode } from '../vm/traps';
import {
  carrier,
  F32_EDGES,
  F64_EDGES,
  FLOAT_OPS,
  type FloatOp,
  I32_EDGES,
  I64_EDGES,
  nativeWrapper,
  OperandSource,
} from './support/softfloat-cases';

interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports?: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  RuntimeError: new (...args: unknown[]) => Error;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type Operand = number | bigint;
type Fn = (...args: Operand[]) => Operand;

class SoftTrap extends Error {
  constructor(readonly code: number) {
    super(`tvm.trap(${code})`);
  }
}

const SOFTFLOAT_PATH = join(__dirname, '..', 'compiler', 'lowering', 'softfloat.wat');

async function modules() {
  const soft = await wasm.instantiate(await watToWasm(readFileSync(SOFTFLOAT_PATH, 'utf8'), SOFTFLOAT_PATH), {
    tvm: {
      trap: (code: number) => {
        throw new SoftTrap(code);
      },
    },
  });
  const nativeWat = `(module ${FLOAT_OPS.map(nativeWrapper).join('\n')})`;
  const native = await wasm.instantiate(await watToWasm(nativeWat, 'native-floats.wat'));
  return { soft: soft.instance.exports, native: native.instance.exports };
}

/** The result as an unsigned number/bigint, or the trap. */
function run(fn: Fn, args: Operand[]): string {
  try {
    const r = fn(...args);
    return typeof r === 'bigint'
      ? `0x${BigInt.asUintN(64, r).toString(16)}`
      : `0x${((r as number) >>> 0).toString(16)}`;
  } catch (e) {
    if (e instanceof SoftTrap) return `trap ${e.code}`;
    if (e instanceof wasm.RuntimeError && /float unrepresentable in integer range/.test(e.message))
      return `trap ${TrapCode.invalidConversion}`;
    throw e;
  }
}

function toArg(t: FloatOp['params'][number], x: Operand): Operand {
  return carrier(t) === 'i64' ? BigInt.asIntN(64, BigInt(x)) : Number(x) | 0;
}

function edges(t: FloatOp['params'][number]): Operand[] {
  if (t === 'f64') return F64_EDGES;
  if (t === 'f32') return F32_EDGES;
  if (t === 'i32') return I32_EDGES;
  return I64_EDGES;
}

function random(src: OperandSource, t: FloatOp['params'][number]): Operand {
  if (t === 'f64') return src.f64();
  if (t === 'f32') return src.f32();
  if (t === 'i32') return src.u32();
  return src.u64();
}

const RANDOM_PER_OP = 3000;

test('softfloat.wat: every helper matches V8 bit for bit on edge and random operands', async () => {
  const { soft, native } = await modules();
  const failures: string[] = [];
  let checked = 0;
  const traps = new Map<string, number>();
  /** Mismatches shown per helper (a few each, so one wrong helper does not hide another). */
  const perOp = new Map<string, number>();
  for (const [k, op] of FLOAT_OPS.entries()) {
    const sf = soft[op.name] as Fn | undefined;
    const nf = native[op.name] as Fn;
    assert.ok(sf, `softfloat.wat exports ${op.name}`);
    const cases: Operand[][] = [];
    const [p0, p1] = op.params as [FloatOp['params'][number], FloatOp['params'][number] | undefined];
    if (p1 === undefined) {
      for (const a of edges(p0)) cases.push([a]);
    } else {
      for (const a of edges(p0)) for (const b of edges(p1)) cases.push([a, b]);
    }
    const src = new OperandSource(0x5eed + k);
    for (let i = 0; i < RANDOM_PER_OP; i++) {
      const a = random(src, p0);
      if (p1 === undefined) {
        cases.push([a]);
        continue;
      }
      const mode = i % 3;
      let b: Operand;
      if (mode === 0) b = random(src, p1);
      else if (p0 === 'f64') b = src.f64Near(a as bigint) ^ (mode === 2 ? 1n << 63n : 0n);
      else b = (src.f32Near(a as number) ^ (mode === 2 ? 0x80000000 : 0)) >>> 0;
      cases.push(mode === 0 ? [a, b] : i % 2 ? [a, b] : [b, a]);
    }
    for (const c of cases) {
      const args = c.map((x, i) => toArg(op.params[i] as FloatOp['params'][number], x));
      const want = run(nf, args);
      const got = run(sf, args);
      checked++;
      if (want.startsWith('trap')) traps.set(op.name, (traps.get(op.name) ?? 0) + 1);
      if (want !== got && (perOp.get(op.name) ?? 0) < 4) {
        perOp.set(op.name, (perOp.get(op.name) ?? 0) + 1);
        const shown = c.map((x) => `0x${BigInt(x).toString(16)}`).join(', ');
        failures.push(`${op.name}(${shown}): V8 ${want}, softfloat ${got}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} mismatches (of ${checked} cases)`);
  // The trapping truncations were exercised on both sides of their boundaries.
  for (const op of FLOAT_OPS) {
    if (/^i(32|64)_trunc_f/.test(op.name)) assert.ok((traps.get(op.name) ?? 0) > 10, `${op.name} traps seen`);
  }
  assert.ok(checked > 100_000, `${checked} cases`);
});
