// The fallback scheduler: every operation as early as its inputs allow (list scheduling in the
// graph's creation order, which is topological), then every neuron read only by persisted sums
// moved to the latest FFN time those sums allow, so it writes into their slots directly instead
// of holding a slot of its own. Valid and instant; not width-optimal.
import type { Graph } from '../graph/graph';
import { dimTimes, graphOps, type Op, type Schedule, validateSchedule } from './plan';

export function scheduleAsap(graph: Graph, keep?: Iterable<number>): Schedule {
  const ops: Op[] = graphOps(graph, keep).sort((a, b) => Math.min(...a.writes) - Math.min(...b.writes));
  const ready = new Map<number, number>();
  for (const d of graph.dims) if (d.kind === 'input') ready.set(d.id, -1);
  const times = ops.map((op) => {
    let after = -1;
    for (const r of op.reads) {
      const t = ready.get(r);
      if (t === undefined)
        throw new Error(`schedule: dimension ${graph.dims[r].name} is read before it is computed`);
      after = Math.max(after, t);
    }
    let t = op.kind === 'persist' ? Math.max(after, 0) : after + 1;
    if (op.kind !== 'persist' && (op.kind === 'reglu') !== (t % 2 === 1)) t++;
    for (const w of op.writes) ready.set(w, t);
    return t;
  });
  const layers = Math.floor(Math.max(...times) / 2) + 1;
  const schedule = { ops, times, layers };
  sinkNeurons(graph, schedule);
  validateSchedule(schedule, graph);
  return schedule;
}

/** Moves each neuron read only by persisted sums to the latest FFN time before all of them. */
function sinkNeurons(graph: Graph, s: { ops: Op[]; times: number[] }): void {
  const at = dimTimes(graph, { ...s, layers: 0 });
  const latest = new Map<number, number>();
  s.ops.forEach((op, i) => {
    for (const r of op.reads) {
      const limit = op.kind === 'persist' ? s.times[i] : -1; // other readers pin the neuron
      latest.set(r, Math.min(latest.get(r) ?? Number.POSITIVE_INFINITY, limit));
    }
  });
  s.ops.forEach((op, i) => {
    if (op.kind !== 'reglu') return;
    const limit = latest.get(op.id);
    if (limit === undefined || limit < 0) return;
    const t = limit % 2 === 1 ? limit : limit - 1;
    if (t > at[op.id]) s.times[i] = t;
  });
}
