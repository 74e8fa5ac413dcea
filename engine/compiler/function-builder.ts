// The flat code of one function as the compiler emits it: machine instructions, labels for
// branch targets, calls by callee, and for each instruction where it came from.
import type { OpcodeName } from '../tokens/opcodes';

/** Why an instruction exists, for the source map and the debugger. */
export type InstrKind = 'body' | 'prologue' | 'lowered' | 'global';

export type Callee = { readonly fn: number } | { readonly helper: string };

export interface FlatInstr {
  op: OpcodeName;
  imm: number;
  /** br / br_if: the label it jumps to. */
  label?: number;
  /** call: the function it calls. */
  callee?: Callee;
  /** Byte offset of the WebAssembly instruction it came from (Code section relative), or -1. */
  offset: number;
  kind: InstrKind;
  /**
   * On the first instruction of a WebAssembly instruction: the operand stack's types before it,
   * bottom first, which the machine stack then holds as words (an i64 as low, high).
   */
  operands?: readonly ('i32' | 'i64' | 'f32' | 'f64')[];
}

export class FunctionBuilder {
  readonly code: FlatInstr[] = [];
  /** Label id → index of the instruction it marks (code.length when bound at the end). */
  readonly labels: number[] = [];
  /** Positions some label is bound to: a peephole must not merge instructions across them. */
  private readonly boundPositions = new Set<number>();
  /** Current WebAssembly offset and kind stamped onto emitted instructions. */
  offset = -1;
  kind: InstrKind = 'body';

  constructor(
    /** Locals the function has before the compiler adds temporaries (params included). */
    public localCount: number,
  ) {}

  emit(op: OpcodeName, imm = 0, extra: Partial<FlatInstr> = {}): FlatInstr {
    const ins: FlatInstr = { op, imm: imm >>> 0, offset: this.offset, kind: this.kind, ...extra };
    this.code.push(ins);
    return ins;
  }

  newLabel(): number {
    this.labels.push(-1);
    return this.labels.length - 1;
  }

  bind(label: number): void {
    this.labels[label] = this.code.length;
    this.boundPositions.add(this.code.length);
  }

  branch(op: 'br' | 'br_if', label: number): void {
    this.emit(op, 0, { label });
  }

  private readonly scratchLocals = new Map<string, number>();

  /**
   * A compiler temporary, one per name for the whole function: the sequences that use one never
   * overlap, so reusing it keeps functions far below the machine's local limit.
   */
  scratch(name: string): number {
    let t = this.scratchLocals.get(name);
    if (t === undefined) {
      t = this.localCount++;
      this.scratchLocals.set(name, t);
    }
    return t;
  }

  /** The last instruction, if nothing can jump between it and the next one. */
  lastMergeable(): FlatInstr | undefined {
    if (this.code.length === 0 || this.boundPositions.has(this.code.length)) return undefined;
    return this.code[this.code.length - 1];
  }

  /** The constant pushed by the last instruction, removing it, when it is a mergeable `i32.const`. */
  takeConstant(): number | undefined {
    const last = this.lastMergeable();
    if (last?.op !== 'i32.const') return undefined;
    this.code.pop();
    return last.imm;
  }

  /** The 64-bit constant pushed by the last two `i32.const`s (low, high), removing them, if mergeable. */
  takeConstantPair(): number | undefined {
    const n = this.code.length;
    if (n < 2 || this.boundPositions.has(n) || this.boundPositions.has(n - 1)) return undefined;
    const [lo, hi] = [this.code[n - 2], this.code[n - 1]];
    if (lo.op !== 'i32.const' || hi.op !== 'i32.const') return undefined;
    this.code.length = n - 2;
    return lo.imm + hi.imm * 2 ** 32;
  }

  /** Runs `body` with instructions marked as `kind`. */
  as(kind: InstrKind, body: () => void): void {
    const saved = this.kind;
    this.kind = kind;
    try {
      body();
    } finally {
      this.kind = saved;
    }
  }
}
