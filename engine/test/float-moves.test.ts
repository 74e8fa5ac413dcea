// Floats as the words of their bits (flatten/float-ops.ts): constants, loads and stores, locals,
// globals, parameters and results, select, block results, reinterpretations and the inline sign
// operations (neg, abs, copysign), bit for bit against V8 on the same module, on edge values
// (±0, subnormals, ±inf, NaNs with payloads: neg/abs/copysign must not touch them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRINT64_WAT, runWat } from './support/i64';

const F64_EDGES = [
  0n,
  0x8000000000000000n,
  1n,
  0x000fffffffffffffn,
  0x0010000000000000n,
  0x3ff0000000000000n,
  0xbff8000000000000n,
  0x7fefffffffffffffn,
  0x7ff0000000000000n,
  0xfff0000000000000n,
  0x7ff8000000000000n,
  0xfff8000000000001n,
  0x7ff0000000000001n,
  0x400921fb54442d18n,
];
const F32_EDGES = [
  0, 0x80000000, 1, 0x007fffff, 0x00800000, 0x3f800000, 0xbfc00000, 0x7f7fffff, 0x7f800000, 0xff800000,
  0x7fc00000, 0xffc00001, 0x7f800001, 0x40490fdb,
];

const f64 = (bits: bigint) => `(f64.reinterpret_i64 (i64.const ${BigInt.asIntN(64, bits)}))`;
const f32 = (bits: number) => `(f32.reinterpret_i32 (i32.const ${bits | 0}))`;
const hexF64 = (bits: bigint) => `0x${bits.toString(16).padStart(16, '0')}`;

/** A module whose compute prints, for each pair of edge values, every inline float result. */
function program(): string {
  const lines: string[] = [];
  const p64 = (e: string) => lines.push(`(call $print64 (i64.reinterpret_f64 ${e}))`);
  const p32 = (e: string) => lines.push(`(call $print64 (i64.extend_i32_u (i32.reinterpret_f32 ${e})))`);
  for (const a of F64_EDGES) {
    p64(`(f64.neg ${f64(a)})`);
    p64(`(f64.abs ${f64(a)})`);
    // a float constant written as such (f64.const with its exact bits, via hex float syntax)
    p64(`(call $id64 (f64.neg ${f64(a)}))`);
    for (const b of [F64_EDGES[0], F64_EDGES[1], F64_EDGES[6], F64_EDGES[11]])
      p64(`(f64.copysign ${f64(a)} ${f64(b)})`);
    p64(`(select (result f64) ${f64(a)} (f64.const -2.5) (i32.const 0))`);
    p64(`(select (result f64) ${f64(a)} (f64.const -2.5) (i32.const 1))`);
    lines.push(`(f64.store offset=16 (i32.const 600) ${f64(a)})`);
    p64('(f64.load offset=16 (i32.const 600))');
    lines.push(`(global.set $g64 (f64.neg ${f64(a)}))`);
    p64('(global.get $g64)');
    p64(`(block (result f64) ${f64(a)} (br 0))`);
  }
  for (const a of F32_EDGES) {
    p32(`(f32.neg ${f32(a)})`);
    p32(`(f32.abs ${f32(a)})`);
    for (const b of [F32_EDGES[0], F32_EDGES[1], F32_EDGES[6], F32_EDGES[11]])
      p32(`(f32.copysign ${f32(a)} ${f32(b)})`);
    lines.push(`(f32.store offset=4 (i32.const 700) ${f32(a)})`);
    p32('(f32.load offset=4 (i32.const 700))');
    lines.push(`(local.set $x ${f32(a)})`);
    p32('(call $id32 (local.get $x))');
    lines.push(`(global.set $g32 (f32.abs ${f32(a)}))`);
    p32('(global.get $g32)');
  }
  p64('(f64.const 0x1.921fb54442d18p+1)');
  p64('(f64.const -0x0.0000000000001p-1022)');
  p64('(f64.const nan:0x12345)');
  p32('(f32.const -0x1.8p-3)');
  p64('(global.get $init64)');
  p32('(global.get $init32)');
  return `(module ${PRINT64_WAT}
  (global $g64 (mut f64) (f64.const 0))
  (global $g32 (mut f32) (f32.const 0))
  (global $init64 f64 (f64.const -1.25e300))
  (global $init32 f32 (f32.const 3.5))
  (func $id64 (param $v f64) (result f64) (local $t f64) (local.set $t (local.get $v)) (local.get $t))
  (func $id32 (param $v f32) (result f32) (local.get $v))
  (func (export "compute") (param i32) (local $x f32)
    ${lines.join('\n    ')}))`;
}

test('float constants, moves and sign operations keep every bit, as V8 does', async () => {
  const r = await runWat(program(), 'float-moves.wat');
  assert.equal(r.v8.trap, undefined);
  assert.equal(r.machine.trap, undefined);
  assert.ok(r.v8.output.length > 1000, 'the module printed its results');
  assert.equal(r.machine.output, r.v8.output);
  // and the NaN payloads really were exercised: V8 printed -nan:0x1 (bits 0xfff8000000000001) back
  assert.ok(
    r.v8.output.includes(Buffer.from(hexF64(0xfff8000000000001n).slice(2), 'hex').reverse().toString('hex')),
  );
});
