// A cursor over a WebAssembly binary: LEB128 integers, names and bounds checks that say where
// the module is malformed instead of reading garbage.

export class WasmFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte offset 0x${offset.toString(16)})`);
    this.name = 'WasmFormatError';
  }
}

export class ByteReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  fail(message: string): never {
    throw new WasmFormatError(message, this.pos);
  }

  u8(): number {
    if (this.pos >= this.end) this.fail('unexpected end of data');
    return this.bytes[this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32le(): number {
    return (this.u8() | (this.u8() << 8) | (this.u8() << 16) | (this.u8() << 24)) >>> 0;
  }

  /** Unsigned LEB128 up to 32 bits. */
  leb(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      if (shift < 32) result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) break;
      if (shift > 63) this.fail('LEB128 integer too long');
    }
    return result >>> 0 === result ? result : result % 2 ** 32;
  }

  /** Signed LEB128, returned as a 32-bit two's complement number (wrapping like i32). */
  sleb32(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.u8();
      if (shift < 32) result |= (b & 0x7f) << shift;
      shift += 7;
      if (shift > 70) this.fail('LEB128 integer too long');
    } while (b & 0x80);
    if (shift < 32 && b & 0x40) result |= -1 << shift;
    return result | 0;
  }

  /** Signed LEB128 up to 64 bits, as a bigint (for i64.const immediates we only need to skip). */
  sleb64(): bigint {
    let result = 0n;
    let shift = 0n;
    let b: number;
    do {
      b = this.u8();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (shift > 70n) this.fail('LEB128 integer too long');
    } while (b & 0x80);
    if (b & 0x40) result -= 1n << shift;
    return BigInt.asIntN(64, result);
  }

  bytesN(n: number): Uint8Array {
    if (this.pos + n > this.end) this.fail(`expected ${n} bytes, only ${this.end - this.pos} left`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  name(): string {
    return new TextDecoder().decode(this.bytesN(this.leb()));
  }

  /** NUL-terminated string (DWARF). */
  cstring(): string {
    const start = this.pos;
    while (this.u8() !== 0) {
      /* scan */
    }
    return new TextDecoder().decode(this.bytes.subarray(start, this.pos - 1));
  }
}

/** One section of a module: its id, its name for custom sections, and its payload's byte range. */
export interface SectionSpan {
  readonly id: number;
  readonly name?: string;
  readonly start: number;
  readonly end: number;
}

/** Splits a module into sections, checking the header. */
export function readSections(bytes: Uint8Array): SectionSpan[] {
  const r = new ByteReader(bytes);
  if (bytes.length < 8 || r.u32le() !== 0x6d736100) r.fail('not a WebAssembly module (bad magic number)');
  const version = r.u32le();
  if (version !== 1) r.fail(`unsupported WebAssembly version ${version}`);
  const sections: SectionSpan[] = [];
  while (!r.atEnd) {
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    const end = start + size;
    if (end > bytes.length) r.fail(`section ${id} runs past the end of the module`);
    if (id === 0) {
      const name = new ByteReader(bytes, start, end).name();
      const payload = new ByteReader(bytes, start, end);
      payload.name();
      sections.push({ id, name, start: payload.pos, end });
    } else {
      sections.push({ id, start, end });
    }
    r.pos = end;
  }
  return sections;
}
