// npm run bench [-- --runs N] [--examples a,b] [--engines native,native-spec,js,debug,debug-watch,graph] [--long]
//   [--no-jobs] [--no-weight-files]
// Speed of every engine (default: native, native-spec, js, debug) on every example, each run in a
// child process of its own so its peak resident memory is its own: tokens, seconds, µs per token,
// tokens/s, peak RSS, bytes per token above the same
// engine's peak on hello, and the native/JS and specialized/universal ratios from the same run
// (native-spec: the example's specialized model). Every run is also checked token for token
// against the reference executor. With --runs N the median of N runs is reported. Also measures
// how soon pause() stops a native run, and the wall time of `wasm-run --jobs 1` vs `--jobs 2` on
// every example (--no-jobs skips it). --long adds the long row: wasm-run (native) on
// examples/long/primes.c, 119.5M tokens, about 13 minutes (examples/long/README.md). Then the
// weight files' sizes and load times, format version 1 vs 2 (--no-weight-files skips them).
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../debug-adapter/runtime/launch';
import { buildMachineGraph } from '../engine/machine/interpreter';
import { runGraph } from '../engine/machine/run';
import { loadManifest } from '../engine/manifest';
import { JsEngine } from '../engine/model/js-engine';
import { generateNative, loadNative, openNative } from '../engine/model/native-engine';
import { exampleRun } from '../engine/test/support/examples';
import { BYTES_PER_TOKEN, HELLO, passedTokens, ROOT, WASM_RUN } from '../engine/test/support/memory-bound';
import { mib, runMeasured } from '../engine/test/support/peak-rss';
import { generate } from '../engine/tokens/generation';
import { promptTokens } from '../engine/tokens/program-file';
import { T_HALT } from '../engine/tokens/vocabulary';
import { readModel, writeModel } from '../engine/weights/file';
import { specialize } from '../engine/weights/specialize';
import { universalModel } from '../engine/weights/universal';
import { weightFileRows } from './bench-weight-files';

/**
 * native-spec: the example's own specialized model (wasm-specialize) on the native engine;
 * debug: the native engine driven by the debugger's runtime (trace decoded, breakpoints checked
 * at every instruction), with breakpoints that are never hit; debug-watch: the same with a data
 * breakpoint that is never hit (read or write of 16 bytes no program touches: every load and
 * store is compared with it).
 */
type Engine = 'native' | 'native-spec' | 'debug' | 'debug-watch' | 'js' | 'graph';
interface Measure {
  tokens: number;
  seconds: number;
  /** Peak resident set size of the run's process, bytes. */
  rss: number;
  pass: boolean;
}

async function one(engine: Engine, name: string, modelFile: string): Promise<Measure> {
  const run = await exampleRun(name);
  let r: { tokens: Int32Array; seconds: number; mismatch?: unknown };
  if (engine === 'native')
    r = await generateNative(openNative(modelFile), run.prompt, { expected: run.expected });
  else if (engine === 'native-spec') {
    const file = join(tmpdir(), `tvm-bench-${process.pid}.tvmw`);
    writeModel(file, specialize(run.program.instructions, name).model);
    const prompt = promptTokens({ ...run.program, specialized: true }, run.program.input);
    try {
      r = await generateNative(openNative(file), prompt, { expected: run.expected });
    } finally {
      rmSync(file, { force: true });
    }
  } else if (engine === 'debug' || engine === 'debug-watch') {
    const example = loadManifest().find((e) => e.name === name)!;
    // The example's own arguments (argv words for a main program, the input string for compute),
    // and the same build the other engines run (-O2; F5's default is the -O0 debug build).
    const l = await launch({ program: example.file, args: example.args, model: modelFile, optimize: 'O2' });
    l.runtime.breakpoints.setFunctions([{ name: 'i32.load16_s' }, { name: 'no_such_function' }]);
    l.runtime.breakpoints.setLines(loadManifest().find((e) => e.name === name)!.file, [{ line: 1 }]);
    if (engine === 'debug-watch')
      l.runtime.dataBreakpoints.set([
        { cell: { kind: 'memory', address: 0xffff_ff00, size: 16 }, access: 'readWrite' },
      ]);
    let stopped = false;
    l.runtime.on('stopped', () => {
      stopped = true;
    });
    const start = performance.now();
    const ended = new Promise<{ tokens: number }>((resolve) => l.runtime.once('ended', resolve));
    await l.runtime.continue();
    const end = await ended;
    const generated = end.tokens - l.runtime.o.promptLength - l.runtime.o.inputSection.length;
    r = {
      tokens: new Int32Array(generated),
      seconds: (performance.now() - start) / 1000,
      mismatch: stopped ? 'stopped' : undefined,
    };
  } else if (engine === 'js')
    r = generate(new JsEngine(readModel(modelFile)), run.prompt, { expected: run.expected });
  else r = runGraph(buildMachineGraph('universal'), run.prompt, { expected: run.expected });
  return {
    tokens: r.tokens.length,
    seconds: r.seconds,
    rss: process.resourceUsage().maxRSS * 1024,
    pass: !r.mismatch && r.tokens.length === run.expected.length,
  };
}

/** Starts sudoku natively, pauses it after a second, and returns how long the pause took. */
async function pauseLatency(modelFile: string): Promise<number> {
  const run = await exampleRun('sudoku');
  const e = openNative(modelFile);
  e.feed(run.prompt);
  const done = e.generate({ halt: T_HALT, chunk: 1 << 20 }, () => {});
  await new Promise((r) => setTimeout(r, 1000));
  const asked = performance.now();
  e.pause();
  const r = await done;
  if (r.reason !== 'paused') throw new Error(`the run ended (${r.reason}) before the pause`);
  return performance.now() - asked;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One measured run of `engine` on example `name`, in a child process of its own. */
function measureOne(engine: Engine, name: string): Measure {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--one', `${engine}:${name}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`${engine} ${name}: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Bytes per token above a base, for the tables ("-" when nothing was generated). */
const perToken = (rss: number, base: number, tokens: number) =>
  tokens > 0 ? ((rss - base) / tokens).toFixed(0) : '-';

/**
 * The long row: wasm-run (native) on the 100M-token program, its peak RSS against wasm-run's
 * own on hello, and issue 15's bound (64 B/token above that base).
 */
async function longRow() {
  const file = join(ROOT, 'examples', 'long', 'primes.c');
  const hello = await runMeasured(WASM_RUN, [HELLO, '--engine', 'native']);
  passedTokens(hello, 'hello');
  // Killed when over the bound for 125M tokens (primes.c makes 119.5M): a run that holds every
  // token would need ~35 GB, more than the machine has.
  const run = await runMeasured(WASM_RUN, [file, '--engine', 'native', '--max-tokens', '300000000'], {
    rssLimit: hello.peakRss + BYTES_PER_TOKEN.native * 125_000_000,
  });
  let tokens = 0;
  let pass = true;
  try {
    tokens = passedTokens(run, 'long/primes.c');
  } catch {
    pass = false; // over the memory limit, or diverged: the row says FAIL with what it saw
  }
  const bound = hello.peakRss + BYTES_PER_TOKEN.native * tokens;
  console.log(
    `${'long/primes'.padEnd(18)} ${'native'.padEnd(11)} ${String(tokens).padStart(9)}  ${run.seconds.toFixed(2).padStart(9)}  ${((run.seconds / tokens) * 1e6).toFixed(2).padStart(7)}  ${Math.round(
      tokens / run.seconds,
    )
      .toString()
      .padStart(
        8,
      )}  ${(run.peakRss / 2 ** 20).toFixed(0).padStart(6)} MiB  ${perToken(run.peakRss, hello.peakRss, tokens).padStart(5)}   ${pass ? 'PASS' : run.killedOverLimit ? 'FAIL (stopped over the memory limit)' : `FAIL (exit ${run.status})`}`,
  );
  console.log(
    `${''.padEnd(18)} wasm-run CLI; base ${mib(hello.peakRss)} (wasm-run on hello); bound base + ${BYTES_PER_TOKEN.native} B/token = ${mib(bound)}: ${pass && run.peakRss <= bound ? 'within' : 'OVER'}`,
  );
}

/** Wall time of `wasm-run --jobs N` on every example (its default programs), N = 1 and 2. */
async function jobsRows() {
  const seconds: number[] = [];
  for (const jobs of [1, 2]) {
    const run = await runMeasured(WASM_RUN, ['--jobs', String(jobs)]);
    if (run.status !== 0) {
      console.log(`wasm-run --jobs ${jobs}: exit ${run.status}: ${run.stderr.trim().split('\n')[0]}`);
      return;
    }
    seconds.push(run.seconds);
    console.log(
      `wasm-run --jobs ${jobs} (every example): ${run.seconds.toFixed(2)} s wall, peak RSS of the main process ${mib(run.peakRss)}`,
    );
  }
  console.log(`--jobs 2 vs --jobs 1: ${(seconds[0] / seconds[1]).toFixed(2)}× faster`);
}

async function main() {
  const { file: modelFile } = await universalModel();
  if (option('one')) {
    const [engine, name] = option('one')!.split(':');
    process.stdout.write(JSON.stringify(await one(engine as Engine, name, modelFile)));
    return;
  }
  if (option('pause')) {
    process.stdout.write(JSON.stringify(await pauseLatency(modelFile)));
    return;
  }
  const runs = Number(option('runs') ?? 1);
  const examples = option('examples')?.split(',') ?? loadManifest().map((e) => e.name);
  const native = loadNative();
  const engines = (
    (option('engines')?.split(',') ?? ['native', 'native-spec', 'js', 'debug']) as Engine[]
  ).filter((e) => !e.startsWith('native') || native.ok);
  if (!native.ok) console.log(`(${native.reason}: native runs skipped)`);
  const model = readModel(modelFile);
  console.log(
    `model ${modelFile} (${(statSync(modelFile).size / 1024).toFixed(0)} KiB): d_model ${model.dModel}, ${model.layers.length} layers, ${model.heads} heads, d_ffn ${model.dFfn}; ${runs} run(s) each, median`,
  );
  // The base of the B/token column: the same engine's peak RSS on hello (1.4k tokens: the
  // process, the model, the compiler and the reference run), measured once per engine.
  const base = new Map(engines.map((e) => [e, measureOne(e, 'hello').rss]));
  console.log(
    `B/token = (peak RSS - base) / tokens; base = the same engine's peak RSS on hello: ${engines
      .map((e) => `${e} ${mib(base.get(e)!)}`)
      .join(', ')}`,
  );
  console.log(
    'example            engine         tokens    seconds   µs/tok     tok/s   peak RSS  B/token  check',
  );
  for (const name of examples) {
    const rate = new Map<Engine, number>();
    for (const engine of engines) {
      const ms: Measure[] = [];
      for (let k = 0; k < runs; k++) ms.push(measureOne(engine, name));
      const seconds = median(ms.map((m) => m.seconds));
      const tokens = ms[0].tokens;
      const rss = median(ms.map((m) => m.rss));
      rate.set(engine, tokens / seconds);
      console.log(
        `${name.padEnd(18)} ${engine.padEnd(11)} ${String(tokens).padStart(9)}  ${seconds.toFixed(2).padStart(9)}  ${((seconds / tokens) * 1e6).toFixed(2).padStart(7)}  ${Math.round(
          tokens / seconds,
        )
          .toString()
          .padStart(
            8,
          )}  ${(rss / 2 ** 20).toFixed(0).padStart(6)} MiB  ${(name === 'hello' ? 'base' : perToken(rss, base.get(engine)!, tokens)).padStart(5)}   ${ms.every((m) => m.pass) ? 'PASS' : 'FAIL'}`,
      );
    }
    const ratio = (a: Engine, b: Engine) =>
      rate.has(a) && rate.has(b) ? `${a}/${b} ${(rate.get(a)! / rate.get(b)!).toFixed(2)}×` : '';
    const ratios = [
      ratio('native', 'js'),
      ratio('native-spec', 'native'),
      ratio('debug', 'native'),
      ratio('debug-watch', 'debug'),
    ].filter(Boolean);
    if (ratios.length) console.log(`${''.padEnd(18)} ${ratios.join(', ')}`);
  }
  if (process.argv.includes('--long')) {
    if (native.ok) await longRow();
    else console.log('(the long row needs the native engine: skipped)');
  }
  if (!process.argv.includes('--no-jobs')) await jobsRows();
  // Weight files v1 vs v2: sizes and load times (scripts/bench-weight-files.ts).
  if (!process.argv.includes('--no-weight-files')) await weightFileRows(modelFile);
  if (native.ok) {
    const child = spawnSync(process.execPath, [__filename, '--pause', '1'], {
      encoding: 'utf8',
    });
    if (child.status === 0)
      console.log(
        `pause(): a running native generation stopped ${JSON.parse(child.stdout).toFixed(2)} ms after the request`,
      );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
