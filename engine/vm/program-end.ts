// How a run ended, from the `halt` it stopped at, as every tool reports it: the normal end of a
// `compute` program (halt 0), exit(n) or a return from main (halt 0x100: the status is the operand
// stack's top, pushed by instructions whose trace tokens the transformer generated), abort()
// (halt 0x101, after a failed assert too) and traps (halt 1..0xff, traps.ts).
import type { Instruction } from '../tokens/program-file';
import { describeTrap, TRAP_EXIT_STATUS, type Trap, type TrapSourceMap } from './traps';

/** `halt` immediate of exit(): the exit status is the top of the operand stack. */
export const EXIT_HALT = 0x100;
/** `halt` immediate of abort(). */
export const ABORT_HALT = 0x101;
/** Exit status after abort() (SIGABRT, as a shell reports it). */
export const ABORT_EXIT_STATUS = 134;

export interface ProgramEnd {
  readonly how: 'end' | 'exit' | 'abort' | 'trap';
  /** The process exit status, 0..255: exit(n) gives n & 0xff, as on POSIX. */
  readonly status: number;
  /** The value given to exit() or returned by main (the full int), for exit. */
  readonly value?: number;
  readonly trap?: Trap;
  /** One line for people: "exit status 3", "aborted", the trap's description. */
  readonly description: string;
}

/**
 * How a halted program ended. `pc` is the cursor at the halt, `callPcs` the calls of the active
 * frames (for traps), `stack` the operand stack at the halt (the reference machine's or the trace
 * decoder's).
 */
export function programEnd(
  instructions: readonly Instruction[],
  pc: number,
  callPcs: readonly number[],
  stack: readonly number[],
  sourceMap?: TrapSourceMap,
): ProgramEnd {
  const ins = instructions[pc];
  const code = ins?.op === 'halt' ? ins.imm : 0;
  if (code === EXIT_HALT) {
    const value = stack.length ? stack[stack.length - 1] | 0 : 0;
    const status = value & 0xff;
    return { how: 'exit', status, value, description: `exit status ${status}` };
  }
  if (code === ABORT_HALT) return { how: 'abort', status: ABORT_EXIT_STATUS, description: 'aborted' };
  const trap = describeTrap(instructions, pc, callPcs, sourceMap);
  if (trap) return { how: 'trap', status: TRAP_EXIT_STATUS, trap, description: `trap: ${trap.description}` };
  return { how: 'end', status: 0, description: 'exit status 0' };
}
