// A specialized machine's program, baked in: one neuron per instruction i, [cursor = i], and every
// per-instruction quantity (an immediate byte, a memory offset, "the opcode is one of these") is a
// table, a persisted sum of those neurons. A table costs no neuron of its own per token: the one
// instruction neuron that fires writes every table through its down row (engines compute only that
// neuron, see NeuronSelector). So the opcode tests the universal machine needs a neuron for, one per
// opcode and case, are tables here, exactly 0 or 1, and opcodes the program never uses drop out.
//
// The cursor is a prefix sum and carries rounding noise, which the one-hot gates must not see. It
// is rounded where it is written: its neuron and a neuron writing the constant 1.5·2^52 add into
// one slot, and float64 spacing there is 1, so the slot holds round(cursor) + 1.5·2^52 whichever
// adds first. The next FFN sublayer reads slot − 1.5·2^52 (exact: both terms are near 2^52) into
// the cursor's slot and, in the same sublayer, its square. No rounding sublayer, no head.
import { Expr } from '../graph/expr';
import type { Graph } from '../graph/graph';
import type { OpcodeName } from '../tokens/opcodes';
import type { Instruction } from '../tokens/program-file';

/** Adding this to |x| < 2^51 rounds x to the nearest integer in float64 (the spacing there is 1). */
const ROUNDING = 1.5 * 2 ** 52;

export class InstructionTables {
  /** The exact cursor (the instruction index), and its neurons [cursor = i]. */
  readonly cursor: Expr;
  private readonly at: readonly Expr[];
  private readonly present: ReadonlySet<OpcodeName>;

  constructor(
    private readonly g: Graph,
    private readonly program: readonly Instruction[],
    noisyCursor: Expr,
  ) {
    const shifted = g.persist(
      noisyCursor.plus(g.reglu(g.c(ROUNDING), g.one, 'cursor_rounding')),
      'cursor_rounded',
    );
    const exact = shifted.minus(g.c(ROUNDING));
    this.cursor = g.reglu(exact, g.one, 'cursor_exact');
    const square = g.square(exact, 'cursor_sq');
    this.at = g.oneHot(this.cursor, square, program.length, 'instruction');
    this.present = new Set(program.map((ins) => ins.op));
  }

  /** Σ_i f(instruction i)·[cursor = i]: the current instruction's f (zero when f is 0 everywhere). */
  table(f: (ins: Instruction) => number, label: string): Expr {
    const terms = this.program.flatMap((ins, i) => (f(ins) ? [this.at[i].times(f(ins))] : []));
    return terms.length ? this.g.persist(terms[0].plus(...terms.slice(1)), label) : new Expr();
  }

  /** 1 when the current instruction's opcode is one of `ops`, else 0 (zero if none is used). */
  flag(ops: readonly OpcodeName[]): Expr {
    return this.table((ins) => (ops.includes(ins.op) ? 1 : 0), `is_${ops.join('|')}`);
  }

  /** The program uses this opcode. */
  uses(op: OpcodeName): boolean {
    return this.present.has(op);
  }
}
