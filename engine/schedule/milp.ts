// The schedule as a mixed-integer program. For a fixed number of layers L:
//
//   x[i,t] ∈ {0,1}      op i runs at time t (lookups at attention times, neurons at FFN times,
//                       persisted sums at either); Σ_t x[i,t] = 1
//   T_i = Σ_t t·x[i,t]  the op's time
//   T_j ≥ T_i + 1       for every value a lookup or neuron j reads from op i (persisted sums: T_j ≥ T_i)
//   live[v,b] ≥ [W_v ≤ b] + [R_j > b] − 1     for every reader j of v and boundary b (after time b)
//   D ≥ Σ_v live[v,b]   for every boundary b  (a value that is live needs a slot)
//   H ≥ heads of layer l, F ≥ neurons of layer l
//   minimize D + H + F/64
//
// W_v is when v's slot is first written: its time, or for a persisted sum the attention time its
// older terms are copied in (plan.ts). A sum of neurons only is pinned to its neurons' time, so
// they write into its slot and it holds no slot earlier. R_j is when reader j takes v from the
// residual stream: its time, or a persisted sum's copy time (a term computed at that time or later
// is written into the sum's slot directly and needs no slot: then W_v ≥ R_j and v is not live).
// [W ≤ b] and [R > b] are sums of x over the times on that side of b, so the program is linear.
// The slot plan then realizes D slots (greedy interval coloring in time order is optimal), plus
// the erases that reuse costs.
//
// Two solvers read it: HiGHS (the `highs` package, HiGHS in WebAssembly, from CPLEX LP text) and
// glpk.js (GLPK in WebAssembly, from its JSON form), which is far slower on the full machine and
// is meant for small graphs.
import type { Graph } from '../graph/graph';
import { copyTime, graphOps, type Op, type Schedule, validateSchedule } from './plan';

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
  const finals = new Set(o.finalReads);
  const ops: Op[] = graphOps(graph, finals);
  const allTimes = Array.from({ length: 2 * L }, (_, t) => t);
  const timesOf = (op: Op) =>
    op.kind === 'persist' ? allTimes : allTimes.filter((t) => t % 2 === (op.kind === 'reglu' ? 1 : 0));
  const x = (i: number, t: number) => `x${i}_${t}`;
  const writer = new Map<number, number>();
  ops.forEach((op, i) => {
    for (const w of op.writes) writer.set(w, i);
  });
  /** Persisted sums of neurons only: pinned to their neurons' time. */
  const neuronSum = (op: Op) =>
    op.kind === 'persist' && op.reads.every((r) => graph.dims[r].kind === 'reglu' && writer.has(r));
  const writeTime = (op: Op, t: number) => (op.kind === 'persist' && !neuronSum(op) ? copyTime(t) : t);
  const readTime = (op: Op, t: number) => (op.kind === 'persist' ? copyTime(t) : t);
  const timeTerms = (i: number, sign: number): Term[] =>
    timesOf(ops[i]).map((t): Term => [sign * t, x(i, t)]);

  const model: LinearModel = { objective: [], constraints: [], continuous: [], binaries: [] };
  const add = (name: string, terms: Term[], lo?: number, hi?: number) =>
    model.constraints.push({ name, terms, lo, hi });

  ops.forEach((op, i) => {
    for (const t of timesOf(op)) model.binaries.push(x(i, t));
    add(
      `one${i}`,
      timesOf(op).map((t) => [1, x(i, t)]),
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
      const terms = [...timeTerms(j, 1), ...timeTerms(i, -1)];
      if (neuronSum(op)) add(`pin${j}_${r}`, terms, 0, 0);
      else add(`dep${j}_${r}`, terms, op.kind === 'persist' ? 0 : 1);
    }
  });

  const inputs = graph.dims.filter((d) => d.kind === 'input').map((d) => d.id);
  const width: Term[][] = Array.from({ length: 2 * L }, () => []);
  for (const v of new Set([...writer.keys(), ...inputs])) {
    const i = writer.get(v);
    for (let b = 0; b < 2 * L; b++) {
      // [W_v ≤ b]: the times whose write time for op i is ≤ b (inputs: always written).
      const written =
        i === undefined
          ? null
          : timesOf(ops[i])
              .filter((t) => writeTime(ops[i], t) <= b)
              .map((t): Term => [-1, x(i, t)]);
      if (written?.length === 0) continue;
      const reads: (Term[] | null)[] = [];
      if (finals.has(v)) reads.push(null); // read at the end: live whenever written
      for (const j of readers.get(v) ?? []) {
        const later = timesOf(ops[j])
          .filter((t) => readTime(ops[j], t) > b)
          .map((t): Term => [-1, x(j, t)]);
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
  /** Heads an op needs in its layer: lookups one per two values, sums with older terms half. */
  const headsOf = (op: Op) =>
    op.kind === 'lookup'
      ? Math.ceil(graph.lookups[op.id].values.length / 2)
      : op.kind === 'persist' && !neuronSum(op) && !op.reads.every((r) => graph.dims[r].kind === 'lookup')
        ? 0.5
        : 0;
  for (let l = 0; l < L; l++) {
    const heads = ops.flatMap((op, i): Term[] =>
      headsOf(op)
        ? [
            [-headsOf(op), x(i, 2 * l)],
            ...(op.kind === 'persist' ? [[-headsOf(op), x(i, 2 * l + 1)] as Term] : []),
          ]
        : [],
    );
    if (heads.length) add(`heads${l}`, [[1, 'H'], ...heads], 0);
    const neurons = ops.flatMap((op, i): Term[] => (op.kind === 'reglu' ? [[-1, x(i, 2 * l + 1)]] : []));
    if (neurons.length) add(`neurons${l}`, [[1, 'F'], ...neurons], 0);
  }
  model.continuous.push({ name: 'D', lo: 0 }, { name: 'H', lo: 0 }, { name: 'F', lo: 0 });
  model.objective.push([1, 'D'], [1, 'H'], [1 / 64, 'F']);

  const read = (value: (name: string) => number): Schedule => {
    const times = ops.map((op, i) => {
      const t = timesOf(op).find((k) => value(x(i, k)) > 0.5);
      if (t === undefined) throw new Error(`milp: op ${i} has no time in the solution`);
      return t;
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
