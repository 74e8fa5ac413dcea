// Residual slots with reuse. A value occupies a slot from the phase that writes it to the last
// phase that reads it; after that the slot can take another value. The residual stream only adds,
// so the old value is erased in the phase of the new write: by the new value's own passthrough
// row when it is a persisted sum (free), else by an erase: half a passthrough head in attention,
// two neurons (−relu(old) + relu(−old)) in the FFN. Slots are handed out greedily in time order,
// never-used slots first, then slots whose value is dead, then new ones.
import type { Graph } from '../graph/graph';
import type { Schedule } from '../schedule/plan';

export interface SlotPlan {
  readonly dModel: number;
  /** Slot of every slotted dimension. */
  readonly slotOf: ReadonlyMap<number, number>;
  /** Slots whose old value must be erased at a time (the phase of the new write). */
  readonly erases: readonly { readonly time: number; readonly slot: number; readonly writer: number }[];
  /** Per layer: the name of the live value in each slot after the layer ('' when none). */
  readonly names: readonly string[][];
}

export function planSlots(graph: Graph, schedule: Schedule, finalReads: Iterable<number>): SlotPlan {
  const endTime = 2 * schedule.layers;
  const written = new Map<number, number>();
  const lastRead = new Map<number, number>();
  const read = (id: number, t: number) => lastRead.set(id, Math.max(lastRead.get(id) ?? -1, t));
  for (const d of graph.dims) if (d.kind === 'input') written.set(d.id, -1);
  schedule.ops.forEach((op, i) => {
    for (const w of op.writes) written.set(w, schedule.times[i]);
    for (const r of op.reads) read(r, schedule.times[i]);
  });
  for (const id of finalReads) read(id, endTime);
  for (const [id, t] of written) read(id, t); // a value nobody reads still lands in a slot

  const writes = [...written.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const slotOf = new Map<number, number>();
  const holder: number[] = []; // per slot: the dimension written last, or -1
  const erases: { time: number; slot: number; writer: number }[] = [];
  for (const [id, t] of writes) {
    let slot = holder.indexOf(-1);
    if (slot < 0 && t >= 0) {
      // A slot whose value is read for the last time no later than this phase.
      // (Not a value written in this same phase: the erase reads the phase's input.)
      slot = holder.findIndex((h) => lastRead.get(h)! <= t && written.get(h)! < t);
      if (slot >= 0) erases.push({ time: t, slot, writer: id });
    }
    if (slot < 0) {
      slot = holder.length;
      holder.push(-1);
    }
    holder[slot] = id;
    slotOf.set(id, slot);
  }

  // Names per layer: replay the writes and report live values.
  const names: string[][] = [];
  const current: number[] = new Array(holder.length).fill(-1);
  let k = 0;
  for (let layer = 0; layer < schedule.layers; layer++) {
    const end = 2 * layer + 1;
    for (; k < writes.length && writes[k][1] <= end; k++) current[slotOf.get(writes[k][0])!] = writes[k][0];
    names.push(current.map((id) => (id >= 0 && lastRead.get(id)! > end ? graph.dims[id].name : '')));
  }
  return { dModel: holder.length, slotOf, erases, names };
}
