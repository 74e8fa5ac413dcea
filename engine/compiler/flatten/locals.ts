// WebAssembly locals in machine local slots: parameters first, then the declared locals, an i64 or
// f64 taking two slots (low word first). The compiler's scratch locals come after these.
import { MAX_LOCALS } from '../../tokens/limits';
import { W } from '../../wasm/wasm-opcodes';
import type { Val } from './operand-stack';
import { slots } from './operand-stack';
import type { FunctionState } from './state';

export interface LocalLayout {
  /** The type of each WebAssembly local, parameters included. */
  readonly types: Val[];
  /** The first machine slot of each WebAssembly local. */
  readonly slot: number[];
  /** Machine slots the WebAssembly locals take. */
  readonly slotCount: number;
  /** Machine slots holding parameters (an i64 parameter takes two). */
  readonly paramSlots: number;
}

export function layoutLocals(s: FunctionState): LocalLayout {
  const { fn } = s;
  const type = s.module.types[fn.typeIndex];
  const types = [...type.params, ...fn.locals].map((t) => s.toVal(t, fn.start));
  const slot: number[] = [];
  let slotCount = 0;
  for (const t of types) {
    slot.push(slotCount);
    slotCount += slots(t);
  }
  const paramSlots = types.slice(0, type.params.length).reduce((n, t) => n + slots(t), 0);
  return { types, slot, slotCount, paramSlots };
}

/** Entry: the caller left the arguments on the stack; pop them into the parameter slots, last first. */
export function popArguments(s: FunctionState): void {
  const { b } = s;
  b.offset = s.fn.start;
  b.as('prologue', () => {
    for (let k = s.locals.paramSlots - 1; k >= 0; k--) b.emit('local.set', k);
  });
}

/** local.get / local.set / local.tee; an i64 or f64 local moves as its two words. */
export function accessLocal(s: FunctionState, op: number, imm: number, offset: number): void {
  const { b, stack } = s;
  const t = s.locals.types[imm];
  const slot = s.locals.slot[imm];
  if (t === undefined) {
    s.unsupported(op, offset, `local ${imm} does not exist`);
    return;
  }
  if (op === W.LOCAL_GET) {
    b.emit('local.get', slot);
    if (slots(t) === 2) b.emit('local.get', slot + 1);
    stack.push(t);
  } else if (slots(t) === 1) {
    b.emit(op === W.LOCAL_SET ? 'local.set' : 'local.tee', slot);
    if (op === W.LOCAL_SET) stack.pop(t);
  } else {
    // The high word is on top: store it first, then set or tee the low word under it.
    b.emit('local.set', slot + 1);
    b.emit(op === W.LOCAL_SET ? 'local.set' : 'local.tee', slot);
    if (op === W.LOCAL_TEE) b.emit('local.get', slot + 1);
    else stack.pop(t);
  }
}

/** The WebAssembly locals and the compiler's scratch locals must fit in the machine's locals. */
export function checkLocalCount(s: FunctionState): void {
  const { localCount } = s.b;
  if (localCount > MAX_LOCALS) {
    s.unsupported(
      0,
      s.fn.start,
      `the function needs ${localCount} local slots; the machine has ${MAX_LOCALS}`,
    );
  }
}
