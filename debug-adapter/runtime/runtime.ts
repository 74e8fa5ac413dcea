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
//
// Split by concern into layers of one class (recorded-run.ts explains why): the recorded trace
// and decoder (recorded-run.ts), read-only queries (inspection.ts), the forward loop with its
// breakpoint checks and output (run-loop.ts); this file, the top, holds the commands the session
// calls: continue, step, step back, reverse continue, goto.
import { integerIn } from '../../engine/util/numbers';
import { RunLoop } from './run-loop';
import type { Check, Granularity, RuntimeOptions, StopEvent } from './runtime-types';
import type { TokenSource } from './token-source';

export type {
  CProgram,
  EndInfo,
  Granularity,
  RuntimeEvents,
  RuntimeOptions,
  StopEvent,
  StopReason,
  TokenPlace,
} from './runtime-types';

export class MachineRuntime extends RunLoop {
  private readonly isLineStart: Uint8Array;

  constructor(source: TokenSource, o: RuntimeOptions) {
    super(source, o);
    this.isLineStart = o.sourceMap?.lineStartFlags(o.instructions) ?? new Uint8Array(o.instructions.length);
    this.on('stopped', (e) => this.timeline.noteStop(e));
    // The input section is the trace of input_base: decode it, the first instruction.
    this.replay(() => undefined, Number.POSITIVE_INFINITY, this.o.inputSection.length);
  }

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

  private lineOf(pc: number): number | undefined {
    const loc = this.o.sourceMap?.location(pc);
    return loc ? loc.line : undefined;
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
