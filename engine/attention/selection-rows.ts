// The selection log's rows in TypeScript, byte for byte the encoding of native/src/selection_log.cc,
// so the JS engine and the graph evaluator record what their heads selected in the native engine's
// form and SelectionLog (engine/model/selection-log.ts) keeps the blocks of all three engines the same way:
//
//   row(p)[i] = p − selected position (lookup, gather) or the tie count (average), per head i
//   stored:     zigzag varints of the second difference along p, head by head
//   blocks:     a block restarts the differences, so it decodes alone
//
// SelectionRecorder is what an engine holds: the heads it records (in the native engine's order,
// layer by layer), the row of the position just fed, and the blocks not yet taken; RecordingEngine
// is the SelectionRecording half of the two TypeScript engines, written once.
//
// It lives with the attention, below both users (engine/machine's graph evaluator and
// engine/model's engines; engine/weights, between them, is built from engine/machine), so it names
// the few things it needs of a model's heads instead of importing engine/weights' types.

/** What the recorded heads selected at one position (every engine's answer, native included). */
export interface RecordedSelections {
  readonly heads: readonly (readonly [layer: number, head: number])[];
  readonly selected: Int32Array;
}

/** Positions start … start + count − 1 of the selection log, encoded (native/src/selection_log.h). */
export interface SelectionBlock {
  readonly start: number;
  readonly count: number;
  readonly bytes: Uint8Array;
}

/** An engine that records its selections (NativeEngine, JsEngine, MachineRunner). */
export interface SelectionRecording {
  /** Records from the next position fed (on), or stops and ends the block being written. */
  recordSelections(on: boolean, options?: { readonly block?: number }): void;
  /** The finished blocks, handed over in order. */
  takeSelectionBlocks(): SelectionBlock[];
  /** What the recorded heads selected at a position whose block the engine still holds. */
  selectionsAt(position: number): RecordedSelections | undefined;
  /** The same from a block taken earlier: its bytes, and `start`, its first position. */
  decodeSelections(bytes: Uint8Array, start: number, position: number): RecordedSelections | undefined;
}

/** What recordedHeads reads of a head (engine/weights/model.ts HeadInfo has it). */
export interface HeadKindAndTie {
  /** 'lookup', 'gather', 'average', 'passthrough' or 'unused'. */
  readonly kind: string;
  readonly tie: string;
}

/** The heads an engine records: lookup, gather and average heads, in layer and head order. */
export interface RecordedHead {
  readonly layer: number;
  readonly head: number;
  readonly average: boolean;
}

/** The recorded heads of a model (the same list and order as the native engine's). */
export function recordedHeads(
  layers: readonly { readonly heads: readonly HeadKindAndTie[] }[],
): RecordedHead[] {
  const out: RecordedHead[] = [];
  layers.forEach((l, layer) => {
    l.heads.forEach((h, head) => {
      if (h.kind === 'lookup' || h.kind === 'gather' || h.kind === 'average')
        out.push({ layer, head, average: h.tie === 'average' });
    });
  });
  return out;
}

/** Default rows per block, as the native engine's. */
export const DEFAULT_BLOCK_ROWS = 16_384;
const TWO_31 = 2 ** 31;

/** One block being written: varints appended to a growing byte array. */
class BlockWriter {
  bytes = new Uint8Array(4096);
  size = 0;
  count = 0;

  constructor(readonly start: number) {}

  put(v: number): void {
    // Zigzag, then LEB128; the fast path for |v| < 2^30 stays in 32-bit integers.
    let z = v < 0 ? -2 * v - 1 : 2 * v;
    if (this.size + 10 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    while (z >= TWO_31) {
      this.bytes[this.size++] = (z % 128) | 0x80;
      z = Math.floor(z / 128);
    }
    while (z >= 0x80) {
      this.bytes[this.size++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    this.bytes[this.size++] = z;
  }

  block(): SelectionBlock {
    return { start: this.start, count: this.count, bytes: this.bytes.slice(0, this.size) };
  }
}

/**
 * The row at `position` of a block's bytes starting at `start`, rows of `width` values; undefined
 * if the bytes do not hold it (SelectionLog::decode).
 */
export function decodeRow(
  bytes: Uint8Array,
  width: number,
  start: number,
  position: number,
): number[] | undefined {
  if (position < start || !Number.isSafeInteger(position)) return undefined;
  const difference = new Array<number>(width).fill(0);
  const row = new Array<number>(width).fill(0);
  let at = 0;
  for (let p = start; p <= position; p++)
    for (let i = 0; i < width; i++) {
      let z = 0;
      let scale = 1;
      for (;;) {
        if (at >= bytes.length || scale > 2 ** 63) return undefined;
        const b = bytes[at++];
        z += (b & 0x7f) * scale;
        if (!(b & 0x80)) break;
        scale *= 128;
      }
      difference[i] += z % 2 === 1 ? -(z + 1) / 2 : z / 2;
      row[i] += difference[i];
    }
  return row;
}

/** An engine's recording: the row of the position just fed goes in `row`, then append(). */
export class SelectionRecorder {
  readonly heads: readonly (readonly [layer: number, head: number])[];
  private readonly average: Uint8Array;
  /** The row of the position being recorded (filled by the engine before append()). */
  readonly row: Float64Array;
  private readonly previous: Float64Array;
  private readonly difference: Float64Array;
  private current?: BlockWriter;
  private blockRows = DEFAULT_BLOCK_ROWS;
  private finished: SelectionBlock[] = [];

  constructor(heads: readonly RecordedHead[]) {
    this.heads = heads.map((h) => [h.layer, h.head] as const);
    this.average = Uint8Array.from(heads, (h) => (h.average ? 1 : 0));
    this.row = new Float64Array(heads.length);
    this.previous = new Float64Array(heads.length);
    this.difference = new Float64Array(heads.length);
  }

  get recording(): boolean {
    return this.current !== undefined;
  }

  /** Whether head i is an average head (its row value is a tie count, not a distance back). */
  isAverage(i: number): boolean {
    return this.average[i] === 1;
  }

  /** Starts (from `position`) or stops recording; stopping ends the block being written. */
  record(on: boolean, position: number, options?: { readonly block?: number }): void {
    if (on && !this.current) {
      const block = options?.block ?? DEFAULT_BLOCK_ROWS;
      if (!Number.isInteger(block) || block < 1 || block > 2 ** 20)
        throw new RangeError(`recordSelections: block must be an integer from 1 to ${2 ** 20}`);
      this.blockRows = block;
      this.finished = [];
      this.restart(position);
    } else if (!on && this.current) {
      if (this.current.count > 0) this.finished.push(this.current.block());
      this.current = undefined;
    }
  }

  /** Appends `row` as the next position's. */
  append(): void {
    const w = this.current;
    if (!w) return;
    const { row, previous, difference } = this;
    for (let i = 0; i < row.length; i++) {
      const d = row[i] - previous[i];
      w.put(d - difference[i]);
      previous[i] = row[i];
      difference[i] = d;
    }
    if (++w.count === this.blockRows) {
      this.finished.push(w.block());
      this.restart(w.start + w.count);
    }
  }

  /** The finished blocks not taken yet, in order; the recorder forgets them. */
  take(): SelectionBlock[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  /** What the heads selected at a position the recorder still holds. */
  at(position: number): RecordedSelections | undefined {
    const c = this.current;
    if (c && position >= c.start && position < c.start + c.count)
      return this.decode(c.bytes.subarray(0, c.size), c.start, position);
    for (const b of this.finished)
      if (position >= b.start && position < b.start + b.count) return this.decode(b.bytes, b.start, position);
    return undefined;
  }

  /** The same from a block taken earlier (its bytes, and `start`, its first position). */
  decode(bytes: Uint8Array, start: number, position: number): RecordedSelections | undefined {
    if (this.heads.length === 0) return undefined;
    const row = decodeRow(bytes, this.heads.length, start, position);
    if (!row) return undefined;
    const selected = Int32Array.from(row, (v, i) => (this.average[i] ? v : position - v));
    return { heads: this.heads, selected };
  }

  /** Bytes held: the block being written and the finished ones not taken. */
  get bytes(): number {
    let n = this.current?.bytes.byteLength ?? 0;
    for (const b of this.finished) n += b.bytes.byteLength;
    return n;
  }

  private restart(position: number): void {
    this.current = new BlockWriter(position);
    this.previous.fill(0);
    this.difference.fill(0);
  }
}

/**
 * The SelectionRecording half of an engine that records through a SelectionRecorder (JsEngine,
 * MachineRunner): the engine says which heads it records (newRecorder) and where it stands
 * (nextPosition), and after each position it fills the recorder's row while `recording`.
 */
export abstract class RecordingEngine implements SelectionRecording {
  /** What the heads selected at every position, when recording; made at first use. */
  protected recorder?: SelectionRecorder;
  /** True while recording: the one check feed() makes when it is off. */
  protected recording = false;

  /** The recorder for the heads this engine reports (called once, at first use). */
  protected abstract newRecorder(): SelectionRecorder;

  /** The position the next token fed will take. */
  protected abstract nextPosition(): number;

  /**
   * Records what the heads select at every position fed from now on, in the native engine's
   * encoding; SelectionLog takes and keeps the blocks.
   */
  recordSelections(on: boolean, options?: { readonly block?: number }): void {
    this.selectionRecorder().record(on, this.nextPosition(), options);
    this.recording = on;
  }

  takeSelectionBlocks(): SelectionBlock[] {
    return this.recorder?.take() ?? [];
  }

  selectionsAt(position: number): RecordedSelections | undefined {
    return this.recorder?.at(position);
  }

  decodeSelections(bytes: Uint8Array, start: number, position: number): RecordedSelections | undefined {
    return this.selectionRecorder().decode(bytes, start, position);
  }

  protected selectionRecorder(): SelectionRecorder {
    this.recorder ??= this.newRecorder();
    return this.recorder;
  }
}
