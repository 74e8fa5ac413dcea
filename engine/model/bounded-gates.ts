// FFN neurons a bound shows to be off, found in the gate weights at load (the native engine's
// native/src/bounded_gates.{h,cc} does the same):
//
//   group the neurons (outside one-hot and guarded groups) by the slot of their largest positive
//     gate weight S and the slots where they weigh −S/2 or less, when S is at least 1024 and 1024
//     times the row's small weights: a machine's neurons switched by one flag;
//   bound(group) = Σ over the union of its rows' slots of max(high·x, low·x) (high and low the
//     largest and smallest weight there over its rows, 0 for a row without the slot), plus a
//     margin for the rounding of every computed gate (2^−40 of Σ magnitude·|x|, + 2^−1000);
//   at or below 0, no row of the group has a computed gate above 0: none fires, none is computed.
//
// The other neurons' distinct gate rows are computed once each (many neurons read `one` alone).
// Skipping a neuron that cannot fire changes no double; the grouping is the weights' alone.

/** Sparse rows, nonzero entries in column order (the engine's own). */
export interface GateRows {
  readonly starts: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
}

/** A group's bound reads the union of its rows' slots: kept small, below the rows it may skip. */
const MAX_UNION = 16;

export class BoundedGates {
  /** The neurons in no group, ascending, and the index of their gate row among `distinct`. */
  readonly loose: Int32Array;
  readonly looseRow: Int32Array;
  /** One neuron per distinct loose gate row: its gate is the gate of every neuron sharing the row. */
  readonly distinct: Int32Array;
  /** Each group's neurons, ascending. */
  readonly members: Int32Array[] = [];
  private readonly column: Int32Array[] = [];
  private readonly high: Float64Array[] = [];
  private readonly low: Float64Array[] = [];
  private readonly magnitude: Float64Array[] = [];

  constructor(gate: GateRows, neurons: ArrayLike<number>) {
    const { starts, cols, vals } = gate;
    const byKey = new Map<string, number[]>();
    const loose: number[] = [];
    for (let k = 0; k < neurons.length; k++) {
      const j = neurons[k];
      let flag = -1;
      let top = 0;
      for (let i = starts[j]; i < starts[j + 1]; i++)
        if (vals[i] > top) {
          top = vals[i];
          flag = cols[i];
        }
      const negative: number[] = [];
      let small = 1;
      for (let i = starts[j]; i < starts[j + 1]; i++) {
        if (vals[i] <= -top / 2) negative.push(cols[i]);
        if (Math.abs(vals[i]) < top / 1024) small = Math.max(small, Math.abs(vals[i]));
      }
      if (flag < 0 || negative.length === 0 || !(top >= 1024 * small)) {
        loose.push(j);
        continue;
      }
      const key = `${flag}:${negative.join(',')}`;
      const rows = byKey.get(key);
      if (rows) rows.push(j);
      else byKey.set(key, [j]);
    }
    for (const rows of byKey.values()) {
      const slots = new Set<number>();
      for (const j of rows) for (let i = starts[j]; i < starts[j + 1]; i++) slots.add(cols[i]);
      if (rows.length < 2 || slots.size > MAX_UNION) {
        loose.push(...rows);
        continue;
      }
      const column = Int32Array.from([...slots].sort((a, b) => a - b));
      const high = new Float64Array(column.length).fill(-Infinity);
      const low = new Float64Array(column.length).fill(Infinity);
      column.forEach((slot, t) => {
        for (const j of rows) {
          let w = 0; // a row without the slot weighs 0 there
          for (let i = starts[j]; i < starts[j + 1]; i++) if (cols[i] === slot) w = vals[i];
          high[t] = Math.max(high[t], w);
          low[t] = Math.min(low[t], w);
        }
      });
      this.members.push(Int32Array.from(rows));
      this.column.push(column);
      this.high.push(high);
      this.low.push(low);
      this.magnitude.push(high.map((h, t) => Math.max(Math.abs(h), Math.abs(low[t]))));
    }
    loose.sort((a, b) => a - b);
    const distinct: number[] = [];
    const rowOf = new Map<string, number>();
    this.loose = Int32Array.from(loose);
    this.looseRow = Int32Array.from(loose, (j) => {
      const parts: number[] = [];
      for (let i = starts[j]; i < starts[j + 1]; i++) parts.push(cols[i], vals[i]);
      const key = parts.join(',');
      let r = rowOf.get(key);
      if (r === undefined) {
        r = distinct.length;
        rowOf.set(key, r);
        distinct.push(j);
      }
      return r;
    });
    this.distinct = Int32Array.from(distinct);
  }

  get groups(): number {
    return this.members.length;
  }

  /** Whether group g's bound shows that none of its rows fires for residual x (false on NaN). */
  off(g: number, x: Float64Array): boolean {
    const column = this.column[g];
    const high = this.high[g];
    const low = this.low[g];
    const magnitude = this.magnitude[g];
    let u = 0;
    let a = 0;
    for (let t = 0; t < column.length; t++) {
      const v = x[column[t]];
      u += v >= 0 ? high[t] * v : low[t] * v;
      a += magnitude[t] * Math.abs(v);
    }
    return u + (a * 2 ** -40 + 2 ** -1000) <= 0;
  }
}
