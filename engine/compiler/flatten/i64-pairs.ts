// 64-bit values as pairs of 32-bit words: two stack slots, two locals, two loads or stores, the low
// word below. This module moves them (constants, loads and stores of every width, extend/wrap) and
// does the cheap operations inline: shifts by constants, and/or/xor word by word, add/sub with
// carry, and equality tests. The rest of the 64-bit arithmetic is in i64-arith.ts.
import type { OpcodeName } from '../../tokens/opcodes';
import { lowerOp } from '../lowering/lower';
import { i64Arith, pushSignWord, takeConstantCount } from './i64-arith';
import { shiftLeftPair, shiftRightPair } from './i64-shift';
import type { FunctionState } from './state';

/** A 64-bit instruction on word pairs; returns false for anything else. */
export function i64Move(s: FunctionState, op: number, imm: number, imm2: number): boolean {
  const { b, stack } = s;
  const signOfTop = () => pushSignWord(s);
  const loads: Record<number, OpcodeName> = {
    48: 'i32.load8_s',
    49: 'i32.load8_u',
    50: 'i32.load16_s',
    51: 'i32.load16_u',
    52: 'i32.load',
    53: 'i32.load',
  };
  const stores: Record<number, OpcodeName> = { 60: 'i32.store8', 61: 'i32.store16', 62: 'i32.store' };
  const saved = b.kind;
  b.kind = 'lowered';
  try {
    switch (op) {
      case 0x42: // i64.const: low word, high word
        b.emit('i32.const', imm);
        b.emit('i32.const', imm2);
        stack.push('i64');
        return true;
      case 0x29: {
        // i64.load: two word loads from one address
        const addr = s.temp('i64_addr');
        stack.pop('i32');
        b.emit('local.tee', addr);
        b.emit('i32.load', imm2);
        b.emit('local.get', addr);
        b.emit('i32.load', (imm2 + 4) >>> 0);
        stack.push('i64');
        return true;
      }
      case 0x37: {
        // i64.store: [addr lo hi] → two word stores
        const [addr, lo, hi] = [s.temp('i64_addr'), s.temp('i64_lo'), s.temp('i64_hi')];
        stack.pop('i64');
        stack.pop('i32');
        b.emit('local.set', hi);
        b.emit('local.set', lo);
        b.emit('local.tee', addr);
        b.emit('local.get', lo);
        b.emit('i32.store', imm2);
        b.emit('local.get', addr);
        b.emit('local.get', hi);
        b.emit('i32.store', (imm2 + 4) >>> 0);
        return true;
      }
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
        stack.pop('i32');
        b.emit(loads[op], imm2);
        if (op === 0x30 || op === 0x32 || op === 0x34) signOfTop();
        else b.emit('i32.const', 0);
        stack.push('i64');
        return true;
      case 0x3c:
      case 0x3d:
      case 0x3e:
        stack.pop('i64');
        stack.pop('i32');
        b.emit('drop');
        b.emit(stores[op], imm2);
        return true;
      case 0xa7: // i32.wrap_i64
        stack.pop('i64');
        b.emit('drop');
        stack.push('i32');
        return true;
      case 0xac: // i64.extend_i32_s
        stack.pop('i32');
        signOfTop();
        stack.push('i64');
        return true;
      case 0xad: // i64.extend_i32_u
        stack.pop('i32');
        b.emit('i32.const', 0);
        stack.push('i64');
        return true;
      default:
        return i64Bits(s, op);
    }
  } finally {
    b.kind = saved;
  }
}

/**
 * The 64-bit operations clang uses to assemble and take apart word pairs in 32-bit code:
 * shifts by constants, bitwise and/or/xor, add/sub with carry, and equality tests.
 */
function i64Bits(s: FunctionState, op: number): boolean {
  const { b, stack } = s;
  // Claimed on every call, whatever `op` is: every instruction the dispatch hands on to here
  // therefore fixes these scratch locals' slot numbers, which the flat code's bytes depend on.
  const [al, ah, bl, bh] = [s.temp('i64_al'), s.temp('i64_ah'), s.temp('i64_bl'), s.temp('i64_bh')];
  const lowered = (wasmOp: number, ...before: (() => void)[]) => {
    for (const f of before) f();
    lowerOp(b, wasmOp);
  };
  const get = (l: number) => () => b.emit('local.get', l);
  const setBoth = () => {
    b.emit('local.set', bh);
    b.emit('local.set', bl);
    b.emit('local.set', ah);
    b.emit('local.set', al);
  };
  switch (op) {
    case 0x86: // i64.shl
    case 0x87: // i64.shr_s
    case 0x88: {
      // i64.shr_u
      const n = takeConstantCount(b);
      if (n === undefined) return i64Arith(s, op, { al, ah, bl, bh });
      stack.pop('i64'); // the count; the shifted value stays, as a word pair
      if (n === 0) return true;
      if (op === 0x86) shiftLeftPair(b, n, { al, ah, bl, bh });
      else shiftRightPair(b, n, op === 0x87, { al, ah, bl, bh });
      return true;
    }
    case 0x83: // i64.and
    case 0x84: // i64.or
    case 0x85: {
      // i64.xor: word by word
      stack.pop('i64');
      stack.pop('i64');
      setBoth();
      const word = op === 0x83 ? 0x71 : op === 0x84 ? 0x72 : 0x73;
      lowered(word, get(al), get(bl));
      lowered(word, get(ah), get(bh));
      stack.push('i64');
      return true;
    }
    case 0x7c: // i64.add: the low words' carry goes into the high words
    case 0x7d: {
      // i64.sub: likewise the borrow
      stack.pop('i64');
      stack.pop('i64');
      setBoth();
      const add = op === 0x7c;
      b.emit('local.get', al);
      b.emit('local.get', bl);
      b.emit(add ? 'i32.add' : 'i32.sub');
      b.emit('local.get', ah);
      b.emit('local.get', bh);
      b.emit(add ? 'i32.add' : 'i32.sub');
      if (add) {
        // carry = (al + bl) <u al
        b.emit('local.get', al);
        b.emit('local.get', bl);
        b.emit('i32.add');
        b.emit('local.get', al);
        b.emit('i32.lt_u');
        b.emit('i32.add');
      } else {
        b.emit('local.get', al);
        b.emit('local.get', bl);
        b.emit('i32.lt_u');
        b.emit('i32.sub');
      }
      stack.push('i64');
      return true;
    }
    case 0x50: // i64.eqz
      stack.pop('i64');
      b.emit('local.set', ah);
      b.emit('i32.eqz');
      b.emit('local.get', ah);
      b.emit('i32.eqz');
      b.emit('i32.add');
      b.emit('i32.const', 2);
      b.emit('i32.eq');
      stack.push('i32');
      return true;
    case 0x51: // i64.eq
    case 0x52: // i64.ne
      stack.pop('i64');
      stack.pop('i64');
      setBoth();
      b.emit('local.get', al);
      b.emit('local.get', bl);
      b.emit('i32.eq');
      b.emit('local.get', ah);
      b.emit('local.get', bh);
      b.emit('i32.eq');
      b.emit('i32.add');
      b.emit('i32.const', 2);
      b.emit(op === 0x51 ? 'i32.eq' : 'i32.ne');
      stack.push('i32');
      return true;
    default:
      return i64Arith(s, op, { al, ah, bl, bh });
  }
}
