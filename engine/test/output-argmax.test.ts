// The bounded-block argmax of both engines (engine/model/output-argmax.ts, native/src/
// output_argmax.cc) against the plain one (every token's row dot product, the first maximum):
// on the machine's own residual streams, on random and extreme residuals, and on forged
// unembeddings full of exact ties across blocks, where only the tie rule decides.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildMachineGraph } from '../machine/interpreter';
import { JsEngine } from '../model/js-engine';
import { loadNative, openNative } from '../model/native-engine';
import { BLOCK_TOKENS, OutputArgmax } from '../model/output-argmax';
import { scheduleAsap } from '../schedule/heuristic';
import { buildWeights, finalReads } from '../weights/build';
import { writeModel } from '../weights/file';
import type { TransformerModel } from '../weights/model';
import { exampleRun } from './support/examples';
import { nativeSkip } from './support/native';
import { prng } from './support/prng';

loadNative();
const skip = nativeSkip();
const work = mkdtempSync(join(tmpdir(), 'tvm-argmax-'));
after(() => rmSync(work, { recursive: true, force: true }));
const machine = buildMachineGraph('universal');
const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
const V = model.vocabulary.length;
const d = model.dModel;

/** The definition: every token's score in column order, the first maximum (NaN never wins). */
function plainArgmax(unembedding: Float64Array, x: Float64Array): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < V; t++) {
    let s = 0;
    for (let c = 0; c < d; c++) {
      const a = unembedding[t * d + c];
      if (a !== 0) s += a * x[c];
    }
    if (s > bestScore) {
      bestScore = s;
      best = t;
    }
  }
  return best;
}

/** Residuals that stress the bound: integers, wide ranges, zeros, ±0, ±infinity, NaN, overflow. */
function residuals(seed: number, count: number): Float64Array[] {
  const r = prng(seed);
  const out: Float64Array[] = [new Float64Array(d), new Float64Array(d).fill(-0)];
  for (let k = 0; k < count; k++) {
    const x = new Float64Array(d);
    const kind = k % 6;
    for (let c = 0; c < d; c++) {
      const u = r();
      if (kind === 0) x[c] = Math.floor(u * 512) - 256;
      else if (kind === 1) x[c] = (u - 0.5) * 2 ** (Math.floor(r() * 120) - 60);
      else if (kind === 2) x[c] = u < 0.7 ? 0 : Math.floor(u * 3) - 1;
      else if (kind === 3) x[c] = u < 0.1 ? Number.NaN : u < 0.2 ? Number.POSITIVE_INFINITY : u - 0.5;
      else if (kind === 4) x[c] = (u - 0.5) * 1e300;
      else x[c] = u < 0.5 ? 2 ** -1070 * Math.floor(u * 8) : -(2 ** -1060);
    }
    out.push(x);
  }
  return out;
}

test('output argmax: the machine’s residual streams give the plain argmax (JS and native)', {
  skip,
}, async () => {
  const run = await exampleRun('fibonacci');
  const file = join(work, 'model.tvmw');
  writeModel(file, model);
  const native = openNative(file);
  const js = new JsEngine(model);
  const tokens = [...run.prompt, ...run.expected.subarray(0, 4000)];
  for (let i = 0; i < tokens.length; i++) {
    js.feed(tokens[i]);
    const x = js.residual;
    const expected = plainArgmax(model.unembedding, x);
    assert.equal(js.predict(), expected, `JS at position ${i}`);
    assert.equal(native.predictFrom(x), expected, `native at position ${i}`);
  }
});

test('output argmax: random, extreme and non-finite residuals give the plain argmax (JS and native)', {
  skip,
}, () => {
  const file = join(work, 'model.tvmw');
  writeModel(file, model);
  const native = openNative(file);
  const argmax = new OutputArgmax(model.unembedding, V, d);
  for (const [k, x] of residuals(7, 1200).entries()) {
    const expected = plainArgmax(model.unembedding, x);
    assert.equal(argmax.argmax(x), expected, `JS, residual ${k}`);
    assert.equal(native.predictFrom(x), expected, `native, residual ${k}`);
  }
});

test('output argmax: exact ties across blocks go to the first token, whichever block is scored first', {
  skip,
}, () => {
  const r = prng(99);
  // Five distinct rows on the same six slots, so blocks are full (16 tokens): the first block all
  // row 0, the second all row 1, every later block all five rows in turn. A later block's bound
  // (the best of five rows per slot) is then above the first two blocks', so it is scored first,
  // and when row 0 or 1 wins, its first token lies in an earlier block with the same score.
  const slots = [1, 4, 9, 16, 25, 30];
  const rows = Array.from({ length: 5 }, () => {
    const row = new Float64Array(d);
    for (const c of slots) row[c] = (Math.floor(r() * 3) + 1) * (r() < 0.5 ? -1 : 1);
    return row;
  });
  const unembedding = new Float64Array(V * d);
  for (let t = 0; t < V; t++) unembedding.set(rows[t < 16 ? 0 : t < 32 ? 1 : t % 5], t * d);
  const forged: TransformerModel = { ...model, unembedding };
  const file = join(work, 'ties.tvmw');
  writeModel(file, forged);
  const native = openNative(file);
  const argmax = new OutputArgmax(unembedding, V, d);
  assert.equal(argmax.blockCount, Math.ceil(V / BLOCK_TOKENS), 'full blocks of 16 tokens');
  for (const [k, x] of residuals(3, 600).entries()) {
    const expected = plainArgmax(unembedding, x);
    assert.equal(argmax.argmax(x), expected, `JS, residual ${k}`);
    assert.equal(native.predictFrom(x), expected, `native, residual ${k}`);
  }
});

test('output argmax: predictFrom checks its residual', { skip }, () => {
  const file = join(work, 'model.tvmw');
  writeModel(file, model);
  const native = openNative(file);
  assert.throws(
    () => native.predictFrom(new Float64Array(d - 1)),
    /predictFrom: expects a Float64Array of \d+ values/,
  );
  assert.throws(() => new JsEngine(model).predictFrom(new Float64Array(d + 1)), /expects \d+ values/);
});
