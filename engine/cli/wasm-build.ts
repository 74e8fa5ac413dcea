// wasm-build [--solver highs|glpk|heuristic] [--time-limit SECONDS] [--layers N] [-o model.tvmw]
// Schedules the universal machine graph and writes its transformer weights (to the per-user cache,
// and to -o when given, atomically), then prints the model's shape. The layer count defaults to
// the graph's depth (the fewest possible); more layers, up to MAX_LAYERS, let the solver narrow
// the residual stream. The time limit is whole seconds, at most a day.
import { buildMachineGraph } from '../machine/interpreter';
import { layerRange, MAX_TIME_LIMIT, SOLVERS } from '../schedule/schedule';
import { assertWritablePath, writeFileAtomic } from '../util/files';
import { finalReads } from '../weights/build';
import { serializeModel } from '../weights/file';
import { nonzeros } from '../weights/model';
import { buildUniversal, universalPath } from '../weights/universal';
import { choiceOption, integerOption, parseCli, runMain, UsageError } from './_common';

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
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n${USAGE}`);
  const solver = choiceOption(values.solver, '--solver', SOLVERS, USAGE) ?? 'highs';
  const timeLimit =
    integerOption(values['time-limit'], '--time-limit', { min: 1, max: MAX_TIME_LIMIT }, USAGE) ?? 100;
  if (values.output) assertWritablePath(values.output);
  const machine = buildMachineGraph('universal');
  const layers = integerOption(
    values.layers,
    '--layers',
    layerRange(machine.graph, finalReads(machine)),
    USAGE,
  );
  if (layers !== undefined && solver === 'heuristic')
    throw new UsageError(`--layers needs a solver: the heuristic always uses the fewest layers\n${USAGE}`);
  const file = universalPath(solver, machine, layers);
  const { model, seconds, schedule } = await buildUniversal(file, solver, timeLimit, layers);
  if (values.output) writeFileAtomic(values.output, serializeModel(model));
  const { nonzero, total } = nonzeros(model);
  console.log(`universal model built in ${seconds.toFixed(2)} s; schedule: ${schedule}`);
  console.log(
    `  vocabulary ${model.vocabulary.length}, d_model ${model.dModel}, layers ${model.layers.length}, heads ${model.heads}, d_ffn ${model.dFfn}`,
  );
  console.log(`  nonzero weights ${nonzero} of ${total} (${((100 * nonzero) / total).toFixed(2)}%)`);
  console.log(`  -> ${values.output ?? file}`);
  return 0;
});
