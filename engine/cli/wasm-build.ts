// wasm-build [--solver heuristic|highs|glpk] [-o model.tvmw]
// Schedules the universal machine graph and writes its transformer weights (to the per-user cache,
// and to -o when given), then prints the model's shape.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMachineGraph } from '../machine/interpreter';
import { nonzeros } from '../weights/model';
import { buildUniversal, cacheDir, graphHash } from '../weights/universal';
import { parseCli, runMain, UsageError } from './_common';

const USAGE = 'usage: wasm-build [--solver heuristic|highs|glpk] [-o model.tvmw]';

runMain('wasm-build', () => {
  const { values, positionals } = parseCli(USAGE, {
    solver: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(USAGE);
  const solver = values.solver ?? 'heuristic';
  if (solver === 'highs' || solver === 'glpk') {
    throw new UsageError(
      `--solver ${solver}: the MILP scheduler is not in this build yet; use --solver heuristic (the default)`,
    );
  }
  if (solver !== 'heuristic') throw new UsageError(`unknown solver '${solver}'\n${USAGE}`);
  const file = join(cacheDir(), `universal-${graphHash(buildMachineGraph('universal'))}.tvmw`);
  const { model, seconds } = buildUniversal(file);
  if (values.output) copyFileSync(file, values.output);
  const { nonzero, total } = nonzeros(model);
  console.log(`universal model (${solver} schedule) built in ${seconds.toFixed(2)} s`);
  console.log(
    `  vocabulary ${model.vocabulary.length}, d_model ${model.dModel}, layers ${model.layers.length}, heads ${model.heads}, d_ffn ${model.dFfn}`,
  );
  console.log(`  nonzero weights ${nonzero} of ${total} (${((100 * nonzero) / total).toFixed(2)}%)`);
  console.log(`  -> ${values.output ?? file}`);
  return 0;
});
