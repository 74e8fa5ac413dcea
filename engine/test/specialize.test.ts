// Specialization: wasm-specialize bakes a program into the weights; wasm-run runs it from
// `start` and the input alone, on both engines, token for token like the reference executor.
// The one-hot shortcut engines take for the instruction neurons changes no bit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifest } from '../manifest';
import { JsEngine } from '../model/js-engine';
import { promptTokens } from '../tokens/program-file';
import { readModel } from '../weights/file';
import { specialize } from '../weights/specialize';
import { runTool } from './support/cli';
import { exampleRun } from './support/examples';
import { nativeSkip } from './support/native';

const work = mkdtempSync(join(tmpdir(), 'tvm-spec-'));
after(() => rmSync(work, { recursive: true, force: true }));
const env = { TVM_CACHE_DIR: join(work, 'cache') };

function compile(name: string) {
  const ex = loadManifest().find((e) => e.name === name)!;
  const r = runTool('wasm-compile', [ex.file, '--args', ex.args, '-o', join(work, name)], work);
  assert.equal(r.code, 0, r.stderr);
}

test('wasm-specialize bakes hello and collatz; wasm-run runs them from start and the input', () => {
  for (const name of ['hello', 'collatz']) {
    compile(name);
    const s = runTool('wasm-specialize', [`${name}.tvm`, '--save-weights', `${name}.spec.tvmw`], work, env);
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, new RegExp(`${name}: specialized to \\d+ instructions in [\\d.]+ s`));
    assert.match(s.stdout, /d_model \d+, layers \d+, heads \d+, d_ffn \d+/);
    const model = readModel(join(work, `${name}.spec.tvmw`));
    assert.equal(model.meta.mode, 'specialized');
    assert.equal(model.selectors.length, 1, 'the instruction neurons form one one-hot group');
    for (const engine of ['js', ...(nativeSkip() === false ? ['native'] : [])]) {
      const r = runTool(
        'wasm-run',
        ['--engine', engine, '--model', `${name}.spec.tvmw`, `${name}_spec.tvm`],
        work,
        env,
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`^${name}_spec: PASS \\d+ tok`, 'm'), `${engine}: ${r.stdout}`);
    }
  }
  const hello = runTool(
    'wasm-run',
    ['--model', 'hello.spec.tvmw', 'hello_spec.tvm', '--args', 'Futamura'],
    work,
    env,
  );
  assert.match(hello.stdout, /^Hello, Futamura!$/m);
  assert.match(hello.stdout, /^hello_spec: PASS/m);
});

test('a specialized model refuses another program, and needs its input file', () => {
  const other = runTool('wasm-run', ['--model', 'hello.spec.tvmw', 'collatz.tvm'], work, env);
  assert.notEqual(other.code, 0);
  assert.match(other.stderr, /collatz\.tvm: the model is specialized to hello, another program/);
  const none = runTool('wasm-run', ['--model', 'hello.spec.tvmw'], work, env);
  assert.match(none.stderr, /hello\.spec\.tvmw is specialized to hello: give its NAME_spec\.tvm/);
  const universal = runTool('wasm-run', ['hello_spec.tvm', '--engine', 'js'], work, env);
  assert.match(universal.stderr, /hello_spec\.tvm: a specialized input needs a specialized model/);
  const usage = runTool('wasm-specialize', ['hello_spec.tvm', '--save-weights', 'x.tvmw'], work, env);
  assert.match(usage.stderr, /hello_spec\.tvm: this is a specialized input \(no program\)/);
  assert.match(runTool('wasm-specialize', ['hello.tvm'], work, env).stderr, /usage: wasm-specialize/);
});

test('the one-hot shortcut changes no bit: the same residual stream as every neuron computed', async () => {
  const run = await exampleRun('fibonacci');
  const { model } = specialize(run.program.instructions, 'fibonacci');
  const shortcut = new JsEngine(model);
  const full = new JsEngine({ ...model, selectors: [] });
  const prompt = promptTokens({ ...run.program, specialized: true }, run.program.input);
  const tokens = [...prompt, ...run.expected.subarray(0, 4000)];
  for (const [i, t] of tokens.entries()) {
    shortcut.feed(t);
    full.feed(t);
    if (i % 400 === 0) {
      const [a, b] = [shortcut.residual, full.residual];
      assert.ok(Buffer.from(a.buffer).equals(Buffer.from(b.buffer)), `position ${i}`);
      assert.equal(shortcut.predict(), full.predict());
    }
  }
  assert.equal(shortcut.predict(), run.expected[4000]);
});

test('specialized shape: 6 layers, no fetch or close heads, no passthrough heads, hull heads only for state', async () => {
  const shapeOf = (m: ReturnType<typeof specialize>['model']) => {
    const heads = m.layers.flatMap((l) => l.heads.filter((h) => h.kind !== 'unused'));
    const count = (kind: string) => heads.filter((h) => h.kind === kind).length;
    return { heads, count };
  };
  // fibonacci has signed loads (the memory lookup keeps its sign value: two heads); sudoku has none.
  const cases = [
    { name: 'fibonacci', hull: 10, memoryHeads: 2 },
    { name: 'sudoku', hull: 9, memoryHeads: 1 },
  ];
  for (const c of cases) {
    const run = await exampleRun(c.name);
    const { model } = specialize(run.program.instructions, c.name);
    const { heads, count } = shapeOf(model);
    assert.equal(model.layers.length, 6, `${c.name}: layers`);
    // The instruction is in the weights: no head fetches it, nor finds the end of a program section.
    const fetches = heads.filter((h) => /^(opcode|immediate_byte_.*|close_position)$/.test(h.lookup));
    assert.deepEqual(fetches, [], `${c.name}: fetch heads`);
    assert.equal(count('passthrough'), 0, `${c.name}: passthrough heads`);
    assert.equal(count('lookup') + count('average'), c.hull, `${c.name}: hull heads`);
    assert.equal(heads.filter((h) => h.lookup === 'memory_byte_dirty').length, c.memoryHeads, c.name);
    assert.equal(model.selectors.length, 1, `${c.name}: one one-hot group`);
  }
});
