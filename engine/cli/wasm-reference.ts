// wasm-reference [FILE.tvm|FILE.c|FILE.wat|FILE.wasm ...] [--args STR] [--stdin TEXT | --stdin-file FILE]
//                [-O0|-O1|-O2|-Os] [--max-tokens N]
// Executes token programs directly (no transformer; a source file is compiled first, in memory),
// writes each exact trace to NAME_ref.tvm (as it goes, atomically: beside a token program file,
// in data/ for a source file, never beside the user's source) and prints the program's output.
// Every file is run; a failing one is reported. The exit status is the program's own, or 1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../manifest';
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
import { EndReport, ensureFolder, programToRun } from './_compiled-files';
import {
  isSourceFile,
  PROGRAM_INPUT_OPTIONS,
  PROGRAM_INPUT_USAGE,
  programInputFlags,
} from './_program-input';
import { writeReferenceFile } from './_reference-file';

const USAGE = `usage: wasm-reference [FILE.tvm|.c|.wat|.wasm ...] ${PROGRAM_INPUT_USAGE} [--max-tokens N]   (default: every example in data/)`;

runMain('wasm-reference', async () => {
  const { values, positionals } = parseCli(USAGE, {
    ...PROGRAM_INPUT_OPTIONS,
    'max-tokens': { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxTokens =
    integerOption(values['max-tokens'], '--max-tokens', MAX_TOKENS_RANGE, USAGE) ?? DEFAULT_MAX_TOKENS;
  const flags = programInputFlags(values, USAGE);
  let files = positionals;
  if (files.length === 0) {
    files = loadManifest().map((ex) => join(DATA_DIR, `${ex.name}.tvm`));
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length)
      throw new UsageError(`${missing.join(', ')}: not compiled yet; run wasm-compile --all first`);
  }
  const ends = new EndReport();
  const failures = await forEachFile('wasm-reference', files, String, async (file) => {
    const { name, load } = programToRun(file, flags);
    const ref = isSourceFile(file) ? join(DATA_DIR, `${name}_ref.tvm`) : refPathFor(file);
    assertNotInput(ref, files, 'trace file');
    if (isSourceFile(file)) ensureFolder(DATA_DIR, ref);
    const { program, input, sourceMap } = await load();
    let last = 10;
    const run = writeReferenceFile(
      { ...program, input },
      ref,
      maxTokens,
      '--max-tokens',
      (bytes) => {
        process.stdout.write(bytes);
        last = bytes[bytes.length - 1];
      },
      sourceMap,
    );
    if (last !== 10) process.stdout.write('\n');
    console.log(`${file}: ${run.steps} instructions, ${run.tokens} tokens -> ${ref}`);
    ends.note(file, run.end);
    return true;
  });
  return ends.exitStatus(failures, files.length);
});
