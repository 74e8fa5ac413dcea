// Read-only queries of the machine, the second layer of MachineRuntime (see recorded-run.ts): the
// state at the current step (registers, locals, the C frame, the expression language's view),
// where a token of the sequence belongs, and the past of a cell (provenance, writes). Nothing
// here moves the run.
import { type CFrame, cFrameAt, FunctionTable } from '../../engine/debug-info/frame';
import { tokenText } from '../../engine/tokens/vocabulary';
import type { TraceDecoder } from '../../engine/vm/trace-decoder';
import type { Trap } from '../../engine/vm/traps';
import { decodeModule } from '../../engine/wasm/decoder';
import { readProgramInfo } from '../../engine/wasm/dwarf-info';
import { type Cell, describeCell } from './cells';
import type { WatchedCell } from './data-breakpoints';
import type { MachineView } from './expression';
import { type CellWrite, localWrites, memoryWrites } from './history';
import { type ProvenanceAnswer, type ProvenanceContext, provenance } from './provenance';
import { RecordedRun } from './recorded-run';
import type { CProgram, TokenPlace } from './runtime-types';
import type { TokenSource } from './token-source';

export abstract class MachineInspection extends RecordedRun {
  /** Read on first use (the first stop that shows C), then kept; null: there is none. */
  private cInfo?: CProgram | null;

  get state(): TraceDecoder {
    return this.decoder;
  }

  get step(): number {
    return this.decoder.step;
  }

  get pc(): number {
    return this.decoder.pc;
  }

  /** Position of the next token in the whole sequence (prompt included). */
  get position(): number {
    return this.o.promptLength + this.decoded;
  }

  /** The trap the program halted on, when the current state is that halt. */
  get trap(): Trap | undefined {
    return this.decoder.halted ? this.decoder.trap(this.o.sourceMap) : undefined;
  }

  get engine(): TokenSource {
    return this.source;
  }

  /** Steps recorded so far (the current one or later). */
  get recordedSteps(): number {
    return Math.max(this.decoder.step, this.stepPc.length);
  }

  /**
   * Bytes the session holds per structure (capacities): the recorded trace, the instruction of
   * each step, where each step began (shared by the decoder and its checkpoints), and what the
   * checkpoints alone hold. The engine's own memory is not counted.
   */
  memory(): {
    trace: number;
    stepPcs: number;
    stepStarts: number;
    accessLog: number;
    checkpoints: number;
    checkpointCount: number;
  } {
    return {
      trace: this.trace.bytes,
      stepPcs: this.stepPc.bytes,
      stepStarts: this.decoder.stepStarts.buffer.byteLength,
      accessLog: this.accesses.bytes,
      checkpoints: this.checkpoints.bytes,
      checkpointCount: this.checkpoints.length,
    };
  }

  /** The locals of a call-stack frame (0 = the current function; callers' are saved in frames). */
  localsOf(frame: number): number[] {
    const d = this.decoder;
    return frame === 0 ? d.locals : (d.frames[d.frames.length - frame]?.savedLocals ?? []);
  }

  /**
   * The C program (DWARF of the compiled module), read once, on the first stop that needs it:
   * undefined without a module, without debug information, or when it cannot be read (the
   * Debug Console says why, once).
   */
  get cProgram(): CProgram | undefined {
    if (this.cInfo === undefined) {
      this.cInfo = null;
      if (this.o.wasm && this.o.sourceMap) {
        try {
          const info = readProgramInfo(this.o.wasm);
          if (info) this.cInfo = { info, table: new FunctionTable(decodeModule(this.o.wasm)) };
        } catch (e) {
          this.emit(
            'console',
            `C variables are not shown: the debug information cannot be read (${(e as Error).message})\n`,
          );
        }
      }
    }
    return this.cInfo ?? undefined;
  }

  /** Call-stack frame `frame` (0 = the current function) seen as C, when the program has DWARF. */
  cFrame(frame: number, d = this.decoder): CFrame | undefined {
    const c = this.cProgram;
    if (!c || !this.o.sourceMap) return undefined;
    return cFrameAt(d, this.o.sourceMap, c.info, frame, c.table);
  }

  /**
   * The position of the last token before the boundary at `step` (at most the current step): the
   * position whose forward pass chose the step's first token.
   */
  positionBefore(step: number): number {
    const starts = this.decoder.stepStarts;
    if (step < 0 || step > this.step)
      throw new RangeError(`step ${step} is not at or before the current step (${this.step})`);
    const traceIndex = step === this.step ? this.decoded : starts[step];
    return this.o.promptLength + traceIndex - 1;
  }

  /**
   * Where the token at a position belongs: in the program section, instruction `instruction`
   * (`index` 0 is its opcode, 1–4 its immediate bytes); in the trace, the step that wrote it
   * (`index`: which of the step's tokens), with the instruction that step ran. Neither for the
   * prompt's delimiters or a trace token before the first step.
   */
  place(position: number): TokenPlace {
    const token = this.tokenAt(position);
    const t = position - this.o.promptLength;
    if (t < 0) {
      if (position <= 0) return { token, index: 0 };
      const i = Math.floor((position - 1) / 5);
      const ins = this.o.instructions[i];
      return ins ? { token, index: (position - 1) % 5, instruction: i, op: ins.op } : { token, index: 0 };
    }
    const starts = this.decoder.stepStarts;
    // The last completed step starting at or before t.
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0] > t) return { token, index: t };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    const step = lo;
    const pc = step < this.stepPc.length ? this.stepPc.at(step) : -1;
    return { token, index: t - starts[step], step, instruction: pc, op: this.o.instructions[pc]?.op ?? '?' };
  }

  /**
   * What the token at a position is: in the prompt, a program or input byte; in the trace, which
   * token of which step. `step` is the step that wrote it (absent for the program section).
   */
  describe(position: number): { token: string; what: string; step?: number } {
    const { token, index: k, step, instruction, op } = this.place(position);
    if (position - this.o.promptLength < 0) {
      if (position === 0) return { token, what: 'the start of the prompt' };
      if (instruction === undefined) return { token, what: 'the end of the program section' };
      return {
        token,
        what:
          k === 0
            ? `the opcode of instruction ${instruction} (${op})`
            : `immediate byte ${k - 1} of instruction ${instruction} (${op})`,
      };
    }
    if (step === undefined) return { token, what: `trace token ${k}` };
    const role = /^[0-9a-f]{2}'?$/.test(token) ? `byte ${k}` : `token ${k} ('${token}')`;
    return { token, what: `${role} of ${op} (instruction ${instruction}) at step ${step}`, step };
  }

  /** The text of the token at a position of the whole sequence (prompt included). */
  tokenAt(position: number): string {
    const i = position - this.o.promptLength;
    if (i >= 0) return i < this.trace.length ? tokenText(this.trace.at(i)) : '';
    return this.o.promptText?.(position) ?? '';
  }

  /** The tokens of the instruction completed last (the Machine scope shows them). */
  lastInstructionTokens(): string[] {
    const starts = this.decoder.stepStarts;
    if (!starts.length) return [];
    return Array.from(this.trace.view(starts[starts.length - 1], this.decoded), tokenText);
  }

  /** Machine state as the expression language reads it, with `frame` selecting the locals. */
  view(frame = 0, d = this.decoder): MachineView {
    const locals = frame === 0 ? d.locals : (d.frames[d.frames.length - frame]?.savedLocals ?? []);
    return {
      stackAt: (i) => d.stack[d.stack.length - 1 - i],
      stackDepth: () => d.stack.length,
      local: (i) => (i >= 0 && i < locals.length ? locals[i] : undefined),
      global: (i) => d.memory.load(8 + 4 * i, 4),
      memory: (a, n) => d.memory.load(a, n),
      step: d.step,
      pc: d.pc,
      depth: d.frames.length,
      position: this.o.promptLength + d.position,
      cFrame: () => this.cFrame(frame, d),
    };
  }

  // ── The past: where values came from, the writes of a cell ──

  /** A cell's bytes in a state: memory little-endian, a local as its 4 bytes (0 when unset). */
  protected readCell(d: TraceDecoder, cell: WatchedCell): Uint8Array {
    if (cell.kind === 'memory') return d.memory.read(cell.address, cell.size).slice();
    const locals = cell.depth === d.frames.length ? d.locals : d.frames[cell.depth]?.savedLocals;
    const v = locals?.[cell.index] ?? 0;
    return new Uint8Array(new Uint32Array([v]).buffer);
  }

  /**
   * Who last wrote a cell before the current step: the trace decoder's answer and the attention's
   * (provenance.ts). `lookupOf` names the lookup each head of the model makes.
   */
  provenance(cell: Cell, lookupOf: (layer: number, head: number) => string): ProvenanceAnswer {
    this.checkCell(cell);
    const d = this.decoder;
    return provenance(this.provenanceContext(lookupOf), cell, d.step, d.frames.length, d.stack.length);
  }

  /** What provenance reads of this run (tests ask it about every read of a program). */
  provenanceContext(lookupOf: (layer: number, head: number) => string): ProvenanceContext {
    return {
      rec: this.recording,
      promptLength: this.o.promptLength,
      stepOf: (p) => this.describe(p).step,
      selectionsAt: (p) => this.source.selectionsAt(p),
      lookupOf,
      engine: this.source.kind,
    };
  }

  /** The writes of a memory range or a local before the current step, oldest first (the latest `limit`). */
  writes(cell: WatchedCell, limit: number): { total: number; writes: CellWrite[] } {
    this.checkCell(cell);
    const d = this.decoder;
    return cell.kind === 'memory'
      ? memoryWrites(this.recording, cell.address, cell.size, d.step, limit)
      : localWrites(this.recording, cell.depth, cell.index, d.step, d.frames.length, limit);
  }

  /** A cell must exist in the current state (a local's function is running, a stack slot is there). */
  private checkCell(cell: Cell): void {
    const d = this.decoder;
    if (cell.kind === 'local' && cell.depth > d.frames.length)
      throw new Error(
        `${describeCell(cell)}: no function runs at that depth now (the call depth is ${d.frames.length})`,
      );
    if (cell.kind === 'stack' && cell.index >= d.stack.length)
      throw new Error(`${describeCell(cell)}: the operand stack holds ${d.stack.length} values`);
  }
}
