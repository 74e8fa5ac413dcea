// The schedule as a mixed-integer program, solved by HiGHS (the `highs` package: HiGHS compiled
// to WebAssembly). For a fixed number of layers L:
//
//   x[i,l] ∈ {0,1}      op i runs in layer l (lookups and persisted sums in its attention phase,
//                       neurons in its FFN phase); Σ_l x[i,l] = 1
//   T_i = Σ_l (2l + phase_i)·x[i,l]           the op's time
//   T_j ≥ T_i + 1       for every value op j reads from op i
//   live[v,b] ≥ [T_i ≤ b] + [T_j > b] − 1     for every reader j of v and boundary b (after time b)
//   D ≥ Σ_v live[v,b]   for every boundary b  (a value that is live needs a slot)
//   heads[l] ≥ Σ (values/2)·x[i,l]            heads the layer's lookups and copies need
//   minimize D + heads + neurons/64
//
// [T_i ≤ b] and [T_j > b] are sums of x over the layers that put the op on that side of b, so the
// whole program is linear. The slot plan then realizes exactly D slots (greedy interval coloring
// in time order is optimal), plus the erases that reuse costs.
import type { Graph } from '../graph/graph';
import { FoldedGraph, type Op, type Schedule, validateSchedule } from './plan';

export interface MilpOptions {
  readonly layers: number;
  /** Seconds HiGHS may spend; the best solution found by then is used. */
  readonly timeLimit: number;
  /** Dimensions read after the last layer (the output scores), live to the end. */
  readonly finalReads: Iterable<number>;
}

export interface MilpResult {
  readonly schedule: Schedule;
  readonly status: string;
  readonly objective: number;
  readonly seconds: number;
  readonly variables: number;
  readonly constraints: number;
}

type HighsModule = { solve(problem: string, options?: Record<string, unknown>): HighsSolution };
interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
}

let highs: Promise<HighsModule> | undefined;

function loadHighs(): Promise<HighsModule> {
  // The package is a CommonJS factory that compiles its WebAssembly on first use.
  highs ??= (require('highs') as () => Promise<HighsModule>)();
  return highs;
}

/** The LP-format text of the scheduling program, and how to read a solution back. */
export function formulate(graph: Graph, o: MilpOptions, folded = new FoldedGraph(graph)) {
  const L = o.layers;
  const ops: Op[] = folded.ops();
  const phase = (op: Op) => (op.kind === 'reglu' ? 1 : 0);
  const time = (op: Op, l: number) => 2 * l + phase(op);
  const writer = new Map<number, number>();
  ops.forEach((op, i) => {
    for (const w of op.writes) writer.set(w, i);
  });
  const inputs = new Set(graph.dims.filter((d) => d.kind === 'input').map((d) => d.id));
  const x = (i: number, l: number) => `x${i}_${l}`;
  const lines: string[] = [];
  const binaries: string[] = [];
  let constraints = 0;
  const T = (i: number) =>
    ops[i] && Array.from({ length: L }, (_, l) => `${time(ops[i], l)} ${x(i, l)}`).join(' + ');

  // Each op in exactly one layer.
  ops.forEach((_, i) => {
    lines.push(` one${i}: ${Array.from({ length: L }, (_, l) => x(i, l)).join(' + ')} = 1`);
    for (let l = 0; l < L; l++) binaries.push(x(i, l));
    constraints++;
  });
  // Dependencies: T_j − T_i ≥ 1.
  const readers = new Map<number, number[]>();
  ops.forEach((op, j) => {
    for (const r of op.reads) {
      if (!readers.has(r)) readers.set(r, []);
      readers.get(r)!.push(j);
      const i = writer.get(r);
      if (i === undefined) continue;
      const diff = Array.from({ length: L }, (_, l) => `${time(ops[j], l)} ${x(j, l)}`)
        .concat(Array.from({ length: L }, (_, l) => `- ${time(ops[i], l)} ${x(i, l)}`))
        .join(' + ')
        .replace(/\+ -/g, '-');
      lines.push(` dep${j}_${r}: ${diff} >= 1`);
      constraints++;
    }
  });
  void T;
  // Liveness at every boundary b (after time b).
  const finals = new Set(o.finalReads);
  const boundaries = 2 * L;
  const liveVars: string[] = [];
  const liveAt: string[][] = Array.from({ length: boundaries }, () => []);
  const values = new Set<number>([...writer.keys(), ...inputs]);
  for (const v of values) {
    const i = writer.get(v);
    const rs = readers.get(v) ?? [];
    for (let b = 0; b < boundaries; b++) {
      const lv = `live${v}_${b}`;
      // [T_i ≤ b]: layers whose time for op i is ≤ b (inputs: always).
      const written =
        i === undefined ? null : Array.from({ length: L }, (_, l) => l).filter((l) => time(ops[i], l) <= b);
      if (written && written.length === 0) continue; // cannot be written by b
      const w = written ? written.map((l) => x(i!, l)).join(' + ') : '';
      const terms: string[] = [];
      if (finals.has(v)) terms.push(''); // read at the end: live whenever written
      for (const j of rs) {
        const later = Array.from({ length: L }, (_, l) => l).filter((l) => time(ops[j], l) > b);
        if (later.length) terms.push(later.map((l) => x(j, l)).join(' + '));
      }
      if (terms.length === 0) continue;
      liveVars.push(lv);
      liveAt[b].push(lv);
      for (const r of terms) {
        // live ≥ W + R − 1  ⇔  live − W − R ≥ −1 (with W = 1 for inputs, R = 1 for final reads)
        const parts = [lv];
        let constant = -1;
        if (w) parts.push(...w.split(' + ').map((t) => `- ${t}`));
        else constant += 1;
        if (r) parts.push(...r.split(' + ').map((t) => `- ${t}`));
        else constant += 1;
        lines.push(` lv${v}_${b}_${constraints}: ${parts.join(' ')} >= ${constant}`);
        constraints++;
      }
    }
  }
  for (let b = 0; b < boundaries; b++) {
    if (liveAt[b].length) {
      lines.push(` width${b}: D - ${liveAt[b].join(' - ')} >= 0`);
      constraints++;
    }
  }
  // Heads and neurons per layer.
  for (let l = 0; l < L; l++) {
    const heads = ops
      .map((op, i) =>
        op.kind === 'reglu'
          ? ''
          : `${op.kind === 'lookup' ? Math.ceil(graph.lookups[op.id].values.length / 2) : 0.5} ${x(i, l)}`,
      )
      .filter(Boolean);
    if (heads.length) lines.push(` heads${l}: H - ${heads.join(' - ')} >= 0`);
    const neurons = ops.map((op, i) => (op.kind === 'reglu' ? x(i, l) : '')).filter(Boolean);
    if (neurons.length) lines.push(` neurons${l}: F - ${neurons.join(' - ')} >= 0`);
    constraints += 2;
  }
  const text = [
    'Minimize',
    ' obj: D + H + 0.015625 F',
    'Subject To',
    ...lines,
    'Bounds',
    ...liveVars.map((v) => ` 0 <= ${v} <= 1`),
    ' D >= 0',
    ' H >= 0',
    ' F >= 0',
    'Binary',
    ...binaries.map((b) => ` ${b}`),
    'End',
    '',
  ].join('\n');
  const read = (columns: HighsSolution['Columns']): Schedule => {
    const times = ops.map((op, i) => {
      for (let l = 0; l < L; l++) if ((columns[x(i, l)]?.Primal ?? 0) > 0.5) return time(op, l);
      throw new Error(`milp: op ${i} has no layer in the solution`);
    });
    const used = Math.floor(Math.max(...times) / 2) + 1;
    return { ops, times, layers: used };
  };
  return { text, read, variables: binaries.length + liveVars.length + 3, constraints };
}

/** Solves the scheduling program with HiGHS; throws when no feasible schedule was found. */
export async function scheduleMilp(graph: Graph, o: MilpOptions): Promise<MilpResult> {
  const start = performance.now();
  const model = formulate(graph, o);
  const solver = await loadHighs();
  const solution = solver.solve(model.text, { time_limit: o.timeLimit, mip_rel_gap: 0 });
  const seconds = (performance.now() - start) / 1000;
  if (
    solution.Status !== 'Optimal' &&
    !(solution.Status === 'Time limit reached' && Number.isFinite(solution.ObjectiveValue))
  ) {
    throw new Error(`HiGHS found no schedule with ${o.layers} layers (${solution.Status})`);
  }
  const schedule = model.read(solution.Columns);
  validateSchedule(schedule, graph);
  return {
    schedule,
    status: solution.Status,
    objective: solution.ObjectiveValue,
    seconds,
    variables: model.variables,
    constraints: model.constraints,
  };
}
