// Structured WebAssembly control flow (block / loop / if / br depth) to the machine's flat code
// (br / br_if to labels). The operand stack is tracked by type, so that
// - a branch or return that leaves extra values on the stack drops them, as WebAssembly's
//   unwinding does (the machine has one operand stack shared by all frames and never unwinds);
// - 64-bit values that are only moved (clang copies structs with i64.load / i64.store) become
//   pairs of 32-bit values: two stack slots, two locals, two loads or stores. 64-bit arithmetic
//   is an error.
// Code after an unconditional branch is dead and is not emitted.
import { MAX_LOCALS } from '../tokens/limits';
import type { OpcodeName } from '../tokens/opcodes';
import { TrapCode } from '../vm/traps';
import type { FunctionBody, ValType, WasmModule } from '../wasm/decoder';
import { wasmOpName } from '../wasm/decoder';
import { W } from '../wasm/wasm-opcodes';
import type { Diagnostic } from './diagnostics';
import { type FlatInstr, FunctionBuilder } from './function-builder';
import { zeroInitLocals } from './local-init';
import { LOWERED, lowerOp, maskLowBytes, signExtend } from './lowering/lower';

/** Memory address of WebAssembly global `i` (the C stack pointer is global 0). */
export const globalAddress = (i: number) => 8 + 4 * i;

/** A value on the operand stack: i32 takes one machine slot, i64 two (low word below). */
type Val = 'i32' | 'i64';
const slots = (v: Val) => (v === 'i64' ? 2 : 1);

/** i32 WebAssembly opcodes that map one-to-one onto machine opcodes: [machine op, operands popped, results]. */
const DIRECT = new Map<number, [OpcodeName, number, number]>([
  [0x28, ['i32.load', 1, 1]],
  [0x2c, ['i32.load8_s', 1, 1]],
  [0x2d, ['i32.load8_u', 1, 1]],
  [0x2e, ['i32.load16_s', 1, 1]],
  [0x2f, ['i32.load16_u', 1, 1]],
  [0x36, ['i32.store', 2, 0]],
  [0x3a, ['i32.store8', 2, 0]],
  [0x3b, ['i32.store16', 2, 0]],
  [0x41, ['i32.const', 0, 1]],
  [0x45, ['i32.eqz', 1, 1]],
  [0x46, ['i32.eq', 2, 1]],
  [0x47, ['i32.ne', 2, 1]],
  [0x48, ['i32.lt_s', 2, 1]],
  [0x49, ['i32.lt_u', 2, 1]],
  [0x4a, ['i32.gt_s', 2, 1]],
  [0x4b, ['i32.gt_u', 2, 1]],
  [0x4c, ['i32.le_s', 2, 1]],
  [0x4d, ['i32.le_u', 2, 1]],
  [0x4e, ['i32.ge_s', 2, 1]],
  [0x4f, ['i32.ge_u', 2, 1]],
  [0x6a, ['i32.add', 2, 1]],
  [0x6b, ['i32.sub', 2, 1]],
]);

/** Unary lowered operations; the other lowered ones are binary. */
const LOWERED_UNARY = new Set([0x67, 0x68, 0x69, 0xc0, 0xc1]);

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
  if (/^i64\.|_i64/.test(name)) return `64-bit integer arithmetic is not supported (${name}): use 32-bit int`;
  if (name === 'call_indirect') {
    return 'indirect calls are not supported (call_indirect: a call through a function pointer)';
  }
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

export interface FlattenContext {
  readonly module: WasmModule;
  /** Function index of the `output_byte` import, if any. */
  readonly outputImport?: number;
  /**
   * Lowest address of the C stack: every write of the stack pointer (global 0) is checked against
   * it and traps with TrapCode.stackOverflow below it. Undefined: no check (no known C stack).
   */
  readonly stackLow?: number;
  readonly diagnostics: Diagnostic[];
}

export interface FlatFunction {
  readonly wasmIndex: number;
  readonly code: FlatInstr[];
  readonly labels: number[];
  /** Machine local slots holding parameters (an i64 parameter takes two). */
  readonly paramSlots: number;
  readonly localCount: number;
}

/** Flattens one function body; unsupported constructs are added to `ctx.diagnostics`. */
export function flattenFunction(fn: FunctionBody, ctx: FlattenContext): FlatFunction {
  const { module } = ctx;
  const type = module.types[fn.typeIndex];
  const unsupported = (op: number, offset: number, message = unsupportedReason(op)) => {
    ctx.diagnostics.push({ message, wasmOffset: offset, functionName: module.functionNames.get(fn.index) });
  };
  const toVal = (t: ValType, offset: number): Val => {
    if (t === 'i32' || t === 'i64') return t;
    const what = t.startsWith('f') ? 'floating point is' : `${t} is`;
    unsupported(0, offset, `${what} not supported (a value of type ${t})`);
    return 'i32';
  };

  // Machine slots of the WebAssembly locals: parameters first, an i64 taking two.
  const localTypes = [...type.params, ...fn.locals].map((t) => toVal(t, fn.start));
  const localSlot: number[] = [];
  let slotCount = 0;
  for (const t of localTypes) {
    localSlot.push(slotCount);
    slotCount += slots(t);
  }
  const paramSlots = localTypes.slice(0, type.params.length).reduce((n, t) => n + slots(t), 0);
  const resultTypes = type.results.map((t) => toVal(t, fn.start));
  const b = new FunctionBuilder(slotCount);

  // Entry: pop the arguments into the parameter slots, last slot first.
  b.offset = fn.start;
  b.as('prologue', () => {
    for (let k = paramSlots - 1; k >= 0; k--) b.emit('local.set', k);
  });

  const stack: Val[] = [];
  const frames: Frame[] = [
    {
      kind: 'function',
      label: b.newLabel(),
      branchTypes: resultTypes,
      results: resultTypes,
      entry: [],
      dead: false,
      branchedTo: false,
    },
  ];
  let reachable = true;
  const temp = (name: string) => b.scratch(name);
  /** Stack-pointer checks whose trapping halt goes after the function's code. */
  const stackTraps: { label: number; offset: number }[] = [];

  const pop = (want?: Val): Val => {
    const v = stack.pop() ?? 'i32';
    if (want && v !== want) throw new Error(`internal: expected ${want} on the stack, found ${v}`);
    return v;
  };

  /** Drops `extra` slots below the top `keep` slots. */
  const unwind = (extra: number, keep: number) => {
    if (extra <= 0) return;
    const kept: number[] = [];
    for (let i = 0; i < keep; i++) {
      kept.push(temp(`keep${i}`));
      b.emit('local.set', kept[i]);
    }
    for (let i = 0; i < extra; i++) b.emit('drop');
    for (let i = keep - 1; i >= 0; i--) b.emit('local.get', kept[i]);
  };

  const slotsOf = (vals: Val[]) => vals.reduce((n, v) => n + slots(v), 0);

  const branchTo = (depth: number, conditional: boolean, offset: number) => {
    const frame = frames[frames.length - 1 - depth];
    if (!frame) {
      unsupported(W.BR, offset, `branch depth ${depth} is outside the function`);
      return;
    }
    if (conditional) pop('i32');
    const keep = slotsOf(frame.branchTypes);
    const extra = slotsOf(stack) - slotsOf(frame.entry) - keep;
    if (frame.kind !== 'loop') frame.branchedTo = true;
    const jump = () => (frame.kind === 'function' ? b.emit('return') : b.branch('br', frame.label));
    if (extra > 0 || (conditional && frame.kind === 'function')) {
      // Only the taken path unwinds: skip over the unwinding when the condition is false.
      const skip = b.newLabel();
      if (conditional) {
        b.emit('i32.eqz');
        b.branch('br_if', skip);
      }
      unwind(extra, keep);
      jump();
      if (conditional) b.bind(skip);
    } else if (conditional) {
      b.branch('br_if', frame.label);
    } else jump();
    if (!conditional) reachable = false;
  };

  const instrs = fn.instrs;
  for (let at = 0; at < instrs.length; at++) {
    const { op, imm, imm2, offset } = instrs[at];
    b.offset = offset;
    const structural = op === W.BLOCK || op === W.LOOP || op === W.IF || op === W.ELSE || op === W.END;
    if (!reachable && !structural) continue;

    // `(x << k) >> k` with k = 24 or 16 is how MVP code sign- or zero-extends a byte or halfword:
    // one store and one narrow load instead of two shifts.
    const k = op === W.I32_CONST ? imm : -1;
    if (
      (k === 24 || k === 16) &&
      instrs[at + 1]?.op === 0x74 &&
      instrs[at + 2]?.op === W.I32_CONST &&
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

    const direct = DIRECT.get(op);
    if (direct) {
      const [machineOp, pops, pushes] = direct;
      // Loads and stores carry their static offset in the memarg; i32.const its value.
      b.emit(machineOp, op === W.I32_CONST ? imm : imm2);
      for (let i = 0; i < pops; i++) pop('i32');
      if (pushes) stack.push('i32');
      continue;
    }
    if (LOWERED[op]) {
      lowerOp(b, op);
      if (!LOWERED_UNARY.has(op)) pop('i32');
      continue;
    }
    if (i64Move(op, imm, imm2)) continue;

    switch (op) {
      case W.NOP:
        break;
      case W.UNREACHABLE:
        b.emit('halt', TrapCode.unreachable);
        reachable = false;
        break;
      case W.DROP:
        for (let i = slots(pop()); i > 0; i--) b.emit('drop');
        break;
      case W.SELECT:
      case W.SELECT_T: {
        pop('i32');
        const t = pop();
        pop();
        if (t === 'i32') b.emit('select');
        else {
          // [a_lo a_hi b_lo b_hi c] → select each half with the same condition.
          const [c, bh, bl, ah] = [temp('sel_c'), temp('sel_bh'), temp('sel_bl'), temp('sel_ah')];
          for (const x of [c, bh, bl, ah]) b.emit('local.set', x);
          b.emit('local.get', bl);
          b.emit('local.get', c);
          b.emit('select');
          b.emit('local.get', ah);
          b.emit('local.get', bh);
          b.emit('local.get', c);
          b.emit('select');
        }
        stack.push(t);
        break;
      }
      case W.LOCAL_GET:
      case W.LOCAL_SET:
      case W.LOCAL_TEE: {
        const t = localTypes[imm];
        const slot = localSlot[imm];
        if (t === undefined) {
          unsupported(op, offset, `local ${imm} does not exist`);
          break;
        }
        if (op === W.LOCAL_GET) {
          b.emit('local.get', slot);
          if (t === 'i64') b.emit('local.get', slot + 1);
          stack.push(t);
        } else if (t === 'i32') {
          b.emit(op === W.LOCAL_SET ? 'local.set' : 'local.tee', slot);
          if (op === W.LOCAL_SET) pop('i32');
        } else {
          b.emit('local.set', slot + 1);
          b.emit(op === W.LOCAL_SET ? 'local.set' : 'local.tee', slot);
          if (op === W.LOCAL_TEE) b.emit('local.get', slot + 1);
          else pop('i64');
        }
        break;
      }
      case W.BLOCK:
      case W.LOOP:
      case W.IF: {
        const results = blockResultTypes(module, imm);
        if (op === W.IF && reachable) pop('i32');
        const frame: Frame = {
          kind: op === W.BLOCK ? 'block' : op === W.LOOP ? 'loop' : 'if',
          label: b.newLabel(),
          branchTypes: op === W.LOOP ? [] : results,
          results,
          entry: stack.slice(),
          dead: !reachable,
          branchedTo: false,
        };
        if (op === W.LOOP) b.bind(frame.label);
        if (op === W.IF) {
          frame.elseLabel = b.newLabel();
          if (reachable) branchUnless(b, frame.elseLabel);
        }
        frames.push(frame);
        break;
      }
      case W.ELSE: {
        const frame = frames[frames.length - 1];
        if (reachable) {
          b.branch('br', frame.label);
          frame.branchedTo = true;
        }
        b.bind(frame.elseLabel!);
        frame.elseLabel = undefined;
        stack.length = 0;
        stack.push(...frame.entry);
        reachable = !frame.dead;
        break;
      }
      case W.END: {
        const frame = frames.pop()!;
        if (frame.kind === 'function') {
          if (reachable) b.emit('return');
          break;
        }
        // An if without else falls through to its end when the condition is false.
        const falseArm = frame.elseLabel !== undefined && !frame.dead;
        if (frame.elseLabel !== undefined) b.bind(frame.elseLabel);
        if (frame.kind !== 'loop') b.bind(frame.label);
        reachable = reachable || frame.branchedTo || falseArm;
        stack.length = 0;
        stack.push(...frame.entry, ...frame.results);
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
          const imp = module.imports.filter((i) => i.kind === 'func')[imm];
          if (imm === ctx.outputImport) {
            b.emit('output');
            pop('i32');
          } else if (imp.module === 'tvm' && imp.name === 'trap') {
            // (import "tvm" "trap" (func (param i32))) called with a constant: halt with that trap code.
            const code = b.takeConstant();
            pop('i32');
            if (code === undefined || code === 0)
              unsupported(op, offset, 'tvm.trap must be called with a constant non-zero trap code');
            else b.emit('halt', code);
            reachable = false;
          } else {
            unsupported(
              op,
              offset,
              `call to import ${imp.name} (module '${imp.module}') is not supported: the only import a program may use is output_byte (putchar)`,
            );
          }
          break;
        }
        const callee = module.functions[imm - module.importedFunctionCount];
        const ct = module.types[callee.typeIndex];
        b.emit('call', 0, { callee: { fn: imm } });
        for (let i = 0; i < ct.params.length; i++) pop();
        for (const t of ct.results) stack.push(toVal(t, offset));
        break;
      }
      case W.GLOBAL_GET:
      case W.GLOBAL_SET: {
        const g = module.globals[imm];
        if (g && g.type !== 'i32') {
          unsupported(op, offset, `global ${imm} has type ${g.type}; only i32 globals are supported`);
          break;
        }
        b.as('global', () => {
          if (op === W.GLOBAL_GET) {
            b.emit('i32.const', globalAddress(imm));
            b.emit('i32.load', 0);
            return;
          }
          const globalTemp = temp('global');
          if (imm === 0 && ctx.stackLow !== undefined) {
            // The new stack pointer must not go below the C stack (into the static data): check it
            // before it is stored, trapping at a halt of its own (placed after the function's code).
            b.emit('local.tee', globalTemp);
            const overflow = b.newLabel();
            const stackLow = ctx.stackLow;
            b.as('lowered', () => {
              b.emit('i32.const', stackLow);
              b.emit('i32.lt_u');
              b.branch('br_if', overflow);
            });
            stackTraps.push({ label: overflow, offset });
          } else b.emit('local.set', globalTemp);
          b.emit('i32.const', globalAddress(imm));
          b.emit('local.get', globalTemp);
          b.emit('i32.store', 0);
        });
        if (op === W.GLOBAL_GET) stack.push('i32');
        else pop('i32');
        break;
      }
      case W.MEMORY_SIZE:
        b.as('lowered', () => b.emit('i32.const', module.memoryPages));
        stack.push('i32');
        break;
      default:
        unsupported(op, offset);
        // Keep going so that every unsupported construct is reported, not just the first.
        reachable = false;
        break;
    }
  }

  /** 64-bit moves as pairs of 32-bit words; returns false for anything else. */
  function i64Move(op: number, imm: number, imm2: number): boolean {
    const signOfTop = () => {
      // [x] → [x, -1 when x < 0 else 0]
      const x = temp('i64_lo');
      b.emit('local.tee', x);
      b.emit('i32.const', 0);
      b.emit('local.get', x);
      b.emit('i32.const', 0);
      b.emit('i32.lt_s');
      b.emit('i32.sub');
    };
    const loads: Record<number, OpcodeName> = {
      48: 'i32.load8_s',
      49: 'i32.load8_u',
      50: 'i32.load16_s',
      51: 'i32.load16_u',
      52: 'i32.load',
      53: 'i32.load',
    };
    const stores: Record<number, OpcodeName> = { 60: 'i32.store8', 61: 'i32.store16', 62: 'i32.store' };
    const saved = b.kind;
    b.kind = 'lowered';
    try {
      switch (op) {
        case 0x42: // i64.const: low word, high word
          b.emit('i32.const', imm);
          b.emit('i32.const', imm2);
          stack.push('i64');
          return true;
        case 0x29: {
          // i64.load: two word loads from one address
          const addr = temp('i64_addr');
          pop('i32');
          b.emit('local.tee', addr);
          b.emit('i32.load', imm2);
          b.emit('local.get', addr);
          b.emit('i32.load', (imm2 + 4) >>> 0);
          stack.push('i64');
          return true;
        }
        case 0x37: {
          // i64.store: [addr lo hi] → two word stores
          const [addr, lo, hi] = [temp('i64_addr'), temp('i64_lo'), temp('i64_hi')];
          pop('i64');
          pop('i32');
          b.emit('local.set', hi);
          b.emit('local.set', lo);
          b.emit('local.tee', addr);
          b.emit('local.get', lo);
          b.emit('i32.store', imm2);
          b.emit('local.get', addr);
          b.emit('local.get', hi);
          b.emit('i32.store', (imm2 + 4) >>> 0);
          return true;
        }
        case 0x30:
        case 0x31:
        case 0x32:
        case 0x33:
        case 0x34:
        case 0x35:
          pop('i32');
          b.emit(loads[op], imm2);
          if (op === 0x30 || op === 0x32 || op === 0x34) signOfTop();
          else b.emit('i32.const', 0);
          stack.push('i64');
          return true;
        case 0x3c:
        case 0x3d:
        case 0x3e:
          pop('i64');
          pop('i32');
          b.emit('drop');
          b.emit(stores[op], imm2);
          return true;
        case 0xa7: // i32.wrap_i64
          pop('i64');
          b.emit('drop');
          stack.push('i32');
          return true;
        case 0xac: // i64.extend_i32_s
          pop('i32');
          signOfTop();
          stack.push('i64');
          return true;
        case 0xad: // i64.extend_i32_u
          pop('i32');
          b.emit('i32.const', 0);
          stack.push('i64');
          return true;
        default:
          return i64Bits(op);
      }
    } finally {
      b.kind = saved;
    }
  }

  /**
   * The 64-bit operations clang uses to assemble and take apart word pairs in 32-bit code:
   * shifts by constants, bitwise and/or/xor, add/sub with carry, and equality tests.
   */
  function i64Bits(op: number): boolean {
    const [al, ah, bl, bh] = [temp('i64_al'), temp('i64_ah'), temp('i64_bl'), temp('i64_bh')];
    const lowered = (wasmOp: number, ...before: (() => void)[]) => {
      for (const f of before) f();
      lowerOp(b, wasmOp);
    };
    const get = (l: number) => () => b.emit('local.get', l);
    const constant = (c: number) => () => b.emit('i32.const', c);
    const setBoth = () => {
      b.emit('local.set', bh);
      b.emit('local.set', bl);
      b.emit('local.set', ah);
      b.emit('local.set', al);
    };
    switch (op) {
      case 0x86: // i64.shl
      case 0x87: // i64.shr_s
      case 0x88: {
        // i64.shr_u
        const count = b.takeConstantPair();
        if (count === undefined) return false;
        pop('i64'); // the count; the shifted value stays, as a word pair
        const n = count % 64;
        if (n === 0) return true;
        b.emit('local.set', ah);
        b.emit('local.set', al);
        if (op === 0x86) {
          if (n >= 32) {
            b.emit('i32.const', 0);
            lowered(0x74, get(al), constant(n - 32));
          } else {
            lowered(0x74, get(al), constant(n));
            lowered(0x74, get(ah), constant(n));
            lowered(0x76, get(al), constant(32 - n));
            b.emit('i32.add'); // the two parts have no bit in common
          }
        } else {
          const shr = op === 0x87 ? 0x75 : 0x76;
          if (n >= 32) {
            lowered(shr, get(ah), constant(n - 32));
            if (op === 0x87) lowered(0x75, get(ah), constant(31));
            else b.emit('i32.const', 0);
          } else {
            lowered(0x76, get(al), constant(n));
            lowered(0x74, get(ah), constant(32 - n));
            b.emit('i32.add');
            lowered(shr, get(ah), constant(n));
          }
        }
        return true;
      }
      case 0x83: // i64.and
      case 0x84: // i64.or
      case 0x85: {
        // i64.xor: word by word
        pop('i64');
        pop('i64');
        setBoth();
        const word = op === 0x83 ? 0x71 : op === 0x84 ? 0x72 : 0x73;
        lowered(word, get(al), get(bl));
        lowered(word, get(ah), get(bh));
        stack.push('i64');
        return true;
      }
      case 0x7c: // i64.add: the low words' carry goes into the high words
      case 0x7d: {
        // i64.sub: likewise the borrow
        pop('i64');
        pop('i64');
        setBoth();
        const add = op === 0x7c;
        b.emit('local.get', al);
        b.emit('local.get', bl);
        b.emit(add ? 'i32.add' : 'i32.sub');
        b.emit('local.get', ah);
        b.emit('local.get', bh);
        b.emit(add ? 'i32.add' : 'i32.sub');
        if (add) {
          // carry = (al + bl) <u al
          b.emit('local.get', al);
          b.emit('local.get', bl);
          b.emit('i32.add');
          b.emit('local.get', al);
          b.emit('i32.lt_u');
          b.emit('i32.add');
        } else {
          b.emit('local.get', al);
          b.emit('local.get', bl);
          b.emit('i32.lt_u');
          b.emit('i32.sub');
        }
        stack.push('i64');
        return true;
      }
      case 0x50: // i64.eqz
        pop('i64');
        b.emit('local.set', ah);
        b.emit('i32.eqz');
        b.emit('local.get', ah);
        b.emit('i32.eqz');
        b.emit('i32.add');
        b.emit('i32.const', 2);
        b.emit('i32.eq');
        stack.push('i32');
        return true;
      case 0x51: // i64.eq
      case 0x52: // i64.ne
        pop('i64');
        pop('i64');
        setBoth();
        b.emit('local.get', al);
        b.emit('local.get', bl);
        b.emit('i32.eq');
        b.emit('local.get', ah);
        b.emit('local.get', bh);
        b.emit('i32.eq');
        b.emit('i32.add');
        b.emit('i32.const', 2);
        b.emit(op === 0x51 ? 'i32.eq' : 'i32.ne');
        stack.push('i32');
        return true;
      default:
        return false;
    }
  }

  b.as('global', () => {
    for (const t of stackTraps) {
      b.offset = t.offset;
      b.bind(t.label);
      b.emit('halt', TrapCode.stackOverflow);
    }
  });
  zeroInitLocals(b, paramSlots);
  if (b.localCount > MAX_LOCALS) {
    unsupported(0, fn.start, `the function needs ${b.localCount} local slots; the machine has ${MAX_LOCALS}`);
  }
  return { wasmIndex: fn.index, code: b.code, labels: b.labels, paramSlots, localCount: b.localCount };
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
  if (blockType === -1) return ['i32'];
  if (blockType === -2) return ['i64'];
  if (blockType < 0) return ['i32']; // other value types are rejected where they are used
  return (module.types[blockType]?.results ?? []).map((t) => (t === 'i64' ? 'i64' : 'i32'));
}
