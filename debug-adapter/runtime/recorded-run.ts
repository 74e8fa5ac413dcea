// The recorded run, the bottom layer of MachineRuntime: the append-only trace, the decoder at the
// current step, the per-step records that searches of the past read, and the checkpoints going
// back starts from. Feeding tokens to the decoder (replay), appending what the engine makes
// (record) and taking a past state (rebuild, stateAt) are here.
//
// MachineRuntime is one object whose code is split by concern into a chain of classes (as
// codelldb splits one session's impl across files): recorded-run.ts → inspection.ts (read-only
// queries) → run-loop.ts (running forward, breakpoints, output) → runtime.ts (the commands).
// The state stays in fields of the one instance, not in helper objects, so the per-step loop
// (replay) reads them as directly as before the split.
import { EventEmitter } from 'node:events';
import { Op } from '../../engine/tokens/opcodes';
import { tokenText, VOCAB_SIZE } from '../../engine/tokens/vocabulary';
import { CompactTokenBuffer, TokenBuffer } from '../../engine/vm/token-buffer';
import { TraceDecodeError, TraceDecoder } from '../../engine/vm/trace-decoder';
import { AccessLog, type AccessShape, accessShape } from './access-log';
import { Checkpoints, DEFAULT_CHECKPOINT_LIMITS } from './checkpoints';
import type { Recording } from './history';
import { REFERENCE_END, REFERENCE_UNKNOWN } from './reference-stream';
import type { Check, RuntimeEvents, RuntimeOptions, StopEvent } from './runtime-types';
import { memoryLayout, TimelineRecorder } from './timeline';
import type { TokenSource } from './token-source';

export abstract class RecordedRun extends EventEmitter<RuntimeEvents> {
  /** The recorded trace: the input section, then every generated token (2 bytes a token). */
  readonly trace = new CompactTokenBuffer(1 << 16);
  protected decoder: TraceDecoder;
  /** Tokens of `trace` the decoder has consumed. */
  protected decoded = 0;
  protected generatedTokens = 0;
  protected pauseAsked = false;
  /** Set when the trace cannot go on: a divergence, an impossible token, the token budget. */
  protected failure?: string;
  /** Set once the reference executor stopped on a fault: the tokens after are not checked. */
  private referenceStopped = false;
  /** The instruction each recorded step ran (index = step). */
  protected readonly stepPc = new TokenBuffer(1 << 12);
  /** Every load and store: its step and address (the tokens do not say where a store wrote). */
  protected readonly accesses = new AccessLog();
  private readonly shape: AccessShape;
  /** The recorded run as history searches read it (history.ts, provenance.ts). */
  readonly recording: Recording;
  /** Copies of the decoder, in step order, bounded (see checkpoints.ts). */
  readonly checkpoints: Checkpoints;
  /** Per-block summaries of the recorded steps and the breakpoint stops (the Timeline view). */
  readonly timeline: TimelineRecorder;

  constructor(
    // Read through `this` at each use, never kept elsewhere: tests swap it on a live runtime.
    protected readonly source: TokenSource,
    readonly o: RuntimeOptions,
  ) {
    super();
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
    for (const t of o.inputSection) this.trace.push(t);
    this.timeline = new TimelineRecorder(o.instructions, memoryLayout(o.instructions, o.sourceMap, o.wasm));
  }

  /** Index in the trace of a step's first token (a completed step, or the current one). */
  protected stepStart(step: number): number {
    const starts = this.decoder.stepStarts;
    if (step < starts.length) return starts[step];
    if (step === this.decoder.step) return this.decoded;
    throw new RangeError(`step ${step} is after the current step (${this.decoder.step})`);
  }

  /**
   * Feeds recorded tokens to the decoder until `check` stops at an instruction boundary, a pause
   * is asked for, or `limit` tokens are consumed. Returns the stop, if any.
   */
  protected replay(check: Check, first: number, limit = this.trace.length): StopEvent | undefined {
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

  /** Appends generated tokens, checking them against the reference. */
  protected record(chunk: Int32Array): void {
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

  /** Rebuilds the decoder at `step`, decoding from the nearest checkpoint at or before it. */
  protected rebuild(step: number): void {
    const d = this.stateAt(step);
    this.decoder = d;
    this.decoded = d.position;
  }

  /** A decoder at `step`, leaving the current one as it is (conditions of a search back). */
  protected stateAt(step: number): TraceDecoder {
    const d = this.startBefore(step + 1);
    while (d.step < step && d.position < this.trace.length) d.feed(this.trace.at(d.position));
    return d;
  }

  /** A fresh decoder at the latest checkpoint before `step` (or at the start of the trace). */
  private startBefore(step: number): TraceDecoder {
    const k = this.checkpoints.indexBefore(step);
    return k >= 0 ? this.checkpoints.at(k).clone() : new TraceDecoder(this.o.instructions);
  }
}
