// The Disassembly view (the token program, one row per instruction, with its tokens and C line)
// and the memory view (readMemory over the machine's reconstructed memory).
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SourceMap } from '../../engine/compiler/source-map';
import { MEMORY_SIZE } from '../../engine/tokens/limits';
import { type Instruction, immediateBytes, jumpTarget } from '../../engine/tokens/program-file';
import type { Memory } from '../../engine/vm/memory';
import { address, formatInstruction, parseAddress } from './format';

export function disassemble(
  instructions: readonly Instruction[],
  sourceMap: SourceMap | undefined,
  args: DebugProtocol.DisassembleArguments,
  clientPath: (file: string) => string,
): DebugProtocol.DisassembledInstruction[] {
  const base = (parseAddress(args.memoryReference) ?? 0) + (args.offset ?? 0) + (args.instructionOffset ?? 0);
  const out: DebugProtocol.DisassembledInstruction[] = [];
  let lastLocation = '';
  for (let k = 0; k < args.instructionCount; k++) {
    const pc = base + k;
    const ins = instructions[pc];
    if (!ins) {
      out.push({ address: address(pc), instruction: '', presentationHint: 'invalid' });
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

export function readMemory(
  memory: Memory,
  args: DebugProtocol.ReadMemoryArguments,
): DebugProtocol.ReadMemoryResponse['body'] {
  const start = (parseAddress(args.memoryReference) ?? 0) + (args.offset ?? 0);
  const from = Math.max(0, start);
  const to = Math.min(MEMORY_SIZE, start + args.count);
  if (to <= from) return { address: address(start), unreadableBytes: args.count };
  const bytes = memory.read(from, to - from);
  return {
    address: address(from),
    data: Buffer.from(bytes).toString('base64'),
    unreadableBytes: args.count - (to - from),
  };
}
