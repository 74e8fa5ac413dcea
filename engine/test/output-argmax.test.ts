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
import { ArgmaxMemo, MEMO_MAX_SLOTS, MEMO_SET_BITS } from '../model/argmax-memo';
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

/** The machine's unembedding's nonzero columns, ascending. */
function machineSlots(): number[] {
  const columns = new Set<number>();
  for (let i = 0; i < V * d; i++) if (model.unembedding[i] !== 0) columns.add(i % d);
  return [...columns].sort((a, b) => a - b);
}

/**
 * Keys for the memo: residuals that agree outside the unembedding's slots or differ in one slot
 * (the first, the last, any) by a new value, one ulp, ±0 or a NaN, more of them than the table
 * holds (so entries are evicted and sets shared), and picks that come back to a hot few (so most
 * lookups hit).
 */
function memoKeys(seed: number, slots: Int32Array): { pool: Float64Array[]; picks: number[] } {
  const r = prng(seed);
  const pool: Float64Array[] = [];
  while (pool.length < 3 * (2 << MEMO_SET_BITS)) {
    const x = new Float64Array(d);
    for (const c of slots) x[c] = r() < 0.5 ? 0 : Math.floor(r() * 600) - 300;
    pool.push(x);
    const near = x.slice();
    const c = slots[Math.floor(r() * slots.length)];
    const kind = Math.floor(r() * 6);
    if (kind === 0) near[c] = x[c] === 0 ? -0 : x[c];
    else if (kind === 1) near[c] = x[c] + x[c] * 2 ** -52 + (x[c] === 0 ? 2 ** -1074 : 0);
    else if (kind === 2) near[c] = Number.NaN;
    else if (kind === 3) near[slots[r() < 0.5 ? 0 : slots.length - 1]] = Math.floor(r() * 600) - 300;
    else if (kind === 4) near[c] = Math.floor(r() * 600) - 300;
    else near[(c + 1) % d] += 1; // outside the slots or in the next one
    pool.push(near);
  }
  const picks = Array.from({ length: 40_000 }, (_, k) =>
    k % 3 === 0 ? Math.floor(r() * pool.length) : Math.floor(r() * 64),
  );
  return { pool, picks };
}

test('argmax memo: repeated, evicted and one-ulp-apart keys give the plain argmax (JS and native)', {
  skip,
}, () => {
  // A forged unembedding where every slot it reads can decide the token: small random
  // coefficients on twelve slots, the first and the last of the residual among them.
  const r = prng(5);
  const read = [0, 2, 3, 5, 8, 13, 17, 21, 26, 30, 33, d - 1];
  const unembedding = new Float64Array(V * d);
  for (let t = 0; t < V; t++) for (const c of read) unembedding[t * d + c] = Math.floor(r() * 17) - 8;
  const forged: TransformerModel = { ...model, unembedding };
  const file = join(work, 'memo.tvmw');
  writeModel(file, forged);
  const native = openNative(file);
  const js = new JsEngine(forged);
  const argmax = new OutputArgmax(unembedding, V, d);
  const slots = argmax.slots;
  assert.deepEqual([...slots], read, 'the slots are the unembedding’s columns');
  assert.deepEqual([...new OutputArgmax(model.unembedding, V, d).slots], [...machineSlots()]);
  const { pool, picks } = memoKeys(11, slots);
  const expected = pool.map((x) => plainArgmax(unembedding, x));
  assert.ok(new Set(expected).size > 20, 'the keys reach many different tokens');
  const memo = new ArgmaxMemo(slots);
  // One set of two entries and two sets: every key shares its set, so a match that skipped a word
  // of the key would answer for the wrong residual.
  const crowded = [new ArgmaxMemo(slots, 0), new ArgmaxMemo(slots, 1)];
  let computed = 0;
  for (const [k, i] of picks.entries()) {
    const x = pool[i];
    const got = memo.get(x, () => {
      computed++;
      return argmax.argmax(x);
    });
    assert.equal(got, expected[i], `memo, pick ${k} (residual ${i})`);
    for (const small of crowded)
      assert.equal(
        small.get(x, () => argmax.argmax(x)),
        expected[i],
        `crowded memo, pick ${k} (residual ${i})`,
      );
    assert.equal(js.predictFrom(x), expected[i], `JS engine, pick ${k} (residual ${i})`);
    assert.equal(native.predictFrom(x), expected[i], `native, pick ${k} (residual ${i})`);
  }
  // Most picks hit, and a key evicted or never seen is computed again: both paths ran.
  assert.ok(
    computed < picks.length / 2 && computed > pool.length / 2,
    `computed ${computed} of ${picks.length}`,
  );
  assert.equal(memo.bytes, (2 << MEMO_SET_BITS) * (2 * slots.length + 1) * 4);
  assert.equal(native.memory().argmaxMemo, (2 << MEMO_SET_BITS) * (slots.length + 1) * 8);
});

test('argmax memo: more slots than it keys computes every time', () => {
  const slots = Int32Array.from({ length: MEMO_MAX_SLOTS + 1 }, (_, i) => i);
  const memo = new ArgmaxMemo(slots);
  const x = new Float64Array(MEMO_MAX_SLOTS + 1);
  let computed = 0;
  for (let k = 0; k < 3; k++)
    assert.equal(
      memo.get(x, () => ++computed),
      k + 1,
    );
  assert.equal(memo.bytes, 0);
});
