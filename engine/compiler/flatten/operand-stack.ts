// The operand stack as the flattener tracks it: the type of each value, not the value. The machine
// itself has one untyped operand stack of 32-bit words, so an i64 (moved as a word pair) takes two
// slots, and `drop` and `select` of an i64 act on both words.
import type { FunctionState } from './state';

/** A value on the operand stack: i32 takes one machine slot, i64 two (low word below). */
export type Val = 'i32' | 'i64';

export const slots = (v: Val) => (v === 'i64' ? 2 : 1);

export const slotsOf = (vals: readonly Val[]) => vals.reduce((n, v) => n + slots(v), 0);

export class OperandStack {
  private vals: Val[] = [];

  push(...vals: Val[]): void {
    this.vals.push(...vals);
  }

  /** Pops one value (an i32 when the stack is empty); `want` asserts its type. */
  pop(want?: Val): Val {
    const v = this.vals.pop() ?? 'i32';
    if (want && v !== want) throw new Error(`internal: expected ${want} on the stack, found ${v}`);
    return v;
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
  if (t === 'i32') b.emit('select');
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
