// The Disassembly view (the token program, one row per instruction, with its tokens and C line)
// and the memory view (readMemory over the machine's reconstructed memory). Both take validated
// numbers (session/arguments.ts) and answer at most a bounded amount, whatever was asked.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SourceMap } from '../../engine/compiler/source-map';
import { MEMORY_SIZE } from '../../engine/tokens/limits';
import { type Instruction, immediateBytes, jumpTarget } from '../../engine/tokens/program-file';
import type { Memory } from '../../engine/vm/memory';
import { MAX_DISASSEMBLE_INSTRUCTIONS, MAX_READ_MEMORY_BYTES } from './arguments';
import { address, formatInstruction } from './format';

/**
 * Rows for instructions `base` … `base + count − 1` (at most MAX_DISASSEMBLE_INSTRUCTIONS), with
 * rows outside the program marked invalid, as DAP pads them.
 */
export function disassemble(
  instructions: readonly Instruction[],
  sourceMap: SourceMap | undefined,
  base: number,
  count: number,
  clientPath: (file: string) => string,
): DebugProtocol.DisassembledInstruction[] {
  const out: DebugProtocol.DisassembledInstruction[] = [];
  let lastLocation = '';
  const n = Math.min(count, MAX_DISASSEMBLE_INSTRUCTIONS);
  for (let k = 0; k < n; k++) {
    const pc = base + k;
    const ins = pc >= 0 && pc < instructions.length ? instructions[pc] : undefined;
    if (!ins) {
      out.push({
        address: pc >= 0 ? address(pc) : `-${address(-pc)}`,
        instruction: '',
        presentationHint: 'invalid',
      });
      continue;
    }
    const target = jumpTarget(ins, pc);
    const row: DebugProtocol.DisassembledInstruction = {
      address: address(pc),
      instruction: `${formatInstruction(ins)}${target !== undefined ? `  → ${target}` : ''}`,
      instructionBytes: Array.from(immediateBytes(ins.imm), (b) => b.toString(16).padStart(2, '0')).join(' '),
    };
    const fn = sourceMap?.functionAt(pc);
    if (fn && fn.start === pc) row.symbol = fn.name;
    const loc = sourceMap?.location(pc);
    if (loc) {
      const key = `${loc.file}:${loc.line}`;
      if (key !== lastLocation) {
        row.location = { name: loc.file.split(/[\\/]/).pop(), path: clientPath(loc.file) };
        row.line = loc.line;
        row.column = loc.column;
      }
      lastLocation = key;
    }
    out.push(row);
  }
  return out;
}

/**
 * `count` bytes from `start` (at most MAX_READ_MEMORY_BYTES: a client reads on from where the
 * answer ends). Bytes outside the machine's memory are unreadable.
 */
export function readMemory(
  memory: Memory,
  start: number,
  count: number,
): DebugProtocol.ReadMemoryResponse['body'] {
  const n = Math.min(count, MAX_READ_MEMORY_BYTES);
  const from = Math.max(0, start);
  const to = Math.min(MEMORY_SIZE, start + n);
  if (to <= from) return { address: address(Math.max(0, start)), unreadableBytes: n };
  const bytes = memory.read(from, to - from);
  return {
    address: address(from),
    data: Buffer.from(bytes).toString('base64'),
    unreadableBytes: n - (to - from) - (from - start),
  };
}
