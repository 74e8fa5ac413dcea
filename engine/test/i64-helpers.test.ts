// The 64-bit lowering helpers of engine/compiler/lowering/helpers.wat, run in V8 on word pairs,
// against BigInt arithmetic: edge values and seeded pseudo-random operands of every magnitude,
// traps included, and the scratch-memory rule (only bytes 0..7 are written).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loweringHelpersPath } from '../compiler/paths';
import { watToWasm } from '../compiler/wat';
import { TrapCode } from '../vm/traps';
import { prngU32 } from './support/prng';

type Fn = (...args: number[]) => number | number[];

class Trap extends Error {
  constructor(readonly code: number) {
    super(`trap ${code}`);
  }
}

async function helpers(): Promise<{ fns: Record<string, Fn>; memory: Uint8Array }> {
  // The same WAT → wasm step the compiler uses for the helpers.
  const path = loweringHelpersPath();
  const binary = await watToWasm(readFileSync(path, 'utf8'), path);
  const trap = (code: number) => {
    throw new Trap(code);
  };
  const { instance } = (await WebAssembly.instantiate(binary, { tvm: { trap } })) as unknown as {
    instance: { exports: Record<string, unknown> };
  };
  const memory = instance.exports.memory as { buffer: ArrayBuffer };
  return { fns: instance.exports as Record<string, Fn>, memory: new Uint8Array(memory.buffer) };
}

const U = (x: bigint) => BigInt.asUintN(64, x);
const S = (x: bigint) => BigInt.asIntN(64, x);
const words = (x: bigint) => [Number(U(x) & 0xffffffffn) | 0, Number(U(x) >> 32n) | 0];
const pair = (r: number | number[]) => {
  const [lo, hi] = r as number[];
  return U(BigInt(lo >>> 0) + (BigInt(hi >>> 0) << 32n));
};
const MIN = -(2n ** 63n);

/** Edge values and seeded random values of random magnitude (most divisions need many steps). */
function operands(): bigint[] {
  const values = [0n, 1n, 2n, 3n, 7n, 10n, -1n, -2n, -10n, MIN, MIN + 1n, -MIN - 1n];
  for (const p of [31n, 32n, 33n, 48n, 62n, 63n])
    values.push(2n ** p, 2n ** p - 1n, 2n ** p + 1n, -(2n ** p));
  const random = prngU32(0x64b175);
  for (let i = 0; i < 150; i++) {
    const v = (BigInt(random()) << 32n) | BigInt(random());
    values.push(S(v >> BigInt(random() % 64)));
  }
  return values;
}

test('64-bit helpers compute what BigInt computes, on word pairs', async () => {
  const { fns, memory } = await helpers();
  const values = operands();
  const failures: string[] = [];
  const check = (what: string, got: () => bigint | number, want: bigint | number | Trap) => {
    let g: bigint | number | string;
    try {
      g = got();
    } catch (e) {
      if (!(e instanceof Trap)) throw e;
      g = e.message;
    }
    const w = want instanceof Trap ? want.message : want;
    if (g !== w && failures.length < 20) failures.push(`${what}: got ${g}, want ${w}`);
  };
  const divTrap = (op: string, a: bigint, b: bigint) =>
    op === 'mul'
      ? undefined
      : U(b) === 0n
        ? new Trap(TrapCode.divideByZero)
        : op === 'div_s' && S(a) === MIN && S(b) === -1n
          ? new Trap(TrapCode.integerOverflow)
          : undefined;
  const binary: Record<string, (a: bigint, b: bigint) => bigint> = {
    mul: (a, b) => U(a * b),
    div_u: (a, b) => U(a) / U(b),
    rem_u: (a, b) => U(a) % U(b),
    div_s: (a, b) => U(S(a) / S(b)),
    rem_s: (a, b) => U(S(a) % S(b)),
  };
  for (const a of values) {
    for (const b of values) {
      for (const [op, f] of Object.entries(binary)) {
        const t = divTrap(op, a, b);
        check(`i64_${op}(${a}, ${b})`, () => pair(fns[`i64_${op}`](...words(a), ...words(b))), t ?? f(a, b));
      }
    }
    const [lo, hi] = words(a);
    for (let c = -70; c <= 140; c += c > -2 && c < 66 ? 1 : 7) {
      const n = BigInt(((c % 64) + 64) % 64);
      const u = U(a);
      const rotl = U((u << n) | (u >> ((64n - n) % 64n)));
      const rotr = U((u >> n) | (u << ((64n - n) % 64n)));
      const want = { shl: U(u << n), shr_u: u >> n, shr_s: U(S(a) >> n), rotl, rotr };
      for (const [op, w] of Object.entries(want))
        check(`i64_${op}(${a}, ${c})`, () => pair(fns[`i64_${op}`](lo, hi, c)), w);
    }
    const bits = U(a).toString(2).padStart(64, '0');
    check(`i64_clz(${a})`, () => fns.i64_clz(lo, hi) as number, bits.includes('1') ? bits.indexOf('1') : 64);
    check(
      `i64_ctz(${a})`,
      () => fns.i64_ctz(lo, hi) as number,
      bits.includes('1') ? 63 - bits.lastIndexOf('1') : 64,
    );
    check(`i64_popcnt(${a})`, () => fns.i64_popcnt(lo, hi) as number, bits.replaceAll('0', '').length);
    const w = words(values[(values.indexOf(a) * 7) % values.length])[0];
    check(
      `i64_mul_wide_u(${lo}, ${w})`,
      () => pair(fns.i64_mul_wide_u(lo, w)),
      BigInt(lo >>> 0) * BigInt(w >>> 0),
    );
  }
  assert.deepEqual(failures, []);
  assert.equal(
    memory.subarray(8).findIndex((b) => b !== 0),
    -1,
    'helpers wrote outside scratch bytes 0..7',
  );
});
