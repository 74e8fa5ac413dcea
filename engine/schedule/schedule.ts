// Choosing a schedule: HiGHS (the default), or the list-scheduling heuristic, which is also the
// fallback when the solver fails or finds nothing in its time. Solved schedules are cached on
// disk, keyed by the graph's hash, the solver and the layer count, so nobody solves twice.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../graph/graph';
import { finiteIn, type IntegerRange, integerIn } from '../util/numbers';
import { scheduleAsap } from './heuristic';
import { scheduleMilp } from './milp';
import { graphOps, type Schedule, validateSchedule } from './plan';

export type Solver = 'highs' | 'glpk' | 'heuristic';
export const SOLVERS: readonly Solver[] = ['highs', 'glpk', 'heuristic'];

/**
 * The most layers a schedule may be asked for. The MILP grows with the square of the layer count
 * (the universal graph: 97 thousand constraint terms at its depth of 5 layers, 1.3 million at 20
 * and 5 million, 620 MB before the solver starts, at 40), while the residual stream stops
 * narrowing within a few layers of the depth. At 32 layers `wasm-build` peaks at 1 GB (measured:
 * 989 MB, 25 s with a 5 s time limit); 1e9 layers once ran V8 out of memory.
 */
export const MAX_LAYERS = 32;
/** The longest a solver may be given, in seconds (a day; the universal graph solves in seconds). */
export const MAX_TIME_LIMIT = 86_400;
/** The shortest: a solver given less cannot even read the program. */
export const MIN_TIME_LIMIT = 0.001;

/** The layer counts a graph may be scheduled into: at least its depth (the fewest), at most MAX_LAYERS. */
export function layerRange(graph: Graph, finalReads: Iterable<number>): IntegerRange {
  const depth = scheduleAsap(graph, finalReads).layers;
  return { min: depth, max: Math.max(depth, MAX_LAYERS) };
}

export interface ScheduleRequest {
  readonly solver: Solver;
  /** Seconds the MILP solver may spend (default 100). */
  readonly timeLimit?: number;
  /** Layers the MILP may use (default: the heuristic's depth). */
  readonly layers?: number;
  /** Dimensions read after the last layer. */
  readonly finalReads: Iterable<number>;
  /** Folder of the schedule cache, and the key of this graph in it. */
  readonly cache?: { readonly dir: string; readonly key: string };
}

export interface ScheduleOutcome {
  readonly schedule: Schedule;
  /** What produced it: `highs (Optimal)`, `highs (Time limit reached)`, `heuristic`, `… (cached)`. */
  readonly source: string;
  readonly seconds: number;
  /** Set when the requested solver failed and the heuristic stood in. */
  readonly fallback?: string;
}

export async function scheduleGraph(graph: Graph, r: ScheduleRequest): Promise<ScheduleOutcome> {
  const start = performance.now();
  const heuristic = scheduleAsap(graph, r.finalReads);
  if (r.solver === 'heuristic')
    return { schedule: heuristic, source: 'heuristic', seconds: (performance.now() - start) / 1000 };
  // Checked here too, for every caller: a layer count or time limit out of range is refused
  // before anything is allocated for it (1e9 layers once ran V8 out of memory). Fewer layers
  // than the depth are not refused here: the solver finds nothing and the heuristic stands in.
  const layers =
    r.layers === undefined
      ? heuristic.layers
      : integerIn(r.layers, 'layers', { min: 1, max: Math.max(heuristic.layers, MAX_LAYERS) });
  const timeLimit = finiteIn(r.timeLimit ?? 100, 'timeLimit', { min: MIN_TIME_LIMIT, max: MAX_TIME_LIMIT });
  const file = r.cache && join(r.cache.dir, `schedule-${r.cache.key}-${r.solver}-${layers}.json`);
  if (file && existsSync(file)) {
    const cached = readCached(file, graph, r.finalReads);
    if (cached)
      return {
        schedule: cached.schedule,
        source: `${cached.source} (cached)`,
        seconds: (performance.now() - start) / 1000,
      };
  }
  try {
    const solved = await scheduleMilp(graph, {
      solver: r.solver,
      layers,
      timeLimit,
      finalReads: r.finalReads,
    });
    const source = `${r.solver} (${solved.status}, ${solved.variables} variables, ${solved.constraints} constraints)`;
    if (file) {
      mkdirSync(r.cache!.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ source, times: solved.schedule.times }));
      renameSync(tmp, file);
    }
    return { schedule: solved.schedule, source, seconds: (performance.now() - start) / 1000 };
  } catch (e) {
    return {
      schedule: heuristic,
      source: 'heuristic',
      seconds: (performance.now() - start) / 1000,
      fallback: `${(e as Error).message}; using the heuristic schedule`,
    };
  }
}

/** A cached schedule, if it still fits the graph (the ops are derived, in a fixed order). */
function readCached(
  file: string,
  graph: Graph,
  finalReads: Iterable<number>,
): { schedule: Schedule; source: string } | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { source: string; times: number[] };
    const ops = graphOps(graph, finalReads);
    if (!Array.isArray(data.times) || data.times.length !== ops.length) return undefined;
    const schedule = { ops, times: data.times, layers: Math.floor(Math.max(...data.times) / 2) + 1 };
    validateSchedule(schedule, graph);
    return { schedule, source: data.source };
  } catch {
    return undefined; // unreadable or stale: solve again
  }
}
