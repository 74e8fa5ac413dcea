// An append-only log of small unsigned integers in a typed array, shared by a trace decoder and
// its clones (the debugger keeps hundreds of checkpoints of one decoder): each holder keeps only
// its own length. Appending the value the shared log already holds at that index just advances
// (clones replaying the same trace share one array); appending a different value copies the
// holder's prefix first, so no holder ever sees another's writes.

type Store = Uint8Array | Uint32Array;

class Log<T extends Store> {
  length = 0;
  constructor(public data: T) {}
}

export class SharedLog<T extends Store> {
  private log: Log<T>;
  /** Entries this holder has (a prefix of the shared log). */
  length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    private readonly max: number,
    private readonly what: string,
  ) {
    this.log = new Log(make(256));
  }

  push(value: number): void {
    if (!(value >= 0 && value <= this.max))
      throw new RangeError(`${this.what} ${value} at index ${this.length} does not fit (0..${this.max})`);
    const log = this.log;
    const n = this.length;
    if (n < log.length) {
      if (log.data[n] === value) {
        this.length = n + 1;
        return;
      }
      // Diverging from the other holders: continue on a private copy of our prefix.
      const data = this.make(Math.max(256, n * 2)) as T;
      data.set(log.data.subarray(0, n) as never);
      this.log = new Log(data);
      this.log.length = n;
    }
    const own = this.log;
    if (n === own.data.length) {
      const bigger = this.make(own.data.length * 2) as T;
      bigger.set(own.data as never);
      own.data = bigger;
    }
    own.data[n] = value;
    own.length = n + 1;
    this.length = n + 1;
  }

  at(i: number): number {
    return this.log.data[i];
  }

  /** This holder's entries, without copying; valid until the next push by any holder. */
  view(): T {
    return this.log.data.subarray(0, this.length) as T;
  }

  /** A holder at the same length sharing the same log. */
  share(): SharedLog<T> {
    const copy = Object.create(SharedLog.prototype) as SharedLog<T>;
    return Object.assign(copy, this);
  }

  /** Bytes of the shared array (capacity), for memory reports. */
  get bytes(): number {
    return this.log.data.byteLength;
  }
}

export const byteLog = (what: string) => new SharedLog<Uint8Array>((n) => new Uint8Array(n), 0xff, what);
export const positionLog = (what: string) =>
  new SharedLog<Uint32Array>((n) => new Uint32Array(n), 0xffffffff, what);
