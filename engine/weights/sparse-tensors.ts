// Version 2 of the weight file stores each tensor as sparse rows (docs/weight-file.md): R × u32
// entry counts, N × u32 columns (row by row, strictly increasing), 4 zero bytes when R + N is
// odd, N × float64 values. This module writes that layout and checks and expands what a reader
// took from a file; engine/weights/file.ts frames it, and native/src/model.cc reads it by the same
// rules with the same messages.

/**
 * Whether an entry is stored: every double but +0. −0 is stored too, so that a model read back
 * from version 2 has the very doubles version 1 gives, bit for bit.
 */
export const isStored = (v: number): boolean => v !== 0 || Object.is(v, -0);

/** How many entries of a dense tensor version 2 stores. */
export function storedCount(data: Float64Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (isStored(data[i])) n++;
  return n;
}

/** Bytes of R counts and N columns, padded so that the values after them are 8-byte aligned. */
export const indexBytes = (rows: number, nonzeros: number): number =>
  4 * (rows + nonzeros + ((rows + nonzeros) % 2));

/** Bytes one tensor of `rows` rows and `nonzeros` stored entries takes in version 2. */
export const sparseBytes = (rows: number, nonzeros: number): bigint =>
  BigInt(indexBytes(rows, nonzeros)) + 8n * BigInt(nonzeros);

/**
 * Writes a dense [rows, width] tensor at `at` in version 2's layout (`nonzeros` is its
 * storedCount); returns the offset after it.
 */
export function writeSparse(
  view: DataView,
  at: number,
  data: Float64Array,
  rows: number,
  width: number,
  nonzeros: number,
): number {
  let column = at + 4 * rows;
  let value = at + indexBytes(rows, nonzeros);
  for (let r = 0; r < rows; r++) {
    let count = 0;
    for (let c = 0, i = r * width; c < width; c++, i++) {
      const v = data[i];
      if (!isStored(v)) continue;
      view.setUint32(column, c, true);
      view.setFloat64(value, v, true);
      column += 4;
      value += 8;
      count++;
    }
    view.setUint32(at + 4 * r, count, true);
  }
  // The padding, when there is one, is the zero the buffer was allocated with.
  return value;
}

/** One tensor as a reader took it from a version-2 file. */
export interface SparseParts {
  readonly name: string;
  readonly width: number;
  readonly counts: Uint32Array;
  readonly columns: Uint32Array;
  readonly padding: Uint8Array;
  readonly values: Float64Array;
}

/**
 * Writes the entries into `dense` (all zero on entry) and returns the first defect, in the order
 * the native reader checks: the row counts (each within the width, together the declared
 * nonzeros), the padding, then entry by entry its column (inside the width, after the row's
 * previous one) and its value (not +0, finite). On a defect `dense` is left part-filled: the
 * caller refuses the file.
 */
export function expandSparse(p: SparseParts, dense: Float64Array): string | undefined {
  const { name, width, counts, columns, values } = p;
  const nonzeros = values.length;
  let sum = 0;
  for (let r = 0; r < counts.length; r++) {
    if (counts[r] > width)
      return `tensor ${name}: row ${r} has ${counts[r]} entries, more than its ${width} columns`;
    sum += counts[r];
    if (sum > nonzeros)
      return `tensor ${name}: its rows' counts add up to more than the ${nonzeros} nonzeros the header declares`;
  }
  if (sum !== nonzeros)
    return `tensor ${name}: its rows' counts add up to ${sum}, not the ${nonzeros} nonzeros the header declares`;
  if (p.padding.some((b) => b !== 0)) return `tensor ${name}: the padding after its columns is not zero`;
  let k = 0;
  for (let r = 0; r < counts.length; r++) {
    let previous = -1;
    for (const end = k + counts[r]; k < end; k++) {
      const c = columns[k];
      if (c >= width) return `tensor ${name}: row ${r}: column ${c} is outside its ${width} columns`;
      if (c <= previous)
        return `tensor ${name}: row ${r}: column ${c} does not follow column ${previous} (columns must increase)`;
      previous = c;
      const v = values[k];
      const entry = r * width + c;
      if (!isStored(v)) return `tensor ${name}: entry ${entry} is an explicit zero`;
      if (!Number.isFinite(v)) return `tensor ${name}: entry ${entry} is ${v}`;
      dense[entry] = v;
    }
  }
  return undefined;
}
