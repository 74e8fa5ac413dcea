// Bounded gate groups (engine/model/bounded-gates.ts; the native twin is checked the same way by
// native/test/bounded_check.cc under the sanitizers) against brute force: random rows switched by
// flags (scales 1024 to 3·2^40, one or two flags, small and heavy rest weights, rows near the edge
// of grouping), ramps and repeated rows, residuals with flags 0, 1 or neither, rest values up to
// beyond what the bound tolerates, NaN and infinities. An off group may hold no row whose computed
// gate is above 0; every neuron is loose or grouped once; a shared loose row gives each neuron's
// own gate. And a specialized model's flag-switched neurons are what the groups are for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedGates, type GateRows } from '../model/bounded-gates';
import { specialize } from '../weights/specialize';
import { exampleRun } from './support/examples';
import { prng } from './support/prng';

const WIDTH = 24;
const ONE = 0;

function sparse(dense: Float64Array, rows: number, width = WIDTH): GateRows {
  const starts = new Int32Array(rows + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < rows; j++) {
    for (let c = 0; c < width; c++)
      if (dense[j * width + c] !== 0) {
        cols.push(c);
        vals.push(dense[j * width + c]);
      }
    starts[j + 1] = cols.length;
  }
  return { starts, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
}

function dot(g: GateRows, j: number, x: Float64Array): number {
  let s = 0;
  for (let i = g.starts[j]; i < g.starts[j + 1]; i++) s += g.vals[i] * x[g.cols[i]];
  return s;
}

test('an off group never holds a neuron that fires (random rows and residuals, brute force)', () => {
  const r = prng(1203);
  const uniform = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const scales = [2 ** 36, 1024, 1e6 + 1, 3 * 2 ** 40];
  let evaluated = 0;
  let off = 0;
  let grouped = 0;
  for (let round = 0; round < 160; round++) {
    const s = scales[round % scales.length];
    const rows = uniform(8, 48);
    const dense = new Float64Array(rows * WIDTH);
    for (let j = 0; j < rows; j++) {
      const row = dense.subarray(j * WIDTH, (j + 1) * WIDTH);
      const kind = uniform(0, 9);
      if (kind < 6) {
        row[uniform(1, 6)] = s;
        const both = uniform(0, 2) === 0;
        if (both) row[uniform(1, 6)] += s;
        row[ONE] = -s * (both ? 2 : 1);
        for (let e = 0; e < 3; e++) row[uniform(8, WIDTH - 1)] = uniform(-3, 3);
        if (uniform(0, 7) === 0) row[uniform(8, 11)] = s / 2;
        if (uniform(0, 7) === 0) row[ONE] += s / 4096;
      } else if (kind < 8) {
        row[uniform(8, 12)] = 1;
        row[ONE] = -uniform(0, 4);
      } else if (j > 0) {
        row.set(dense.subarray((j - 1) * WIDTH, j * WIDTH));
      } else {
        row[ONE] = 1;
      }
    }
    const gate = sparse(dense, rows);
    const neurons = Array.from({ length: rows }, (_, j) => j).filter(
      (j) => gate.starts[j + 1] > gate.starts[j],
    );
    const bounded = new BoundedGates(gate, neurons);
    const held = new Map<number, number>();
    for (const j of bounded.loose) held.set(j, (held.get(j) ?? 0) + 1);
    for (const m of bounded.members) for (const j of m) held.set(j, (held.get(j) ?? 0) + 1);
    for (const j of neurons) assert.equal(held.get(j), 1, `round ${round}: neuron ${j} held once`);
    grouped += bounded.members.reduce((n, m) => n + m.length, 0);
    for (let trial = 0; trial < 200; trial++) {
      const x = new Float64Array(WIDTH);
      x[ONE] = trial % 23 === 0 ? 2 : 1;
      for (let f = 1; f <= 6; f++) {
        const v = uniform(0, 15);
        x[f] = v < 11 ? 0 : v < 14 ? 1 : v === 14 ? 0.5 : -1;
      }
      const scale = trial % 3 === 0 ? 1 : trial % 3 === 1 ? 255 : s / 4;
      for (let i = 8; i < WIDTH; i++) x[i] = Math.floor((uniform(-1000, 1000) / 1000) * scale);
      if (trial % 37 === 0)
        x[uniform(1, WIDTH - 1)] = trial % 2 ? Number.NaN : trial % 3 ? Infinity : -Infinity;
      bounded.loose.forEach((j, k) => {
        assert.ok(Object.is(dot(gate, bounded.distinct[bounded.looseRow[k]], x), dot(gate, j, x)));
      });
      for (let g = 0; g < bounded.groups; g++) {
        evaluated++;
        if (!bounded.off(g, x)) continue;
        off++;
        for (const j of bounded.members[g]) {
          const computed = dot(gate, j, x);
          assert.ok(
            !(computed > 0),
            `round ${round} trial ${trial}: group ${g} is off, neuron ${j} has ${computed}`,
          );
        }
      }
    }
  }
  // Worth something only if groups form and are often off.
  assert.ok(grouped > 0);
  assert.ok(off * 4 >= evaluated, `off in ${off} of ${evaluated}`);
});

test("a specialized model's flag-switched neurons are grouped", async () => {
  const run = await exampleRun('collatz');
  const { model } = specialize(run.program.instructions, 'collatz');
  const d = model.dModel;
  let grouped = 0;
  model.layers.forEach((layer, li) => {
    const rows = layer.gate.length / d;
    const gate = sparse(layer.gate, rows, d);
    const selected = new Uint8Array(rows);
    for (const sel of model.selectors)
      if (sel.layer === li) selected.fill(1, sel.first, sel.first + sel.count);
    const neurons = Array.from({ length: rows }, (_, j) => j).filter(
      (j) => gate.starts[j + 1] > gate.starts[j] && !selected[j],
    );
    const bounded = new BoundedGates(gate, neurons);
    grouped += bounded.members.reduce((n, m) => n + m.length, 0);
  });
  assert.ok(grouped >= 8, `${grouped} neurons grouped`);
});
