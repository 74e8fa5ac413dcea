// wasm-build and wasm-run as a user runs them: the model is built into the cache (or -o), and the
// examples run through the transformer with their output and a PASS line each.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifest } from '../manifest';
import { loadNative } from '../model/native-engine';
import { runTool } from './support/cli';

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
    readdirSync(cache).filter((f) => f.endsWith('-heuristic.tvmw')).length,
    1,
    'the heuristic model in the cache',
  );
  const solver = runTool('wasm-build', ['--solver', 'simplex'], work, env);
  assert.notEqual(solver.code, 0);
  assert.match(solver.stderr, /unknown solver 'simplex'/);
});

test('wasm-build with HiGHS: the optimal schedule fits 5 layers and a 35-wide residual stream', () => {
  const r = runTool('wasm-build', ['-o', join(work, 'highs.tvmw')], work, env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /schedule: highs \(Optimal/);
  const [, dModel, layers] = r.stdout.match(/d_model (\d+), layers (\d+)/)!.map(Number);
  assert.ok(dModel <= 38 && layers <= 7, `d_model ${dModel}, ${layers} layers`);
  for (const [args, message] of [
    [['--layers', '2.5'], /--layers must be a whole number/],
    [['--layers', '6', '--solver', 'heuristic'], /--layers needs a solver/],
    [['--layers', '0'], /--layers must be a positive number/],
  ] as const) {
    const bad = runTool('wasm-build', [...args], work, env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, message);
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
  const native = loadNative();
  if (native.ok) assert.equal(other.stderr, '', 'the native engine runs it, quietly');
  else assert.match(other.stderr, /the native engine is not available: .*; using the JS engine/);
});

test('wasm-run: a corrupt model file is an error naming the file', () => {
  writeFileSync(join(work, 'broken.tvmw'), 'TVMWEIGH but not really');
  const r = runTool('wasm-run', ['hello.tvm', '--model', 'broken.tvmw'], work, env);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /broken\.tvmw: (checksum mismatch|truncated|format version)/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
