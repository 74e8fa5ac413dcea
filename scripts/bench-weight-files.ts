// The bench's weight-file section (scripts/bench.ts calls weightFileRows): for the universal model
// and a specialized one (sudoku's), the file's size in format version 1 (dense) and 2 (sparse)
// and how long each engine's reader takes to load it (median of 3: readModel for the JS engine,
// openNative for the native one). Kept in its own module so the bench's example table can change
// without touching it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, compileFile } from '../engine/compiler/compile';
import { loadManifest } from '../engine/manifest';
import { loadNative, openNative } from '../engine/model/native-engine';
import { readModel, writeModel } from '../engine/weights/file';
import type { TransformerModel } from '../engine/weights/model';
import { specialize } from '../engine/weights/specialize';

const LOADS = 3;
const SPECIALIZED = 'sudoku';

/** Milliseconds of the median of LOADS calls. */
function medianMs(load: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < LOADS; k++) {
    const start = performance.now();
    load();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(LOADS / 2)];
}

async function specializedModel(name: string): Promise<TransformerModel> {
  const ex = loadManifest().find((e) => e.name === name);
  if (!ex) throw new Error(`bench: no example '${name}'`);
  const program = asTokenProgram(await compileFile(ex.file, { args: ex.args }));
  return specialize(program.instructions, name).model;
}

/** Prints the section: one row per model and format version. */
export async function weightFileRows(universalFile: string): Promise<void> {
  const native = loadNative();
  const work = mkdtempSync(join(tmpdir(), 'tvm-bench-weights-'));
  try {
    const models: [string, TransformerModel][] = [
      ['universal', readModel(universalFile)],
      [`${SPECIALIZED} (specialized)`, await specializedModel(SPECIALIZED)],
    ];
    console.log(`\nweight files: size and load time (median of ${LOADS} loads, ms) by format version`);
    console.log('model                    version        size     JS readModel   native openNative');
    for (const [name, model] of models) {
      for (const version of [1, 2]) {
        const file = join(work, `model-v${version}.tvmw`);
        writeModel(file, model, version);
        const js = medianMs(() => readModel(file));
        const cc = native.ok ? medianMs(() => openNative(file)).toFixed(1) : '-';
        const size = statSync(file).size;
        console.log(
          `${name.padEnd(24)} ${String(version).padStart(7)}  ${(size / 2 ** 20).toFixed(2).padStart(7)} MiB  ${js.toFixed(1).padStart(10)}  ${cc.padStart(18)}`,
        );
        rmSync(file);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
