// 64-bit arithmetic on word pairs (low word below), beyond what i64-pairs.ts does: ordered
// comparisons, sign extensions and rotates by constants are short inline sequences; multiply,
// divide, remainder, shifts and rotates by a variable count, and bit counts call the i64 helpers of
// lowering/helpers.wat, which take the operands' words and return the result's words.
import type { OpcodeName } from '../../tokens/opcodes';
import type { FunctionBuilder } from '../function-builder';
import { signExtend } from '../lowering/lower';
import { pushDoubledWithCarry, wordOfPairAt } from './i64-shift';
import type { FunctionState } from './state';

/** The scratch locals of i64-pairs.ts: the operands' words (a below b). */
export interface PairRegs {
  readonly al: number;
  readonly ah: number;
  readonly bl: number;
  readonly bh: number;
}

/**
 * Ordered comparisons: [the strict test of the high words, the test of the low words]. a OP b is
 * decided by the high words unless they are equal, and then by the low words, unsigned.
 */
const COMPARE = new Map<number, readonly [OpcodeName, OpcodeName]>([
  [0x53, ['i32.lt_s', 'i32.lt_u']], // i64.lt_s
  [0x54, ['i32.lt_u', 'i32.lt_u']], // i64.lt_u
  [0x55, ['i32.gt_s', 'i32.gt_u']], // i64.gt_s
  [0x56, ['i32.gt_u', 'i32.gt_u']], // i64.gt_u
  [0x57, ['i32.lt_s', 'i32.le_u']], // i64.le_s
  [0x58, ['i32.lt_u', 'i32.le_u']], // i64.le_u
  [0x59, ['i32.gt_s', 'i32.ge_u']], // i64.ge_s
  [0x5a, ['i32.gt_u', 'i32.ge_u']], // i64.ge_u
]);

/** Binary operations done by a helper: (al, ah, bl, bh) → (lo, hi). */
const BINARY_HELPER = new Map<number, string>([
  [0x7e, 'i64_mul'],
  [0x7f, 'i64_div_s'],
  [0x80, 'i64_div_u'],
  [0x81, 'i64_rem_s'],
  [0x82, 'i64_rem_u'],
]);

/** Bit counts done by a helper: (lo, hi) → an i32 count, which becomes (count, 0). */
const COUNT_HELPER = new Map<number, string>([
  [0x79, 'i64_clz'],
  [0x7a, 'i64_ctz'],
  [0x7b, 'i64_popcnt'],
]);

/** Shifts and rotates by a variable count: (lo, hi, count mod 64) → (lo, hi). */
const SHIFT_HELPER = new Map<number, string>([
  [0x86, 'i64_shl'],
  [0x87, 'i64_shr_s'],
  [0x88, 'i64_shr_u'],
  [0x89, 'i64_rotl'],
  [0x8a, 'i64_rotr'],
]);

/** [x] → [x, -1 when x < 0 else 0]: the high word of x sign-extended. */
export function pushSignWord(s: FunctionState): void {
  const { b } = s;
  const x = s.temp('i64_lo');
  b.emit('local.tee', x);
  b.emit('i32.const', 0);
  b.emit('local.get', x);
  b.emit('i32.const', 0);
  b.emit('i32.lt_s');
  b.emit('i32.sub');
}

/**
 * A constant shift or rotate count (mod 64), removing its i64.const, or undefined when the count is
 * not a constant. Only the low word matters: the pair's value as one number would lose it.
 */
export function takeConstantCount(b: FunctionBuilder): number | undefined {
  const low = b.code[b.code.length - 2];
  return b.takeConstantPair() === undefined ? undefined : low.imm % 64;
}

const callHelper = (s: FunctionState, name: string) => s.b.emit('call', 0, { callee: { helper: name } });

/** A 64-bit operation of this module; returns false for anything else. */
export function i64Arith(s: FunctionState, op: number, r: PairRegs): boolean {
  const { b, stack } = s;
  const compare = COMPARE.get(op);
  if (compare) {
    stack.pop('i64');
    stack.pop('i64');
    for (const x of [r.bh, r.bl, r.ah, r.al]) b.emit('local.set', x);
    // select(low test, high test, high words equal)
    b.emit('local.get', r.al);
    b.emit('local.get', r.bl);
    b.emit(compare[1]);
    b.emit('local.get', r.ah);
    b.emit('local.get', r.bh);
    b.emit(compare[0]);
    b.emit('local.get', r.ah);
    b.emit('local.get', r.bh);
    b.emit('i32.eq');
    b.emit('select');
    stack.push('i32');
    return true;
  }
  const binary = BINARY_HELPER.get(op);
  if (binary) {
    stack.pop('i64');
    stack.pop('i64');
    callHelper(s, binary);
    stack.push('i64');
    return true;
  }
  const count = COUNT_HELPER.get(op);
  if (count) {
    stack.pop('i64');
    callHelper(s, count);
    b.emit('i32.const', 0);
    stack.push('i64');
    return true;
  }
  const shift = SHIFT_HELPER.get(op);
  if (shift) {
    if ((op === 0x89 || op === 0x8a) && rotateByConstant(s, op === 0x8a, r)) return true;
    stack.pop('i64');
    // Only the count's low word matters (it is taken mod 64).
    b.emit('drop');
    callHelper(s, shift);
    return true;
  }
  switch (op) {
    case 0xc2: // i64.extend8_s
    case 0xc3: // i64.extend16_s
    case 0xc4: // i64.extend32_s: the low word's low 8/16/32 bits, sign-extended
      b.emit('drop');
      if (op !== 0xc4) signExtend(b, op === 0xc2 ? 8 : 16);
      pushSignWord(s);
      return true;
    default:
      return false;
  }
}

/**
 * Rotate left by a constant count, inline: by 32 the words swap; whole bytes through scratch memory
 * (the pair stored twice over, in both word orders, and loaded at a byte offset); then one bit at a
 * time, each word doubled and given the other's top bit.
 */
function rotateByConstant(s: FunctionState, right: boolean, r: PairRegs): boolean {
  const { b, stack } = s;
  let n = takeConstantCount(b);
  if (n === undefined) return false;
  stack.pop('i64');
  if (right) n = (64 - n) % 64; // rotr by n is rotl by 64 - n
  const { al: lo, ah: hi } = r;
  // By 32 or more: swap the words as they are set.
  b.emit('local.set', n >= 32 ? lo : hi);
  b.emit('local.set', n >= 32 ? hi : lo);
  n %= 32;
  const k = n >> 3;
  if (k > 0) {
    // (lo, hi) in bytes 0..7 give hi' at byte 4 - k; (hi, lo) give lo' there.
    wordOfPairAt(b, lo, hi, 4 - k, r.bl);
    wordOfPairAt(b, hi, lo, 4 - k, lo);
    b.emit('local.get', r.bl);
    b.emit('local.set', hi);
  }
  for (let i = 0; i < (n & 7); i++) {
    // hi' = 2 hi + top bit of lo, lo' = 2 lo + top bit of hi (the old hi, set last)
    pushDoubledWithCarry(b, hi, lo);
    pushDoubledWithCarry(b, lo, hi);
    b.emit('local.set', lo);
    b.emit('local.set', hi);
  }
  b.emit('local.get', lo);
  b.emit('local.get', hi);
  return true;
}
