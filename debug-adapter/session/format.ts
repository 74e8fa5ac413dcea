// How machine values look in the Variables pane, hovers and the disassembly.
import type { Instruction } from '../../engine/tokens/program-file';

/** A 32-bit value: signed, then unsigned and hex. */
export function formatValue(v: number): string {
  const u = v >>> 0;
  const s = u | 0;
  return s === u ? `${s} (0x${u.toString(16)})` : `${s} (${u}, 0x${u.toString(16)})`;
}

/** An instruction as the disassembly shows it: opcode and immediate (signed where it is an offset). */
export function formatInstruction(ins: Instruction): string {
  switch (ins.op) {
    case 'br':
    case 'br_if':
    case 'call':
      return `${ins.op} ${ins.imm | 0}`;
    case 'i32.const':
      return `${ins.op} ${ins.imm | 0}`;
    case 'local.get':
    case 'local.set':
    case 'local.tee':
    case 'global.get':
    case 'global.set':
    case 'input_base':
      return `${ins.op} ${ins.imm >>> 0}`;
    default:
      return ins.op.includes('load') || ins.op.includes('store')
        ? `${ins.op} offset=${ins.imm >>> 0}`
        : ins.op;
  }
}

/** Instruction addresses in the protocol: the index as hex, as disassembly views show them. */
export const address = (pc: number) => `0x${pc.toString(16)}`;

/** An address or instruction reference back to an index (hex with 0x, else decimal). */
export function parseAddress(ref: string): number | undefined {
  const n = ref.startsWith('0x') || ref.startsWith('0X') ? Number.parseInt(ref.slice(2), 16) : Number(ref);
  return Number.isInteger(n) ? n : undefined;
}
