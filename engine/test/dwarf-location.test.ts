// Tests for the DWARF location evaluator (engine/debug-info/location.ts) over a fake frame:
// WebAssembly locals/globals/operands, the frame base, memory, location lists, pieces, stack
// arithmetic, and the operations it must refuse or bound.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateLocation } from '../debug-info/location';
import type { LocationContext, LocationDescription, Place } from '../debug-info/model';

function le(value: number | bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let v = BigInt.asUintN(size * 8, BigInt(value));
  for (let i = 0; i < size; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const memory = new Uint8Array(256);
memory.set(le(0xdeadbeef, 4), 16);
memory.set(le(0x1234, 2), 40);

const frame: LocationContext = {
  offset: 100,
  wasmLocal: (i) => (i === 0 ? le(200, 4) : i === 1 ? le(-5n, 8) : i === 2 ? le(64, 4) : undefined),
  wasmGlobal: (i) => (i === 0 ? le(128, 4) : undefined),
  wasmOperand: (i) => (i === 0 ? le(7, 4) : i === 1 ? le(9, 4) : undefined),
  memory: (a, n) => (a >= 0 && a + n <= memory.length ? memory.slice(a, a + n) : undefined),
};

const expr = (...ops: number[]): LocationDescription => ({ kind: 'expression', ops: new Uint8Array(ops) });
const eval_ = (d: LocationDescription, fb?: LocationDescription, ctx = frame): Place =>
  evaluateLocation(d, ctx, fb);
const value = (bytes: number[] | Uint8Array): Place => ({ kind: 'value', bytes: new Uint8Array(bytes) });

const WASM = 0xed;
const STACK_VALUE = 0x9f;

describe('DW_OP_WASM_location', () => {
  test('a local alone is register-like: its content with its own width', () => {
    assert.deepEqual(eval_(expr(WASM, 0, 0)), value(le(200, 4)));
    assert.deepEqual(eval_(expr(WASM, 0, 1)), value(le(-5n, 8)));
  });
  test('a local with DW_OP_stack_value is its value', () => {
    assert.deepEqual(eval_(expr(WASM, 0, 0, STACK_VALUE)), value(le(200, 4)));
  });
  test('globals by ULEB and by fixed u32 index, and operand stack entries', () => {
    assert.deepEqual(eval_(expr(WASM, 1, 0, STACK_VALUE)), value(le(128, 4)));
    assert.deepEqual(eval_(expr(WASM, 3, 0, 0, 0, 0, STACK_VALUE)), value(le(128, 4)));
    assert.deepEqual(eval_(expr(WASM, 2, 1, STACK_VALUE)), value(le(9, 4)));
  });
  test('followed by arithmetic it pushes the slot value: a memory address', () => {
    assert.deepEqual(eval_(expr(WASM, 0, 2, 0x23, 8)), { kind: 'memory', address: 72 });
  });
  test('a missing slot is unavailable with the reason', () => {
    const p = eval_(expr(WASM, 0, 9, STACK_VALUE));
    assert.equal(p.kind, 'unavailable');
    assert.match((p as { reason: string }).reason, /local 9/);
    assert.match((eval_(expr(WASM, 2, 5)) as { reason: string }).reason, /operand stack entry 5/);
  });
});

describe('addresses and the frame base', () => {
  test('DW_OP_addr is a memory location', () => {
    assert.deepEqual(eval_(expr(0x03, 0x10, 0x20, 0, 0)), { kind: 'memory', address: 0x2010 });
  });
  test('DW_OP_fbreg adds to the frame base local (as clang emits at -O0)', () => {
    const fb = expr(WASM, 0, 2, STACK_VALUE);
    assert.deepEqual(eval_(expr(0x91, ...sleb(12)), fb), { kind: 'memory', address: 76 });
    assert.deepEqual(eval_(expr(0x91, ...sleb(-4)), fb), { kind: 'memory', address: 60 });
    // A global frame base (the C stack pointer, at -O2), register-like without stack_value.
    assert.deepEqual(eval_(expr(0x91, ...sleb(8)), expr(WASM, 3, 0, 0, 0, 0)), {
      kind: 'memory',
      address: 136,
    });
  });
  test('DW_OP_fbreg without a frame base is unavailable', () => {
    assert.equal(eval_(expr(0x91, 4)).kind, 'unavailable');
  });
  test('deref and deref_size read memory; out of range is unavailable', () => {
    assert.deepEqual(eval_(expr(0x40 /* lit16 */, 0x06, STACK_VALUE)), value(le(0xdeadbeef, 8)));
    assert.deepEqual(eval_(expr(0x08, 40, 0x94, 2, STACK_VALUE)), value(le(0x1234, 8)));
    assert.match((eval_(expr(0x0c, 0, 0, 1, 0, 0x06)) as { reason: string }).reason, /cannot read 4 bytes/);
  });
});

describe('stack machine', () => {
  const top = (...ops: number[]): bigint => {
    const p = eval_(expr(...ops, STACK_VALUE));
    assert.equal(p.kind, 'value', JSON.stringify(p));
    let v = 0n;
    const b = (p as { bytes: Uint8Array }).bytes;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return BigInt.asIntN(64, v);
  };
  test('literals and constants', () => {
    assert.equal(top(0x30 + 31), 31n);
    assert.equal(top(0x09, 0xff), -1n);
    assert.equal(top(0x0a, 0xff, 0xff), 0xffffn);
    assert.equal(top(0x0b, 0xfe, 0xff), -2n);
    assert.equal(top(0x0d, 0xff, 0xff, 0xff, 0xff), -1n);
    assert.equal(top(0x0e, 1, 0, 0, 0, 0, 0, 0, 0x80), BigInt.asIntN(64, 0x8000000000000001n));
    assert.equal(top(0x10, ...uleb(300)), 300n);
    assert.equal(top(0x11, ...sleb(-300)), -300n);
  });
  test('arithmetic and logic', () => {
    assert.equal(top(0x35, 0x33, 0x22), 8n); // 5 + 3
    assert.equal(top(0x35, 0x33, 0x1c), 2n); // 5 - 3
    assert.equal(top(0x33, 0x35, 0x1c), -2n);
    assert.equal(top(0x35, 0x33, 0x1e), 15n);
    assert.equal(top(0x3c, 0x36, 0x1a), 4n); // 12 & 6
    assert.equal(top(0x3c, 0x36, 0x21), 14n);
    assert.equal(top(0x3c, 0x36, 0x27), 10n);
    assert.equal(top(0x31, 0x34, 0x24), 16n); // 1 << 4
    assert.equal(top(0x11, ...sleb(-16), 0x32, 0x26), -4n); // shra
    assert.equal(top(0x11, ...sleb(-16), 0x3c, 0x25), 0xfffffffffffffn); // shr (64-bit logical)
    assert.equal(top(0x35, 0x1f), -5n);
    assert.equal(top(0x30, 0x20), -1n);
    assert.equal(top(0x11, ...sleb(-7), 0x32, 0x1b), -3n); // div truncates
    assert.equal(top(0x37, 0x33, 0x1d), 1n);
    assert.equal(top(0x11, ...sleb(-7), 0x19), 7n);
    assert.equal(top(0x35, 0x23, ...uleb(1000)), 1005n);
    assert.equal(top(0x33, 0x35, 0x2d), 1n); // 3 < 5
    assert.equal(top(0x33, 0x35, 0x29), 0n);
  });
  test('stack operations', () => {
    assert.equal(top(0x31, 0x32, 0x16, 0x1c), 1n); // swap: 2 - 1
    assert.equal(top(0x31, 0x32, 0x14, 0x22, 0x22), 4n); // over: 1 + (2 + 1)
    assert.equal(top(0x33, 0x12, 0x1e), 9n); // dup
    assert.equal(top(0x33, 0x34, 0x13), 3n); // drop
    assert.equal(top(0x31, 0x32, 0x33, 0x15, 2), 1n); // pick 2
    assert.equal(top(0x31, 0x32, 0x33, 0x17, 0x13), 1n); // rot: 1 2 3 → 3 1 2
    assert.equal(top(0x31, 0x32, 0x33, 0x17, 0x13, 0x13), 3n);
  });
  test('skip and bra', () => {
    assert.equal(top(0x31, 0x2f, 1, 0, 0x32), 1n);
    assert.equal(top(0x31, 0x31, 0x28, 1, 0, 0x32), 1n);
    assert.equal(top(0x31, 0x30, 0x28, 1, 0, 0x32), 2n);
  });
  test('an infinite loop stops with a reason', () => {
    const p = eval_(expr(0x2f, 0xfd, 0xff)); // skip -3: itself
    assert.equal(p.kind, 'unavailable');
  });
  test('stack underflow is unavailable, not a crash', () => {
    assert.equal(eval_(expr(0x22)).kind, 'unavailable');
    assert.equal(eval_(expr(0x16)).kind, 'unavailable');
  });
});

describe('composites, lists and refusals', () => {
  test('pieces: a local, an optimized-out piece, a memory piece', () => {
    const p = eval_(expr(WASM, 0, 0, STACK_VALUE, 0x93, 4, 0x93, 4, 0x03, 16, 0, 0, 0, 0x93, 4));
    assert.deepEqual(p, {
      kind: 'pieces',
      pieces: [
        { size: 4, place: value(le(200, 4)) },
        { size: 4, place: undefined },
        { size: 4, place: { kind: 'memory', address: 16 } },
      ],
    });
    // A register-like local as a piece.
    assert.deepEqual(eval_(expr(WASM, 0, 1, 0x93, 8)), {
      kind: 'pieces',
      pieces: [{ size: 8, place: value(le(-5n, 8)) }],
    });
  });
  test('implicit value', () => {
    assert.deepEqual(eval_(expr(0x9e, 2, 0xab, 0xcd)), value([0xab, 0xcd]));
  });
  test('location lists pick the entry covering the offset, else optimized out', () => {
    const list: LocationDescription = {
      kind: 'list',
      entries: [
        { start: 0, end: 100, ops: new Uint8Array([0x31, STACK_VALUE]) },
        { start: 100, end: 101, ops: new Uint8Array([0x32, STACK_VALUE]) },
      ],
    };
    assert.deepEqual(eval_(list), value(le(2, 8)));
    assert.deepEqual(eval_(list, undefined, { ...frame, offset: 99 }), value(le(1, 8)));
    assert.deepEqual(eval_(list, undefined, { ...frame, offset: 101 }), { kind: 'optimized-out' });
    assert.deepEqual(eval_({ kind: 'none' }), { kind: 'optimized-out' });
    assert.deepEqual(eval_(expr()), { kind: 'optimized-out' });
  });
  test('entry values, registers and unknown operations are unavailable with the op named', () => {
    const reason = (p: Place) => (p.kind === 'unavailable' ? p.reason : `not unavailable: ${p.kind}`);
    assert.match(reason(eval_(expr(0xa3, 2, WASM, 0, STACK_VALUE))), /DW_OP_entry_value/);
    assert.match(reason(eval_(expr(0x50))), /DW_OP_reg0 is not supported/);
    assert.match(reason(eval_(expr(0x90, 3))), /DW_OP_regx/);
    assert.match(reason(eval_(expr(0xfa))), /DW_OP_0xfa is not supported/);
    assert.match(reason(eval_(expr(0x0c, 1))), /truncated/);
  });
});
