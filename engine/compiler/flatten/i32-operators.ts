// i32 operators: those the machine has (loads, stores, constants, comparisons, add and sub) are
// emitted as they are; the others are lowered to sequences of machine instructions (lowering/lower).
import type { OpcodeName } from '../../tokens/opcodes';
import type { Instr } from '../../wasm/decoder';
import { W } from '../../wasm/wasm-opcodes';
import { LOWERED, lowerOp, maskLowBytes, signExtend } from '../lowering/lower';
import type { FunctionState } from './state';

/** i32 WebAssembly opcodes that map one-to-one onto machine opcodes: [machine op, operands popped, results]. */
const DIRECT = new Map<number, [OpcodeName, number, number]>([
  [0x28, ['i32.load', 1, 1]],
  [0x2c, ['i32.load8_s', 1, 1]],
  [0x2d, ['i32.load8_u', 1, 1]],
  [0x2e, ['i32.load16_s', 1, 1]],
  [0x2f, ['i32.load16_u', 1, 1]],
  [0x36, ['i32.store', 2, 0]],
  [0x3a, ['i32.store8', 2, 0]],
  [0x3b, ['i32.store16', 2, 0]],
  [0x41, ['i32.const', 0, 1]],
  [0x45, ['i32.eqz', 1, 1]],
  [0x46, ['i32.eq', 2, 1]],
  [0x47, ['i32.ne', 2, 1]],
  [0x48, ['i32.lt_s', 2, 1]],
  [0x49, ['i32.lt_u', 2, 1]],
  [0x4a, ['i32.gt_s', 2, 1]],
  [0x4b, ['i32.gt_u', 2, 1]],
  [0x4c, ['i32.le_s', 2, 1]],
  [0x4d, ['i32.le_u', 2, 1]],
  [0x4e, ['i32.ge_s', 2, 1]],
  [0x4f, ['i32.ge_u', 2, 1]],
  [0x6a, ['i32.add', 2, 1]],
  [0x6b, ['i32.sub', 2, 1]],
]);

/** Unary lowered operations; the other lowered ones are binary. */
const LOWERED_UNARY = new Set([0x67, 0x68, 0x69, 0xc0, 0xc1]);

/**
 * `(x << k) >> k` with k = 24 or 16 is how MVP code sign- or zero-extends a byte or halfword:
 * one store and one narrow load instead of two shifts. Returns how many instructions after
 * `instrs[at]` it consumed (3), or 0 when the pattern does not start there.
 */
export function fuseExtension(s: FunctionState, instrs: readonly Instr[], at: number): number {
  const { op, imm } = instrs[at];
  const k = op === W.I32_CONST ? imm : -1;
  if (
    (k === 24 || k === 16) &&
    instrs[at + 1]?.op === 0x74 &&
    instrs[at + 2]?.op === W.I32_CONST &&
    instrs[at + 2].imm === k
  ) {
    const shr = instrs[at + 3]?.op;
    if (shr === 0x75 || shr === 0x76) {
      const { b } = s;
      if (shr === 0x75) signExtend(b, k === 24 ? 8 : 16);
      else b.as('lowered', () => maskLowBytes(b, k === 24 ? 1 : 2));
      return 3;
    }
  }
  return 0;
}

/** An i32 operator, direct or lowered; returns false for anything else. */
export function i32Operator(s: FunctionState, op: number, imm: number, imm2: number): boolean {
  const { b, stack } = s;
  const direct = DIRECT.get(op);
  if (direct) {
    const [machineOp, pops, pushes] = direct;
    // Loads and stores carry their static offset in the memarg; i32.const its value.
    b.emit(machineOp, op === W.I32_CONST ? imm : imm2);
    for (let i = 0; i < pops; i++) stack.pop('i32');
    if (pushes) stack.push('i32');
    return true;
  }
  if (LOWERED[op]) {
    lowerOp(b, op);
    if (!LOWERED_UNARY.has(op)) stack.pop('i32');
    return true;
  }
  return false;
}
