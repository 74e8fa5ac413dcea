// What an engine's attention heads selected at every position of a run, for the debugger's
// Attention view at any earlier step, in bounded memory. The three engines record the same rows
// in the same encoding (the native engine in C++, the JS engine and the graph evaluator through
// engine/attention/selection-rows.ts):
//
//   engine:  a row per position, encoded, in blocks of 16,384 positions
//   pull():  finished blocks taken from the engine, deflated (zlib level 1), kept here
//   at(p):   the block holding p inflated (the last one stays inflated) and decoded by the engine
//
// The encoded rows are second differences, mostly zeros that repeat with the program's loops, so
// deflate keeps about 3–4 bytes per position (docs/native-engine.md, "Where the memory goes").
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { RecordedSelections, SelectionRecording } from '../attention/selection-rows';

export type { SelectionRecording };

interface PackedBlock {
  readonly start: number;
  readonly count: number;
  readonly packed: Buffer;
}

export class SelectionLog {
  private readonly blocks: PackedBlock[] = [];
  private packedBytes = 0;
  private inflated?: { readonly start: number; readonly bytes: Uint8Array };

  /** Starts recording on `engine` from its next position. */
  constructor(
    private readonly engine: SelectionRecording,
    options?: { readonly block?: number },
  ) {
    engine.recordSelections(true, options);
  }

  /** Takes the engine's finished blocks and keeps them deflated; cheap when there are none. */
  pull(): void {
    for (const b of this.engine.takeSelectionBlocks()) {
      const last = this.blocks[this.blocks.length - 1];
      if (last && last.start + last.count > b.start)
        throw new Error(
          `selection log: block at ${b.start} overlaps the one ending at ${last.start + last.count}`,
        );
      const packed = deflateRawSync(b.bytes, { level: 1 });
      this.blocks.push({ start: b.start, count: b.count, packed });
      this.packedBytes += packed.byteLength;
    }
  }

  /** What the recorded heads selected at `position`, if it was recorded (the engine must be idle). */
  at(position: number): RecordedSelections | undefined {
    this.pull();
    const block = this.find(position);
    if (!block) return this.engine.selectionsAt(position);
    if (this.inflated?.start !== block.start)
      this.inflated = { start: block.start, bytes: inflateRawSync(block.packed) };
    return this.engine.decodeSelections(this.inflated.bytes, block.start, position);
  }

  /** Bytes kept here: the deflated blocks, and the one inflated block. */
  get bytes(): number {
    return this.packedBytes + (this.inflated?.bytes.byteLength ?? 0);
  }

  /** The kept block holding `position` (blocks are in order and contiguous). */
  private find(position: number): PackedBlock | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid];
      if (position < b.start) hi = mid - 1;
      else if (position >= b.start + b.count) lo = mid + 1;
      else return b;
    }
    return undefined;
  }
}
