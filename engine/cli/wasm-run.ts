// wasm-run [FILE.tvm|FILE.c|FILE.wat|FILE.wasm ...] [--engine native|js] [--model FILE]
//          [--args STR] [--stdin TEXT | --stdin-file FILE] [-O0|-O1|-O2|-Os] [--max-tokens N]
//          [--trace FILE] [--jobs N]
// Runs programs through the transformer (a source file is compiled first, in memory), printing each program's output as it is generated and
// whether every token equals the reference executor's trace. The native engine is the default;
// without it (no C++ toolchain at install) wasm-run says why once and uses the JS engine. On a
// terminal, long runs show live progress on stderr; piped output stays clean. A model made by
// wasm-specialize runs its own program: give it NAME_spec.tvm (just `start` and the input) or
// the program's NAME.tvm. Every file is run; a failing one is reported with its name. The exit
// status is the program's own (decoded from the generated tokens), or 1 (EndReport).
// Memory stays bounded whatever the run's length: the reference trace is made a window at a time
// ahead of the transformer, and no trace is held (_streamed-run.ts). `--trace FILE` writes the
// generated trace as it comes, byte for byte the NAME_ref.tvm wasm-reference writes (one program
// only). Several programs run in parallel in child processes (`--jobs N`, default: the cores),
// each one's result printed whole, in the order given. Ctrl-C ends a run with the output so far
// and exit status 130.

import { availableParallelism } from 'node:os';
import { JsEngine } from '../model/js-engine';
import { loadNative, openNative } from '../model/native-engine';
import { describeMismatch } from '../tokens/generation';
import { formatProgram, promptTokens } from '../tokens/program-file';
import { assertNotInput } from '../util/files';
import { DEFAULT_MAX_TOKENS } from '../vm/reference';
import { readModel } from '../weights/file';
import type { TransformerModel } from '../weights/model';
import { bakedProgram } from '../weights/specialize';
import { universalModel } from '../weights/universal';
import {
  choiceOption,
  forEachFile,
  integerOption,
  MAX_TOKENS_RANGE,
  parseCli,
  runMain,
  UsageError,
} from './_common';
import { EndReport, programsToRun } from './_compiled-files';
import { INTERRUPTED_STATUS, Interrupt } from './_interrupt';
import { runInChildren } from './_jobs';
import { OutputPrinter } from './_output-printer';
import { PROGRAM_INPUT_OPTIONS, PROGRAM_INPUT_USAGE, programInputFlags } from './_program-input';
import { type StreamEngine, streamedRun } from './_streamed-run';
import { TraceFileWriter } from './_trace-file';

const USAGE = `usage: wasm-run [FILE.tvm|.c|.wat|.wasm ...] [--engine native|js] [--model FILE] ${PROGRAM_INPUT_USAGE} [--max-tokens N] [--trace FILE] [--jobs N]   (default: every example)
  --trace FILE  write the generated trace to FILE as it runs (the format of wasm-reference's NAME_ref.tvm; one program only)
  --jobs N      run up to N programs at once, each in its own process, results in the order given (1 to 64; default: the cores)`;

/** Most programs run side by side. */
const JOBS_RANGE = { min: 1, max: 64 };

runMain('wasm-run', async () => {
  const { values, positionals } = parseCli(USAGE, {
    engine: { type: 'string' },
    model: { type: 'string' },
    ...PROGRAM_INPUT_OPTIONS,
    'max-tokens': { type: 'string' },
    trace: { type: 'string' },
    jobs: { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let engine = choiceOption(values.engine, '--engine', ['native', 'js'] as const, USAGE) ?? 'native';
  const maxTokens =
    integerOption(values['max-tokens'], '--max-tokens', MAX_TOKENS_RANGE, USAGE) ?? DEFAULT_MAX_TOKENS;
  const jobs =
    integerOption(values.jobs, '--jobs', JOBS_RANGE, USAGE) ??
    Math.min(JOBS_RANGE.max, availableParallelism());
  const flags = programInputFlags(values, USAGE);
  const traceFile = values.trace;
  if (traceFile !== undefined && positionals.length !== 1)
    throw new UsageError(`--trace writes one program's trace: give exactly one file\n${USAGE}`);
  if (traceFile !== undefined) assertNotInput(traceFile, positionals, 'trace file');
  if (engine === 'native') {
    const native = loadNative();
    if (!native.ok) {
      console.error(`wasm-run: ${native.reason}; using the JS engine`);
      engine = 'js';
    }
  }
  // The model file: given, or the cached universal model (built now when missing).
  const modelFile = values.model ?? (await universalModel()).file;
  let jsModel: TransformerModel | undefined;
  if (engine === 'js' || values.model) jsModel = readModel(modelFile); // checks the file, with its name
  const baked = jsModel && bakedProgram(jsModel);
  if (baked && positionals.length === 0) {
    throw new UsageError(
      `${modelFile} is specialized to ${jsModel!.meta.specializedFor}: give its NAME_spec.tvm\n${USAGE}`,
    );
  }

  const interrupt = new Interrupt().listen();
  try {
    const programs = await programsToRun(positionals, flags);
    if (programs.length > 1 && jobs > 1) {
      // Each child runs one file with the same flags, the engine already chosen (said once, here).
      const childArgs = [`--engine=${engine}`, `--max-tokens=${maxTokens}`, '--jobs=1'];
      for (const name of ['model', 'args', 'stdin', 'stdin-file', 'optimize'] as const)
        if (values[name] !== undefined) childArgs.push(`--${name}=${values[name]}`);
      return await runInChildren(
        programs.map((p) => p.file),
        childArgs,
        jobs,
        interrupt,
      );
    }
    const ends = new EndReport();
    const failures = await forEachFile(
      'wasm-run',
      programs,
      (p) => p.file,
      async ({ name, file, load }) => {
        if (interrupt.requested) return false;
        const { program, input, sourceMap } = await load();
        let instructions = program.instructions;
        if (baked) {
          if (!program.specialized && formatProgram(instructions, null) !== formatProgram(baked, null))
            throw new UsageError(
              `${file}: the model is specialized to ${jsModel!.meta.specializedFor}, another program`,
            );
          instructions = [...baked];
        } else if (program.specialized) {
          throw new UsageError(`${file}: a specialized input needs a specialized model (wasm-specialize)`);
        }
        const inputSection = input && instructions[0]?.op === 'input_base' ? input.length + 2 : 0;
        const prompt = promptTokens({ ...program, instructions, specialized: baked !== undefined }, input);
        const runner: StreamEngine =
          engine === 'native'
            ? { kind: 'native', engine: openNative(modelFile) }
            : { kind: 'js', engine: new JsEngine(jsModel!) };
        const trace =
          traceFile !== undefined ? new TraceFileWriter(traceFile, instructions, inputSection) : undefined;
        let run: Awaited<ReturnType<typeof streamedRun>>;
        try {
          run = await streamedRun(runner, {
            instructions,
            input: input ?? program.input,
            lines: baked ? undefined : program.lines,
            inputSection,
            prompt,
            maxTokens,
            limitFlag: '--max-tokens',
            printer: new OutputPrinter(),
            trace,
            interrupt,
            sourceMap,
          });
        } catch (e) {
          trace?.abort();
          throw e;
        }
        if (run.pass) trace?.commit();
        else trace?.abort();
        const rate = `${run.generated} tok in ${run.seconds.toFixed(2)} s (${Math.round(run.generated / run.seconds)} tok/s)`;
        if (run.interrupted) {
          console.log(`${name}: interrupted after ${rate}`);
          return false;
        }
        console.log(`${name}: ${run.pass ? 'PASS' : 'FAIL'} ${rate}`);
        if (run.mismatch) console.log(`  ${describeMismatch(run.mismatch, prompt.length)}`);
        // The transformer generated the trace exactly: how the program ended is read from its tokens.
        if (run.pass) {
          if (!run.end) throw new Error(`${file}: the generated trace ends without 'halt'`);
          ends.note(name, run.end);
        } else if (!run.mismatch) {
          console.log('  the transformer stopped before the reference halted');
        }
        return run.pass;
      },
    );
    if (interrupt.requested) return INTERRUPTED_STATUS;
    return ends.exitStatus(failures, programs.length);
  } finally {
    interrupt.release();
  }
});
