// npm run instructions -- [EXAMPLE] [--tokens N] [--model FILE]: the native engine's machine
// instructions per generated token, counted by valgrind's callgrind in a standalone driver
// (native/test/count_driver.cc, built here with the addon's sources and flags). Seconds on this
// shared 2-core machine move with whatever else runs; an instruction count does not, so a change
// to the engine can be compared before/after while other work runs. The driver runs twice, for 1
// and for N generated tokens (default sudoku, 50,000, the universal model), and the difference
// divided by N − 1 leaves out the load and the prompt. Instructions are not time (a mispredicted
// branch or a cache miss costs more than an add): `npm run bench` stays the measure of speed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleRun } from '../engine/test/support/examples';
import { T_HALT } from '../engine/tokens/vocabulary';
import { universalModel } from '../engine/weights/universal';
// @ts-expect-error: a plain ES module without types
import { engineSources } from './native-sources.mjs';

const native = join(__dirname, '..', 'native');

function fail(message: string): never {
  console.error(`instructions: ${message}`);
  process.exit(2);
}

function parse(argv: string[]): { example: string; tokens: number; model?: string } {
  let example = 'sudoku';
  let tokens = 50_000;
  let model: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tokens') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 2 || n > 100_000_000)
        fail(`--tokens takes an integer from 2 to 100,000,000`);
      tokens = n;
    } else if (a === '--model') {
      model = argv[++i];
      if (!model) fail('--model takes a weight file');
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else example = a;
  }
  return { example, tokens, model };
}

/** The flags binding.gyp compiles the addon with, so the count is the addon's code. */
function addonFlags(): string[] {
  const gyp = JSON.parse(readFileSync(join(native, 'binding.gyp'), 'utf8'));
  return gyp.targets[0].cflags_cc as string[];
}

/** Total instructions callgrind counted for one run of the driver. */
function count(driver: string, args: string[], dir: string): number {
  const out = join(dir, `callgrind.${args[3]}`);
  const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, driver, ...args], {
    encoding: 'utf8',
  });
  if (r.error) fail(`valgrind: ${r.error.message} (install the valgrind package)`);
  if (r.status !== 0) fail(`the driver failed (${r.status}): ${r.stderr.split('\n').slice(-4).join(' ')}`);
  const summary = /^summary: (\d+)/m.exec(readFileSync(out, 'utf8'));
  if (!summary) fail(`no summary in ${out}`);
  return Number(summary[1]);
}

async function main() {
  const { example, tokens, model } = parse(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'tvm-instructions-'));
  try {
    const build = join(native, 'build', 'count');
    mkdirSync(build, { recursive: true });
    const driver = join(build, 'count_driver');
    const cxx = process.env.CXX ?? 'g++';
    const compiled = spawnSync(
      cxx,
      [...addonFlags(), join(native, 'test', 'count_driver.cc'), ...engineSources(native), '-o', driver],
      { stdio: 'inherit' },
    );
    if (compiled.status !== 0) fail(`${cxx} could not build the driver`);
    const run = await exampleRun(example);
    const modelFile = model ?? (await universalModel()).file;
    const prompt = join(dir, 'prompt');
    const expected = join(dir, 'expected');
    writeFileSync(prompt, Buffer.from(run.prompt.buffer, run.prompt.byteOffset, run.prompt.byteLength));
    writeFileSync(
      expected,
      Buffer.from(run.expected.buffer, run.expected.byteOffset, run.expected.byteLength),
    );
    const n = Math.min(tokens, run.expected.length);
    const args = (k: number) => [modelFile, prompt, expected, String(k), String(T_HALT)];
    const base = count(driver, args(1), dir);
    const total = count(driver, args(n), dir);
    const per = (total - base) / (n - 1);
    console.log(
      `${example}: ${per.toFixed(0)} instructions per token over generated tokens 2..${n} ` +
        `(load and prompt: ${(base / 1e6).toFixed(0)}M)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => fail((e as Error).message));
