// Lowering dispatch: which lowering each WebAssembly instruction of a body goes to.
import type { Instr } from '../../wasm/decoder';
import { W } from '../../wasm/wasm-opcodes';
import { call, callIndirect } from './calls';
import {
  branchTable,
  branchTo,
  endFrame,
  enterBlock,
  enterElse,
  returnFromFunction,
  trapUnreachable,
} from './control-flow';
import { floatOp } from './float-ops';
import { fuseExtension, i32Operator } from './i32-operators';
import { i64Move } from './i64-pairs';
import { accessLocal } from './locals';
import { accessGlobal, memoryGrow, memorySize } from './memory';
import { dropValue, selectValue } from './operand-stack';
import type { FunctionState } from './state';

/** Lowers every instruction of the body in order. */
export function lowerBody(s: FunctionState): void {
  const instrs = s.fn.instrs;
  const { b } = s;
  for (let at = 0; at < instrs.length; at++) {
    // For the debugger (DW_OP_WASM_location 0x2): the first machine instruction of a WebAssembly
    // instruction, reached with the machine stack mirroring the operand stack, is marked with it.
    // Where the lowering took back an earlier instruction (a constant merged into an operator),
    // the machine stack no longer mirrors it there, and nothing is marked.
    const before = b.code.length;
    const last = b.code[before - 1];
    const operands = s.reachable ? s.stack.snapshot() : undefined;
    at += lowerInstruction(s, instrs, at);
    if (operands && b.code.length > before && b.code[before - 1] === last) b.code[before].operands = operands;
  }
}

/**
 * Lowers `instrs[at]`; returns how many instructions after it were lowered with it. i64Move takes
 * every 64-bit operator (i64-pairs.ts, then i64-arith.ts). The order of the tries matters beyond
 * precedence: i64Move claims four scratch locals for any instruction that gets as far as its
 * i64Bits, so moving a lowering from before it to after it, or back, could renumber the scratch
 * locals in the flat code.
 */
function lowerInstruction(s: FunctionState, instrs: readonly Instr[], at: number): number {
  const { op, imm, imm2, offset, targets } = instrs[at];
  s.b.offset = offset;
  // Dead code is skipped, but its blocks are still tracked to find where live code resumes.
  const structural = op === W.BLOCK || op === W.LOOP || op === W.IF || op === W.ELSE || op === W.END;
  if (!s.reachable && !structural) return 0;

  const fused = fuseExtension(s, instrs, at);
  if (fused) return fused;
  if (i32Operator(s, op, imm, imm2) || i64Move(s, op, imm, imm2) || floatOp(s, op, imm, imm2)) return 0;

  switch (op) {
    case W.NOP:
      break;
    case W.UNREACHABLE:
      trapUnreachable(s);
      break;
    case W.DROP:
      dropValue(s);
      break;
    case W.SELECT:
    case W.SELECT_T:
      selectValue(s);
      break;
    case W.LOCAL_GET:
    case W.LOCAL_SET:
    case W.LOCAL_TEE:
      accessLocal(s, op, imm, offset);
      break;
    case W.BLOCK:
    case W.LOOP:
    case W.IF:
      enterBlock(s, op, imm);
      break;
    case W.ELSE:
      enterElse(s);
      break;
    case W.END:
      endFrame(s);
      break;
    case W.BR:
      branchTo(s, imm, false, offset);
      break;
    case W.BR_IF:
      branchTo(s, imm, true, offset);
      break;
    case W.RETURN:
      returnFromFunction(s, offset);
      break;
    case W.BR_TABLE:
      branchTable(s, targets ?? [], offset);
      break;
    case W.CALL:
      call(s, op, imm, offset);
      break;
    case W.CALL_INDIRECT:
      callIndirect(s, imm, imm2, offset);
      break;
    case W.GLOBAL_GET:
    case W.GLOBAL_SET:
      accessGlobal(s, op, imm, offset);
      break;
    case W.MEMORY_SIZE:
      memorySize(s, offset);
      break;
    case W.MEMORY_GROW:
      memoryGrow(s, offset);
      break;
    default:
      s.unsupported(op, offset);
      // Keep going so that every unsupported construct is reported, not just the first.
      s.reachable = false;
      break;
  }
  return 0;
}
