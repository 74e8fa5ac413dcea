// The next token, argmax over t of unembedding_t · x, without scoring the whole vocabulary (the
// native engine's native/src/output_argmax.cc, the same algorithm and the same doubles):
//
//   tokens are cut into blocks of ≤ 16 consecutive ids that read the same residual slots;
//   bound(block) = Σ over its slots of the largest coefficient·x[slot] in the block, + a margin
//     that covers every rounding of the scores and of the bound itself;
//   score the block with the highest bound, then every block whose bound reaches the best score;
//   groups of 8 consecutive blocks have a bound of their own (the same sum over the union of
//   their slots, a missing slot counting as a coefficient 0), so a group that falls below the best
//   score is skipped without bounding its blocks.
//
// A skipped block cannot hold the argmax; a scored token adds the same products in the same
// (column) order as a row dot product, so the result is the plain argmax bit for bit, the first
// token on ties. Why the margin is safe: for k slots (of a block, or of a group, where a slot a
// token lacks is a coefficient 0 inside the group's range), the computed score and the computed
// bound are each within k·2^−53·A of their exact values, A = Σ magnitude·|x| (bounding every
// partial sum), so computed score ≤ computed bound + 2k·2^−53·A; 2^−40·A + 2^−1000 covers that for
// any k < 2^12 (subnormal products and the final addition included). A non-finite residual takes the
// plain path: every token, in order.

export const BLOCK_TOKENS = 16;
export const GROUP_BLOCKS = 8;

/** Slots [term, term + terms) of `column`, `high`, `low`, `magnitude`. */
interface Terms {
  readonly term: number;
  readonly terms: number;
}

interface Group extends Terms {
  /** Blocks first .. first + count − 1. */
  readonly first: number;
  readonly count: number;
}

/** Per slot: the slot, the largest and smallest coefficient, and the largest magnitude. */
interface Ranges {
  readonly column: Int32Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly magnitude: Float64Array;
}

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
  private readonly ranges: Ranges;
  private readonly coefficient: Float64Array;
  private readonly groups: Group[] = [];
  private readonly groupRanges: Ranges;
  private readonly bound: Float64Array;
  private readonly slack: Float64Array;
  private readonly blockBound = new Float64Array(GROUP_BLOCKS);
  private readonly blockSlack = new Float64Array(GROUP_BLOCKS);
  /** Set by bounds(): false once a slot's x makes a bound non-finite. */
  private finite = true;
  /** The argmax so far and its score, while argmax() visits blocks. */
  private best = 0;
  private bestScore = Number.NEGATIVE_INFINITY;
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
      }
      t += count;
    }
    this.ranges = ranges(column, high, low);
    this.coefficient = Float64Array.from(coefficient);
    // Groups of consecutive blocks: per slot of the union, the range of every token's coefficient.
    const groupColumn: number[] = [];
    const groupHigh: number[] = [];
    const groupLow: number[] = [];
    for (let first = 0; first < this.blocks.length; first += GROUP_BLOCKS) {
      const count = Math.min(GROUP_BLOCKS, this.blocks.length - first);
      const members = this.blocks.slice(first, first + count);
      const union = [...new Set(members.flatMap((b) => column.slice(b.term, b.term + b.terms)))].sort(
        (a, b) => a - b,
      );
      this.groups.push({ first, count, term: groupColumn.length, terms: union.length });
      for (const c of union) {
        let hi = Number.NEGATIVE_INFINITY;
        let lo = Number.POSITIVE_INFINITY;
        for (const b of members) {
          const j = column.slice(b.term, b.term + b.terms).indexOf(c);
          // A block without the slot: its tokens' coefficient there is 0.
          hi = Math.max(hi, j < 0 ? 0 : high[b.term + j]);
          lo = Math.min(lo, j < 0 ? 0 : low[b.term + j]);
        }
        groupColumn.push(c);
        groupHigh.push(hi);
        groupLow.push(lo);
      }
    }
    this.groupRanges = ranges(groupColumn, groupHigh, groupLow);
    this.bound = new Float64Array(this.groups.length);
    this.slack = new Float64Array(this.groups.length);
  }

  /** The residual slots the argmax reads (every column of the unembedding), ascending. */
  get slots(): Int32Array {
    return Int32Array.from(new Set(this.ranges.column)).sort();
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  /** The first token with the highest score for residual x. */
  argmax(x: Float64Array): number {
    const n = this.groups.length;
    if (n === 0) return 0;
    this.finite = true;
    let top = 0;
    for (let k = 0; k < n; k++) {
      this.bounds(this.groupRanges, this.groups[k], x, this.bound, this.slack, k);
      if (this.bound[k] > this.bound[top]) top = k;
    }
    const s = this.s;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    if (!this.finite) {
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
    // Every score is finite here (a group's slots are its blocks'). The group with the highest
    // bound first and, in it, the block with the highest bound, so that the best score is high
    // early; then the rest, a lower id winning a tie whatever the visiting order.
    this.best = 0;
    this.bestScore = Number.NEGATIVE_INFINITY;
    this.visitGroup(this.groups[top], x);
    for (let k = 0; k < n; k++)
      if (k !== top && !(this.bound[k] + this.slack[k] < this.bestScore)) this.visitGroup(this.groups[k], x);
    return this.best;
  }

  /** Bounds group g's blocks, then scores those whose bound reaches the best score so far. */
  private visitGroup(g: Group, x: Float64Array): void {
    const { blockBound, blockSlack } = this;
    let first = 0;
    for (let i = 0; i < g.count; i++) {
      this.bounds(this.ranges, this.blocks[g.first + i], x, blockBound, blockSlack, i);
      if (blockBound[i] > blockBound[first]) first = i;
    }
    if (!(blockBound[first] + blockSlack[first] < this.bestScore))
      this.visit(this.blocks[g.first + first], x);
    for (let i = 0; i < g.count; i++)
      if (i !== first && !(blockBound[i] + blockSlack[i] < this.bestScore))
        this.visit(this.blocks[g.first + i], x);
  }

  /** Scores block b; a higher score, or an equal one at a lower id, becomes the best. */
  private visit(b: Block, x: Float64Array): void {
    this.score(b, x);
    const s = this.s;
    for (let i = 0; i < b.count; i++)
      if (s[i] > this.bestScore || (s[i] === this.bestScore && b.first + i < this.best)) {
        this.bestScore = s[i];
        this.best = b.first + i;
      }
  }

  /** bound[at] = Σ over t's slots of the larger of high·x and low·x; slack[at] its margin. */
  private bounds(
    r: Ranges,
    t: Terms,
    x: Float64Array,
    bound: Float64Array,
    slack: Float64Array,
    at: number,
  ): void {
    let u = 0;
    let m = 0;
    for (let j = t.term, end = t.term + t.terms; j < end; j++) {
      const xj = x[r.column[j]];
      u += xj >= 0 ? r.high[j] * xj : r.low[j] * xj;
      m += r.magnitude[j] * Math.abs(xj);
    }
    bound[at] = u;
    slack[at] = m * 2 ** -40 + 2 ** -1000;
    this.finite = this.finite && Number.isFinite(u) && Number.isFinite(m);
  }

  /** Scores block b's tokens into this.s: the same additions, in the same order, as a row dot. */
  private score(b: Block, x: Float64Array): void {
    const s = this.s;
    s.fill(0, 0, b.count);
    for (let j = 0; j < b.terms; j++) {
      const xj = x[this.ranges.column[b.term + j]];
      const at = b.at + j * b.count;
      for (let i = 0; i < b.count; i++) s[i] += this.coefficient[at + i] * xj;
    }
  }
}

function ranges(column: number[], high: number[], low: number[]): Ranges {
  return {
    column: Int32Array.from(column),
    high: Float64Array.from(high),
    low: Float64Array.from(low),
    magnitude: Float64Array.from(high, (h, j) => Math.max(Math.abs(h), Math.abs(low[j]))),
  };
}
