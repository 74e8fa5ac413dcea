// Lowering of the i32 operations the machine lacks. Variable operands call a helper function from
// helpers.wat (linked into the token program only when used). Constant operands that have a short
// inline form (shifts and multiplies by constants, masks of whole bytes) are expanded in place,
// using memory bytes 0..7 as scratch: storing a word and loading it back at a byte offset is the
// machine's cheap byte shift.
import type { FunctionBuilder } from '../function-builder';

/** WebAssembly opcodes lowered here, with the helper implementing each. */
export const LOWERED: Readonly<Record<number, string>> = {
  103: 'clz',
  104: 'ctz',
  105: 'popcnt',
  108: 'mul',
  109: 'div_s',
  110: 'div_u',
  111: 'rem_s',
  112: 'rem_u',
  113: 'and',
  114: 'or',
  115: 'xor',
  116: 'shl',
  117: 'shr_s',
  118: 'shr_u',
  119: 'rotl',
  120: 'rotr',
  192: 'extend8_s',
  193: 'extend16_s',
};

/** Longest inline multiply we emit before a helper call is cheaper (in instructions). */
const MAX_INLINE_MUL = 40;

function callHelper(b: FunctionBuilder, name: string): void {
  b.emit('call', 0, { callee: { helper: name } });
}

/** x << k for the value on top of the stack, 0 < k < 32. */
function shiftLeftConst(b: FunctionBuilder, k: number): void {
  const t = b.scratch('lowering');
  const bytes = k >> 3;
  if (bytes > 0) {
    // Zero scratch word 0, store x at byte `bytes`, read word 0 back: x << 8·bytes.
    b.emit('local.set', t);
    b.emit('i32.const', 0);
    b.emit('i32.const', 0);
    b.emit('i32.store', 0);
    b.emit('i32.const', 0);
    b.emit('local.get', t);
    b.emit('i32.store', bytes);
    b.emit('i32.const', 0);
    b.emit('i32.load', 0);
  }
  for (let i = 0; i < (k & 7); i++) {
    b.emit('local.tee', t);
    b.emit('local.get', t);
    b.emit('i32.add');
  }
}

/** x >> 8·bytes (logical or arithmetic) through scratch memory. */
function shiftRightBytes(b: FunctionBuilder, bytes: number, signed: boolean): void {
  const t = b.scratch('lowering');
  b.emit('local.set', t);
  b.emit('i32.const', 0);
  b.emit('local.get', t);
  b.emit('i32.store', 0);
  // Bytes 4..7 supply what is shifted in: zeros, or copies of the sign.
  b.emit('i32.const', 4);
  if (signed) {
    b.emit('i32.const', 0);
    b.emit('local.get', t);
    b.emit('i32.const', 0);
    b.emit('i32.lt_s');
    b.emit('i32.sub');
  } else {
    b.emit('i32.const', 0);
  }
  b.emit('i32.store', 0);
  b.emit('i32.const', 0);
  b.emit('i32.load', bytes);
}

/** Sign-extends the low 8 or 16 bits: store them to scratch and load them back signed. */
export function signExtend(b: FunctionBuilder, bits: 8 | 16): void {
  b.as('lowered', () => {
    const t = b.scratch('lowering');
    b.emit('local.set', t);
    b.emit('i32.const', 0);
    b.emit('local.get', t);
    b.emit(bits === 8 ? 'i32.store8' : 'i32.store16', 0);
    b.emit('i32.const', 0);
    b.emit(bits === 8 ? 'i32.load8_s' : 'i32.load16_s', 0);
  });
}

/** x & mask for masks of whole low bytes (0xff, 0xffff, 0xffffff) through scratch memory. */
export function maskLowBytes(b: FunctionBuilder, bytes: number): void {
  const t = b.scratch('lowering');
  b.emit('local.set', t);
  if (bytes === 3) {
    b.emit('i32.const', 0);
    b.emit('local.get', t);
    b.emit('i32.store', 0);
    b.emit('i32.const', 3);
    b.emit('i32.const', 0);
    b.emit('i32.store8', 0);
    b.emit('i32.const', 0);
    b.emit('i32.load', 0);
    return;
  }
  b.emit('i32.const', 0);
  b.emit('local.get', t);
  b.emit(bytes === 1 ? 'i32.store8' : 'i32.store16', 0);
  b.emit('i32.const', 0);
  b.emit(bytes === 1 ? 'i32.load8_u' : 'i32.load16_u', 0);
}

/** Instructions an inline multiply by c costs: doublings up to the top bit, one add per set bit. */
function mulCost(c: number): number {
  if (c === 0) return 2;
  const top = 31 - Math.clz32(c);
  let bits = 0;
  for (let v = c; v; v &= v - 1) bits++;
  return 2 + 3 * top + 3 * bits;
}

/** x * c by doubling and adding, for constants with a short binary form. */
function mulConst(b: FunctionBuilder, c: number, negate: boolean): void {
  if (c === 0) {
    b.emit('drop');
    b.emit('i32.const', 0);
    return;
  }
  const x = b.scratch('lowering');
  b.emit('local.set', x);
  if (negate) b.emit('i32.const', 0);
  let first = true;
  for (let bit = 0; bit < 32; bit++) {
    if (bit > 0) {
      if (c >>> bit === 0) break;
      // x = x + x
      b.emit('local.get', x);
      b.emit('local.get', x);
      b.emit('i32.add');
      b.emit('local.set', x);
    }
    if ((c >>> bit) & 1) {
      if (first) {
        b.emit('local.get', x);
        first = false;
      } else {
        b.emit('local.get', x);
        b.emit('i32.add');
      }
    }
  }
  if (negate) b.emit('i32.sub');
}

function isPowerOfTwo(c: number): boolean {
  return c !== 0 && (c & (c - 1)) === 0;
}

/**
 * Emits the lowering of WebAssembly opcode `op`, whose operands are on the stack (a constant right
 * operand may still be the builder's last instruction, and is folded when an inline form exists).
 */
export function lowerOp(b: FunctionBuilder, op: number): void {
  const helper = LOWERED[op];
  if (!helper) throw new Error(`opcode 0x${op.toString(16)} is not a lowered operation`);
  if (helper === 'extend8_s' || helper === 'extend16_s') {
    signExtend(b, helper === 'extend8_s' ? 8 : 16);
    return;
  }
  b.as('lowered', () => {
    const c = b.takeConstant();
    if (c !== undefined) {
      if (lowerWithConstant(b, helper, c)) return;
      b.emit('i32.const', c);
    }
    callHelper(b, helper);
  });
}

/** Inline forms for a constant right operand; returns false when a helper call is better. */
function lowerWithConstant(b: FunctionBuilder, helper: string, c: number): boolean {
  switch (helper) {
    case 'shl': {
      const k = c & 31;
      if (k !== 0) shiftLeftConst(b, k);
      return true;
    }
    case 'shr_u':
    case 'shr_s': {
      const k = c & 31;
      if (k === 0) return true;
      if (k % 8 !== 0) return false;
      shiftRightBytes(b, k >> 3, helper === 'shr_s');
      return true;
    }
    case 'and':
      if (c === 0xff || c === 0xffff || c === 0xffffff) {
        maskLowBytes(b, c === 0xff ? 1 : c === 0xffff ? 2 : 3);
        return true;
      }
      if (c === 0xffffffff) return true;
      return false;
    case 'mul': {
      const neg = (0 - c) >>> 0;
      const useNeg = mulCost(neg) + 2 < mulCost(c);
      if (Math.min(mulCost(c), mulCost(neg) + 2) > MAX_INLINE_MUL) return false;
      mulConst(b, useNeg ? neg : c, useNeg);
      return true;
    }
    case 'div_u':
      if (c === 1) return true;
      if (isPowerOfTwo(c) && (31 - Math.clz32(c)) % 8 === 0) {
        shiftRightBytes(b, (31 - Math.clz32(c)) >> 3, false);
        return true;
      }
      return false;
    case 'rem_u':
      if (c === 0x100 || c === 0x10000 || c === 0x1000000) {
        maskLowBytes(b, c === 0x100 ? 1 : c === 0x10000 ? 2 : 3);
        return true;
      }
      return false;
    default:
      return false;
  }
}
