// wasm-reference [FILE.tvm...] [--max-tokens N]: executes token programs directly (no
// transformer), writes each exact trace to NAME_ref.tvm (as it goes, atomically) and prints the
// program's output. Every file is run; a failing one is reported and the exit status is 1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../manifest';
import { readProgramFile } from '../tokens/read-program';
import { assertNotInput } from '../util/files';
import { DEFAULT_MAX_TOKENS } from '../vm/reference';
import {
  DATA_DIR,
  forEachFile,
  integerOption,
  MAX_TOKENS_RANGE,
  parseCli,
  refPathFor,
  runMain,
  UsageError,
} from './_common';
import { TrapReport } from './_compiled-files';
import { writeReferenceFile } from './_reference-file';

const USAGE = 'usage: wasm-reference [FILE.tvm ...] [--max-tokens N]   (default: every example in data/)';

runMain('wasm-reference', async () => {
  const { values, positionals } = parseCli(USAGE, { 'max-tokens': { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxTokens =
    integerOption(values['max-tokens'], '--max-tokens', MAX_TOKENS_RANGE, USAGE) ?? DEFAULT_MAX_TOKENS;
  let files = positionals;
  if (files.length === 0) {
    files = loadManifest().map((ex) => join(DATA_DIR, `${ex.name}.tvm`));
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length)
      throw new UsageError(`${missing.join(', ')}: not compiled yet; run wasm-compile --all first`);
  }
  const traps = new TrapReport();
  const failures = await forEachFile('wasm-reference', files, String, (file) => {
    const ref = refPathFor(file);
    assertNotInput(ref, files, 'trace file');
    const program = readProgramFile(file);
    let last = 10;
    const run = writeReferenceFile(program, ref, maxTokens, '--max-tokens', (bytes) => {
      process.stdout.write(bytes);
      last = bytes[bytes.length - 1];
    });
    if (last !== 10) process.stdout.write('\n');
    console.log(`${file}: ${run.steps} instructions, ${run.tokens} tokens -> ${ref}`);
    traps.note(file, file, program, run);
    return true;
  });
  return traps.exitStatus(failures);
});
