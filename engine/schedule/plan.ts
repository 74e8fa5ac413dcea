// What a schedule decides and what every scheduler (heuristic, MILP) must respect.
//
// A transformer layer has two sublayers: attention (the lookups), then the feed-forward network
// (the ReGLU neurons). Time t = 2·layer for attention and 2·layer + 1 for the FFN; a value computed
// at time t is in the residual stream from time t + 1 on.
//
// A persisted sum P = Σ c·x gets a residual slot of its own, and costs no time: the residual stream
// only adds, so P's slot is written by the sublayers that produce its terms. At time T (either
// sublayer), with A = T rounded down to an attention time:
// - a neuron term computed at T (an FFN time) writes c·x into P's slot through its down row;
// - a lookup term computed at A writes c·x through its head's output row;
// - a persisted term computed at A or T is expanded into its own terms;
// - any other term is older, and a passthrough head copies c·x into P's slot at A.
// So P may run at the time of its latest term, and every term must be ready by T.
//
// Folding P into the rows that READ it instead would save its slot but change the arithmetic: a
// sum like `b − 2^32·sign(b)` folded over the two neurons of a step function becomes terms of
// 2^63 that cancel, and float64 loses the small result. So persisted sums keep their slots.
import type { Expr } from '../graph/expr';
import type { Graph } from '../graph/graph';

/** An operation the schedule places. */
export interface Op {
  readonly kind: 'lookup' | 'reglu' | 'persist';
  /** Lookup index, or dimension id for reglu / persist. */
  readonly id: number;
  /** Dimensions this operation's expressions name. */
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

/** The attention time a persisted sum at time t copies older terms in. */
export const copyTime = (t: number) => t - (t % 2);

/**
 * The operations to schedule, in a fixed order (lookups, then neurons and persisted sums in
 * creation order). With `keep` (dimensions read after the last layer), only the operations
 * those dimensions depend on; with none given, all of them.
 */
export function graphOps(graph: Graph, keep?: Iterable<number>): Op[] {
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
  const stack = [...(keep ?? [])];
  if (!stack.length) return ops;
  const writer = new Map<number, Op>();
  for (const op of ops) for (const w of op.writes) writer.set(w, op);
  const needed = new Set<Op>();
  const seen = new Set<number>(stack);
  while (stack.length) {
    const op = writer.get(stack.pop()!);
    if (!op || needed.has(op)) continue;
    needed.add(op);
    for (const r of op.reads) {
      if (seen.has(r)) continue;
      seen.add(r);
      stack.push(r);
    }
  }
  return ops.filter((op) => needed.has(op));
}

/** The time every dimension is computed at (inputs: −1), under a schedule. */
export function dimTimes(graph: Graph, s: Schedule): Int32Array {
  const times = new Int32Array(graph.dims.length).fill(-2);
  for (const d of graph.dims) if (d.kind === 'input') times[d.id] = -1;
  s.ops.forEach((op, i) => {
    for (const w of op.writes) times[w] = s.times[i];
  });
  return times;
}

/** One term's way into a persisted sum's slot. */
export interface Contribution {
  /** The sublayer that writes it. */
  readonly time: number;
  readonly dim: number;
  readonly coefficient: number;
  /** A neuron's down row, a lookup head's output row, or a passthrough copy of the dim's slot. */
  readonly via: 'neuron' | 'head' | 'copy';
}

/** How the persisted sum `dim` is written, given when every dimension is computed. */
export function contributions(graph: Graph, dim: number, times: ArrayLike<number>): Contribution[] {
  const T = times[dim];
  const A = copyTime(T);
  const merged = new Map<string, Contribution>();
  const add = (c: Contribution) => {
    const key = `${c.via}:${c.dim}`;
    const old = merged.get(key);
    merged.set(key, old ? { ...old, coefficient: old.coefficient + c.coefficient } : c);
  };
  const expand = (id: number, factor: number) => {
    for (const [x, c] of graph.dims[id].e!.terms) {
      const d = graph.dims[x];
      const t = times[x];
      if (d.kind === 'reglu' && t === T) add({ time: T, dim: x, coefficient: c * factor, via: 'neuron' });
      else if (d.kind === 'lookup' && t >= A) add({ time: t, dim: x, coefficient: c * factor, via: 'head' });
      else if (d.kind === 'persist' && t >= A) expand(x, c * factor);
      else add({ time: A, dim: x, coefficient: c * factor, via: 'copy' });
    }
  };
  expand(dim, 1);
  return [...merged.values()].filter((c) => c.coefficient !== 0);
}

/** When each slotted value is in the residual stream: its first write and its last read. */
export interface Residency {
  /** The first sublayer that writes (part of) the value. */
  readonly written: ReadonlyMap<number, number>;
  /** The last sublayer that reads the value from the residual stream (the end for final reads). */
  readonly lastRead: ReadonlyMap<number, number>;
}

export function residency(graph: Graph, s: Schedule, finalReads: Iterable<number>): Residency {
  const times = dimTimes(graph, s);
  const written = new Map<number, number>();
  const lastRead = new Map<number, number>();
  const read = (id: number, t: number) => lastRead.set(id, Math.max(lastRead.get(id) ?? -1, t));
  for (const d of graph.dims) if (d.kind === 'input') written.set(d.id, -1);
  s.ops.forEach((op, i) => {
    const t = s.times[i];
    if (op.kind === 'persist') {
      const parts = contributions(graph, op.id, times);
      written.set(op.id, Math.min(t, ...parts.map((c) => c.time)));
      for (const c of parts) if (c.via === 'copy') read(c.dim, c.time);
    } else {
      for (const w of op.writes) written.set(w, t);
      for (const r of op.reads) read(r, t);
    }
  });
  for (const id of finalReads) read(id, 2 * s.layers);
  return { written, lastRead };
}

/** Checks a schedule: phases, and every op after what it reads (persisted sums: not before). */
export function validateSchedule(s: Schedule, graph: Graph): void {
  const ready = dimTimes(graph, s);
  s.ops.forEach((op, i) => {
    const t = s.times[i];
    const phaseOk = op.kind === 'persist' || (op.kind === 'reglu') === (t % 2 === 1);
    if (!phaseOk || t < 0 || t >= 2 * s.layers)
      throw new Error(`schedule: ${op.kind} ${op.id} at time ${t}, wrong phase`);
    for (const r of op.reads) {
      const rt = ready[r];
      if (rt === -2 || rt > t || (rt === t && op.kind !== 'persist'))
        throw new Error(`schedule: ${op.kind} ${op.id} at ${t} reads dimension ${r} ready at ${rt}`);
    }
  });
}
