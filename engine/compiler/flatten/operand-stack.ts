// The operand stack as the flattener tracks it: the type of each value, not the value. The machine
// itself has one untyped operand stack of 32-bit words, so an i64 or f64 (moved as a word pair)
// takes two slots, and `drop` and `select` of one act on both words. An f32 is the word of its IEEE
// bits, an f64 the pair of its bits; the types are kept apart only for the debugger (the source
// map says which words hold floats).
import type { FunctionState } from './state';

/** A value on the operand stack: i32 and f32 take one machine slot, i64 and f64 two (low word below). */
export type Val = 'i32' | 'i64' | 'f32' | 'f64';

export const slots = (v: Val) => (v === 'i64' || v === 'f64' ? 2 : 1);

/** Whether two values move alike (same number of words): an f64 goes where an i64 goes. */
const sameShape = (a: Val, b: Val) => slots(a) === slots(b);

export const slotsOf = (vals: readonly Val[]) => vals.reduce((n, v) => n + slots(v), 0);

export class OperandStack {
  private vals: Val[] = [];

  push(...vals: Val[]): void {
    this.vals.push(...vals);
  }

  /**
   * Pops one value (an i32 when the stack is empty); `want` asserts its size in words (the
   * moves of i32 and i64 also move f32 and f64: a load, a store or a local of either).
   */
  pop(want?: Val): Val {
    const v = this.vals.pop() ?? 'i32';
    if (want && !sameShape(v, want)) throw new Error(`internal: expected ${want} on the stack, found ${v}`);
    return v;
  }

  /** The type of the top value, if any. */
  top(): Val | undefined {
    return this.vals[this.vals.length - 1];
  }

  /** A copy of the stack, kept by a block to restore at its `else` and `end`. */
  snapshot(): Val[] {
    return this.vals.slice();
  }

  reset(vals: readonly Val[]): void {
    this.vals = [...vals];
  }

  /** Machine slots the stack takes. */
  slots(): number {
    return slotsOf(this.vals);
  }
}

/** `drop`: one machine drop per slot of the dropped value. */
export function dropValue(s: FunctionState): void {
  for (let i = slots(s.stack.pop()); i > 0; i--) s.b.emit('drop');
}

/** `select`: the machine's select picks one word, so an i64 is selected word by word. */
export function selectValue(s: FunctionState): void {
  const { b, stack } = s;
  stack.pop('i32');
  const t = stack.pop();
  stack.pop();
  if (slots(t) === 1) b.emit('select');
  else {
    // [a_lo a_hi b_lo b_hi c] → select each half with the same condition.
    const [c, bh, bl, ah] = [s.temp('sel_c'), s.temp('sel_bh'), s.temp('sel_bl'), s.temp('sel_ah')];
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
}
