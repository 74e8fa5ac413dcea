// wasm-reference [FILE.tvm...]: executes token programs directly (no transformer), writes each
// exact trace to NAME_ref.tvm and prints the program's output.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../manifest';
import { formatProgram, formatTrace } from '../tokens/program-file';
import { runReference } from '../vm/reference';
import { TRAP_EXIT_STATUS } from '../vm/traps';
import {
  DATA_DIR,
  parseCli,
  positiveOption,
  readProgramFile,
  refPathFor,
  runMain,
  UsageError,
} from './_common';
import { trapMessage } from './_compiled-files';

const USAGE = 'usage: wasm-reference [FILE.tvm ...] [--max-tokens N]   (default: every example in data/)';

runMain('wasm-reference', () => {
  const { values, positionals } = parseCli(USAGE, { 'max-tokens': { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxTokens = positiveOption(values['max-tokens'], '--max-tokens', USAGE);
  let files = positionals;
  if (files.length === 0) {
    files = loadManifest().map((ex) => join(DATA_DIR, `${ex.name}.tvm`));
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length)
      throw new UsageError(`${missing.join(', ')}: not compiled yet; run wasm-compile --all first`);
  }
  let trapped = false;
  for (const file of files) {
    const program = readProgramFile(file);
    const run = runReference(program, { maxTokens });
    const inputSection = program.input ? program.input.length + 2 : 0;
    const ref = refPathFor(file);
    writeFileSync(ref, formatProgram(program.instructions, null) + formatTrace(run.trace, inputSection));
    process.stdout.write(Buffer.from(run.output));
    if (run.output.length && run.output[run.output.length - 1] !== 10) process.stdout.write('\n');
    console.log(`${file}: ${run.steps} instructions, ${run.trace.length} tokens -> ${ref}`);
    const trap = trapMessage(file, program, run);
    if (trap) console.error(`${file}: trap: ${trap}`);
    trapped ||= trap !== undefined;
  }
  return trapped ? TRAP_EXIT_STATUS : 0;
});
