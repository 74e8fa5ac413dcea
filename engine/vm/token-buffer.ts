// A growable Int32Array for token streams of millions of tokens.
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
}
