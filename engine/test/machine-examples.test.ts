// wasm-eval: every example runs through the machine graph token for token like the reference
// executor: all of them with hull attention (sudoku included), the small ones with brute-force
// attention, and the specialized graph on hello, addition, collatz and fibonacci.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifest } from '../manifest';
import { runTool } from './support/cli';

const work = mkdtempSync(join(tmpdir(), 'tvm-eval-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Compiles the named examples into the work folder; returns their .tvm paths. */
function compileExamples(names: string[]): string[] {
  const examples = loadManifest();
  return names.map((n) => {
    const ex = examples.find((e) => e.name === n)!;
    const r = runTool('wasm-compile', [ex.file, '--args', ex.args, '-o', join(work, n)]);
    assert.equal(r.code, 0, r.stderr);
    return join(work, `${n}.tvm`);
  });
}

function assertAllPass(stdout: string, names: string[], attention: string) {
  for (const n of names) {
    assert.match(
      stdout,
      new RegExp(`^${n}: PASS \\d+ tok in [\\d.]+ s \\(\\d+ tok/s, ${attention}\\)$`, 'm'),
      stdout,
    );
  }
  assert.doesNotMatch(stdout, /FAIL/);
}

test('universal graph, hull attention: every example passes, sudoku included', () => {
  const names = loadManifest().map((e) => e.name);
  const r = runTool('wasm-eval', compileExamples(names));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /^universal graph: \d+ dimensions \(\d+ input, \d+ reglu, \d+ persist, \d+ lookup values\), \d+ lookups, vocabulary \d+$/m,
  );
  assertAllPass(r.stdout, names, 'hull');
});

// Brute-force attention is quadratic in the trace: only the smallest example (addition, an
// ordinary C program now, has four times hello's trace, sixteen times the work).
test('brute-force attention agrees on the smallest example', () => {
  const names = ['hello'];
  const r = runTool('wasm-eval', [...compileExamples(names), '--nohull']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assertAllPass(r.stdout, names, 'brute');
});

test('specialized graph: the program baked into tables, prompt = start + input', () => {
  const names = ['hello', 'addition', 'collatz', 'fibonacci'];
  const r = runTool('wasm-eval', [...compileExamples(names), '--specialized']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assertAllPass(r.stdout, names, 'hull');
  assert.match(r.stdout, /hello: specialized graph: \d+ dimensions/);
});

test('another input through --args', () => {
  const [file] = compileExamples(['collatz']);
  const r = runTool('wasm-eval', [file, '--args', '27']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assertAllPass(r.stdout, ['collatz'], 'hull');
});
