// The next token, argmax over t of unembedding_t · x, without scoring the whole vocabulary (the
// native engine's native/src/output_argmax.cc, the same algorithm and the same doubles):
//
//   tokens are cut into blocks of ≤ 16 consecutive ids that read the same residual slots;
//   bound(block) = Σ over its slots of the largest coefficient·x[slot] in the block, + a margin
//     that covers every rounding of the scores and of the bound itself;
//   score the block with the highest bound, then every block whose bound reaches the best score.
//
// A skipped block cannot hold the argmax; a scored token adds the same products in the same
// (column) order as a row dot product, so the result is the plain argmax bit for bit, the first
// token on ties. Why the margin is safe: for k slots, the computed score and the computed bound
// are each within k·2^−53·A of their exact values, A = Σ magnitude·|x| (bounding every partial
// sum), so computed score ≤ computed bound + 2k·2^−53·A; 2^−40·A + 2^−1000 covers that for any
// k < 2^6 (subnormal products and the final addition included). A non-finite residual takes the
// plain path: every token, in order.

export const BLOCK_TOKENS = 16;

interface Block {
  readonly first: number;
  readonly count: number;
  /** Slots column[term .. term + terms − 1], ascending. */
  readonly term: number;
  readonly terms: number;
  /** coefficient[at + j·count + i] is slot j's coefficient for token first + i. */
  readonly at: number;
}

export class OutputArgmax {
  private readonly blocks: Block[] = [];
  private readonly column: Int32Array;
  private readonly high: Float64Array;
  private readonly low: Float64Array;
  private readonly magnitude: Float64Array;
  private readonly coefficient: Float64Array;
  private readonly bound: Float64Array;
  private readonly slack: Float64Array;
  private readonly s = new Float64Array(BLOCK_TOKENS);

  /** `unembedding` is [vocabulary, width], row-major. */
  constructor(unembedding: Float64Array, vocabulary: number, width: number) {
    const slots = (t: number): number[] => {
      const r: number[] = [];
      for (let c = 0; c < width; c++) if (unembedding[t * width + c] !== 0) r.push(c);
      return r;
    };
    const column: number[] = [];
    const high: number[] = [];
    const low: number[] = [];
    const magnitude: number[] = [];
    const coefficient: number[] = [];
    for (let t = 0; t < vocabulary; ) {
      const these = slots(t);
      let count = 1;
      while (count < BLOCK_TOKENS && t + count < vocabulary) {
        const next = slots(t + count);
        if (next.length !== these.length || next.some((c, j) => c !== these[j])) break;
        count++;
      }
      this.blocks.push({ first: t, count, term: column.length, terms: these.length, at: coefficient.length });
      for (const c of these) {
        column.push(c);
        let hi = Number.NEGATIVE_INFINITY;
        let lo = Number.POSITIVE_INFINITY;
        for (let i = 0; i < count; i++) {
          const a = unembedding[(t + i) * width + c];
          coefficient.push(a);
          hi = Math.max(hi, a);
          lo = Math.min(lo, a);
        }
        high.push(hi);
        low.push(lo);
        magnitude.push(Math.max(Math.abs(hi), Math.abs(lo)));
      }
      t += count;
    }
    this.column = Int32Array.from(column);
    this.high = Float64Array.from(high);
    this.low = Float64Array.from(low);
    this.magnitude = Float64Array.from(magnitude);
    this.coefficient = Float64Array.from(coefficient);
    this.bound = new Float64Array(this.blocks.length);
    this.slack = new Float64Array(this.blocks.length);
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  /** The first token with the highest score for residual x. */
  argmax(x: Float64Array): number {
    const n = this.blocks.length;
    if (n === 0) return 0;
    let finite = true;
    let top = 0;
    for (let k = 0; k < n; k++) {
      const b = this.blocks[k];
      let u = 0;
      let m = 0;
      for (let j = b.term, end = b.term + b.terms; j < end; j++) {
        const xj = x[this.column[j]];
        u += xj >= 0 ? this.high[j] * xj : this.low[j] * xj;
        m += this.magnitude[j] * Math.abs(xj);
      }
      this.bound[k] = u;
      this.slack[k] = m * 2 ** -40 + 2 ** -1000;
      finite = finite && Number.isFinite(u) && Number.isFinite(m);
      if (u > this.bound[top]) top = k;
    }
    const s = this.s;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    if (!finite) {
      // The plain argmax: every token in order, the first on ties (NaN never wins).
      for (const b of this.blocks) {
        this.score(b, x);
        for (let i = 0; i < b.count; i++)
          if (s[i] > bestScore) {
            bestScore = s[i];
            best = b.first + i;
          }
      }
      return best;
    }
    // Every score is finite here: the highest bound first, then the others in order; a lower id
    // wins a tie whatever the visiting order.
    const visit = (b: Block): void => {
      this.score(b, x);
      for (let i = 0; i < b.count; i++)
        if (s[i] > bestScore || (s[i] === bestScore && b.first + i < best)) {
          bestScore = s[i];
          best = b.first + i;
        }
    };
    visit(this.blocks[top]);
    for (let k = 0; k < n; k++)
      if (k !== top && !(this.bound[k] + this.slack[k] < bestScore)) visit(this.blocks[k]);
    return best;
  }

  /** Scores block b's tokens into this.s: the same additions, in the same order, as a row dot. */
  private score(b: Block, x: Float64Array): void {
    const s = this.s;
    s.fill(0, 0, b.count);
    for (let j = 0; j < b.terms; j++) {
      const xj = x[this.column[b.term + j]];
      const at = b.at + j * b.count;
      for (let i = 0; i < b.count; i++) s[i] += this.coefficient[at + i] * xj;
    }
  }
}
