// Guarded neuron groups (engine/model/guarded-neurons.ts; the native engine's twin is checked the
// same way by native/test/guarded_check.cc under the sanitizers) against brute force: random gate
// rows of the guarded form, rows on the bound's edge and rows that only look guarded, residuals on
// both sides of every precondition. No neuron whose computed gate is above 0 may be skipped. And
// the machine's FFN is what the groups are for: most of its largest layer is grouped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMachineGraph } from '../machine/interpreter';
import { GuardedNeurons } from '../model/guarded-neurons';
import { scheduleAsap } from '../schedule/heuristic';
import { buildWeights, finalReads } from '../weights/build';
import { prng } from './support/prng';

const WIDTH = 24;
const C = 3;
const Q = 5;
const O = 0;

function dot(gate: Float64Array, j: number, x: Float64Array): number {
  let s = 0;
  for (let c = 0; c < WIDTH; c++) if (gate[j * WIDTH + c] !== 0) s += gate[j * WIDTH + c] * x[c];
  return s;
}

test('guarded groups never skip a neuron that fires (random rows and residuals, brute force)', () => {
  const r = prng(2026);
  const uniform = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  // Integral selector-like rows; large, odd and many-bit scales with rest columns; an integral
  // large scale, where a large x[c] takes S·x[c]² past 2^53; a scale of 53 significant bits.
  const scales = [1, 2 ** 36, 1000, 2 ** 20 + 1, 2 ** 30, 0.1];
  let narrowed = 0;
  let checked = 0;
  let grouped = 0;
  for (let round = 0; round < 240; round++) {
    const s = scales[round % scales.length];
    const integral = s === 1 || s === 2 ** 30;
    const rows = uniform(6, 40);
    const gate = new Float64Array(rows * WIDTH);
    for (let j = 0; j < rows; j++) {
      const row = gate.subarray(j * WIDTH, (j + 1) * WIDTH);
      const k = uniform(-3, 12);
      row[C] = 2 * k * s;
      row[Q] = -s;
      let b = integral ? (r() < 0.5 ? s : uniform(-3, 1)) : r() < 0.2 ? s - uniform(0, 2) : uniform(-300, 2);
      if (r() < 0.1) b = s + (integral ? 1 : s / 8); // above S: fires next to k, never grouped
      row[O] = b - k * k * s;
      if (!integral) {
        for (let e = 0; e < 3; e++) row[uniform(8, WIDTH - 1)] = uniform(-2, 2);
        if (r() < 1 / 6) row[uniform(8, 11)] = s; // a heavy positive rest weight
      }
      if (r() < 1 / 9) row[C] += 1; // not 2k·S: not guarded
    }
    const all = Array.from({ length: rows }, (_, j) => j).filter((j) =>
      gate.subarray(j * WIDTH, (j + 1) * WIDTH).some((v) => v !== 0),
    );
    const guarded = new GuardedNeurons(gate, WIDTH, all);
    grouped += guarded.neurons;
    for (let trial = 0; trial < 150; trial++) {
      const x = new Float64Array(WIDTH);
      const cv = trial % 13 === 0 ? 2 ** 23 + uniform(-2, 2) : uniform(-5, 14);
      x[C] = cv + (trial % 17 === 0 ? 0.5 : 0);
      x[Q] = x[C] * x[C] + (trial % 19 === 0 ? -1 : trial % 29 === 0 ? 1 : 0);
      x[O] = trial % 23 === 0 ? 2 : 1;
      const scale = trial % 3 === 0 ? 1 : trial % 3 === 1 ? 255 : s / 4;
      for (let i = 8; i < WIDTH; i++) x[i] = Math.floor((uniform(-1000, 1000) / 1000) * scale);
      if (trial % 31 === 0) x[uniform(8, WIDTH - 1)] = trial % 2 ? Number.NaN : Number.POSITIVE_INFINITY;
      const candidate = new Uint8Array(rows);
      for (const j of all) if (!guarded.grouped(j)) candidate[j] = 1;
      for (let g = 0; g < guarded.groups; g++) {
        const chosen = guarded.select(g, x);
        for (let i = guarded.from; i < guarded.to; i++) candidate[chosen[i]] = 1;
      }
      if (candidate.reduce((n, v) => n + v, 0) < all.length) narrowed++;
      checked++;
      for (const j of all)
        assert.ok(
          !(dot(gate, j, x) > 0) || candidate[j],
          `round ${round} trial ${trial}: neuron ${j} fires (gate ${dot(gate, j, x)}) but was skipped`,
        );
    }
  }
  // Worth something only if groups form and the narrowed path runs often.
  assert.ok(
    grouped > 0 && narrowed * 8 > checked,
    `${grouped} grouped, narrowed in ${narrowed} of ${checked}`,
  );
});

test('the universal machine: most of its largest FFN layer is in guarded groups', () => {
  const machine = buildMachineGraph('universal');
  const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
  const d = model.dModel;
  let largest = { live: 0, grouped: 0 };
  for (const layer of model.layers) {
    const live: number[] = [];
    for (let j = 0; j < model.dFfn; j++)
      if (layer.gate.subarray(j * d, (j + 1) * d).some((v) => v !== 0)) live.push(j);
    const guarded = new GuardedNeurons(layer.gate, d, live);
    if (live.length > largest.live) largest = { live: live.length, grouped: guarded.neurons };
  }
  assert.ok(
    largest.grouped >= 0.8 * largest.live,
    `${largest.grouped} of the largest layer's ${largest.live} live neurons grouped`,
  );
});

test('group finding stays bounded on weights built to suggest every key (no hang at load)', () => {
  // 4,096 rows of 16 weights, each a plausible q (−S), c (2k·S) or o for many others.
  const width = 32;
  const rows = 4096;
  const gate = new Float64Array(rows * width);
  const r = prng(7);
  for (let j = 0; j < rows; j++)
    for (let e = 0; e < 16; e++) {
      const c = (j + e * 2) % width;
      gate[j * width + c] = e % 2 ? -1 : 2 * Math.floor(r() * 8);
    }
  const all = Array.from({ length: rows }, (_, j) => j);
  const guarded = new GuardedNeurons(gate, width, all);
  assert.ok(guarded.groups <= 8, `${guarded.groups} groups`);
  // Rows of more than 16 weights are never grouped.
  const wide = new Float64Array(8 * width).fill(-1);
  assert.equal(
    new GuardedNeurons(
      wide,
      width,
      Array.from({ length: 8 }, (_, j) => j),
    ).groups,
    0,
  );
});
