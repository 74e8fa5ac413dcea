// Structured control flow (block / loop / if / else / end, br / br_if / return by depth) to the
// machine's flat branches to labels. A branch or return that leaves extra values on the operand
// stack drops them first, as WebAssembly's unwinding does: the machine has one operand stack shared
// by all frames and never unwinds by itself. Code after an unconditional branch is dead and is not
// emitted; `s.reachable` says whether the current code is live.
import type { OpcodeName } from '../../tokens/opcodes';
import { TrapCode } from '../../vm/traps';
import type { WasmModule } from '../../wasm/decoder';
import { W } from '../../wasm/wasm-opcodes';
import type { FunctionBuilder } from '../function-builder';
import { slotsOf, type Val } from './operand-stack';
import type { FunctionState } from './state';
import { emitSearch, runsOf } from './switch-tree';

export interface Frame {
  readonly kind: 'block' | 'loop' | 'if' | 'function';
  /** Label a branch to this frame jumps to (loop: its start; others: their end). */
  readonly label: number;
  /** Types a branch to this frame carries (a loop's branch carries none). */
  readonly branchTypes: Val[];
  /** Types the frame leaves at its end. */
  readonly results: Val[];
  /** The operand stack when the frame was entered. */
  readonly entry: Val[];
  /** The frame was entered in dead code. */
  readonly dead: boolean;
  /** A live branch jumps to this frame's end label. */
  branchedTo: boolean;
  /** For `if`: the label of its else branch, bound at `else` or `end`. */
  elseLabel?: number;
}

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

/** The function body is the outermost frame: a branch to it is a return. */
export function enterFunctionFrame(s: FunctionState): void {
  const { fn } = s;
  const resultTypes = s.module.types[fn.typeIndex].results.map((t) => s.toVal(t, fn.start));
  s.frames.push({
    kind: 'function',
    label: s.b.newLabel(),
    branchTypes: resultTypes,
    results: resultTypes,
    entry: [],
    dead: false,
    branchedTo: false,
  });
}

/** block / loop / if: a loop's label is its start, bound now; the others' is their end. */
export function enterBlock(s: FunctionState, op: number, blockType: number): void {
  const { b, stack } = s;
  const results = blockResultTypes(s.module, blockType);
  if (op === W.IF && s.reachable) stack.pop('i32');
  const frame: Frame = {
    kind: op === W.BLOCK ? 'block' : op === W.LOOP ? 'loop' : 'if',
    label: b.newLabel(),
    branchTypes: op === W.LOOP ? [] : results,
    results,
    entry: stack.snapshot(),
    dead: !s.reachable,
    branchedTo: false,
  };
  if (op === W.LOOP) b.bind(frame.label);
  if (op === W.IF) {
    frame.elseLabel = b.newLabel();
    if (s.reachable) branchUnless(b, frame.elseLabel);
  }
  s.frames.push(frame);
}

/** else: the then-arm jumps to the end; the else-arm starts from the if's entry stack. */
export function enterElse(s: FunctionState): void {
  const { b } = s;
  const frame = s.frames[s.frames.length - 1];
  if (s.reachable) {
    b.branch('br', frame.label);
    frame.branchedTo = true;
  }
  b.bind(frame.elseLabel!);
  frame.elseLabel = undefined;
  s.stack.reset(frame.entry);
  s.reachable = !frame.dead;
}

/** end: binds the frame's labels; the code after it is live if any path reaches it. */
export function endFrame(s: FunctionState): void {
  const { b } = s;
  const frame = s.frames.pop()!;
  if (frame.kind === 'function') {
    if (s.reachable) b.emit('return');
    return;
  }
  // An if without else falls through to its end when the condition is false.
  const falseArm = frame.elseLabel !== undefined && !frame.dead;
  if (frame.elseLabel !== undefined) b.bind(frame.elseLabel);
  if (frame.kind !== 'loop') b.bind(frame.label);
  s.reachable = s.reachable || frame.branchedTo || falseArm;
  s.stack.reset([...frame.entry, ...frame.results]);
}

/** unreachable: a trap, and dead code after it. */
export function trapUnreachable(s: FunctionState): void {
  s.b.emit('halt', TrapCode.unreachable);
  s.reachable = false;
}

/** br / br_if to the frame `depth` levels out (return: to the function's frame). */
export function branchTo(s: FunctionState, depth: number, conditional: boolean, offset: number): void {
  const { b, frames, stack } = s;
  const frame = frames[frames.length - 1 - depth];
  if (!frame) {
    s.unsupported(W.BR, offset, `branch depth ${depth} is outside the function`);
    return;
  }
  if (conditional) stack.pop('i32');
  const keep = slotsOf(frame.branchTypes);
  const extra = stack.slots() - slotsOf(frame.entry) - keep;
  if (frame.kind !== 'loop') frame.branchedTo = true;
  const jump = () => (frame.kind === 'function' ? b.emit('return') : b.branch('br', frame.label));
  if (extra > 0 || (conditional && frame.kind === 'function')) {
    // Only the taken path unwinds: skip over the unwinding when the condition is false.
    const skip = b.newLabel();
    if (conditional) {
      b.emit('i32.eqz');
      b.branch('br_if', skip);
    }
    unwind(s, extra, keep);
    jump();
    if (conditional) b.bind(skip);
  } else if (conditional) {
    b.branch('br_if', frame.label);
  } else jump();
  if (!conditional) s.reachable = false;
}

/**
 * br_table: a branch to targets[index], or to the default (the last target) past the table; each
 * target unwinds the operand stack as its own `br` would. The choice is a binary search over runs
 * of indices with the same target (switch-tree.ts).
 */
export function branchTable(s: FunctionState, targets: readonly number[], offset: number): void {
  const { b, stack } = s;
  stack.pop('i32');
  const runs = runsOf(targets.slice(0, -1), targets[targets.length - 1], String);
  b.as('lowered', () => {
    if (runs.targets.length === 1) {
      b.emit('drop');
      branchTo(s, runs.targets[0], false, offset);
      return;
    }
    const index = s.temp('br_table');
    b.emit('local.set', index);
    emitSearch(b, index, runs, (depth) => branchTo(s, depth, false, offset));
  });
  s.reachable = false;
}

export function returnFromFunction(s: FunctionState, offset: number): void {
  branchTo(s, s.frames.length - 1, false, offset);
}

/** Drops `extra` slots below the top `keep` slots (the values the branch carries). */
function unwind(s: FunctionState, extra: number, keep: number): void {
  if (extra <= 0) return;
  const { b } = s;
  const kept: number[] = [];
  for (let i = 0; i < keep; i++) {
    kept.push(s.temp(`keep${i}`));
    b.emit('local.set', kept[i]);
  }
  for (let i = 0; i < extra; i++) b.emit('drop');
  for (let i = keep - 1; i >= 0; i--) b.emit('local.get', kept[i]);
}

/** Branches to `label` when the i32 on top of the stack is zero, folding a preceding test. */
function branchUnless(b: FunctionBuilder, label: number): void {
  const last = b.lastMergeable();
  if (last?.kind === 'body') {
    const inverse = INVERSE[last.op];
    if (inverse) {
      last.op = inverse;
      b.branch('br_if', label);
      return;
    }
    if (last.op === 'i32.eqz') {
      b.code.pop();
      b.branch('br_if', label);
      return;
    }
  }
  b.emit('i32.eqz');
  b.branch('br_if', label);
}

function blockResultTypes(module: WasmModule, blockType: number): Val[] {
  if (blockType === -64) return []; // 0x40: empty
  // -1..-4: the value types i32, i64, f32, f64 (0x7f..0x7c as signed LEB bytes)
  const single: Val[] = ['i32', 'i64', 'f32', 'f64'];
  if (blockType < 0) return [single[-blockType - 1] ?? 'i32']; // others are rejected where used
  return (module.types[blockType]?.results ?? []).map((t) =>
    single.includes(t as Val) ? (t as Val) : 'i32',
  );
}
