// npm run test:long: the long runs, where engines would drift if their arithmetic did. Every
// engine generates sudoku's 1.5M-token trace (universal and specialized models) and a harder
// puzzle's, each token for token like the reference executor. Minutes, not seconds: not in
// `npm test`, which runs sudoku natively once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../../compiler/compile';
import { buildMachineGraph } from '../../machine/interpreter';
import { loadManifest } from '../../manifest';
import { JsEngine } from '../../model/js-engine';
import { generateNative, loadNative, openNative } from '../../model/native-engine';
import { scheduleAsap } from '../../schedule/heuristic';
import { type Generation, generate } from '../../tokens/generation';
import { promptTokens } from '../../tokens/program-file';
import { runReference } from '../../vm/reference';
import { buildWeights, finalReads } from '../../weights/build';
import { writeModel } from '../../weights/file';
import type { TransformerModel } from '../../weights/model';
import { specialize } from '../../weights/specialize';

// The long runs exist to compare the engines: without the native one they would check half.
const native = loadNative();
if (!native.ok) throw new Error(`npm run test:long needs the native engine: ${native.reason}`);
const work = mkdtempSync(join(tmpdir(), 'tvm-long-'));
after(() => rmSync(work, { recursive: true, force: true }));
const machine = buildMachineGraph('universal');
const universal = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
const HARD = '000000010400000000020000000000050407008000300001090000300400200050100000000806000';

async function sudoku(args?: string) {
  const ex = loadManifest().find((e) => e.name === 'sudoku')!;
  const program = asTokenProgram(await compileFile(ex.file, { args: args ?? ex.args }));
  const expected = runReference(program).trace.subarray(program.input!.length + 2);
  return { program, expected };
}

function check(r: Generation, expected: Int32Array, what: string) {
  assert.equal(r.mismatch, undefined, `${what}: ${JSON.stringify(r.mismatch)}`);
  assert.equal(r.tokens.length, expected.length, what);
  assert.ok(r.halted, what);
}

async function onBoth(model: TransformerModel, prompt: Int32Array, expected: Int32Array, what: string) {
  check(generate(new JsEngine(model), prompt, { expected }), expected, `${what} (JS)`);
  const file = join(work, 'model.tvmw');
  writeModel(file, model);
  check(await generateNative(openNative(file), prompt, { expected }), expected, `${what} (native)`);
}

test('sudoku, universal model: JS and native engines, 1.5M tokens each', async () => {
  const { program, expected } = await sudoku();
  await onBoth(universal, promptTokens(program), expected, 'sudoku');
});

test('sudoku, specialized model: JS and native engines from start and the input', async () => {
  const { program, expected } = await sudoku();
  const { model } = specialize(program.instructions, 'sudoku');
  await onBoth(model, promptTokens({ ...program, specialized: true }), expected, 'sudoku specialized');
});

test('a harder sudoku (17 givens): JS and native engines', async () => {
  const { program, expected } = await sudoku(HARD);
  assert.ok(expected.length > 1_500_000);
  await onBoth(universal, promptTokens(program), expected, 'hard sudoku');
});
