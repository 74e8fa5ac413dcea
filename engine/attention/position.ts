// Attention for gather and passthrough heads: the key of row j is (2j, −j²), j being the row's
// position, with "latest" ties and no cleared rows. The winner is then the position nearest to
// qx/qy, which an array indexed by position finds in O(1); the hull would hold every row.
//
// Where the selected row's values come from: kept rows (the default); the token fed at that
// position and a table by token (a token-only gather head: its values depend on the token alone,
// so 2 bytes per position, shared by every such head, replace 16 per head); or the current
// position only (a passthrough head, which keeps nothing and must never read an earlier row).
import type { TieBreak } from './hull';

/** The tokens of a sequence, 2 bytes each (token ids below 65,536), growing as it grows. */
export class TokenLog {
  private data = new Uint16Array(1024);
  length = 0;

  push(token: number): void {
    if (!Number.isInteger(token) || token < 0 || token > 0xffff)
      throw new RangeError(`token id ${token} does not fit the 16-bit token log`);
    if (this.length === this.data.length) {
      const bigger = new Uint16Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = token;
  }

  at(j: number): number {
    return this.data[j];
  }

  /** Forgets every token from `length` on. */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  /** Bytes held (capacity). */
  get bytes(): number {
    return this.data.byteLength;
  }
}

export type RowSource =
  | { readonly kind: 'rows' }
  | { readonly kind: 'tokens'; readonly tokens: TokenLog; readonly table: Float64Array }
  | { readonly kind: 'current' };

export class PositionAttention {
  private rows: Float64Array;
  private readonly current: Float64Array;
  private count = 0;
  /** The row the last query selected (for the debugger). */
  private chosen = -1;

  constructor(
    readonly valueCount: number,
    private readonly source: RowSource = { kind: 'rows' },
  ) {
    this.rows = new Float64Array(source.kind === 'rows' ? 1024 * valueCount : 0);
    this.current = new Float64Array(valueCount);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of kept rows (capacity). */
  get bytes(): number {
    return this.rows.byteLength;
  }

  /** Inserts the row of the next position (positions come in order 0, 1, 2, …). */
  insert(x: number, y: number, values: ArrayLike<number>, seq: number): void {
    if (seq !== this.count || x !== 2 * seq || y !== -seq * seq) {
      throw new Error(`position attention: row ${this.count} got key (${x}, ${y}) at ${seq}`);
    }
    this.insertPosition(values, seq);
  }

  /**
   * The same for a key known to be (2·seq, −seq²) (proven from the weights at load: head-proofs.ts),
   * so only the order is checked. A 'tokens' source ignores `values`: the table gives them.
   */
  insertPosition(values: ArrayLike<number>, seq: number): void {
    if (seq !== this.count) throw new Error(`position attention: row ${this.count} got position ${seq}`);
    const kind = this.source.kind;
    if (kind === 'current') for (let i = 0; i < this.valueCount; i++) this.current[i] = values[i];
    else if (kind === 'rows') {
      if ((this.count + 1) * this.valueCount > this.rows.length) {
        const bigger = new Float64Array(this.rows.length * 2);
        bigger.set(this.rows);
        this.rows = bigger;
      }
      for (let i = 0; i < this.valueCount; i++) this.rows[this.count * this.valueCount + i] = values[i];
    }
    this.count++;
  }

  /** Score of row j is 2·qx·j − qy·j²; ties go to the later row. */
  query(qx: number, qy: number, tie: TieBreak, out: Float64Array): number {
    const last = this.count - 1;
    if (last < 0) return 0;
    if (tie !== 'latest') throw new Error('position attention answers only latest-tie lookups');
    let j: number;
    if (qy > 0) {
      // The parabola's top is at qx/qy; among integers, round half up (the later row wins a tie).
      j = Math.min(Math.max(Math.floor(qx / qy + 0.5), 0), last);
    } else if (qy === 0) {
      j = qx >= 0 ? last : 0;
    } else {
      // Convex: an end wins; equal scores go to the later end.
      j = 2 * qx * last - qy * last * last >= 0 ? last : 0;
    }
    this.read(j, out);
    return 1;
  }

  /**
   * Selects the row just inserted, as a query (p, 1) at position p does (row j scores 2pj − j²,
   * highest at j = p): a passthrough head whose query is proven to be (p, 1) needs no query.
   */
  selectLatest(out: Float64Array): void {
    if (this.count > 0) this.read(this.count - 1, out);
  }

  /** Row j's values into `out`, remembered as the selection. */
  private read(j: number, out: Float64Array): void {
    const last = this.count - 1;
    const n = this.valueCount;
    this.chosen = j;
    switch (this.source.kind) {
      case 'rows':
        for (let i = 0; i < n; i++) out[i] = this.rows[j * n + i];
        break;
      case 'tokens': {
        const at = this.source.tokens.at(j) * n;
        for (let i = 0; i < n; i++) out[i] = this.source.table[at + i];
        break;
      }
      case 'current':
        if (j !== last)
          throw new Error(`position attention: a passthrough head read position ${j} at position ${last}`);
        // A loop, not out.set(): for two values the call costs more than the copy.
        for (let i = 0; i < n; i++) out[i] = this.current[i];
    }
  }

  /** What the last query selected: its row ('latest'), or 1, the tie count ('average'). */
  selected(tie: TieBreak): number {
    return tie === 'latest' ? this.chosen : this.chosen < 0 ? 0 : 1;
  }
}
