// npm run bench [-- --runs N] [--examples a,b] [--engines native,js,graph]
// Speed of every engine on every example, each run in a child process of its own so its peak
// resident memory is its own: tokens, seconds, tokens/s, peak RSS, and the native/JS and
// specialized/universal ratios from the same run (native-spec: the example's specialized model). Every run is also checked token for token against the reference executor. With
// --runs N the median of N runs is reported. Also measures how soon pause() stops a native run.
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
import { generate } from '../engine/tokens/generation';
import { promptTokens } from '../engine/tokens/program-file';
import { T_HALT } from '../engine/tokens/vocabulary';
import { readModel, writeModel } from '../engine/weights/file';
import { specialize } from '../engine/weights/specialize';
import { universalModel } from '../engine/weights/universal';

/**
 * native-spec: the example's own specialized model (wasm-specialize) on the native engine;
 * debug: the native engine driven by the debugger's runtime (trace decoded, breakpoints checked
 * at every instruction), with breakpoints that are never hit.
 */
type Engine = 'native' | 'native-spec' | 'debug' | 'js' | 'graph';
interface Measure {
  tokens: number;
  seconds: number;
  rssMiB: number;
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
  } else if (engine === 'debug') {
    const example = loadManifest().find((e) => e.name === name)!;
    // The example's own arguments (argv words for a main program, the input string for compute),
    // and the same build the other engines run (-O2; F5's default is the -O0 debug build).
    const l = await launch({ program: example.file, args: example.args, model: modelFile, optimize: 'O2' });
    l.runtime.breakpoints.setFunctions([{ name: 'i32.load16_s' }, { name: 'no_such_function' }]);
    l.runtime.breakpoints.setLines(loadManifest().find((e) => e.name === name)!.file, [{ line: 1 }]);
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
    rssMiB: process.resourceUsage().maxRSS / 1024,
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
    (option('engines')?.split(',') ?? ['native', 'native-spec', 'js', 'graph']) as Engine[]
  ).filter((e) => !e.startsWith('native') || native.ok);
  if (!native.ok) console.log(`(${native.reason}: native runs skipped)`);
  const model = readModel(modelFile);
  console.log(
    `model ${modelFile} (${(statSync(modelFile).size / 1024).toFixed(0)} KiB): d_model ${model.dModel}, ${model.layers.length} layers, ${model.heads} heads, d_ffn ${model.dFfn}; ${runs} run(s) each, median`,
  );
  console.log('example            engine         tokens    seconds     tok/s   peak RSS   check');
  for (const name of examples) {
    const rate = new Map<Engine, number>();
    for (const engine of engines) {
      const ms: Measure[] = [];
      for (let k = 0; k < runs; k++) {
        const child = spawnSync(
          process.execPath,
          ['--import', 'tsx', __filename, '--one', `${engine}:${name}`],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 24,
          },
        );
        if (child.status !== 0) throw new Error(`${engine} ${name}: ${child.stderr}`);
        ms.push(JSON.parse(child.stdout));
      }
      const seconds = median(ms.map((m) => m.seconds));
      const tokens = ms[0].tokens;
      rate.set(engine, tokens / seconds);
      console.log(
        `${name.padEnd(18)} ${engine.padEnd(11)} ${String(tokens).padStart(9)}  ${seconds.toFixed(2).padStart(9)}  ${Math.round(
          tokens / seconds,
        )
          .toString()
          .padStart(8)}  ${median(ms.map((m) => m.rssMiB))
          .toFixed(0)
          .padStart(6)} MiB   ${ms.every((m) => m.pass) ? 'PASS' : 'FAIL'}`,
      );
    }
    const ratio = (a: Engine, b: Engine) =>
      rate.has(a) && rate.has(b) ? `${a}/${b} ${(rate.get(a)! / rate.get(b)!).toFixed(2)}×` : '';
    const ratios = [ratio('native', 'js'), ratio('native-spec', 'native'), ratio('debug', 'native')].filter(
      Boolean,
    );
    if (ratios.length) console.log(`${''.padEnd(18)} ${ratios.join(', ')}`);
  }
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
