// wasm-build [--solver highs|glpk|heuristic] [--time-limit S] [--layers N] [-o model.tvmw]
// Schedules the universal machine graph and writes its transformer weights (to the per-user cache,
// and to -o when given), then prints the model's shape. The layer count defaults to the graph's
// depth (the fewest possible); more layers let the solver narrow the residual stream.
import { copyFileSync } from 'node:fs';
import { nonzeros } from '../weights/model';
import { buildUniversal, universalPath } from '../weights/universal';
import { parseCli, positiveOption, runMain, UsageError } from './_common';

const USAGE =
  'usage: wasm-build [--solver highs|glpk|heuristic] [--time-limit SECONDS] [--layers N] [-o model.tvmw]';

runMain('wasm-build', async () => {
  const { values, positionals } = parseCli(USAGE, {
    solver: { type: 'string' },
    'time-limit': { type: 'string' },
    layers: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(USAGE);
  const solver = values.solver ?? 'highs';
  if (solver !== 'highs' && solver !== 'glpk' && solver !== 'heuristic') {
    throw new UsageError(`unknown solver '${solver}'\n${USAGE}`);
  }
  const timeLimit = positiveOption(values['time-limit'], '--time-limit', USAGE) ?? 100;
  const layers = positiveOption(values.layers, '--layers', USAGE);
  if (layers !== undefined && !Number.isInteger(layers))
    throw new UsageError(`--layers must be a whole number, not '${values.layers}'\n${USAGE}`);
  if (layers !== undefined && solver === 'heuristic')
    throw new UsageError(`--layers needs a solver: the heuristic always uses the fewest layers\n${USAGE}`);
  const file = universalPath(solver, undefined, layers);
  const { model, seconds, schedule } = await buildUniversal(file, solver, timeLimit, layers);
  if (values.output) copyFileSync(file, values.output);
  const { nonzero, total } = nonzeros(model);
  console.log(`universal model built in ${seconds.toFixed(2)} s; schedule: ${schedule}`);
  console.log(
    `  vocabulary ${model.vocabulary.length}, d_model ${model.dModel}, layers ${model.layers.length}, heads ${model.heads}, d_ffn ${model.dFfn}`,
  );
  console.log(`  nonzero weights ${nonzero} of ${total} (${((100 * nonzero) / total).toFixed(2)}%)`);
  console.log(`  -> ${values.output ?? file}`);
  return 0;
});
