// Flattening: one WebAssembly function body to the machine's flat code. Structured control flow
// (block / loop / if, branches by depth) becomes branches to labels, and the operand stack is
// tracked by type so that branches can unwind it and 64-bit values can travel as pairs of 32-bit
// words. The lowerings, one concern each, are in flatten/:
//   state.ts          what is known about the function while its body is lowered
//   dispatch.ts       which lowering each instruction goes to
//   operand-stack.ts  the typed operand stack; drop and select of either type
//   control-flow.ts   blocks, loops, if/else, br / br_if / return and their unwinding
//   i32-operators.ts  i32 operators, direct or lowered, and the sign/zero-extension idiom
//   i64-pairs.ts      64-bit values as word pairs: moves and the cheap operations
//   i64-arith.ts      the rest of the 64-bit arithmetic (comparisons inline, helpers for the others)
//   float-ops.ts      f32/f64 as the words of their bits: moves and sign inline, soft-float helpers
//   locals.ts         the locals' machine slots and the prologue that pops the arguments
//   memory.ts         globals in memory, the stack-pointer check, memory.size
//   calls.ts          calls of functions and of the two usable imports
import type { FunctionBody } from '../wasm/decoder';
import { enterFunctionFrame } from './flatten/control-flow';
import { lowerBody } from './flatten/dispatch';
import { checkLocalCount, popArguments } from './flatten/locals';
import { emitStackOverflowTraps } from './flatten/memory';
import type { Val } from './flatten/operand-stack';
import { type FlattenContext, FunctionState } from './flatten/state';
import type { FlatInstr } from './function-builder';
import { zeroInitLocals } from './local-init';
import { LETTER_OF_VALUE_TYPE } from './source-map';

export { globalAddress, globalInitWord, globalWordCount } from './flatten/memory';
export type { FlattenContext } from './flatten/state';

export interface FlatFunction {
  readonly wasmIndex: number;
  readonly code: FlatInstr[];
  readonly labels: number[];
  /** Machine local slots holding parameters (an i64 parameter takes two). */
  readonly paramSlots: number;
  readonly localCount: number;
  /** The WebAssembly locals' types as the source map records them: `i` (i32) or `I` (i64) each. */
  readonly wasmLocals: string;
  /** How many WebAssembly locals are parameters. */
  readonly params: number;
  /** The operand stack at each instruction, as the source map records it (SourceMap.operandsAt). */
  readonly operands: string;
}

/** Flattens one function body; unsupported constructs are added to `ctx.diagnostics`. */
export function flattenFunction(fn: FunctionBody, ctx: FlattenContext): FlatFunction {
  const s = new FunctionState(fn, ctx);
  popArguments(s);
  enterFunctionFrame(s);
  lowerBody(s);
  // After the body, the stack-overflow halts need no jump around them.
  emitStackOverflowTraps(s);
  const { b } = s;
  const { paramSlots } = s.locals;
  zeroInitLocals(b, paramSlots);
  checkLocalCount(s);
  // The source map keeps only the types: the slots follow from them in layoutLocals' order.
  const wasmLocals = s.locals.types.map((t) => LETTER_OF_VALUE_TYPE[t]).join('');
  const operands = b.code.map((ins) => encodeOperands(ins.operands)).join(',');
  return {
    wasmIndex: fn.index,
    code: b.code,
    labels: b.labels,
    paramSlots,
    localCount: b.localCount,
    wasmLocals,
    params: s.module.types[fn.typeIndex].params.length,
    operands,
  };
}

/**
 * An instruction's operand stack for the source map: empty when unknown, else the types bottom
 * first, `i`/`I` each — or, when all are i32, their count (the common case, kept short).
 */
function encodeOperands(vals: readonly Val[] | undefined): string {
  if (!vals) return '';
  if (vals.every((v) => v === 'i32')) return String(vals.length);
  return vals.map((v) => LETTER_OF_VALUE_TYPE[v]).join('');
}
