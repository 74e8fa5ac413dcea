// Residual slots with reuse. A value occupies a slot from the first sublayer that writes it to the
// last sublayer that reads it from the residual stream (plan.ts: residency); a neuron or lookup
// value that only feeds persisted sums written at its own time needs no slot at all. After its
// last read the slot can take another value. The residual stream only adds, so the old value is
// erased when the new one is first written: half a passthrough head in attention, one neuron
// (old·relu(one), added negated) in the FFN. Slots are handed out greedily in time order, never-used
// slots first, then slots whose value is dead, then new ones.
import type { Graph } from '../graph/graph';
import { residency, type Schedule } from '../schedule/plan';

export interface SlotPlan {
  readonly dModel: number;
  /** Slot of every slotted dimension. */
  readonly slotOf: ReadonlyMap<number, number>;
  /** Slots whose old value must be erased at a time (when the new value is first written). */
  readonly erases: readonly { readonly time: number; readonly slot: number; readonly writer: number }[];
  /** Per layer: the name of the live value in each slot after the layer ('' when none). */
  readonly names: readonly string[][];
}

export interface SlotOptions {
  /**
   * Whether a slot may be reused by erasing it in an attention sublayer (half a passthrough head)
   * when no slot is free by the FFN sublayer before; if not, the value takes a new slot instead.
   * A specialized model prefers the wider residual stream: its heads cost more per token than
   * its slots do.
   */
  readonly attentionErases?: boolean;
}

export function planSlots(
  graph: Graph,
  schedule: Schedule,
  finalReads: Iterable<number>,
  options: SlotOptions = {},
): SlotPlan {
  const { written, lastRead } = residency(graph, schedule, finalReads);
  // Every input has a slot (the embedding writes it), read or not.
  const slotted = [...written.entries()].filter(
    ([id]) => lastRead.has(id) || graph.dims[id].kind === 'input',
  );
  const lastUse = (id: number) => lastRead.get(id) ?? written.get(id)!;
  const writes = slotted.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const slotOf = new Map<number, number>();
  const holder: number[] = []; // per slot: the dimension written last, or -1
  const erases: { time: number; slot: number; writer: number }[] = [];
  for (const [id, t] of writes) {
    let slot = holder.indexOf(-1);
    if (slot < 0 && t >= 1 && t % 2 === 0) {
      // A value first written by attention: erase a slot in the FFN sublayer before, when its
      // value is dead by then. An erase neuron costs an engine two one-entry rows; an erase
      // in attention costs half a passthrough head (query, key and value rows and a position
      // cache), several times more per token.
      slot = holder.findIndex((h) => lastUse(h) <= t - 1 && written.get(h)! < t - 1);
      if (slot >= 0) erases.push({ time: t - 1, slot, writer: id });
    }
    if (slot < 0 && t >= 0 && (t % 2 === 1 || options.attentionErases !== false)) {
      // A slot whose value is read for the last time no later than this sublayer (it reads its
      // input), and not a value first written in this same sublayer.
      slot = holder.findIndex((h) => lastUse(h) <= t && written.get(h)! < t);
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
    names.push(current.map((id) => (id >= 0 && lastUse(id) > end ? graph.dims[id].name : '')));
  }
  return { dModel: holder.length, slotOf, erases, names };
}
