// wasm-run [FILE.tvm ...] [--engine native|js] [--model FILE] [--args STR]
// Runs programs through the transformer, printing each program's output and whether every token
// equals the reference executor's trace.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileFile } from '../compiler/compile';
import { loadManifest } from '../manifest';
import { JsEngine } from '../model/js-engine';
import { promptTokens, type TokenProgram } from '../tokens/program-file';
import { isOut, OUT_BASE, T_HALT, tokenText } from '../tokens/vocabulary';
import { runReference } from '../vm/reference';
import { readModel } from '../weights/file';
import { universalModel } from '../weights/universal';
import { DATA_DIR, parseCli, readProgramFile, runMain, UsageError } from './_common';
import { writeCompiled } from './_compiled-files';

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
  const programs: { name: string; program: TokenProgram }[] = [];
  if (positionals.length) {
    for (const f of positionals)
      programs.push({ name: basename(f).replace(/\.(tvm|txt)$/, ''), program: readProgramFile(f) });
  } else {
    for (const ex of loadManifest()) {
      const file = join(DATA_DIR, `${ex.name}.tvm`);
      if (!existsSync(file))
        writeCompiled(await compileFile(ex.file, { args: ex.args }), join(DATA_DIR, ex.name));
      programs.push({ name: ex.name, program: readProgramFile(file) });
    }
  }

  let failures = 0;
  for (const { name, program } of programs) {
    if (program.specialized)
      throw new UsageError(`${name}: a specialized input needs a specialized model (wasm-specialize)`);
    const input = values.args !== undefined ? new TextEncoder().encode(values.args) : program.input;
    const reference = runReference(program, { input });
    const skip = input && program.instructions[0]?.op === 'input_base' ? input.length + 2 : 0;
    const expected = reference.trace.subarray(skip);
    const start = performance.now();
    const js = new JsEngine(model);
    for (const t of promptTokens(program, input)) js.feed(t);
    let generated = 0;
    let line: number[] = [];
    let mismatch = '';
    for (;;) {
      const t = js.predict();
      if (t !== expected[generated]) {
        const want = expected[generated] !== undefined ? tokenText(expected[generated]) : '<end of trace>';
        mismatch = `first mismatch at generated token ${generated}: expected '${want}', got '${tokenText(t)}'`;
        break;
      }
      generated++;
      if (isOut(t)) {
        line.push(t - OUT_BASE);
        if (t - OUT_BASE === 10) {
          process.stdout.write(Buffer.from(line));
          line = [];
        }
      }
      if (t === T_HALT) break;
      js.feed(t);
    }
    if (line.length) process.stdout.write(`${Buffer.from(line).toString('latin1')}\n`);
    const seconds = (performance.now() - start) / 1000;
    const pass = !mismatch && generated === expected.length;
    if (!pass) failures++;
    console.log(
      `${name}: ${pass ? 'PASS' : 'FAIL'} ${generated} tok in ${seconds.toFixed(2)} s (${Math.round(generated / seconds)} tok/s)`,
    );
    if (mismatch) console.log(`  ${mismatch}`);
  }
  return failures ? 1 : 0;
});
