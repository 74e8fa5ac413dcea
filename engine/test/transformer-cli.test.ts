// wasm-build and wasm-run as a user runs them: the model is built into the cache (or -o), and the
// examples run through the transformer with their output and a PASS line each.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifest } from '../manifest';
import { runTool } from './support/cli';
import { nativeSkip } from './support/native';

const work = mkdtempSync(join(tmpdir(), 'tvm-run-'));
const cache = join(work, 'cache');
after(() => rmSync(work, { recursive: true, force: true }));
const env = { TVM_CACHE_DIR: cache };

test('wasm-build writes the model and prints its shape', () => {
  const r = runTool('wasm-build', ['--solver', 'heuristic', '-o', join(work, 'model.tvmw')], work, env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /schedule: heuristic/);
  assert.match(r.stdout, /vocabulary 824, d_model \d+, layers \d+, heads \d+, d_ffn \d+/);
  assert.match(r.stdout, /nonzero weights \d+ of \d+ \([\d.]+%\)/);
  assert.ok(existsSync(join(work, 'model.tvmw')));
  assert.equal(
    readdirSync(cache).filter((f) => f.endsWith('-heuristic.v2.tvmw')).length,
    1,
    'the heuristic model in the cache',
  );
  const solver = runTool('wasm-build', ['--solver', 'simplex'], work, env);
  assert.notEqual(solver.code, 0);
  assert.match(solver.stderr, /--solver must be one of highs, glpk, heuristic, not 'simplex'/);
});

test('wasm-build with HiGHS: the optimal schedule fits 5 layers and a 35-wide residual stream', () => {
  const r = runTool('wasm-build', ['-o', join(work, 'highs.tvmw')], work, env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /schedule: highs \(Optimal/);
  const [, dModel, layers] = r.stdout.match(/d_model (\d+), layers (\d+)/)!.map(Number);
  // HiGHS proves the optimum, so the shape is exact: the fewest layers (the graph's depth) and the
  // narrowest residual stream in them.
  assert.deepEqual([layers, dModel], [5, 35], `d_model ${dModel}, ${layers} layers`);
});

test('wasm-build: every option is bounded before any work (1e9 layers once ran out of memory)', () => {
  const layers = /--layers must be an integer from 5 to 32, not/;
  for (const [args, message] of [
    [['--layers', '1000000000'], layers],
    [['--layers', '33'], layers],
    [['--layers', '4'], layers], // fewer than the graph's depth: no schedule can exist
    [['--layers', '2.5'], layers],
    [['--layers', '0'], layers],
    [['--layers', '6', '--solver', 'heuristic'], /--layers needs a solver/],
    [['--time-limit', '0'], /--time-limit must be an integer from 1 to 86,400, not '0'/],
    [['--time-limit', '1e300'], /--time-limit must be an integer from 1 to 86,400, not '1e300'/],
    [['--solver', 'HiGHS'], /--solver must be one of highs, glpk, heuristic, not 'HiGHS'/],
    [['stray'], /unexpected argument 'stray'/],
    [['-o', work], /is a folder, not a file name/],
    [['-o', join(work, 'model.tvmw', 'x.tvmw')], /model\.tvmw is not a folder/],
  ] as const) {
    const start = performance.now();
    const bad = runTool('wasm-build', [...args], work, env);
    assert.equal(bad.code, 1, `${args.join(' ')}: ${bad.stdout}${bad.stderr}`);
    assert.match(bad.stderr, message);
    assert.match(bad.stderr, /usage: wasm-build|^\S+: /);
    assert.doesNotMatch(bad.stderr, /\n\s+at |EEXIST|ENOTDIR/);
    assert.ok(performance.now() - start < 20_000, 'refused before scheduling');
  }
});

test('wasm-run: programs through the transformer print their output and PASS', () => {
  const examples = loadManifest();
  for (const n of ['hello', 'addition']) {
    const ex = examples.find((e) => e.name === n)!;
    assert.equal(runTool('wasm-compile', [ex.file, '--args', ex.args, '-o', join(work, n)], work).code, 0);
  }
  const r = runTool(
    'wasm-run',
    ['hello.tvm', 'addition.tvm', '--engine', 'js', '--model', join(work, 'model.tvmw')],
    work,
    env,
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Hello, World!$/m);
  assert.match(r.stdout, /^12345\+6789=19134$/m);
  assert.match(r.stdout, /^hello: PASS 1814 tok in [\d.]+ s \(\d+ tok\/s\)$/m);
  assert.match(r.stdout, /^addition: PASS \d+ tok in/m);
  const other = runTool('wasm-run', ['hello.tvm', '--args', 'transformer'], work, env);
  assert.equal(other.code, 0, other.stdout + other.stderr);
  assert.match(other.stdout, /^Hello, transformer!$/m);
  // Under CI the native engine must be there (nativeSkip throws); elsewhere the fallback is checked.
  if (nativeSkip() === false) assert.equal(other.stderr, '', 'the native engine runs it, quietly');
  else assert.match(other.stderr, /the native engine is not available: .*; using the JS engine/);
});

test('wasm-run: a corrupt model file is an error naming the file', () => {
  writeFileSync(join(work, 'broken.tvmw'), 'TVMWEIGH but not really');
  const r = runTool('wasm-run', ['hello.tvm', '--model', 'broken.tvmw'], work, env);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /broken\.tvmw: (checksum mismatch|truncated|format version)/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('wasm-run: --max-tokens, named in the limit error; every file runs and each failure is named', () => {
  writeFileSync(join(work, 'spin.tvm'), '{\nbr ff ff ff ff\n}\n');
  const model = ['--engine', 'js', '--model', join(work, 'model.tvmw')];
  const refused = runTool('wasm-run', ['hello.tvm', ...model, '--max-tokens', '0.5'], work, env);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /^--max-tokens must be an integer from 1 to 1,000,000,000, not '0\.5'\nusage: wasm-run/,
  );
  const r = runTool(
    'wasm-run',
    ['absent.tvm', 'spin.tvm', 'hello.tvm', ...model, '--max-tokens', '100000'],
    work,
    env,
  );
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^absent\.tvm: cannot open the token file: no such file$/m);
  assert.match(
    r.stderr,
    /^spin\.tvm: no 'halt' after 100,000 trace tokens: .*\(raise --max-tokens if it should\)/m,
  );
  assert.match(r.stdout, /^hello: PASS 1814 tok/m, 'the file after the failures still runs');
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const short = runTool('wasm-run', ['hello.tvm', ...model, '--max-tokens', '1000'], work, env);
  assert.equal(short.code, 1);
  assert.match(short.stderr, /^hello\.tvm: no 'halt' after 1,000 trace tokens/m);
});
