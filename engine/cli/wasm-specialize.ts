// wasm-specialize FILE.tvm --save-weights OUT.tvmw
// Bakes one program into the transformer's weights (engine/weights/specialize.ts) and prints the
// model's shape; run it with `wasm-run --model OUT.tvmw NAME_spec.tvm` (the prompt is then just
// `start` and the input). The weights are written atomically and never over the program itself.
import { basename } from 'node:path';
import { readProgramFile } from '../tokens/read-program';
import { assertNotInput, assertWritablePath, writeFileAtomic } from '../util/files';
import { serializeModel } from '../weights/file';
import { nonzeros } from '../weights/model';
import { MAX_SPECIALIZED_INSTRUCTIONS, specialize } from '../weights/specialize';
import { parseCli, runMain, UsageError } from './_common';

const USAGE = 'usage: wasm-specialize FILE.tvm --save-weights OUT.tvmw';

runMain('wasm-specialize', () => {
  const { values, positionals } = parseCli(USAGE, { 'save-weights': { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = values['save-weights'];
  if (positionals.length !== 1 || !out) throw new UsageError(USAGE);
  const file = positionals[0];
  assertNotInput(out, [file], 'weight file');
  assertWritablePath(out);
  const program = readProgramFile(file);
  if (program.specialized)
    throw new UsageError(`${file}: this is a specialized input (no program); give the program's .tvm`);
  if (program.instructions.length > MAX_SPECIALIZED_INSTRUCTIONS)
    throw new UsageError(
      `${file}: ${program.instructions.length.toLocaleString('en-US')} instructions; a specialized model holds at most ${MAX_SPECIALIZED_INSTRUCTIONS.toLocaleString('en-US')} (run the universal model instead)`,
    );
  const name = basename(file).replace(/\.(tvm|txt)$/, '');
  const { model, seconds } = specialize(program.instructions, name);
  writeFileAtomic(out, serializeModel(model));
  const { nonzero, total } = nonzeros(model);
  console.log(
    `${name}: specialized to ${program.instructions.length} instructions in ${seconds.toFixed(2)} s`,
  );
  console.log(
    `  vocabulary ${model.vocabulary.length}, d_model ${model.dModel}, layers ${model.layers.length}, heads ${model.heads}, d_ffn ${model.dFfn}`,
  );
  console.log(`  nonzero weights ${nonzero} of ${total} (${((100 * nonzero) / total).toFixed(2)}%)`);
  console.log(`  -> ${out}`);
  return 0;
});
