// The next token of a residual seen before, from a small table (the native engine's
// native/src/argmax_memo.h, a table of the same shape): the output argmax reads x only at the unembedding's
// slots, so the same bits there give the same token.
//
//   key = the bit patterns of x at those slots;  set = the top bits of a multiplicative hash
//   a hit in one of the set's two entries → its token (a hit in the second moves it to the front);
//   a miss → the argmax itself, stored in front (the second entry leaves)
//
// Exact by construction: a hit returns what the same computation gave for the same inputs. Bit
// patterns are compared, so −0 and +0 are different keys; JavaScript may make every NaN one NaN
// on the way into the key, which changes nothing, as no comparison sees a NaN's payload.

/** Sets of two entries. */
export const MEMO_SET_BITS = 10;
/** An unembedding reading more slots than this is not memoized. */
export const MEMO_MAX_SLOTS = 64;

export class ArgmaxMemo {
  private readonly slots: Int32Array;
  private readonly on: boolean;
  /** Per entry: the key's 2·n words, then token + 1 (0: empty). */
  private readonly table: Uint32Array;
  private readonly stride: number;
  private readonly keyValues: Float64Array;
  private readonly keyWords: Uint32Array;

  private readonly setBits: number;

  /**
   * `slots`: the slots the argmax reads, ascending. `setBits` below MEMO_SET_BITS only in tests,
   * where every key must share a set with others.
   */
  constructor(slots: Int32Array, setBits = MEMO_SET_BITS) {
    this.setBits = Math.max(0, Math.min(MEMO_SET_BITS, Math.floor(setBits)));
    this.on = slots.length <= MEMO_MAX_SLOTS;
    this.slots = this.on ? slots : new Int32Array(0);
    this.stride = 2 * this.slots.length + 1;
    this.table = new Uint32Array(this.on ? (2 << this.setBits) * this.stride : 0);
    this.keyValues = new Float64Array(this.slots.length);
    this.keyWords = new Uint32Array(this.keyValues.buffer);
  }

  /** The token for x: the stored one for the same key, else compute(), stored. */
  get(x: Float64Array, compute: () => number): number {
    if (!this.on) return compute();
    const { slots, keyValues, keyWords, table, stride } = this;
    for (let j = 0; j < slots.length; j++) keyValues[j] = x[slots[j]];
    let h = 0;
    for (let i = 0; i < keyWords.length; i++) h = Math.imul(h ^ keyWords[i], 0x9e3779b1) ^ (h >>> 15);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    const front = ((h >>> 1) >>> (31 - this.setBits)) * 2 * stride; // (a shift by 32 would be by 0)
    const back = front + stride;
    const n = keyWords.length;
    if (table[front + n] !== 0 && this.matches(front)) return table[front + n] - 1;
    if (table[back + n] !== 0 && this.matches(back)) {
      const token = table[back + n];
      table.copyWithin(back, front, front + stride);
      table.set(keyWords, front);
      table[front + n] = token;
      return token - 1;
    }
    const token = compute();
    table.copyWithin(back, front, front + stride);
    table.set(keyWords, front);
    table[front + n] = token + 1;
    return token;
  }

  /** Bytes of the table (fixed). */
  get bytes(): number {
    return this.table.byteLength;
  }

  private matches(at: number): boolean {
    const { keyWords, table } = this;
    for (let i = 0; i < keyWords.length; i++) if (table[at + i] !== keyWords[i]) return false;
    return true;
  }
}
