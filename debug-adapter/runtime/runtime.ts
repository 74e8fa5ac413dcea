// The machine being debugged: a token source (an engine) generating the trace, a trace decoder
// turning it into machine state, and run control over it. No DAP or vscode import: the session
// (debug-adapter/session/) maps this to the protocol.
//
// The trace is append-only. The decoder always holds the state at the CURRENT step (the number of
// instructions done; the next one is at decoder.pc), and stops only at whole instructions. Going
// forward replays recorded tokens first, then asks the engine for more; the engine may run ahead
// of a stop, and what it made is kept for later. Going back rebuilds the state from the nearest
// decoder checkpoint before the target (checkpoints.ts: bounded in number and bytes, thinned as
// the trace grows); searching back (reverse continue, step back by line) scans the instruction
// each step ran, not the trace. A trap's halt stops as an exception once; continuing from it
// ends the run.
import { EventEmitter } from 'node:events';
import type { SourceMap } from '../../engine/compiler/source-map';
import { type CFrame, cFrameAt, FunctionTable } from '../../engine/debug-info/frame';
import type { CProgramInfo } from '../../engine/debug-info/model';
import { Op } from '../../engine/tokens/opcodes';
import type { Instruction } from '../../engine/tokens/program-file';
import { tokenText, VOCAB_SIZE } from '../../engine/tokens/vocabulary';
import { integerIn } from '../../engine/util/numbers';
import type { ProgramEnd } from '../../engine/vm/program-end';
import { CompactTokenBuffer, TokenBuffer } from '../../engine/vm/token-buffer';
import { TraceDecodeError, TraceDecoder } from '../../engine/vm/trace-decoder';
import type { Trap } from '../../engine/vm/traps';
import { decodeModule } from '../../engine/wasm/decoder';
import { readProgramInfo } from '../../engine/wasm/dwarf-info';
import { AccessLog, type AccessShape, accessShape } from './access-log';
import { BreakpointSet } from './breakpoints';
import { type Cell, describeCell } from './cells';
import { Checkpoints, DEFAULT_CHECKPOINT_LIMITS } from './checkpoints';
import { DataBreakpoints, type WatchedCell } from './data-breakpoints';
import type { MachineView } from './expression';
import { type CellWrite, localWrites, memoryWrites, type Recording } from './history';
import { type ProvenanceAnswer, type ProvenanceContext, provenance } from './provenance';
import { REFERENCE_END, REFERENCE_UNKNOWN, type ReferenceStream } from './reference-stream';
import { memoryLayout, TimelineRecorder } from './timeline';
import type { SourceStop, TokenSource } from './token-source';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'data breakpoint' | 'pause' | 'exception' | 'goto';

export interface StopEvent {
  readonly reason: StopReason;
  readonly step: number;
  readonly description?: string;
  readonly text?: string;
  readonly breakpoints?: readonly number[];
}

export type Granularity = 'instruction' | 'line';

export interface RuntimeEvents {
  stopped: [StopEvent];
  /** Program output, as the machine emits it (each byte once). */
  output: [string];
  /** Messages for the user (logpoints, notices). */
  console: [string];
  /** The program halted (or the session cannot go on). */
  ended: [EndInfo];
  /** Tokens generated so far, for progress reports. */
  progress: [{ tokens: number; seconds: number }];
}

/** How a run ended: halted (normally or on a trap) or stopped short, and its exit status. */
export interface EndInfo {
  readonly halted: boolean;
  readonly tokens: number;
  readonly steps: number;
  /** The trap the program halted on, if it did. */
  readonly trap?: Trap;
  /** How the halted program ended (exit status, abort, trap), decoded from the generated tokens. */
  readonly end?: ProgramEnd;
  /**
   * The program's exit status after a halt (what `main` returned or `exit` got, as the tokens
   * carry it; 134 after abort or a trap), 1 when the run stopped short.
   */
  readonly exitCode: number;
}

export interface RuntimeOptions {
  readonly instructions: readonly Instruction[];
  readonly sourceMap?: SourceMap;
  /** Prompt tokens before the trace (program section or `start`). */
  readonly promptLength: number;
  /** The trace's first tokens, given in the prompt (the input section), if any. */
  readonly inputSection: Int32Array;
  /** The reference executor, run alongside to catch a divergence at its first token. */
  readonly reference?: ReferenceStream;
  /** Most tokens to generate. */
  readonly maxTokens: number;
  /** The prompt's token text at a position before the trace. */
  readonly promptText?: (position: number) => string;
  /** Steps between decoder checkpoints at first (going back decodes from the nearest one). */
  readonly checkpointSteps?: number;
  /** Most decoder checkpoints kept (then every other one is dropped and the spacing doubles). */
  readonly maxCheckpoints?: number;
  /** Most bytes of memory pages and stacks held by checkpoints alone. */
  readonly maxCheckpointBytes?: number;
  /** The WebAssembly module the program was compiled from: its DWARF gives the C view. */
  readonly wasm?: Uint8Array;
}

/** The C program the module's DWARF describes, and its function table (function pointers). */
export interface CProgram {
  readonly info: CProgramInfo;
  readonly table: FunctionTable;
}

/** Where a token of the sequence belongs (MachineRuntime.place). */
export interface TokenPlace {
  readonly token: string;
  /** Which token of its instruction (program section) or of its step (trace). */
  readonly index: number;
  /** The step that wrote it (trace tokens only). */
  readonly step?: number;
  /** The instruction it belongs to (program section) or that its step ran. */
  readonly instruction?: number;
  readonly op?: string;
}

/** Whether to stop at `pc`, arrived at from `from` (the instruction executed just before). */
type Check = (pc: number, from: number) => StopEvent | undefined;

export class MachineRuntime extends EventEmitter<RuntimeEvents> {
  readonly breakpoints: BreakpointSet;
  /** The recorded trace: the input section, then every generated token (2 bytes a token). */
  readonly trace = new CompactTokenBuffer(1 << 16);
  private decoder: TraceDecoder;
  /** Tokens of `trace` the decoder has consumed. */
  private decoded = 0;
  private generatedTokens = 0;
  private outputShown = 0;
  private running = false;
  private pauseAsked = false;
  private finished = false;
  /** Whether reaching a trap stops (the 'traps' exception filter, on by default). */
  stopOnTraps = true;
  /** Set when the trace cannot go on: a divergence, an impossible token, the token budget. */
  private failure?: string;
  /** Set once the reference executor stopped on a fault: the tokens after are not checked. */
  private referenceStopped = false;
  private readonly isLineStart: Uint8Array;
  /** The instruction each recorded step ran (index = step). */
  private readonly stepPc = new TokenBuffer(1 << 12);
  /** Every load and store: its step and address (the tokens do not say where a store wrote). */
  private readonly accesses = new AccessLog();
  private readonly shape: AccessShape;
  /** The recorded run as history searches read it (history.ts, provenance.ts). */
  readonly recording: Recording;
  /** Data breakpoints (watchpoints), checked after every step only while one is set. */
  readonly dataBreakpoints: DataBreakpoints;
  /** Copies of the decoder, in step order, bounded (see checkpoints.ts). */
  readonly checkpoints: Checkpoints;
  private readonly started = performance.now();
  /** Read on first use (the first stop that shows C), then kept; null: there is none. */
  private cInfo?: CProgram | null;
  /** Per-block summaries of the recorded steps and the breakpoint stops (the Timeline view). */
  readonly timeline: TimelineRecorder;

  constructor(
    private readonly source: TokenSource,
    readonly o: RuntimeOptions,
  ) {
    super();
    this.breakpoints = new BreakpointSet(o.instructions, o.sourceMap);
    this.checkpoints = new Checkpoints({
      spacing: o.checkpointSteps ?? DEFAULT_CHECKPOINT_LIMITS.spacing,
      maxCount: o.maxCheckpoints ?? DEFAULT_CHECKPOINT_LIMITS.maxCount,
      maxBytes: o.maxCheckpointBytes ?? DEFAULT_CHECKPOINT_LIMITS.maxBytes,
    });
    this.decoder = new TraceDecoder(o.instructions);
    // input_base writes its input string and the 0 after it: the input section less its commit.
    this.shape = accessShape(o.instructions, Math.max(0, o.inputSection.length - 1));
    this.recording = {
      instructions: o.instructions,
      ops: Int32Array.from(o.instructions, (i) => Op[i.op]),
      shape: this.shape,
      accesses: this.accesses,
      pcOf: (step) => this.stepPc.at(step),
      stepStart: (step) => this.stepStart(step),
      traceToken: (i) => this.trace.at(i),
    };
    this.dataBreakpoints = new DataBreakpoints({
      rec: this.recording,
      make: (b) => this.breakpoints.make(b),
      unusedId: () => this.breakpoints.unusedId(),
      read: (cell) => this.readCell(this.decoder, cell),
    });
    for (const t of o.inputSection) this.trace.push(t);
    this.isLineStart = o.sourceMap?.lineStartFlags(o.instructions) ?? new Uint8Array(o.instructions.length);
    this.timeline = new TimelineRecorder(o.instructions, memoryLayout(o.instructions, o.sourceMap, o.wasm));
    this.on('stopped', (e) => this.timeline.noteStop(e));
    // The input section is the trace of input_base: decode it, the first instruction.
    this.replay(() => undefined, Number.POSITIVE_INFINITY, this.o.inputSection.length);
  }

  // ── What the session reads ──

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

  get ended(): boolean {
    return this.finished;
  }

  /** The trap the program halted on, when the current state is that halt. */
  get trap(): Trap | undefined {
    return this.decoder.halted ? this.decoder.trap(this.o.sourceMap) : undefined;
  }

  get isRunning(): boolean {
    return this.running;
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

  /** Index in the trace of a step's first token (a completed step, or the current one). */
  private stepStart(step: number): number {
    const starts = this.decoder.stepStarts;
    if (step < starts.length) return starts[step];
    if (step === this.step) return this.decoded;
    throw new RangeError(`step ${step} is after the current step (${this.step})`);
  }

  /** A cell's bytes in a state: memory little-endian, a local as its 4 bytes (0 when unset). */
  private readCell(d: TraceDecoder, cell: WatchedCell): Uint8Array {
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

  // ── Run control ──

  /** Runs to the next breakpoint (or the end). */
  continue(): Promise<void> {
    return this.go((pc, from) => this.breakpointAt(pc, from));
  }

  /** One step forward: an instruction, or a C line (over calls, into them, or out). */
  stepForward(kind: 'in' | 'over' | 'out', granularity: Granularity): Promise<void> {
    const d0 = this.decoder.frames.length;
    const line0 = this.lineOf(this.pc);
    const byLine = granularity === 'line' && this.o.sourceMap !== undefined && line0 !== undefined;
    const step = (): StopEvent => ({ reason: 'step', step: this.step });
    const check: Check = (pc, from) => {
      const depth = this.decoder.frames.length;
      // Out: back in the caller (by line: at an instruction with a C line, not mid-bookkeeping).
      if (kind === 'out')
        return depth < d0 && (!byLine || this.lineOf(pc) !== undefined)
          ? step()
          : this.breakpointAt(pc, from);
      if (!byLine) {
        if (kind === 'in' || depth <= d0) return step();
        return this.breakpointAt(pc, from);
      }
      if (depth < d0 && this.lineOf(pc) !== undefined) return step();
      const changed = this.lineOf(pc) !== line0 || depth !== d0;
      if (this.isLineStart[pc] && (kind === 'in' || depth <= d0) && changed) return step();
      return this.breakpointAt(pc, from);
    };
    return this.go(check);
  }

  /** One step back: an instruction, or to where the current C line was entered from the line before. */
  async stepBack(granularity: Granularity): Promise<void> {
    this.assertNotEnded();
    if (this.step === 0) return this.stop({ reason: 'step', step: 0 });
    let target = this.step - 1;
    if (granularity === 'line' && this.o.sourceMap) {
      // The latest earlier step at a line start of another line (or the start of the trace).
      const line0 = this.lineOf(this.pc);
      const map = this.o.sourceMap;
      const enters = (pc: number, from: number) => map.entersLine(pc, from, this.o.instructions);
      target = this.latest(this.step, (pc, from) => enters(pc, from) && this.lineOf(pc) !== line0) ?? 0;
    }
    this.rebuild(target);
    this.stop({ reason: 'step', step: this.step });
  }

  /** Back to the latest earlier step where a breakpoint would stop (or the start). */
  async reverseContinue(): Promise<void> {
    this.assertNotEnded();
    // Candidates are steps a breakpoint watches; a condition must hold there too, which needs
    // the state at that step: test candidates from the latest back.
    // Data breakpoints first: a line breakpoint wins only when it is later.
    const data = this.dataBreakpoints.active
      ? this.dataBreakpoints.latest(this.step, this.decoder.frames.length, (b) =>
          this.view(0, this.stateAt(b)),
        )
      : undefined;
    let hit: { ids: number[] } | undefined;
    const step = this.latest(
      this.step,
      (pc, from) => this.breakpoints.watches(pc, from),
      (s) => {
        this.rebuild(s);
        hit = this.breakpoints.check(this.pc, s > 0 ? this.stepPc.at(s - 1) : -1, this.view(), () => {});
        return hit !== undefined;
      },
      data?.boundary,
    );
    if (data && !(step !== undefined && hit)) {
      this.rebuild(data.boundary);
      return this.stop({
        reason: 'data breakpoint',
        step: this.step,
        breakpoints: data.hit.ids,
        description: data.hit.description,
        text: data.hit.error ?? data.hit.description,
      });
    }
    if (step !== undefined && hit) {
      this.rebuild(step);
      return this.stop({ reason: 'breakpoint', step: this.step, breakpoints: hit.ids });
    }
    this.rebuild(0);
    this.stop({ reason: 'entry', step: 0, description: 'reached the start of the trace' });
  }

  /** Moves to any recorded step (time travel); a step outside the recording is refused, not clamped. */
  goto(step: unknown): void {
    this.assertNotEnded();
    const target = integerIn(step, 'step', { min: 0, max: this.recordedSteps });
    this.rebuild(target);
    this.stop({ reason: 'goto', step: this.step });
  }

  /** Going back or forward needs a program that has not ended (the session is over then). */
  private assertNotEnded(): void {
    if (this.finished)
      throw new Error(`the program has ended (after ${this.step.toLocaleString('en-US')} instructions)`);
  }

  /** Asks a running continue/step to stop at the next whole instruction. */
  pause(): void {
    if (!this.running) return;
    this.pauseAsked = true;
    this.source.pause();
  }

  /** Stops the engine for good. */
  dispose(): void {
    this.pauseAsked = true;
    this.source.cancel();
  }

  // ── Internals ──

  private breakpointAt(pc: number, from: number): StopEvent | undefined {
    if (this.dataBreakpoints.active) {
      const d = this.decoder;
      const hit = this.dataBreakpoints.check(
        d.step - 1,
        from,
        d,
        () => this.view(),
        (text) => this.emit('console', text),
      );
      if (hit)
        return {
          reason: 'data breakpoint',
          step: d.step,
          breakpoints: hit.ids,
          description: hit.description,
          text: hit.error ?? hit.description,
        };
    }
    if (!this.breakpoints.watches(pc, from)) return undefined; // the common case: no view built
    const hit = this.breakpoints.check(pc, from, this.view(), (text) => this.emit('console', text));
    if (!hit) return undefined;
    return {
      reason: 'breakpoint',
      step: this.step,
      breakpoints: hit.ids,
      description: hit.error,
      text: hit.error,
    };
  }

  private lineOf(pc: number): number | undefined {
    const loc = this.o.sourceMap?.location(pc);
    return loc ? loc.line : undefined;
  }

  private stop(e: StopEvent): void {
    this.flushOutput();
    this.emit('stopped', e);
  }

  /** Emits the output bytes decoded since the last flush (each byte once, even after going back). */
  private flushOutput(): void {
    const out = this.decoder.output;
    if (out.length <= this.outputShown) return;
    this.emit('output', Buffer.from(out.slice(this.outputShown)).toString('latin1'));
    this.outputShown = out.length;
  }

  /**
   * Feeds recorded tokens to the decoder until `check` stops at an instruction boundary, a pause
   * is asked for, or `limit` tokens are consumed. Returns the stop, if any.
   */
  private replay(check: Check, first: number, limit = this.trace.length): StopEvent | undefined {
    const d = this.decoder;
    while (this.decoded < limit && !d.halted) {
      const before = d.step;
      const pc = d.pc;
      try {
        d.feed(this.trace.at(this.decoded));
      } catch (e) {
        if (!(e instanceof TraceDecodeError)) throw e;
        this.failure = `the transformer generated a token no machine could: ${e.message}`;
        return { reason: 'exception', step: d.step, description: 'impossible token', text: this.failure };
      }
      this.decoded++;
      if (d.step === before) continue;
      if (before === this.stepPc.length) this.recordStep(pc);
      this.checkpoints.offer(d);
      if (d.halted) return undefined;
      if (d.step < first) continue;
      const stop = check(d.pc, pc);
      if (stop) return stop;
      if (this.pauseAsked) return { reason: 'pause', step: d.step };
    }
    return undefined;
  }

  /**
   * Called once for every new step, in order, with the decoder just after it: the per-step records
   * (the instruction it ran, and what later requests search) are kept here.
   */
  private recordStep(pc: number): void {
    if (this.shape.kind[pc]) this.accesses.push(this.stepPc.length, this.decoder.lastAccess);
    this.stepPc.push(pc);
    this.timeline.record(pc, this.decoder);
  }

  /** Runs forward until `check` stops (checked from the next boundary on). */
  private async go(check: Check): Promise<void> {
    if (this.running) return;
    if (this.finished) return void this.emit('ended', this.endInfo());
    this.running = true;
    this.pauseAsked = false;
    const first = this.step + 1;
    // A write stops a data breakpoint when it changes the value seen from here.
    if (this.dataBreakpoints.active) this.dataBreakpoints.sync();
    // Continuing from a trap's stop ends the run; reaching a trap from before it stops there.
    const fromHalt = this.decoder.halted;
    try {
      for (;;) {
        const stop = this.replay(check, first);
        if (stop) return this.stop(stop);
        if (this.decoder.halted) {
          const trap = fromHalt || !this.stopOnTraps ? undefined : this.trap;
          if (trap)
            return this.stop({
              reason: 'exception',
              step: this.step,
              description: trap.message,
              text: trap.description,
            });
          return this.end();
        }
        if (this.failure)
          return this.stop({
            reason: 'exception',
            step: this.step,
            text: this.failure,
            description: this.failure,
          });
        if (this.pauseAsked) return this.stop({ reason: 'pause', step: this.step });
        if (this.generatedTokens >= this.o.maxTokens) {
          this.failure = `the token budget (maxTokens ${this.o.maxTokens}) ran out before the program halted`;
          continue;
        }
        // Generate: decode each chunk as it arrives; at a stop, let the engine pause (what it
        // makes meanwhile is recorded, not decoded).
        let found: StopEvent | undefined;
        const before = this.generatedTokens;
        const ended: SourceStop = await this.source.generate(
          this.o.maxTokens - this.generatedTokens,
          (chunk) => {
            this.record(chunk);
            if (found || this.failure) return;
            found = this.replay(check, first);
            this.flushOutput();
            if (found || this.failure || this.decoder.halted) this.source.pause();
            this.emit('progress', {
              tokens: this.generatedTokens,
              seconds: (performance.now() - this.started) / 1000,
            });
          },
        );
        if (found) return this.stop(found);
        if (ended === 'cancelled') return;
        // A generation that made nothing, with nothing asked of it, would be asked again for
        // ever (a budget of 0 or less once spun here at full CPU): end the run with the reason.
        if (this.generatedTokens === before && !this.failure && !this.pauseAsked && !this.decoder.halted)
          this.failure = `the ${this.source.kind} engine stopped ('${ended}') without making a token after ${this.generatedTokens.toLocaleString('en-US')} tokens; the run cannot go on`;
      }
    } finally {
      this.running = false;
    }
  }

  /** Appends generated tokens, checking them against the reference. */
  private record(chunk: Int32Array): void {
    const reference = this.o.reference;
    for (const t of chunk) {
      if (this.failure) return;
      if (reference && !this.referenceStopped) {
        const want = reference.next();
        if (want === REFERENCE_UNKNOWN) {
          this.referenceStopped = true;
          this.emit(
            'console',
            `the reference executor stopped (${reference.failure}); tokens from ${this.o.promptLength + this.trace.length} on are not checked against it\n`,
          );
        } else if (t !== want) {
          this.failure =
            `the transformer diverged from the reference executor at token ${this.o.promptLength + this.trace.length}: ` +
            `expected '${want !== REFERENCE_END ? tokenText(want) : '<end>'}', generated '${tokenText(t)}'`;
          this.source.pause();
          return;
        }
      }
      if (!(t >= 0 && t < VOCAB_SIZE)) {
        this.failure = `the ${this.source.kind} engine generated token id ${t} at token ${this.o.promptLength + this.trace.length}, outside the vocabulary (size ${VOCAB_SIZE})`;
        this.source.pause();
        return;
      }
      this.trace.push(t);
      this.generatedTokens++;
    }
  }

  private end(): void {
    this.flushOutput();
    this.finished = true;
    this.emit('ended', this.endInfo());
  }

  private endInfo(): EndInfo {
    const trap = this.trap;
    const halted = this.decoder.halted;
    const end = this.decoder.end(this.o.sourceMap);
    return {
      halted,
      tokens: this.o.promptLength + this.trace.length,
      steps: this.step,
      trap,
      end,
      exitCode: end ? end.status : 1,
    };
  }

  /** Rebuilds the decoder at `step`, decoding from the nearest checkpoint at or before it. */
  private rebuild(step: number): void {
    const d = this.stateAt(step);
    this.decoder = d;
    this.decoded = d.position;
  }

  /** A decoder at `step`, leaving the current one as it is (conditions of a search back). */
  private stateAt(step: number): TraceDecoder {
    const d = this.startBefore(step + 1);
    while (d.step < step && d.position < this.trace.length) d.feed(this.trace.at(d.position));
    return d;
  }

  /** A fresh decoder at the latest checkpoint before `step` (or at the start of the trace). */
  private startBefore(step: number): TraceDecoder {
    const k = this.checkpoints.indexBefore(step);
    return k >= 0 ? this.checkpoints.at(k).clone() : new TraceDecoder(this.o.instructions);
  }

  /**
   * The latest step before `until` (and after 0) where `watch(pc, from)` holds, `pc` being the
   * instruction the step runs and `from` the one before it (and `accept`, when given, agrees):
   * a scan of the recorded instructions, no decoding, so it costs little anywhere in the trace.
   * Steps at or before `after` are not looked at.
   */
  private latest(
    until: number,
    watch: (pc: number, from: number) => boolean,
    accept?: (step: number) => boolean,
    after = 0,
  ): number | undefined {
    const pcs = this.stepPc;
    // Every step before the current one has completed, so its instruction is recorded.
    for (let s = Math.min(until, this.stepPc.length) - 1; s >= 1 && s > after; s--)
      if (watch(pcs.at(s), pcs.at(s - 1)) && (!accept || accept(s))) return s;
    return undefined;
  }
}
