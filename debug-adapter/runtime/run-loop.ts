// Running forward, the third layer of MachineRuntime (see recorded-run.ts): the loop that replays
// recorded tokens and asks the engine for more, checking each new step for a stop (breakpoints,
// data breakpoints, a step's own check); and what a stop or the end reports (output flushed
// first, then the event). breakpointAt is on the per-step path of every continue: it builds no
// view and makes no closure unless a breakpoint watches the step.
import { BreakpointSet } from './breakpoints';
import { DataBreakpoints } from './data-breakpoints';
import { MachineInspection } from './inspection';
import type { Check, EndInfo, RuntimeOptions, StopEvent } from './runtime-types';
import type { SourceStop, TokenSource } from './token-source';

export abstract class RunLoop extends MachineInspection {
  readonly breakpoints: BreakpointSet;
  /** Data breakpoints (watchpoints), checked after every step only while one is set. */
  readonly dataBreakpoints: DataBreakpoints;
  /** Whether reaching a trap stops (the 'traps' exception filter, on by default). */
  stopOnTraps = true;
  private outputShown = 0;
  private running = false;
  protected finished = false;
  private readonly started = performance.now();

  constructor(source: TokenSource, o: RuntimeOptions) {
    super(source, o);
    this.breakpoints = new BreakpointSet(o.instructions, o.sourceMap);
    this.dataBreakpoints = new DataBreakpoints({
      rec: this.recording,
      make: (b) => this.breakpoints.make(b),
      unusedId: () => this.breakpoints.unusedId(),
      read: (cell) => this.readCell(this.decoder, cell),
    });
  }

  get ended(): boolean {
    return this.finished;
  }

  get isRunning(): boolean {
    return this.running;
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

  /** The stop a breakpoint or data breakpoint makes at this step, if any (called every step). */
  protected breakpointAt(pc: number, from: number): StopEvent | undefined {
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

  protected stop(e: StopEvent): void {
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

  /** Runs forward until `check` stops (checked from the next boundary on). */
  protected async go(check: Check): Promise<void> {
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
}
