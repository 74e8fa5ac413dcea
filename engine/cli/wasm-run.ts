// wasm-run [FILE.tvm|FILE.c|FILE.wat|FILE.wasm ...] [--engine native|js] [--model FILE]
//          [--args STR] [--stdin TEXT | --stdin-file FILE] [-O0|-O1|-O2|-Os] [--max-tokens N]
// Runs programs through the transformer (a source file is compiled first, in memory), printing each program's output as it is generated and
// whether every token equals the reference executor's trace. The native engine is the default;
// without it (no C++ toolchain at install) wasm-run says why once and uses the JS engine. On a
// terminal, long runs show live progress on stderr; piped output stays clean. A model made by
// wasm-specialize runs its own program: give it NAME_spec.tvm (just `start` and the input) or
// the program's NAME.tvm. Every file is run; a failing one is reported with its name. The exit
// status is the program's own (decoded from the generated tokens), or 1 (EndReport).

import { JsEngine } from '../model/js-engine';
import { generateNative, loadNative, openNative } from '../model/native-engine';
import { describeMismatch, type Generation, generate } from '../tokens/generation';
import { formatProgram, promptTokens } from '../tokens/program-file';
import { isOut, OUT_BASE } from '../tokens/vocabulary';
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
import { decodedEnd, EndReport, expectedRun, programsToRun } from './_compiled-files';
import { PROGRAM_INPUT_OPTIONS, PROGRAM_INPUT_USAGE, programInputFlags } from './_program-input';

const USAGE = `usage: wasm-run [FILE.tvm|.c|.wat|.wasm ...] [--engine native|js] [--model FILE] ${PROGRAM_INPUT_USAGE} [--max-tokens N]   (default: every example)`;

runMain('wasm-run', async () => {
  const { values, positionals } = parseCli(USAGE, {
    engine: { type: 'string' },
    model: { type: 'string' },
    ...PROGRAM_INPUT_OPTIONS,
    'max-tokens': { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let engine = choiceOption(values.engine, '--engine', ['native', 'js'] as const, USAGE) ?? 'native';
  const maxTokens = integerOption(values['max-tokens'], '--max-tokens', MAX_TOKENS_RANGE, USAGE);
  const flags = programInputFlags(values, USAGE);
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

  const programs = await programsToRun(positionals, flags);
  const ends = new EndReport();
  const failures = await forEachFile(
    'wasm-run',
    programs,
    (p) => p.file,
    async ({ name, file, load }) => {
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
      const { generation: expected, inputSection } = expectedRun(
        { ...program, instructions, specialized: false },
        input,
        maxTokens,
      );
      const prompt = promptTokens({ ...program, instructions, specialized: baked !== undefined }, input);
      const out = new OutputPrinter();
      const run: Generation =
        engine === 'native'
          ? await generateNative(openNative(modelFile), prompt, {
              expected,
              onToken: (t) => out.token(t),
              onChunk: (c) => out.progress(c.length),
            })
          : generate(new JsEngine(jsModel!), prompt, { expected, onToken: (t) => out.token(t) });
      out.end();
      const generated = run.tokens.length - (run.mismatch ? 1 : 0);
      const pass = !run.mismatch && run.tokens.length === expected.length;
      console.log(
        `${name}: ${pass ? 'PASS' : 'FAIL'} ${generated} tok in ${run.seconds.toFixed(2)} s (${Math.round(generated / run.seconds)} tok/s)`,
      );
      if (run.mismatch) console.log(`  ${describeMismatch(run.mismatch, prompt.length)}`);
      // The transformer generated the trace exactly: how the program ended is read from its tokens.
      if (pass) {
        const end = decodedEnd(instructions, inputSection, run.tokens, sourceMap);
        if (!end) throw new Error(`${file}: the generated trace ends without 'halt'`);
        ends.note(name, end);
      }
      return pass;
    },
  );
  return ends.exitStatus(failures, programs.length);
});

/** Prints program output line by line as the transformer emits it, and progress on a terminal. */
class OutputPrinter {
  private line: number[] = [];
  private tokens = 0;
  private readonly start = performance.now();
  private readonly live = process.stderr.isTTY === true;
  private shown = false;

  token(t: number): void {
    if (!isOut(t)) return;
    this.line.push(t - OUT_BASE);
    if (t - OUT_BASE === 10) {
      this.clear();
      process.stdout.write(Buffer.from(this.line));
      this.line = [];
    }
  }

  progress(count: number): void {
    this.tokens += count;
    const seconds = (performance.now() - this.start) / 1000;
    if (!this.live || seconds < 1) return;
    const rate = Math.round(this.tokens / seconds);
    process.stderr.write(
      `\r\x1b[2K  ${this.tokens.toLocaleString('en-US')} tokens, ${rate.toLocaleString('en-US')} tok/s`,
    );
    this.shown = true;
  }

  end(): void {
    this.clear();
    if (this.line.length) process.stdout.write(`${Buffer.from(this.line).toString('latin1')}\n`);
  }

  private clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}
