// Attention for gather heads: the key of row j is (2j, −j²), j being the row's position, with
// "latest" ties and no cleared rows. The winner is then the position nearest to qx/qy, which an
// array indexed by position finds in O(1); the hull would hold every row.
import type { TieBreak } from './hull';

export class PositionAttention {
  private rows: Float64Array;
  private count = 0;

  constructor(readonly valueCount: number) {
    this.rows = new Float64Array(1024 * valueCount);
  }

  get size(): number {
    return this.count;
  }

  /** Inserts the row of the next position (positions come in order 0, 1, 2, …). */
  insert(x: number, y: number, values: ArrayLike<number>, seq: number): void {
    if (seq !== this.count || x !== 2 * seq || y !== -seq * seq) {
      throw new Error(`position attention: row ${this.count} got key (${x}, ${y}) at ${seq}`);
    }
    if ((this.count + 1) * this.valueCount > this.rows.length) {
      const bigger = new Float64Array(this.rows.length * 2);
      bigger.set(this.rows);
      this.rows = bigger;
    }
    for (let i = 0; i < this.valueCount; i++) this.rows[this.count * this.valueCount + i] = values[i];
    this.count++;
  }

  /** Score of row j is 2·qx·j − qy·j²; ties go to the later row. */
  query(qx: number, qy: number, tie: TieBreak, out: Float64Array): number {
    const last = this.count - 1;
    if (last < 0) return 0;
    if (tie !== 'latest') throw new Error('position attention answers only latest-tie lookups');
    let j: number;
    if (qy > 0) {
      // The parabola's top is at qx/qy; among integers, round half up (the later row wins a tie).
      j = Math.min(Math.max(Math.floor(qx / qy + 0.5), 0), last);
    } else if (qy === 0) {
      j = qx >= 0 ? last : 0;
    } else {
      // Convex: an end wins; equal scores go to the later end.
      j = 2 * qx * last - qy * last * last >= 0 ? last : 0;
    }
    for (let i = 0; i < this.valueCount; i++) out[i] = this.rows[j * this.valueCount + i];
    return 1;
  }
}
