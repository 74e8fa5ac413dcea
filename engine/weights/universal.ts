// The universal model: built from the machine graph once, then kept in a per-user cache keyed by
// a hash of the graph and the builder, so nobody waits twice.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildMachineGraph, type MachineGraph } from '../machine/interpreter';
import { scheduleAsap } from '../schedule/heuristic';
import { buildWeights } from './build';
import { readModel, WEIGHT_FILE_VERSION, WeightFileError, writeModel } from './file';
import type { TransformerModel } from './model';

/** Bumped whenever the weight construction changes what it writes for the same graph. */
const BUILDER_VERSION = 2;

export function cacheDir(): string {
  const base =
    process.env.TVM_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'transformer-vm');
  mkdirSync(base, { recursive: true });
  return base;
}

/** A digest of everything that determines the weights: the graph, the vocabulary, the builder. */
export function graphHash(m: MachineGraph): string {
  const h = createHash('sha256');
  h.update(`builder ${BUILDER_VERSION} file ${WEIGHT_FILE_VERSION} ${m.mode}\n`);
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
}

/** Builds the universal model (schedule and weights) and writes it to `file`. */
export function buildUniversal(file: string): BuiltModel {
  const start = performance.now();
  const machine = buildMachineGraph('universal');
  const schedule = scheduleAsap(machine.graph);
  const model = buildWeights(machine, schedule, { graph: graphHash(machine), schedule: 'heuristic' });
  const tmp = `${file}.${process.pid}.tmp`;
  writeModel(tmp, model);
  renameSync(tmp, file); // atomic: a reader never sees half a file
  return { model, file, cached: false, seconds: (performance.now() - start) / 1000 };
}

/** The cached universal model, built first when missing or unreadable. */
export function universalModel(): BuiltModel {
  const file = join(cacheDir(), `universal-${graphHash(buildMachineGraph('universal'))}.tvmw`);
  if (existsSync(file)) {
    const start = performance.now();
    try {
      return { model: readModel(file), file, cached: true, seconds: (performance.now() - start) / 1000 };
    } catch (e) {
      if (!(e instanceof WeightFileError)) throw e;
      // A damaged cache entry is rebuilt, not trusted.
    }
  }
  return buildUniversal(file);
}
