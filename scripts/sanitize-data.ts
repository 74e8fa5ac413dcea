// Writes what `npm run test:sanitize` runs through the sanitized native reader and engine
// (native/test/sanitize_driver.cc) into the folder given as argument: the universal model, a few
// examples' prompts and reference traces (raw little-endian int32), one example's specialized
// model (the one-hot path), and every damaged weight file of the shared list (on the tiny model)
// and every unreadable path, each with the message the TypeScript reader gives for it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMachineGraph } from '../engine/machine/interpreter';
import { scheduleAsap } from '../engine/schedule/heuristic';
import { damagedWeightFiles, unreadableWeightPaths } from '../engine/test/support/damaged-weights';
import { exampleRun } from '../engine/test/support/examples';
import { tinyModel } from '../engine/test/support/tiny-model';
import { promptTokens } from '../engine/tokens/program-file';
import { T_HALT } from '../engine/tokens/vocabulary';
import { buildWeights, finalReads } from '../engine/weights/build';
import { readModel, serializeModel, writeModel } from '../engine/weights/file';
import { specialize } from '../engine/weights/specialize';

/** Every example (sudoku's 1.5M tokens take about a minute sanitized). */
const EXAMPLES = ['hello', 'addition', 'collatz', 'fibonacci', 'min_cost_matching', 'sudoku'];
const SPECIALIZED = 'collatz';

async function main(dir: string) {
  mkdirSync(dir, { recursive: true });
  const int32 = (name: string, a: Int32Array) => {
    writeFileSync(join(dir, name), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return name;
  };
  const machine = buildMachineGraph('universal');
  const universal = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
  writeModel(join(dir, 'universal.tvmw'), universal);
  // The same model in format version 1 (dense tensors), which the native reader still reads.
  writeModel(join(dir, 'universal-v1.tvmw'), universal, 1);
  const runs = [];
  for (const name of EXAMPLES) {
    const run = await exampleRun(name);
    runs.push({
      name,
      model: 'universal.tvmw',
      prompt: int32(`${name}.prompt`, run.prompt),
      expected: int32(`${name}.expected`, run.expected),
    });
    if (name === 'hello')
      runs.push({ ...runs[runs.length - 1], name: 'hello (format version 1)', model: 'universal-v1.tvmw' });
    if (name === SPECIALIZED) {
      writeModel(join(dir, `${name}.spec.tvmw`), specialize(run.program.instructions, name).model);
      const prompt = promptTokens({ ...run.program, specialized: true }, run.program.input);
      runs.push({
        name: `${name} (specialized)`,
        model: `${name}.spec.tvmw`,
        prompt: int32(`${name}.spec.prompt`, prompt),
        expected: `${name}.expected`,
      });
    }
  }
  const messageOf = (file: string) => {
    try {
      readModel(file);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${file}: the TypeScript reader loads it`);
  };
  const refused = [];
  // Both format versions' damage: the native reader reads both.
  const damaged = [1, 2].flatMap((version) => damagedWeightFiles(serializeModel(tinyModel(), version)));
  for (const [k, d] of damaged.entries()) {
    const file = join(dir, `damaged-${k}.tvmw`);
    writeFileSync(file, d.bytes);
    refused.push({ what: d.what, file, message: messageOf(file) });
  }
  mkdirSync(join(dir, 'unreadable'));
  for (const u of unreadableWeightPaths(join(dir, 'unreadable')))
    refused.push({ what: u.what, file: u.path, message: messageOf(u.path) });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ halt: T_HALT, runs, refused }, null, 1));
}

main(process.argv[2]).catch((e) => {
  console.error(e);
  process.exit(1);
});
