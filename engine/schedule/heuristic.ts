// The fallback scheduler: every operation as early as its inputs allow (list scheduling in the
// graph's creation order, which is topological). Valid and instant; not width-optimal.
import type { Graph } from '../graph/graph';
import { graphOps, type Op, type Schedule, validateSchedule } from './plan';

export function scheduleAsap(graph: Graph): Schedule {
  const ops: Op[] = graphOps(graph).sort((a, b) => Math.min(...a.writes) - Math.min(...b.writes));
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
    let t = after + 1;
    if ((op.kind !== 'reglu') !== (t % 2 === 0)) t++;
    for (const w of op.writes) ready.set(w, t);
    return t;
  });
  const layers = Math.floor(Math.max(...times) / 2) + 1;
  const schedule = { ops, times, layers };
  validateSchedule(schedule, graph);
  return schedule;
}
