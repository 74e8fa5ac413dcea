// The reference executor's tokens as a stream, made one instruction at a time as a consumer needs
// them, so that generated tokens are checked against the ground truth without running the whole
// program up front: the memory held is the reference machine's state plus the tokens of one
// instruction (or of one chunk, with take()), whatever the length of the run. The debugger reads
// it a token at a time; wasm-run a window at a time (take). ReferenceScout runs a second machine
// ahead of both, keeping nothing, to learn early whether the program halts within a token limit.
import type { Instruction } from '../tokens/program-file';
import { MachineError, ReferenceMachine, tokenLimitError } from './reference';
import { TokenBuffer } from './token-buffer';

/** `next()` after the reference halted. */
export const REFERENCE_END = -1;
/** `next()` after the reference stopped on a fault (`failure` says which): nothing to compare. */
export const REFERENCE_UNKNOWN = -2;

export class ReferenceStream {
  private machine?: ReferenceMachine;
  /** The tokens of the instruction(s) being consumed. */
  private pending = new TokenBuffer(64);
  private read = 0;
  /** Why the reference cannot go on (a machine fault), once it stopped. */
  private stopped?: string;
  /** Tokens of the trace handed out (or skipped) so far. */
  private taken = 0;

  /**
   * `skip` tokens of the reference trace are not compared (they are in the prompt: the input
   * section written by `input_base`).
   */
  constructor(instructions: readonly Instruction[], input: Uint8Array | null, skip: number) {
    try {
      this.machine = new ReferenceMachine(instructions, input);
    } catch (e) {
      if (!(e instanceof MachineError)) throw e;
      this.stopped = e.message;
    }
    for (let i = 0; i < skip && !this.stopped; i++) this.next();
  }

  /** Why the reference stopped, if it did. */
  get failure(): string | undefined {
    return this.stopped;
  }

  /** Trace tokens handed out (or skipped) so far: the position of the next one in the trace. */
  get position(): number {
    return this.taken;
  }

  /** The next token of the reference trace, REFERENCE_END or REFERENCE_UNKNOWN (a number: per token, no allocation). */
  next(): number {
    if (this.read === this.pending.length && !this.refill())
      return this.stopped !== undefined ? REFERENCE_UNKNOWN : REFERENCE_END;
    this.taken++;
    return this.pending.at(this.read++);
  }

  /**
   * The next tokens of the trace, at most `n`: fewer only at the reference's end or fault (then
   * `failure` tells the two apart). The array is the caller's.
   */
  take(n: number): Int32Array {
    const out = new Int32Array(n);
    let filled = 0;
    while (filled < n) {
      if (this.read === this.pending.length && !this.refill()) break;
      const count = Math.min(n - filled, this.pending.length - this.read);
      out.set(this.pending.view(this.read, this.read + count), filled);
      this.read += count;
      filled += count;
    }
    this.taken += filled;
    return filled === n ? out : out.slice(0, filled);
  }

  /** Runs the reference at least one instruction on; false at its end or on a fault. */
  private refill(): boolean {
    const m = this.machine;
    if (!m || this.stopped !== undefined) return false;
    this.pending.length = 0;
    this.read = 0;
    while (this.pending.length === 0) {
      if (m.halted) return false;
      try {
        m.step(this.pending);
      } catch (e) {
        if (!(e instanceof MachineError)) throw e;
        this.stopped = e.message;
        return false;
      }
      // The output is in the tokens; the machine's copy would grow with the run.
      m.output.length = 0;
    }
    return true;
  }
}

/**
 * Runs the reference ahead of a transformer, a slice at a time, keeping no tokens: how long the
 * trace is once it halted, or the MachineError a whole reference run would throw (a fault, or
 * more than `maxTokens` trace tokens without `halt`, counted as runReference counts them).
 */
export class ReferenceScout {
  private readonly machine: ReferenceMachine;
  private readonly scratch = new TokenBuffer(1 << 12);
  private count = 0;

  /** Throws the MachineError of a program the machine refuses (as runReference does). */
  constructor(
    instructions: readonly Instruction[],
    input: Uint8Array | null,
    private readonly maxTokens: number,
    lines?: ArrayLike<number>,
  ) {
    this.machine = new ReferenceMachine(instructions, input, lines);
  }

  /** Trace tokens the reference is known to produce (all of them once `halted`). */
  get tokens(): number {
    return this.count;
  }

  get halted(): boolean {
    return this.machine.halted;
  }

  /** Runs about `tokens` more trace tokens (whole instructions); throws the run's MachineError. */
  run(tokens: number): void {
    const m = this.machine;
    const until = this.count + tokens;
    while (!m.halted && this.count < until) {
      this.scratch.length = 0;
      m.step(this.scratch);
      m.output.length = 0;
      this.count += this.scratch.length;
      if (this.count > this.maxTokens && !m.halted) throw tokenLimitError(m, this.maxTokens);
    }
  }
}
