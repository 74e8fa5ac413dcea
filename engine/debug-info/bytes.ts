// Reading the bytes of a C value from where it is (memory, a value, pieces) and turning them
// into integers. The value formatter and the C expression evaluator both read through here.
import type { Place } from './model';

/** Linear memory of the stopped machine: `n` bytes at `address`, or undefined when out of range. */
export type MemoryReader = (address: number, n: number) => Uint8Array | undefined;

/** Why a value's bytes could not be read, as a debugger shows it. */
export class ValueUnavailable extends Error {}

/**
 * `size` bytes of a value at `place`, starting `offset` bytes in. Throws ValueUnavailable with
 * `<optimized out>` or the reason it cannot be read.
 */
export function readPlace(place: Place, offset: number, size: number, memory: MemoryReader): Uint8Array {
  switch (place.kind) {
    case 'memory': {
      const address = place.address + offset;
      const bytes = address >= 0 && address + size <= 0x1_0000_0000 ? memory(address, size) : undefined;
      if (!bytes)
        throw new ValueUnavailable(`<cannot read ${size} bytes at 0x${(address >>> 0).toString(16)}>`);
      return bytes;
    }
    case 'value': {
      const out = new Uint8Array(size);
      out.set(
        place.bytes.subarray(
          Math.min(offset, place.bytes.length),
          Math.min(offset + size, place.bytes.length),
        ),
      );
      return out;
    }
    case 'pieces': {
      const out = new Uint8Array(size);
      let at = 0; // offset of the current piece within the object
      for (const piece of place.pieces) {
        const from = Math.max(offset, at);
        const to = Math.min(offset + size, at + piece.size);
        if (from < to) {
          if (!piece.place) throw new ValueUnavailable('<optimized out>');
          out.set(readPlace(piece.place, from - at, to - from, memory), from - offset);
        }
        at += piece.size;
      }
      if (at < offset + size) throw new ValueUnavailable('<optimized out>');
      return out;
    }
    case 'optimized-out':
      throw new ValueUnavailable('<optimized out>');
    case 'unavailable':
      throw new ValueUnavailable(`<unavailable: ${place.reason}>`);
  }
}

/** Little-endian bytes as an integer, sign-extended when `signed`. */
export function integerOf(bytes: Uint8Array, signed: boolean): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return signed && bytes.length ? BigInt.asIntN(bytes.length * 8, v) : v;
}

/** An integer as `size` little-endian bytes (two's complement, truncated). */
export function bytesOf(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let v = BigInt.asUintN(size * 8, value);
  for (let i = 0; i < size; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
