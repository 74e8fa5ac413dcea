// Lays out the program prologue and the flat functions one after another and turns labels and
// callees into the relative immediates of tokens.md.
import type { Instruction } from '../tokens/program-file';
import type { FlatInstr } from './function-builder';

export interface LinkUnit {
  readonly name: string;
  readonly kind: 'function' | 'library' | 'prologue' | 'helper';
  /** WebAssembly function index (of the user's module), or -1. */
  readonly wasmIndex: number;
  /** Key other units' calls use: `fn:<index>` or `helper:<name>`. */
  readonly key: string;
  readonly code: readonly FlatInstr[];
  readonly labels: readonly number[];
}

export interface LinkedProgram {
  readonly instructions: Instruction[];
  /** Per instruction: the unit it belongs to and the flat instruction it came from. */
  readonly origins: { unit: number; instr: FlatInstr }[];
  /** Start index of each unit. */
  readonly starts: number[];
}

export function calleeKey(instr: FlatInstr): string {
  const c = instr.callee!;
  return 'fn' in c ? `fn:${c.fn}` : `helper:${c.helper}`;
}

export function link(units: readonly LinkUnit[]): LinkedProgram {
  const starts: number[] = [];
  const byKey = new Map<string, number>();
  let pc = 0;
  units.forEach((u, i) => {
    starts.push(pc);
    byKey.set(u.key, i);
    pc += u.code.length;
  });
  const instructions: Instruction[] = [];
  const origins: { unit: number; instr: FlatInstr }[] = [];
  units.forEach((u, ui) => {
    const start = starts[ui];
    u.code.forEach((ins, k) => {
      const index = start + k;
      let imm = ins.imm;
      if (ins.op === 'br' || ins.op === 'br_if') {
        const target = u.labels[ins.label!];
        if (target === undefined || target < 0) throw new Error(`internal: unbound label in ${u.name}`);
        imm = (start + target - (index + 1)) >>> 0;
      } else if (ins.op === 'call') {
        const callee = byKey.get(calleeKey(ins));
        if (callee === undefined)
          throw new Error(`internal: ${u.name} calls ${calleeKey(ins)}, which was not linked`);
        imm = (starts[callee] - (index + 1)) >>> 0;
      } else if (ins.op === 'return') {
        imm = ~k >>> 0; // the bitwise NOT of the distance from the function's start
      }
      instructions.push({ op: ins.op, imm });
      origins.push({ unit: ui, instr: ins });
    });
  });
  return { instructions, origins, starts };
}
