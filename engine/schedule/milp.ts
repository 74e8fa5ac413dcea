// The schedule as a mixed-integer program. For a fixed number of layers L:
//
//   x[i,l] ∈ {0,1}      op i runs in layer l (lookups and persisted sums in its attention phase,
//                       neurons in its FFN phase); Σ_l x[i,l] = 1
//   T_i = Σ_l (2l + phase_i)·x[i,l]           the op's time
//   T_j ≥ T_i + 1       for every value op j reads from op i
//   live[v,b] ≥ [T_i ≤ b] + [T_j > b] − 1     for every reader j of v and boundary b (after time b)
//   D ≥ Σ_v live[v,b]   for every boundary b  (a value that is live needs a slot)
//   H ≥ heads of layer l, F ≥ neurons of layer l
//   minimize D + H + F/64
//
// [T_i ≤ b] and [T_j > b] are sums of x over the layers that put the op on that side of b, so the
// program is linear. The slot plan then realizes exactly D slots (greedy interval coloring in time
// order is optimal), plus the erases that reuse costs.
//
// Two solvers read it: HiGHS (the `highs` package, HiGHS in WebAssembly, from CPLEX LP text) and
// glpk.js (GLPK in WebAssembly, from its JSON form), which is far slower on the full machine and
// is meant for small graphs.
import type { Graph } from '../graph/graph';
import { graphOps, type Op, type Schedule, validateSchedule } from './plan';

export type MilpSolver = 'highs' | 'glpk';

export interface MilpOptions {
  readonly layers: number;
  /** Seconds the solver may spend; the best solution found by then is used. */
  readonly timeLimit: number;
  /** Dimensions read after the last layer (the output scores), live to the end. */
  readonly finalReads: Iterable<number>;
  readonly solver?: MilpSolver;
}

export interface MilpResult {
  readonly schedule: Schedule;
  readonly status: string;
  readonly objective: number;
  readonly seconds: number;
  readonly variables: number;
  readonly constraints: number;
}

type Term = readonly [coefficient: number, variable: string];

/** A linear program: minimize the objective subject to lo ≤ Σ terms ≤ hi. */
export interface LinearModel {
  readonly objective: Term[];
  readonly constraints: { name: string; terms: Term[]; lo?: number; hi?: number }[];
  /** Continuous variables with their bounds (all others are binary). */
  readonly continuous: { name: string; lo: number; hi?: number }[];
  readonly binaries: string[];
}

/** The scheduling program, and how to read a solution back. */
export function formulate(graph: Graph, o: MilpOptions) {
  const L = o.layers;
  const layers = Array.from({ length: L }, (_, l) => l);
  const ops: Op[] = graphOps(graph);
  const time = (op: Op, l: number) => 2 * l + (op.kind === 'reglu' ? 1 : 0);
  const x = (i: number, l: number) => `x${i}_${l}`;
  const writer = new Map<number, number>();
  ops.forEach((op, i) => {
    for (const w of op.writes) writer.set(w, i);
  });
  const model: LinearModel = { objective: [], constraints: [], continuous: [], binaries: [] };
  const add = (name: string, terms: Term[], lo?: number, hi?: number) =>
    model.constraints.push({ name, terms, lo, hi });

  ops.forEach((_, i) => {
    for (const l of layers) model.binaries.push(x(i, l));
    add(
      `one${i}`,
      layers.map((l) => [1, x(i, l)]),
      1,
      1,
    );
  });
  const readers = new Map<number, number[]>();
  ops.forEach((op, j) => {
    for (const r of op.reads) {
      readers.set(r, [...(readers.get(r) ?? []), j]);
      const i = writer.get(r);
      if (i === undefined) continue;
      const terms: Term[] = [
        ...layers.map((l): Term => [time(ops[j], l), x(j, l)]),
        ...layers.map((l): Term => [-time(ops[i], l), x(i, l)]),
      ];
      add(`dep${j}_${r}`, terms, 1);
    }
  });

  const finals = new Set(o.finalReads);
  const inputs = graph.dims.filter((d) => d.kind === 'input').map((d) => d.id);
  const width: Term[][] = Array.from({ length: 2 * L }, () => []);
  for (const v of new Set([...writer.keys(), ...inputs])) {
    const i = writer.get(v);
    for (let b = 0; b < 2 * L; b++) {
      // [T_i ≤ b]: the layers whose time for op i is ≤ b (inputs: always written).
      const written =
        i === undefined ? null : layers.filter((l) => time(ops[i], l) <= b).map((l): Term => [-1, x(i, l)]);
      if (written?.length === 0) continue;
      const reads: (Term[] | null)[] = [];
      if (finals.has(v)) reads.push(null); // read at the end: live whenever written
      for (const j of readers.get(v) ?? []) {
        const later = layers.filter((l) => time(ops[j], l) > b).map((l): Term => [-1, x(j, l)]);
        if (later.length) reads.push(later);
      }
      if (reads.length === 0) continue;
      const live = `live${v}_${b}`;
      model.continuous.push({ name: live, lo: 0, hi: 1 });
      width[b].push([-1, live]);
      for (const [k, r] of reads.entries()) {
        // live − W − R ≥ −1, with W = 1 for inputs and R = 1 for final reads moved to the bound.
        const lo = -1 + (written ? 0 : 1) + (r ? 0 : 1);
        add(`lv${v}_${b}_${k}`, [[1, live], ...(written ?? []), ...(r ?? [])], lo);
      }
    }
  }
  width.forEach((terms, b) => {
    if (terms.length) add(`width${b}`, [[1, 'D'], ...terms], 0);
  });
  for (const l of layers) {
    const heads = ops.flatMap((op, i): Term[] =>
      op.kind === 'reglu'
        ? []
        : [[op.kind === 'lookup' ? -Math.ceil(graph.lookups[op.id].values.length / 2) : -0.5, x(i, l)]],
    );
    if (heads.length) add(`heads${l}`, [[1, 'H'], ...heads], 0);
    const neurons = ops.flatMap((op, i): Term[] => (op.kind === 'reglu' ? [[-1, x(i, l)]] : []));
    if (neurons.length) add(`neurons${l}`, [[1, 'F'], ...neurons], 0);
  }
  model.continuous.push({ name: 'D', lo: 0 }, { name: 'H', lo: 0 }, { name: 'F', lo: 0 });
  model.objective.push([1, 'D'], [1, 'H'], [1 / 64, 'F']);

  const read = (value: (name: string) => number): Schedule => {
    const times = ops.map((op, i) => {
      const l = layers.find((k) => value(x(i, k)) > 0.5);
      if (l === undefined) throw new Error(`milp: op ${i} has no layer in the solution`);
      return time(op, l);
    });
    return { ops, times, layers: Math.floor(Math.max(...times) / 2) + 1 };
  };
  return {
    model,
    read,
    variables: model.binaries.length + model.continuous.length,
    constraints: model.constraints.length,
  };
}

/** CPLEX LP text of a model (what HiGHS reads). */
export function lpText(m: LinearModel): string {
  const sum = (terms: Term[]) =>
    terms
      .map(([c, v], k) => `${c < 0 ? '- ' : k ? '+ ' : ''}${Math.abs(c) === 1 ? '' : `${Math.abs(c)} `}${v}`)
      .join(' ');
  const rows: string[] = [];
  for (const c of m.constraints) {
    if (c.lo !== undefined && c.lo === c.hi) rows.push(` ${c.name}: ${sum(c.terms)} = ${c.lo}`);
    else {
      if (c.lo !== undefined) rows.push(` ${c.name}: ${sum(c.terms)} >= ${c.lo}`);
      if (c.hi !== undefined) rows.push(` ${c.name}_hi: ${sum(c.terms)} <= ${c.hi}`);
    }
  }
  return [
    'Minimize',
    ` obj: ${sum(m.objective)}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...m.continuous.map((v) =>
      v.hi === undefined ? ` ${v.name} >= ${v.lo}` : ` ${v.lo} <= ${v.name} <= ${v.hi}`,
    ),
    'Binary',
    ...m.binaries.map((b) => ` ${b}`),
    'End',
    '',
  ].join('\n');
}

interface Solved {
  status: string;
  objective: number;
  value: (name: string) => number;
  feasible: boolean;
}

type HighsModule = {
  solve(
    problem: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
};

let highs: Promise<HighsModule> | undefined;

async function solveHighs(m: LinearModel, timeLimit: number): Promise<Solved> {
  // The package is a CommonJS factory that compiles its WebAssembly on first use.
  highs ??= (require('highs') as () => Promise<HighsModule>)();
  const s = (await highs).solve(lpText(m), { time_limit: timeLimit, mip_rel_gap: 0 });
  const feasible =
    s.Status === 'Optimal' || (s.Status === 'Time limit reached' && Number.isFinite(s.ObjectiveValue));
  return { status: s.Status, objective: s.ObjectiveValue, value: (n) => s.Columns[n]?.Primal ?? 0, feasible };
}

interface GlpkModule {
  GLP_MIN: number;
  GLP_LO: number;
  GLP_UP: number;
  GLP_DB: number;
  GLP_FX: number;
  GLP_OPT: number;
  GLP_FEAS: number;
  GLP_MSG_OFF: number;
  solve(
    lp: unknown,
    options: unknown,
  ): Promise<{ result: { status: number; z: number; vars: Record<string, number> } }>;
}

async function solveGlpk(m: LinearModel, timeLimit: number): Promise<Solved> {
  // glpk.js is an ES module; load it the way CommonJS can.
  // (A computed specifier: the package's types need module resolution this CommonJS build lacks.)
  const specifier = 'glpk.js/node';
  const mod = (await import(specifier)) as { default: () => Promise<GlpkModule> };
  const glpk = await mod.default();
  const vars = (terms: Term[]) => terms.map(([coef, name]) => ({ name, coef }));
  const bounds = (lo?: number, hi?: number) =>
    lo !== undefined && hi !== undefined
      ? { type: lo === hi ? glpk.GLP_FX : glpk.GLP_DB, lb: lo, ub: hi }
      : lo !== undefined
        ? { type: glpk.GLP_LO, lb: lo, ub: 0 }
        : { type: glpk.GLP_UP, lb: 0, ub: hi };
  const lp = {
    name: 'schedule',
    objective: { direction: glpk.GLP_MIN, name: 'obj', vars: vars(m.objective) },
    subjectTo: m.constraints.map((c) => ({ name: c.name, vars: vars(c.terms), bnds: bounds(c.lo, c.hi) })),
    bounds: m.continuous.map((v) => ({ name: v.name, ...bounds(v.lo, v.hi) })),
    binaries: m.binaries,
  };
  const { result } = await glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, tmlim: timeLimit, presol: true });
  const status =
    result.status === glpk.GLP_OPT
      ? 'Optimal'
      : result.status === glpk.GLP_FEAS
        ? 'Feasible'
        : `GLPK status ${result.status}`;
  return {
    status,
    objective: result.z,
    value: (n) => result.vars[n] ?? 0,
    feasible: status === 'Optimal' || status === 'Feasible',
  };
}

/** Solves the scheduling program; throws when no feasible schedule was found in time. */
export async function scheduleMilp(graph: Graph, o: MilpOptions): Promise<MilpResult> {
  const start = performance.now();
  const f = formulate(graph, o);
  const solver = o.solver ?? 'highs';
  const solved =
    solver === 'highs' ? await solveHighs(f.model, o.timeLimit) : await solveGlpk(f.model, o.timeLimit);
  const seconds = (performance.now() - start) / 1000;
  if (!solved.feasible) {
    throw new Error(
      `${solver === 'highs' ? 'HiGHS' : 'GLPK'} found no schedule with ${o.layers} layers (${solved.status})`,
    );
  }
  const schedule = f.read(solved.value);
  validateSchedule(schedule, graph);
  return {
    schedule,
    status: solved.status,
    objective: solved.objective,
    seconds,
    variables: f.variables,
    constraints: f.constraints,
  };
}
