// Growable typed arrays for token streams of millions of tokens: TokenBuffer (Int32, any id) and
// CompactTokenBuffer (Uint16, 2 bytes a token, for the debugger's recording of long traces).

/** A growable Int32Array for token streams of millions of tokens. */
export class TokenBuffer {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(id: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = id;
  }

  at(i: number): number {
    return this.data[i];
  }

  /** A copy of the tokens. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** A view of tokens [start, end) without copying; valid until the next push. */
  view(start = 0, end = this.length): Int32Array {
    return this.data.subarray(start, end);
  }

  /** Bytes held (capacity), for memory reports. */
  get bytes(): number {
    return this.data.byteLength;
  }
}

/** The largest token id a CompactTokenBuffer holds. */
export const COMPACT_TOKEN_MAX = 0xffff;

/**
 * A growable Uint16Array of token ids (the vocabulary is far below 65,536): a 100-million-token
 * trace costs 200 MB, not 400. An id it cannot hold is refused, never truncated.
 */
export class CompactTokenBuffer {
  private data: Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint16Array(Math.max(1, capacity));
  }

  push(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id > COMPACT_TOKEN_MAX)
      throw new RangeError(
        `token id ${id} at trace index ${this.length} is not an integer in 0..${COMPACT_TOKEN_MAX}`,
      );
    if (this.length === this.data.length) {
      const bigger = new Uint16Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = id;
  }

  at(i: number): number {
    return this.data[i];
  }

  /** A copy of the tokens. */
  toArray(): Uint16Array {
    return this.data.slice(0, this.length);
  }

  /** A view of tokens [start, end) without copying; valid until the next push. */
  view(start = 0, end = this.length): Uint16Array {
    return this.data.subarray(start, end);
  }

  /** Bytes held (capacity), for memory reports. */
  get bytes(): number {
    return this.data.byteLength;
  }
}
