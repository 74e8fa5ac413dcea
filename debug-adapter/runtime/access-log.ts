// Every memory access of a recorded run, in step order: the step and the byte address it used.
// The tokens carry what a store wrote but not where (the address was on the operand stack), so
// the debugger logs it as each new step is decoded; whether the step read or wrote, and how many
// bytes, follows from its instruction. Searches for the writes and reads of an address
// (history.ts) scan this log, not the trace: 8 bytes per load or store.
import { OPCODES, Op } from '../../engine/tokens/opcodes';
import type { Instruction } from '../../engine/tokens/program-file';

/** What an instruction does to memory: nothing, a read or a write, and how many bytes. */
export interface AccessShape {
  /** 0: no access, 1: read (a load), 2: write (a store, input_base). */
  readonly kind: Uint8Array;
  /** Bytes accessed (input_base: the input string with its terminating 0). */
  readonly width: Uint32Array;
}

export const READ = 1;
export const WRITE = 2;

/** The access each instruction of a program makes (input_base writes `inputBytes` bytes). */
export function accessShape(instructions: readonly Instruction[], inputBytes: number): AccessShape {
  const kind = new Uint8Array(instructions.length);
  const width = new Uint32Array(instructions.length);
  instructions.forEach((ins, pc) => {
    const info = OPCODES[Op[ins.op]];
    if (info.loadBytes) {
      kind[pc] = READ;
      width[pc] = info.loadBytes;
    } else if (info.storeBytes) {
      kind[pc] = WRITE;
      width[pc] = info.storeBytes;
    } else if (info.shape === 'input') {
      kind[pc] = WRITE;
      width[pc] = inputBytes;
    }
  });
  return { kind, width };
}

export class AccessLog {
  private steps = new Uint32Array(1 << 12);
  private addresses = new Uint32Array(1 << 12);
  length = 0;

  push(step: number, address: number): void {
    if (this.length === this.steps.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.steps = grow(this.steps);
      this.addresses = grow(this.addresses);
    }
    this.steps[this.length] = step;
    this.addresses[this.length++] = address;
  }

  stepAt(i: number): number {
    return this.steps[i];
  }

  addressAt(i: number): number {
    return this.addresses[i];
  }

  /** The number of entries whose step is before `step` (entries are in step order). */
  countBefore(step: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.steps[mid] < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Bytes held (capacities), for the memory report. */
  get bytes(): number {
    return this.steps.byteLength + this.addresses.byteLength;
  }
}
