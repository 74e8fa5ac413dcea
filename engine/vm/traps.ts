// Traps: a program that stops on a fault executes a `halt` whose immediate is a non-zero trap code
// (0 is the normal end). The transformer emits the same `halt` token for every code, so its trace
// is unchanged; which halt ran, hence the trap, follows from the cursor at the halt. This module is
// the one list of codes and the one description of a trap for every tool (CLIs, debugger).
import type { Instruction } from '../tokens/program-file';

export const TrapCode = {
  /** `unreachable` in WebAssembly, `__builtin_trap()` or `abort()`-like code in C. */
  unreachable: 1,
  /** Integer division or remainder by zero (`x / 0`, `x % 0`). */
  divideByZero: 2,
  /** `INT_MIN / -1`: the quotient does not fit in 32 bits. */
  integerOverflow: 3,
  /** The C stack pointer went below the lowest address of the C stack. */
  stackOverflow: 4,
  /** `call_indirect` (a call through a function pointer) to an index outside the table or a null slot. */
  indirectCallNull: 5,
  /** `call_indirect` to a function whose type is not the type the call expects. */
  indirectCallSignature: 6,
  /** A float → integer truncation of NaN, or of a value outside the integer's range (`i32.trunc_f64_s`, …). */
  invalidConversion: 7,
} as const;

export type TrapKind = keyof typeof TrapCode;

/** What each trap says, as wasmtime and V8 say it for the same faults. */
const MESSAGES: Record<number, [TrapKind, string]> = {
  [TrapCode.unreachable]: ['unreachable', 'unreachable executed (__builtin_trap)'],
  [TrapCode.divideByZero]: ['divideByZero', 'integer divide by zero'],
  [TrapCode.integerOverflow]: ['integerOverflow', 'integer overflow (INT_MIN / -1)'],
  [TrapCode.stackOverflow]: ['stackOverflow', 'C stack overflow'],
  [TrapCode.indirectCallNull]: [
    'indirectCallNull',
    'indirect call to a null or out-of-range table entry (table index is out of bounds / null function)',
  ],
  [TrapCode.indirectCallSignature]: [
    'indirectCallSignature',
    'indirect call signature mismatch (function signature mismatch)',
  ],
  [TrapCode.invalidConversion]: [
    'invalidConversion',
    'invalid conversion to integer (float unrepresentable in integer range)',
  ],
};

/** Exit status of a command whose program trapped (as wasmtime's). */
export const TRAP_EXIT_STATUS = 134;

/** What the source map tells about an instruction (SourceMap satisfies this). */
export interface TrapSourceMap {
  functionAt(pc: number): { readonly name: string; readonly kind: string } | undefined;
  location(pc: number): { file: string; line: number; column: number } | undefined;
}

export interface Trap {
  readonly code: number;
  readonly kind: TrapKind | 'unknown';
  /** The fault in words, e.g. "integer divide by zero". */
  readonly message: string;
  /** The `halt` that ran. */
  readonly pc: number;
  /** The instruction the trap is reported at: `pc` in user code, else the innermost call in user code. */
  readonly userPc: number;
  /** The C function of `userPc` (from the source map). */
  readonly function?: string;
  /** The source file (as the source map names it) and line of `userPc`. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** One sentence: "integer divide by zero in average() at stats.c:12". */
  readonly description: string;
}

/**
 * Where a fault at `pc` is in the user's C code: `pc` itself when it is in a user function, else
 * the innermost call from user code (a lowering helper or the C library faulted on its behalf),
 * with " in f() at file.c:12" for messages.
 */
export function whereInUserCode(pc: number, callPcs: readonly number[], sourceMap?: TrapSourceMap) {
  let userPc = pc;
  if (sourceMap) {
    const isUser = (p: number) => sourceMap.functionAt(p)?.kind === 'function';
    for (let k = callPcs.length - 1; k >= 0 && !isUser(userPc); k--) userPc = callPcs[k];
    if (!isUser(userPc)) userPc = pc;
  }
  const fn = sourceMap?.functionAt(userPc);
  const at = sourceMap?.location(userPc);
  const where = [
    fn && fn.kind === 'function' ? ` in ${fn.name}()` : '',
    at ? ` at ${at.file.split(/[\\/]/).pop()}:${at.line}` : ` at instruction ${userPc}`,
  ].join('');
  return { userPc, where, fn, at };
}

/**
 * The trap a program stopped on, or undefined when it ended normally (or has not halted).
 * `pc` is the cursor at the halt; `callPcs` the `call` instructions of the active frames, outermost
 * first (`frames.map((f) => f.callPc)` of the reference machine or the trace decoder). A trap inside
 * a lowering helper (`x / 0` runs in `div_s`) is reported at the innermost call from user code.
 */
export function describeTrap(
  instructions: readonly Instruction[],
  pc: number,
  callPcs: readonly number[],
  sourceMap?: TrapSourceMap,
): Trap | undefined {
  const ins = instructions[pc];
  // 0 is the normal end; 0x100 and above end the run as the program asked (program-end.ts).
  if (ins?.op !== 'halt' || ins.imm === 0 || ins.imm >= 0x100) return undefined;
  const [kind, message] = MESSAGES[ins.imm] ?? ['unknown', `trap code ${ins.imm}`];
  const { userPc, where, fn, at } = whereInUserCode(pc, callPcs, sourceMap);
  return {
    code: ins.imm,
    kind,
    message,
    pc,
    userPc,
    function: fn?.kind === 'function' ? fn.name : undefined,
    file: at?.file,
    line: at?.line,
    column: at?.column,
    description: `${message}${where}`,
  };
}
