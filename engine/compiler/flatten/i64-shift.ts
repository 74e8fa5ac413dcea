// 64-bit shifts by a constant count, inline. The pair is stored in scratch memory bytes 0..7 (low
// word first, so the bytes are the value's little-endian bytes) and loaded back at a byte offset:
// a shift by whole bytes. The remaining 0..7 bits go left by doubling the pair (the low word's top
// bit carried into the high word) and right as x >> r = (x >> 8) << (8 - r) + (x & 0xff) >> r.
import type { FunctionBuilder } from '../function-builder';
import { lowerOp } from '../lowering/lower';
import type { PairRegs } from './i64-arith';

/** Pushes 2·x plus the top bit of `carry`: the word in local `x` doubled, with the bit from below. */
export function pushDoubledWithCarry(b: FunctionBuilder, x: number, carry: number): void {
  b.emit('local.get', x);
  b.emit('local.get', x);
  b.emit('i32.add');
  b.emit('local.get', carry);
  b.emit('i32.const', 0);
  b.emit('i32.lt_s');
  b.emit('i32.add');
}

/** (lo, hi) := 2 (lo, hi): the low word's top bit goes into the high word. */
function doublePair(b: FunctionBuilder, lo: number, hi: number): void {
  pushDoubledWithCarry(b, hi, lo);
  b.emit('local.set', hi);
  b.emit('local.get', lo);
  b.emit('local.get', lo);
  b.emit('i32.add');
  b.emit('local.set', lo);
}

/** Stores the word in local `x` at scratch address `at` (0 or 4). */
function storeWord(b: FunctionBuilder, at: number, x: number): void {
  b.emit('i32.const', 0);
  b.emit('local.get', x);
  b.emit('i32.store', at);
}

/** Local `result` := the word at byte `at` of the pair (first, second) laid out in scratch bytes 0..7. */
export function wordOfPairAt(
  b: FunctionBuilder,
  first: number,
  second: number,
  at: number,
  result: number,
): void {
  storeWord(b, 0, first);
  storeWord(b, 4, second);
  b.emit('i32.const', 0);
  b.emit('i32.load', at);
  b.emit('local.set', result);
}

/** [lo hi] → [lo hi] << n, 0 < n < 64. */
export function shiftLeftPair(b: FunctionBuilder, n: number, r: PairRegs): void {
  const { al: lo, ah: hi } = r;
  if (n >= 32) {
    // The low word moves up, shifted by n - 32 (a one-word lowering); zeros come in below.
    b.emit('drop');
    b.emit('i32.const', n - 32);
    lowerOp(b, 0x74);
    b.emit('local.set', hi);
    b.emit('i32.const', 0);
    b.emit('local.get', hi);
    return;
  }
  b.emit('local.set', hi);
  b.emit('local.set', lo);
  const k = n >> 3;
  if (k > 0) {
    // hi' = bytes 4-k..7-k of (lo, hi); lo' = lo stored at byte k above k zero bytes.
    wordOfPairAt(b, lo, hi, 4 - k, hi);
    b.emit('i32.const', 0);
    b.emit('i32.const', 0);
    b.emit('i32.store', 0);
    storeWord(b, k, lo);
    b.emit('i32.const', 0);
    b.emit('i32.load', 0);
    b.emit('local.set', lo);
  }
  for (let i = 0; i < (n & 7); i++) doublePair(b, lo, hi);
  b.emit('local.get', lo);
  b.emit('local.get', hi);
}

/** [lo hi] → [lo hi] >> n (arithmetic when `signed`), 0 < n < 64. */
export function shiftRightPair(b: FunctionBuilder, n: number, signed: boolean, r: PairRegs): void {
  const { al: lo, ah: hi, bl: fill, bh: low } = r;
  b.emit('local.set', hi);
  b.emit('local.set', lo);
  // fill: the word shifted in from above (the sign of hi, or 0)
  b.emit('i32.const', 0);
  if (signed) {
    b.emit('local.get', hi);
    b.emit('i32.const', 0);
    b.emit('i32.lt_s');
    b.emit('i32.sub');
  }
  b.emit('local.set', fill);
  if (n >= 32) {
    // A whole word: the high word moves down, the fill comes in above.
    b.emit('local.get', hi);
    b.emit('local.set', lo);
    b.emit('local.get', fill);
    b.emit('local.set', hi);
    n -= 32;
  }
  const bits = n & 7;
  // Whole bytes: k, or k + 1 when bits remain (x >> r = (x >> 8) << (8 - r) + (x & 0xff) >> r).
  const k = (n >> 3) + (bits ? 1 : 0);
  if (k > 0) {
    storeWord(b, 0, lo);
    storeWord(b, 4, hi);
    if (bits) {
      // The byte below the cut, shifted left by 8 - r and down by 8 later.
      b.emit('i32.const', 0);
      b.emit('i32.load8_u', k - 1);
      b.emit('local.set', low);
    }
    b.emit('i32.const', 0);
    b.emit('i32.load', k);
    b.emit('local.set', lo);
    storeWord(b, 0, hi);
    storeWord(b, 4, fill);
    b.emit('i32.const', 0);
    b.emit('i32.load', k);
    b.emit('local.set', hi);
  }
  if (bits) {
    for (let i = 0; i < 8 - bits; i++) doublePair(b, lo, hi);
    // (low << (8 - r)) < 2^15: its second byte is low >> r.
    b.emit('i32.const', 0);
    b.emit('local.get', low);
    for (let i = 0; i < 8 - bits; i++) {
      if (i > 0) b.emit('local.tee', low);
      b.emit('local.get', low);
      b.emit('i32.add');
    }
    b.emit('i32.store', 0);
    b.emit('local.get', lo);
    b.emit('i32.const', 0);
    b.emit('i32.load8_u', 1);
    b.emit('i32.add');
  } else b.emit('local.get', lo);
  b.emit('local.get', hi);
}
