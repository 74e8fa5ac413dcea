// What a schedule decides and what every scheduler (heuristic, MILP) must respect.
//
// A transformer layer has two phases: attention (the lookups, and the persisted sums, which
// passthrough heads copy into their slots), then the feed-forward network (the ReGLU neurons).
// Time t = 2·layer for attention and 2·layer + 1 for the FFN; a value computed at time t can be
// read from time t + 1 on.
//
// Persisted sums keep slots of their own. Folding them into the rows that read them would save
// slots but change the arithmetic: a sum like `b − 2^32·sign(b)` folded over the two neurons of
// the step function becomes terms of 2^63 that cancel, and float64 loses the small result.
import type { Expr } from '../graph/expr';
import type { Graph } from '../graph/graph';

/** An operation the schedule places. */
export interface Op {
  readonly kind: 'lookup' | 'reglu' | 'persist';
  /** Lookup index, or dimension id for reglu / persist. */
  readonly id: number;
  /** Dimensions (slotted ones) this operation reads. */
  readonly reads: readonly number[];
  /** Dimensions it writes. */
  readonly writes: readonly number[];
}

export interface Schedule {
  /** Time of each op, in `ops` order. */
  readonly times: readonly number[];
  readonly ops: readonly Op[];
  readonly layers: number;
}

/**
 * The operations to schedule, in a fixed order (lookups, then neurons and persisted sums in
 * creation order). Every persisted sum keeps a slot of its own (see above), so an op reads
 * exactly the dimensions its expressions name.
 */
export function graphOps(graph: Graph): Op[] {
  const reads = (...es: (Expr | undefined)[]) => {
    const s = new Set<number>();
    for (const e of es) if (e) for (const id of e.terms.keys()) s.add(id);
    return [...s];
  };
  const ops: Op[] = graph.lookups.map((l) => {
    const clear = l.clear ? [...l.clear.terms] : [];
    if (l.clear && (clear.length !== 1 || clear[0][1] !== 1)) {
      // A key multiplies the flag by a huge constant, which cancels exactly only for one slot.
      throw new Error(`lookup ${l.name}: its clear flag must be a single dimension (persist it)`);
    }
    return {
      kind: 'lookup' as const,
      id: l.id,
      reads: reads(l.query[0], l.query[1], l.key[0], l.key[1], l.clear, ...l.values),
      writes: l.dims,
    };
  });
  for (const d of graph.dims) {
    if (d.kind === 'reglu') ops.push({ kind: 'reglu', id: d.id, reads: reads(d.a, d.b), writes: [d.id] });
    if (d.kind === 'persist') ops.push({ kind: 'persist', id: d.id, reads: reads(d.e), writes: [d.id] });
  }
  return ops;
}

/** Checks a schedule: every op after what it reads, lookups in attention, neurons in the FFN. */
export function validateSchedule(s: Schedule, graph: Graph): void {
  const ready = new Map<number, number>();
  for (const d of graph.dims) if (d.kind === 'input') ready.set(d.id, -1);
  s.ops.forEach((op, i) => {
    for (const w of op.writes) ready.set(w, s.times[i]);
  });
  s.ops.forEach((op, i) => {
    const t = s.times[i];
    if ((op.kind !== 'reglu') !== (t % 2 === 0))
      throw new Error(`schedule: ${op.kind} ${op.id} at time ${t}, wrong phase`);
    for (const r of op.reads) {
      const rt = ready.get(r);
      if (rt === undefined || rt >= t)
        throw new Error(`schedule: ${op.kind} ${op.id} at ${t} reads dimension ${r} ready at ${rt}`);
    }
  });
}
