// The reference executor's tokens, made one instruction at a time as the transformer's tokens
// arrive, so that every generated token is checked against the ground truth without running the
// whole program up front: the launch does no reference work (a program that never halts once
// made the launch compute gigabytes of trace), and the memory held is the reference machine's
// state plus the tokens of one instruction, whatever the length of the run.
import type { Instruction } from '../../engine/tokens/program-file';
import { MachineError, ReferenceMachine } from '../../engine/vm/reference';
import { TokenBuffer } from '../../engine/vm/token-buffer';

/** `next()` after the reference halted. */
export const REFERENCE_END = -1;
/** `next()` after the reference stopped on a fault (`failure` says which): nothing to compare. */
export const REFERENCE_UNKNOWN = -2;

export class ReferenceStream {
  private machine?: ReferenceMachine;
  /** The tokens of the instruction being consumed. */
  private pending = new TokenBuffer(64);
  private read = 0;
  /** Why the reference cannot go on (a machine fault), once it stopped. */
  private stopped?: string;

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

  /** The next token of the reference trace, REFERENCE_END or REFERENCE_UNKNOWN (a number: per token, no allocation). */
  next(): number {
    if (this.read === this.pending.length && !this.refill())
      return this.stopped !== undefined ? REFERENCE_UNKNOWN : REFERENCE_END;
    return this.pending.at(this.read++);
  }

  /** Runs the reference one instruction on; false at its end or on a fault. */
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
    }
    return true;
  }
}
