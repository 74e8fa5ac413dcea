// wasm-run [FILE.tvm ...] [--engine native|js] [--model FILE] [--args STR]
// Runs programs through the transformer, printing each program's output and whether every token
// equals the reference executor's trace.
import { describeMismatch, generate } from '../model/generate';
import { JsEngine } from '../model/js-engine';
import { promptTokens } from '../tokens/program-file';
import { isOut, OUT_BASE } from '../tokens/vocabulary';
import { readModel } from '../weights/file';
import { universalModel } from '../weights/universal';
import { parseCli, runMain, UsageError } from './_common';
import { expectedGeneration, programsToRun } from './_compiled-files';

const USAGE =
  'usage: wasm-run [FILE.tvm ...] [--engine native|js] [--model FILE] [--args STR]   (default: every example)';

runMain('wasm-run', async () => {
  const { values, positionals } = parseCli(USAGE, {
    engine: { type: 'string' },
    model: { type: 'string' },
    args: { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const engine = values.engine ?? 'native';
  if (engine !== 'native' && engine !== 'js') throw new UsageError(`unknown engine '${engine}'\n${USAGE}`);
  if (engine === 'native')
    console.error('wasm-run: the native engine is not built in this version; using the JS engine');

  const model = values.model ? readModel(values.model) : (await universalModel()).model;
  let failures = 0;
  for (const { name, program } of await programsToRun(positionals)) {
    if (program.specialized) {
      throw new UsageError(`${name}: a specialized input needs a specialized model (wasm-specialize)`);
    }
    const input = values.args !== undefined ? new TextEncoder().encode(values.args) : program.input;
    const expected = expectedGeneration(program, input);
    // Program output is printed line by line as the transformer emits it.
    let line: number[] = [];
    const prompt = promptTokens(program, input);
    const run = generate(new JsEngine(model), prompt, {
      expected,
      onToken: (t) => {
        if (!isOut(t)) return;
        line.push(t - OUT_BASE);
        if (t - OUT_BASE === 10) {
          process.stdout.write(Buffer.from(line));
          line = [];
        }
      },
    });
    if (line.length) process.stdout.write(`${Buffer.from(line).toString('latin1')}\n`);
    const generated = run.tokens.length - (run.mismatch ? 1 : 0);
    const pass = !run.mismatch && run.tokens.length === expected.length;
    if (!pass) failures++;
    console.log(
      `${name}: ${pass ? 'PASS' : 'FAIL'} ${generated} tok in ${run.seconds.toFixed(2)} s (${Math.round(generated / run.seconds)} tok/s)`,
    );
    if (run.mismatch) console.log(`  ${describeMismatch(run.mismatch, prompt.length)}`);
  }
  return failures ? 1 : 0;
});
