// The universal model: built from the machine graph once, then kept in a per-user cache keyed by
// a hash of the graph and the builder, so nobody waits twice.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packagedModelPath } from '../compiler/paths';
import { buildMachineGraph, type MachineGraph } from '../machine/interpreter';
import { type Solver, scheduleGraph } from '../schedule/schedule';
import { cacheDir } from '../util/cache-dir';
import { buildWeights, finalReads } from './build';
import { readModel, WEIGHT_FILE_VERSION, WeightFileError, writeModel } from './file';
import type { TransformerModel } from './model';

/** Bumped whenever the weight construction changes what it writes for the same graph. */
const BUILDER_VERSION = 5;

export { cacheDir };

/** A digest of everything that determines the weights: the graph, the vocabulary, the builder. */
export function graphHash(m: MachineGraph): string {
  const h = createHash('sha256');
  // "file 1": the file format no longer changes the weights (every reader reads version 1 and 2),
  // and keeping the text keeps the hash, so schedules, packaged models and cached models made
  // before version 2 are still found (universalPath names the version instead).
  h.update(`builder ${BUILDER_VERSION} file 1 ${m.mode}\n`);
  for (const d of m.graph.dims) {
    h.update(
      `${d.id} ${d.kind} ${d.name} ${d.a?.key ?? ''} ${d.b?.key ?? ''} ${d.e?.key ?? ''} ${d.lookup ?? ''}\n`,
    );
  }
  for (const l of m.graph.lookups) {
    h.update(
      `${l.name} ${l.tie} ${l.query.map((e) => e.key).join('|')} ${l.key.map((e) => e.key).join('|')} ${l.clear?.key ?? ''} ${l.values.map((e) => e.key).join('|')}\n`,
    );
  }
  for (const e of [...m.embeddings, ...m.scores]) h.update(`${e.key}\n`);
  return h.digest('hex').slice(0, 16);
}

export interface BuiltModel {
  readonly model: TransformerModel;
  readonly file: string;
  readonly cached: boolean;
  readonly seconds: number;
  /** How the schedule was made (solver and status, or the fallback's reason). */
  readonly schedule: string;
}

/**
 * Where the universal model built with `solver` (and a layer count, when not the fewest) is cached.
 * The name says the format version: a build that reads only version 1 shares the cache folder
 * and keeps finding its own file (the name without it, legacyUniversalPath).
 */
export function universalPath(
  solver: Solver,
  machine = buildMachineGraph('universal'),
  layers?: number,
): string {
  return join(
    cacheDir(),
    `universal-${graphHash(machine)}-${solver}${layers ? `-${layers}layers` : ''}.v${WEIGHT_FILE_VERSION}.tvmw`,
  );
}

/** Where builds before format version 2 cached the same model (in version 1). */
export function legacyUniversalPath(solver: Solver, machine = buildMachineGraph('universal')): string {
  return join(cacheDir(), `universal-${graphHash(machine)}-${solver}.tvmw`);
}

/** Schedules the universal graph, builds its weights and writes them to `file`. */
export async function buildUniversal(
  file: string,
  solver: Solver,
  timeLimit = 100,
  layers?: number,
): Promise<BuiltModel> {
  const start = performance.now();
  const machine = buildMachineGraph('universal');
  const hash = graphHash(machine);
  const outcome = await scheduleGraph(machine.graph, {
    solver,
    timeLimit,
    layers,
    finalReads: finalReads(machine),
    cache: { dir: cacheDir(), key: hash },
  });
  const source = outcome.fallback ? `heuristic (${outcome.fallback})` : outcome.source;
  const model = buildWeights(machine, outcome.schedule, { graph: hash, schedule: source });
  const tmp = `${file}.${process.pid}.tmp`;
  writeModel(tmp, model);
  renameSync(tmp, file); // atomic: a reader never sees half a file
  return { model, file, cached: false, seconds: (performance.now() - start) / 1000, schedule: source };
}

/**
 * A model an older build cached in version 1: read (both readers read it), then written under
 * the current name in the current version (smaller, faster to load) so the next load takes that;
 * the old file stays for the builds that read only it. Best effort: when the copy cannot be
 * written, the old file keeps being read. Undefined when there is no readable old file.
 */
function fromLegacyCache(solver: Solver, machine: MachineGraph, file: string): TransformerModel | undefined {
  const legacy = legacyUniversalPath(solver, machine);
  if (!existsSync(legacy)) return undefined;
  let model: TransformerModel;
  try {
    model = readModel(legacy);
  } catch (e) {
    if (e instanceof WeightFileError) return undefined; // damaged: rebuilt, not trusted
    throw e;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeModel(tmp, model);
    renameSync(tmp, file); // atomic: a reader never sees half a file
  } catch {
    rmSync(tmp, { force: true });
  }
  return model;
}

/**
 * The cached universal model: the HiGHS-scheduled one, else the heuristic one; when neither is
 * there (or readable) it is built now with HiGHS (a few seconds), or with the heuristic if the
 * solver fails.
 */
export async function universalModel(): Promise<BuiltModel> {
  const machine = buildMachineGraph('universal');
  const hash = graphHash(machine);
  // The model shipped in the VS Code extension, when it was built from this very graph.
  const packaged = packagedModelPath();
  if (existsSync(packaged)) {
    try {
      const model = readModel(packaged);
      if (model.meta.graph === hash)
        return { model, file: packaged, cached: true, seconds: 0, schedule: String(model.meta.schedule) };
    } catch (e) {
      if (!(e instanceof WeightFileError)) throw e;
    }
  }
  for (const solver of ['highs', 'heuristic'] as const) {
    const file = universalPath(solver, machine);
    const start = performance.now();
    if (!existsSync(file)) {
      const model = fromLegacyCache(solver, machine, file);
      if (model) {
        const seconds = (performance.now() - start) / 1000;
        const at = existsSync(file) ? file : legacyUniversalPath(solver, machine);
        return { model, file: at, cached: true, seconds, schedule: String(model.meta.schedule ?? solver) };
      }
      continue;
    }
    try {
      const model = readModel(file);
      return {
        model,
        file,
        cached: true,
        seconds: (performance.now() - start) / 1000,
        schedule: String(model.meta.schedule ?? solver),
      };
    } catch (e) {
      if (!(e instanceof WeightFileError)) throw e;
      // A damaged cache entry is rebuilt, not trusted.
    }
  }
  const file = universalPath('highs', machine);
  const built = await buildUniversal(file, 'highs');
  if (!built.schedule.startsWith('heuristic')) return built;
  // The solver failed and the heuristic stood in: keep the file under the heuristic's name.
  const fallback = universalPath('heuristic', machine);
  renameSync(file, fallback);
  return { ...built, file: fallback };
}
