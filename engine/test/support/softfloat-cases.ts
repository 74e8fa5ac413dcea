// The soft-float helpers' signatures, the native WebAssembly instruction each one replaces, and the
// operands the tests try on them: edge values (signed zeros, subnormals, the normal range's ends,
// infinities, quiet and signalling NaNs with payloads, ties, the integer types' boundaries and
// their neighbours) and seeded random bit patterns / nearby values.
import { prngU32 } from './prng';

export type WasmType = 'i32' | 'i64';
export interface FloatOp {
  /** The helper's name: the mnemonic with '.' replaced by '_'. */
  readonly name: string;
  /** The WebAssembly instruction. */
  readonly instr: string;
  /** Parameter and result types of the helper (floats as their bits). */
  readonly params: readonly ('f32' | 'f64' | 'i32' | 'i64')[];
  readonly result: 'f32' | 'f64' | 'i32' | 'i64';
}

const ARITH2 = ['add', 'sub', 'mul', 'div', 'min', 'max'];
const ARITH1 = ['sqrt', 'ceil', 'floor', 'trunc', 'nearest'];
const COMPARE = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];

export const FLOAT_OPS: readonly FloatOp[] = [
  ...(['f32', 'f64'] as const).flatMap((t) => [
    ...ARITH2.map((op) => ({ name: `${t}_${op}`, instr: `${t}.${op}`, params: [t, t], result: t })),
    ...ARITH1.map((op) => ({ name: `${t}_${op}`, instr: `${t}.${op}`, params: [t], result: t })),
    ...COMPARE.map((op) => ({
      name: `${t}_${op}`,
      instr: `${t}.${op}`,
      params: [t, t],
      result: 'i32' as const,
    })),
  ]),
  ...(['i32', 'i64'] as const).flatMap((i) =>
    (['f32', 'f64'] as const).flatMap((f) =>
      ['s', 'u'].flatMap((s) =>
        ['trunc', 'trunc_sat'].map((k) => ({
          name: `${i}_${k}_${f}_${s}`,
          instr: `${i}.${k}_${f}_${s}`,
          params: [f],
          result: i,
        })),
      ),
    ),
  ),
  ...(['f32', 'f64'] as const).flatMap((f) =>
    (['i32', 'i64'] as const).flatMap((i) =>
      ['s', 'u'].map((s) => ({
        name: `${f}_convert_${i}_${s}`,
        instr: `${f}.convert_${i}_${s}`,
        params: [i],
        result: f,
      })),
    ),
  ),
  { name: 'f32_demote_f64', instr: 'f32.demote_f64', params: ['f64'], result: 'f32' },
  { name: 'f64_promote_f32', instr: 'f64.promote_f32', params: ['f32'], result: 'f64' },
];

/** The machine-level type carrying a value of type t (float bits in an integer). */
export function carrier(t: FloatOp['params'][number]): WasmType {
  return t === 'f32' || t === 'i32' ? 'i32' : 'i64';
}

/** A WAT function `name` with integer params/results that runs the native instruction. */
export function nativeWrapper(op: FloatOp): string {
  const params = op.params.map((t, i) => {
    const get = `(local.get ${i})`;
    if (t === 'f32') return `(f32.reinterpret_i32 ${get})`;
    if (t === 'f64') return `(f64.reinterpret_i64 ${get})`;
    return get;
  });
  let body = `(${op.instr} ${params.join(' ')})`;
  if (op.result === 'f32') body = `(i32.reinterpret_f32 ${body})`;
  if (op.result === 'f64') body = `(i64.reinterpret_f64 ${body})`;
  const ps = op.params.map((t) => `(param ${carrier(t)})`).join(' ');
  return `(func (export "${op.name}") ${ps} (result ${carrier(op.result)}) ${body})`;
}

const F64_BASE: bigint[] = [
  0x0000000000000000n, // +0
  0x0000000000000001n, // min subnormal
  0x0000000000000002n,
  0x0000000000000003n,
  0x000fffffffffffffn, // max subnormal
  0x0008000000000000n,
  0x0010000000000000n, // min normal
  0x0010000000000001n,
  0x001fffffffffffffn,
  0x7fefffffffffffffn, // max finite
  0x7fe0000000000000n,
  0x7feffffffffffffen,
  0x7ff0000000000000n, // inf
  0x7ff8000000000000n, // quiet NaN
  0x7ff8000000000123n, // quiet NaN, payload
  0x7ff0000000000001n, // signalling NaN
  0x7ff4000000000abcn, // signalling NaN, payload
  0x7fffffffffffffffn,
  0x3ff0000000000000n, // 1
  0x3ff0000000000001n, // 1 + ulp
  0x3fefffffffffffffn, // 1 - ulp/2
  0x3fe0000000000000n, // 0.5
  0x3fdfffffffffffffn, // 0.49999999999999994
  0x3fe0000000000001n,
  0x3ff8000000000000n, // 1.5
  0x4004000000000000n, // 2.5
  0x4008000000000000n, // 3
  0x400c000000000000n, // 3.5
  0x4330000000000000n, // 2^52
  0x4330000000000001n,
  0x432fffffffffffffn, // 2^52 - 0.5
  0x4340000000000000n, // 2^53
  0x4340000000000001n,
  0x41dfffffffc00000n, // 2^31 - 1
  0x41dfffffffffffffn, // just below 2^31
  0x41e0000000000000n, // 2^31
  0x41e0000000000001n,
  0x41e00000001fffffn, // just below 2^31 + 1
  0x41e0000000200000n, // 2^31 + 1
  0x41efffffffffffffn, // just below 2^32
  0x41f0000000000000n, // 2^32
  0x41f0000000000001n,
  0x43dfffffffffffffn, // just below 2^63
  0x43e0000000000000n, // 2^63
  0x43e0000000000001n,
  0x43efffffffffffffn, // just below 2^64
  0x43f0000000000000n, // 2^64
  0x43f0000000000001n,
  0x3ff5555555555555n, // 4/3
  0x3fd5555555555555n, // 1/3
  0x400921fb54442d18n, // pi
  0x47efffffe0000000n, // f32 max
  0x47efffffe0000001n,
  0x47effffff0000000n, // halfway between f32 max and 2^128
  0x47efffffefffffffn,
  0x47f0000000000000n, // 2^128
  0x3810000000000000n, // f32 min normal
  0x380fffffffffffffn,
  0x36a0000000000000n, // f32 min subnormal
  0x3690000000000000n, // half of it
  0x3690000000000001n,
  0x36a8000000000000n, // 1.5 f32 min subnormal
  0x36b4000000000000n, // 2.5 f32 min subnormal
  0x380ffffff0000000n, // rounds to f32 min normal
  0x7e37e43c8800759cn, // 1e300
  0x01a56e1fc2f8f359n, // 1e-300
];
export const F64_EDGES: bigint[] = [...F64_BASE, ...F64_BASE.map((x) => x | 0x8000000000000000n)];

const F32_BASE: number[] = [
  0x00000000, 0x00000001, 0x00000002, 0x00000003, 0x007fffff, 0x00400000, 0x00800000, 0x00800001, 0x00ffffff,
  0x7f7fffff, 0x7f000000, 0x7f7ffffe, 0x7f800000, 0x7fc00000, 0x7fc00123, 0x7f800001, 0x7fa00abc, 0x7fffffff,
  0x3f800000, 0x3f800001, 0x3f7fffff, 0x3f000000, 0x3effffff, 0x3f000001, 0x3fc00000, 0x40200000, 0x40400000,
  0x40600000, 0x4b000000, 0x4b000001, 0x4affffff, 0x4b800000, 0x4effffff, 0x4f000000, 0x4f000001, 0x4f7fffff,
  0x4f800000, 0x4f800001, 0x5effffff, 0x5f000000, 0x5f000001, 0x5f7fffff, 0x5f800000, 0x5f800001, 0x3faaaaab,
  0x3eaaaaab, 0x40490fdb, 0x34000000, 0x33800000,
];
export const F32_EDGES: number[] = [...F32_BASE, ...F32_BASE.map((x) => (x | 0x80000000) >>> 0)];

const I32_BASE = [
  0, 1, 2, 3, 0x7fffffff, 0x7ffffffe, 0x00ffffff, 0x01000000, 0x01000001, 0x01000003, 0x7fffffc0, 0x7fffffbf,
];
export const I32_EDGES: number[] = [
  ...I32_BASE,
  ...I32_BASE.map((x) => (-x >>> 0) as number),
  0x80000000,
  0x80000001,
];

const I64_BASE: bigint[] = [
  0n,
  1n,
  3n,
  (1n << 53n) - 1n,
  1n << 53n,
  (1n << 53n) + 1n,
  (1n << 53n) + 3n,
  (1n << 24n) + 1n,
  (1n << 63n) - 1n,
  (1n << 63n) - 1024n,
  (1n << 63n) - 1025n,
  (1n << 63n) - 512n,
  0x7ffffffffffffdffn,
  0x7fffff8000000000n,
  0x7fffff7fffffffffn,
  0x0020000000000001n,
  0x0020000000000003n,
  0xffffffffn,
  0x100000000n,
];
export const I64_EDGES: bigint[] = [
  ...I64_BASE,
  ...I64_BASE.map((x) => BigInt.asUintN(64, -x)),
  1n << 63n,
  (1n << 63n) + 1n,
  (1n << 63n) + 1024n,
  (1n << 63n) + 1025n,
  0xffffffffffffffffn,
  0xfffffffffffff800n,
  0xfffffffffffffbffn,
  0xffffff8000000000n,
];

/** Seeded random operands of a type: raw bit patterns and values of moderate exponent. */
export class OperandSource {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prngU32(seed);
  }
  u32(): number {
    return this.next();
  }
  u64(): bigint {
    return (BigInt(this.next()) << 32n) | BigInt(this.next());
  }
  /** f64 bits: half raw patterns, half with the exponent within ±80 of 1 (the integer range and ties). */
  f64(): bigint {
    const x = this.u64();
    if (this.next() & 1) return x;
    const exp = BigInt(1023 - 80 + (this.next() % 160));
    return (x & 0x800fffffffffffffn) | (exp << 52n);
  }
  f32(): number {
    const x = this.next();
    if (this.next() & 1) return x;
    const exp = 127 - 40 + (this.next() % 80);
    return ((x & 0x807fffff) | (exp << 23)) >>> 0;
  }
  /** A value near `a` (f64 bits): same or nearby exponent, the low bits changed: cancellation in add/sub. */
  f64Near(a: bigint): bigint {
    const r = this.next();
    const delta = BigInt(r % 4096) - 2048n;
    const shift = BigInt((r >>> 12) % 60);
    return BigInt.asUintN(64, a + delta * (1n << shift));
  }
  f32Near(a: number): number {
    const r = this.next();
    const far = (r >>> 8) % 2 ? 0 : (((r >>> 9) % 4096) - 2048) << 8;
    return (a + (r % 64) - 32 + far) >>> 0;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.next() % xs.length] as T;
  }
}
