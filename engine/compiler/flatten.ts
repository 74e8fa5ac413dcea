// Structured WebAssembly control flow (block / loop / if / br depth) to the machine's flat code
// (br / br_if to labels). Tracks the operand stack height so that a branch or return that leaves
// extra values on the stack drops them, as WebAssembly's unwinding does: the machine has one
// operand stack shared by all frames and never unwinds by itself.

import type { OpcodeName } from '../tokens/opcodes';
import type { FunctionBody, WasmModule } from '../wasm/decoder';
import { wasmOpName } from '../wasm/decoder';
import { W } from '../wasm/wasm-opcodes';
import type { Diagnostic } from './diagnostics';
import { type FlatInstr, FunctionBuilder } from './function-builder';
import { LOWERED, lowerOp, maskLowBytes, signExtend } from './lowering/lower';

/** Memory address of WebAssembly global `i` (the C stack pointer is global 0). */
export const globalAddress = (i: number) => 8 + 4 * i;

/** WebAssembly opcodes that map one-to-one onto machine opcodes, with their stack effect. */
const DIRECT: Record<number, { op: OpcodeName; effect: number }> = {
  26: { op: 'drop', effect: -1 },
  27: { op: 'select', effect: -2 },
  28: { op: 'select', effect: -2 },
  32: { op: 'local.get', effect: 1 },
  33: { op: 'local.set', effect: -1 },
  34: { op: 'local.tee', effect: 0 },
  40: { op: 'i32.load', effect: 0 },
  44: { op: 'i32.load8_s', effect: 0 },
  45: { op: 'i32.load8_u', effect: 0 },
  46: { op: 'i32.load16_s', effect: 0 },
  47: { op: 'i32.load16_u', effect: 0 },
  54: { op: 'i32.store', effect: -2 },
  58: { op: 'i32.store8', effect: -2 },
  59: { op: 'i32.store16', effect: -2 },
  65: { op: 'i32.const', effect: 1 },
  69: { op: 'i32.eqz', effect: 0 },
  70: { op: 'i32.eq', effect: -1 },
  71: { op: 'i32.ne', effect: -1 },
  72: { op: 'i32.lt_s', effect: -1 },
  73: { op: 'i32.lt_u', effect: -1 },
  74: { op: 'i32.gt_s', effect: -1 },
  75: { op: 'i32.gt_u', effect: -1 },
  76: { op: 'i32.le_s', effect: -1 },
  77: { op: 'i32.le_u', effect: -1 },
  78: { op: 'i32.ge_s', effect: -1 },
  79: { op: 'i32.ge_u', effect: -1 },
  106: { op: 'i32.add', effect: -1 },
  107: { op: 'i32.sub', effect: -1 },
};

/** A comparison and its negation, so `if (a < b)` branches on `a >= b` without an extra i32.eqz. */
const INVERSE: Partial<Record<OpcodeName, OpcodeName>> = {
  'i32.eq': 'i32.ne',
  'i32.ne': 'i32.eq',
  'i32.lt_s': 'i32.ge_s',
  'i32.ge_s': 'i32.lt_s',
  'i32.gt_s': 'i32.le_s',
  'i32.le_s': 'i32.gt_s',
  'i32.lt_u': 'i32.ge_u',
  'i32.ge_u': 'i32.lt_u',
  'i32.gt_u': 'i32.le_u',
  'i32.le_u': 'i32.gt_u',
};

/** Why an opcode cannot run, in words a C programmer recognizes. */
export function unsupportedReason(op: number): string {
  const name = wasmOpName(op);
  if (/^f(32|64)\.|_f(32|64)|convert|demote|promote|reinterpret/.test(name)) {
    return `floating point is not supported (${name}): the machine computes with 32-bit integers only`;
  }
  if (/^i64\.|_i64/.test(name)) return `64-bit integers are not supported (${name}): use 32-bit int`;
  if (name === 'call_indirect')
    return 'indirect calls are not supported (call_indirect: a call through a function pointer)';
  if (name === 'br_table') return 'br_table is not supported (a switch compiled to a jump table)';
  if (name === 'memory.grow') return 'memory.grow is not supported: the machine has a fixed memory';
  if (/^memory\.|^data\./.test(name)) return `bulk memory operations are not supported (${name})`;
  if (/^table\.|^elem\.|^ref\./.test(name)) return `tables and references are not supported (${name})`;
  return `${name} is not supported by the machine`;
}

interface Frame {
  readonly kind: 'block' | 'loop' | 'if' | 'function';
  /** Label a branch to this frame jumps to (loop: its start; others: their end). */
  readonly label: number;
  /** Values a branch to this frame carries. */
  readonly arity: number;
  /** Values the frame leaves at its end. */
  readonly results: number;
  /** Stack height when the frame was entered. */
  readonly height: number;
  /** For `if`: the label of its else branch, bound at `else` or `end`. */
  elseLabel?: number;
}

export interface FlattenContext {
  readonly module: WasmModule;
  /** Function index of the `output_byte` import, if any. */
  readonly outputImport?: number;
  readonly diagnostics: Diagnostic[];
}

export interface FlatFunction {
  readonly wasmIndex: number;
  readonly code: FlatInstr[];
  readonly labels: number[];
  readonly paramCount: number;
  readonly localCount: number;
}

function blockResults(module: WasmModule, blockType: number): number {
  if (blockType === -64) return 0; // 0x40: empty
  if (blockType < 0) return 1; // a single value type
  return module.types[blockType]?.results.length ?? 0;
}

/** Flattens one function body; unsupported constructs are added to `ctx.diagnostics`. */
export function flattenFunction(fn: FunctionBody, ctx: FlattenContext): FlatFunction {
  const { module } = ctx;
  const type = module.types[fn.typeIndex];
  const params = type.params.length;
  const b = new FunctionBuilder(params + fn.locals.length);
  const unsupported = (op: number, offset: number, message = unsupportedReason(op)) => {
    ctx.diagnostics.push({ message, wasmOffset: offset, functionName: module.functionNames.get(fn.index) });
  };

  const nonI32 = [...type.params, ...type.results, ...fn.locals].find((t) => t !== 'i32');
  if (nonI32) {
    const what =
      nonI32 === 'i64'
        ? '64-bit integers are'
        : nonI32.startsWith('f')
          ? 'floating point is'
          : `${nonI32} is`;
    unsupported(0, fn.start, `${what} not supported (a parameter, result or local of type ${nonI32})`);
  }

  // Entry: pop the arguments into the parameter locals, last argument first.
  b.offset = fn.start;
  b.as('prologue', () => {
    for (let k = params - 1; k >= 0; k--) b.emit('local.set', k);
  });

  const frames: Frame[] = [
    {
      kind: 'function',
      label: b.newLabel(),
      arity: type.results.length,
      results: type.results.length,
      height: 0,
    },
  ];
  let height = 0;
  let reachable = true;
  let globalTemp = -1;

  /** Drops values between the frame's base and the `keep` values on top. */
  const unwind = (extra: number, keep: number) => {
    if (extra <= 0 || !reachable) return;
    if (keep === 0) {
      for (let i = 0; i < extra; i++) b.emit('drop');
      return;
    }
    const t = b.newLocal();
    b.emit('local.set', t);
    for (let i = 0; i < extra; i++) b.emit('drop');
    b.emit('local.get', t);
  };

  const branchTo = (depth: number, conditional: boolean, offset: number) => {
    const frame = frames[frames.length - 1 - depth];
    if (!frame) {
      unsupported(W.BR, offset, `branch depth ${depth} is outside the function`);
      return;
    }
    if (conditional) height--;
    const extra = height - frame.height - frame.arity;
    if (extra > 0 && reachable) {
      // Only the taken path unwinds: skip over the unwinding when the condition is false.
      const skip = b.newLabel();
      if (conditional) {
        b.emit('i32.eqz');
        b.branch('br_if', skip);
      }
      unwind(extra, frame.arity);
      if (frame.kind === 'function') b.emit('return');
      else b.branch('br', frame.label);
      if (conditional) b.bind(skip);
    } else if (frame.kind === 'function') {
      if (conditional) {
        const skip = b.newLabel();
        b.emit('i32.eqz');
        b.branch('br_if', skip);
        b.emit('return');
        b.bind(skip);
      } else b.emit('return');
    } else {
      b.branch(conditional ? 'br_if' : 'br', frame.label);
    }
    if (!conditional) reachable = false;
  };

  const instrs = fn.instrs;
  for (let at = 0; at < instrs.length; at++) {
    const { op, imm, imm2, offset } = instrs[at];
    b.offset = offset;
    // `(x << k) >> k` with k = 24 or 16 is how MVP code sign- or zero-extends a byte or halfword:
    // one store and one narrow load instead of two shifts.
    const k = op === 0x41 ? imm : -1;
    if (
      (k === 24 || k === 16) &&
      instrs[at + 1]?.op === 0x74 &&
      instrs[at + 2]?.op === 0x41 &&
      instrs[at + 2].imm === k
    ) {
      const shr = instrs[at + 3]?.op;
      if (shr === 0x75 || shr === 0x76) {
        if (shr === 0x75) signExtend(b, k === 24 ? 8 : 16);
        else b.as('lowered', () => maskLowBytes(b, k === 24 ? 1 : 2));
        at += 3;
        continue;
      }
    }
    const direct = DIRECT[op];
    if (direct) {
      // Loads and stores carry their static offset in the memarg; the rest have one immediate.
      b.emit(direct.op, op >= 0x28 && op <= 0x3e ? imm2 : imm);
      height += direct.effect;
      continue;
    }
    if (LOWERED[op]) {
      lowerOp(b, op);
      height += op === 0x67 || op === 0x68 || op === 0x69 || op === 0xc0 || op === 0xc1 ? 0 : -1;
      continue;
    }
    switch (op) {
      case W.NOP:
        break;
      case W.UNREACHABLE:
        b.emit('halt');
        reachable = false;
        break;
      case W.BLOCK:
      case W.LOOP: {
        const results = blockResults(module, imm);
        const label = b.newLabel();
        if (op === W.LOOP) b.bind(label);
        frames.push({
          kind: op === W.LOOP ? 'loop' : 'block',
          label,
          arity: op === W.LOOP ? 0 : results,
          results,
          height,
        });
        break;
      }
      case W.IF: {
        height--;
        const results = blockResults(module, imm);
        const frame: Frame = {
          kind: 'if',
          label: b.newLabel(),
          arity: results,
          results,
          height,
          elseLabel: b.newLabel(),
        };
        // Branch to the else part when the condition is false: invert a comparison, or drop an
        // i32.eqz, rather than adding one.
        const last = b.lastMergeable();
        const inverse = last && last.kind === 'body' ? INVERSE[last.op] : undefined;
        if (last && inverse) {
          last.op = inverse;
          b.branch('br_if', frame.elseLabel!);
        } else if (last && last.op === 'i32.eqz' && last.kind === 'body') {
          b.code.pop();
          b.branch('br_if', frame.elseLabel!);
        } else {
          b.emit('i32.eqz');
          b.branch('br_if', frame.elseLabel!);
        }
        frames.push(frame);
        reachable = true;
        break;
      }
      case W.ELSE: {
        const frame = frames[frames.length - 1];
        if (reachable) b.branch('br', frame.label);
        b.bind(frame.elseLabel!);
        frame.elseLabel = undefined;
        height = frame.height;
        reachable = true;
        break;
      }
      case W.END: {
        const frame = frames.pop()!;
        if (frame.kind === 'function') {
          if (reachable) b.emit('return');
          break;
        }
        if (frame.elseLabel !== undefined) b.bind(frame.elseLabel);
        if (frame.kind !== 'loop') b.bind(frame.label);
        height = frame.height + frame.results;
        reachable = true;
        break;
      }
      case W.BR:
        branchTo(imm, false, offset);
        break;
      case W.BR_IF:
        branchTo(imm, true, offset);
        break;
      case W.RETURN:
        branchTo(frames.length - 1, false, offset);
        break;
      case W.CALL: {
        if (imm < module.importedFunctionCount) {
          if (imm === ctx.outputImport) {
            b.emit('output');
            height--;
          } else {
            const imp = module.imports.filter((i) => i.kind === 'func')[imm];
            unsupported(
              op,
              offset,
              `call to the import '${imp.module}.${imp.name}' is not supported: the only import a program may use is output_byte (putchar)`,
            );
          }
          break;
        }
        const callee = module.functions[imm - module.importedFunctionCount];
        const ct = module.types[callee.typeIndex];
        b.emit('call', 0, { callee: { fn: imm } });
        height += ct.results.length - ct.params.length;
        break;
      }
      case W.GLOBAL_GET:
        b.as('global', () => {
          b.emit('i32.const', globalAddress(imm));
          b.emit('i32.load', 0);
        });
        height++;
        break;
      case W.GLOBAL_SET:
        if (module.globals[imm] && module.globals[imm].type !== 'i32') {
          unsupported(
            op,
            offset,
            `global ${imm} has type ${module.globals[imm].type}; only i32 globals are supported`,
          );
        }
        b.as('global', () => {
          if (globalTemp < 0) globalTemp = b.newLocal();
          b.emit('local.set', globalTemp);
          b.emit('i32.const', globalAddress(imm));
          b.emit('local.get', globalTemp);
          b.emit('i32.store', 0);
        });
        height--;
        break;
      case W.MEMORY_SIZE:
        b.as('lowered', () => b.emit('i32.const', module.memoryPages));
        height++;
        break;
      default:
        unsupported(op, offset);
        // Keep going so that every unsupported construct is reported, not just the first.
        break;
    }
  }
  zeroInitLocals(b, params);
  return {
    wasmIndex: fn.index,
    code: b.code,
    labels: b.labels,
    paramCount: params,
    localCount: b.localCount,
  };
}

/**
 * WebAssembly zeroes a function's locals on entry; the machine's locals hold whatever was last
 * written at that call depth. Find the locals some path reads before writing (a forward
 * definite-assignment analysis over the flat code) and zero just those after the parameters.
 */
function zeroInitLocals(b: FunctionBuilder, params: number): void {
  const { code, labels } = b;
  const n = code.length;
  const words = (b.localCount + 31) >>> 5;
  if (n === 0 || words === 0) return;
  // in[i]: locals definitely assigned on entry to instruction i (all ones = not yet reached).
  const state = new Uint32Array((n + 1) * words).fill(0xffffffff);
  for (let w = 0; w < words; w++) state[w] = 0;
  const needsInit = new Set<number>();
  const work: number[] = [0];
  const queued = new Uint8Array(n + 1);
  queued[0] = 1;
  const cur = new Uint32Array(words);
  const flow = (to: number) => {
    if (to < 0 || to >= n) return;
    let changed = false;
    for (let w = 0; w < words; w++) {
      const merged = (state[to * words + w] & cur[w]) >>> 0;
      if (merged !== state[to * words + w]) {
        state[to * words + w] = merged;
        changed = true;
      }
    }
    if (changed && !queued[to]) {
      queued[to] = 1;
      work.push(to);
    }
  };
  while (work.length) {
    const i = work.pop()!;
    queued[i] = 0;
    cur.set(state.subarray(i * words, (i + 1) * words));
    const ins = code[i];
    const k = ins.imm;
    if (ins.op === 'local.get' && !(cur[k >>> 5] & (1 << (k & 31)))) needsInit.add(k);
    if (ins.op === 'local.set' || ins.op === 'local.tee') cur[k >>> 5] |= 1 << (k & 31);
    if (ins.op === 'br') flow(labels[ins.label!]);
    else if (ins.op === 'br_if') {
      flow(labels[ins.label!]);
      flow(i + 1);
    } else if (ins.op !== 'return' && ins.op !== 'halt') flow(i + 1);
  }
  if (needsInit.size === 0) return;
  const inits: FlatInstr[] = [];
  for (const k of [...needsInit].sort((x, y) => x - y)) {
    inits.push({ op: 'i32.const', imm: 0, offset: code[0]?.offset ?? -1, kind: 'prologue' });
    inits.push({ op: 'local.set', imm: k, offset: code[0]?.offset ?? -1, kind: 'prologue' });
  }
  code.splice(params, 0, ...inits);
  for (let l = 0; l < labels.length; l++) if (labels[l] >= params) labels[l] += inits.length;
}
