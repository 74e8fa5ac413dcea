// Linear memory of the machine: 32-bit addresses, zero-initialized, stored as 64 KiB pages created
// on first write so that a program touching a few addresses costs a few pages. Clones share pages
// copy-on-write: the debugger's hundreds of checkpoints cost the pages written between them, not
// every page each.

const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

export class Memory {
  private pages = new Map<number, Uint8Array>();
  /** Pages this memory alone holds (writable in place); the others are shared with clones. */
  private owned = new Set<number>();
  private lastIndex = -1;
  private lastPage: Uint8Array | undefined;
  /** The last page written (owned): stores to it skip the lookups. */
  private lastWriteIndex = -1;
  private lastWritePage: Uint8Array | undefined;

  private page(index: number): Uint8Array | undefined {
    if (index === this.lastIndex) return this.lastPage;
    const p = this.pages.get(index);
    if (p) {
      this.lastIndex = index;
      this.lastPage = p;
    }
    return p;
  }

  private writablePage(index: number): Uint8Array {
    if (index === this.lastWriteIndex) return this.lastWritePage!;
    let p = this.pages.get(index);
    if (!this.owned.has(index)) {
      p = p ? p.slice() : new Uint8Array(PAGE_SIZE);
      this.pages.set(index, p);
      this.owned.add(index);
      if (index === this.lastIndex) this.lastPage = p;
    }
    this.lastWriteIndex = index;
    this.lastWritePage = p!;
    return p!;
  }

  load8(addr: number): number {
    addr >>>= 0;
    const p = this.page(addr >>> PAGE_BITS);
    return p ? p[addr & PAGE_MASK] : 0;
  }

  store8(addr: number, value: number): void {
    addr >>>= 0;
    this.writablePage(addr >>> PAGE_BITS)[addr & PAGE_MASK] = value;
  }

  /** Little-endian load of `n` bytes (1, 2 or 4), unsigned. Addresses wrap at 2^32. */
  load(addr: number, n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v += this.load8((addr + i) >>> 0) * 2 ** (8 * i);
    return v;
  }

  /** Little-endian store of the low `n` bytes of `value`. */
  store(addr: number, value: number, n: number): void {
    for (let i = 0; i < n; i++) this.store8((addr + i) >>> 0, (value >>> (8 * i)) & 0xff);
  }

  /** Copies `length` bytes starting at `addr` (unwritten memory reads as zero). */
  read(addr: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.load8((addr + i) >>> 0);
    return out;
  }

  write(addr: number, bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.store8((addr + i) >>> 0, bytes[i]);
  }

  /** An independent copy: both share every page until one of them writes it. */
  clone(): Memory {
    const m = new Memory();
    m.pages = new Map(this.pages);
    this.owned = new Set();
    this.lastWriteIndex = -1;
    this.lastWritePage = undefined;
    return m;
  }

  /** The pages (index → bytes): two memories hold the same page object only while sharing it. */
  pageEntries(): IterableIterator<[number, Uint8Array]> {
    return this.pages.entries();
  }

  /** Addresses of written pages, for views that list memory. */
  pageAddresses(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b).map((k) => k * PAGE_SIZE);
  }
}

export const MEMORY_PAGE_BYTES = PAGE_SIZE;
