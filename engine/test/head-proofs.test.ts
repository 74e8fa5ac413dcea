// What the weights prove about the heads at load (engine/model/head-proofs.ts), which the JS
// engine uses to skip rows: the universal model's marked heads; every condition of a proof
// refusing a model that breaks it; a perturbed key or query running the full path, which catches
// it; and the shortcuts changing no bit of the residual stream against the same model whose
// proofs are defeated by a harmless extra entry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMachineGraph } from '../machine/interpreter';
import { type HeadProof, proveHeads } from '../model/head-proofs';
import { JsEngine } from '../model/js-engine';
import { scheduleAsap } from '../schedule/heuristic';
import { T_START } from '../tokens/vocabulary';
import { buildWeights, finalReads } from '../weights/build';
import type { LayerWeights, TransformerModel } from '../weights/model';
import { exampleRun } from './support/examples';

const machine = buildMachineGraph('universal');
const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
const d = model.dModel;
const pos = model.positionSlot;
const square = model.positionSquareSlot;
/** The slot of the graph's constant `one` (1 in every token's embedding but the start token's). */
const oneSlot = model.layers[0].slots.indexOf('one');
/** Whether a layer before `layer` writes slot c (a nonzero in an output or down row). */
const writtenBefore = (layer: number, c: number) =>
  model.layers
    .slice(0, layer)
    .some((l) => [l.output, l.down].some((m) => m.some((v, i) => v !== 0 && i % d === c)));

type Matrix = 'query' | 'key' | 'value' | 'output' | 'down';

/** A deep copy whose matrices may be changed. */
const copy = (m: TransformerModel): TransformerModel => structuredClone(m);

/** The model with `edit` applied to one layer's weights (a copy). */
function editLayer(m: TransformerModel, layer: number, edit: (l: LayerWeights) => void): TransformerModel {
  const c = copy(m);
  edit(c.layers[layer]);
  return c;
}

/** Every token's embedding sets `one` to 1: the start token's too (the proof then holds). */
function oneEverywhere(m: TransformerModel): TransformerModel {
  const c = copy(m);
  for (let t = 0; t < c.vocabulary.length; t++) c.embedding[t * d + oneSlot] = 1;
  return c;
}

/** [layer, head] of every head of a kind. */
const headsOf = (m: TransformerModel, kind: string) =>
  m.layers.flatMap((l, li) => l.heads.flatMap((h, hi) => (h.kind === kind ? [[li, hi] as const] : [])));

/** The heads whose proof has `fact`, as "layer.head". */
const marked = (proofs: HeadProof[][], fact: keyof HeadProof) =>
  proofs.flatMap((l, li) => l.flatMap((p, hi) => (p[fact] ? [`${li}.${hi}`] : [])));

const names = (heads: readonly (readonly [number, number])[]) => heads.map(([l, h]) => `${l}.${h}`);

test("the universal model's marked heads: every gather and passthrough head has a position key", (t) => {
  const proofs = proveHeads(model);
  const gather = headsOf(model, 'gather');
  const passthrough = headsOf(model, 'passthrough');
  assert.ok(gather.length > 0 && passthrough.length > 0);
  assert.deepEqual(marked(proofs, 'tokenOnly'), names(gather), 'token-only: every gather head');
  assert.deepEqual(
    marked(proofs, 'positionKey').sort(),
    names([...gather, ...passthrough]).sort(),
    'position key: every gather and passthrough head',
  );
  // Every passthrough head's query reads `one`: it is (p, 1) wherever x[one] is 1, which the
  // engine checks per position (the start token's embedding is all zeros, `one` included).
  assert.equal(model.embedding[T_START * d + oneSlot], 0);
  assert.deepEqual(marked(proofs, 'currentQuery'), names(passthrough));
  for (const [l, h] of passthrough) assert.equal(proofs[l][h].oneSlot, oneSlot);
  t.diagnostic(
    `${model.layers.length} layers: ${gather.length} gather heads token-only with a position key, ` +
      `${passthrough.length} passthrough heads with a position key`,
  );
});

test('a position key is refused when a condition breaks', () => {
  const [gl, gh] = headsOf(model, 'gather')[0];
  const [pl, ph] = headsOf(model, 'passthrough').find(([l]) => l > 0)!;
  const keyOf = (m: TransformerModel, l: number, h: number) => proveHeads(m)[l][h].positionKey;
  assert.ok(keyOf(model, gl, gh) && keyOf(model, pl, ph));
  const set = (l: number, matrix: Matrix, row: number, column: number, v: number) =>
    editLayer(model, l, (w) => {
      w[matrix][row * d + column] = v;
    });
  // The key's coefficients: not exactly 2 and −1.
  assert.ok(!keyOf(set(gl, 'key', 2 * gh, pos, 2 + 2 ** -51), gl, gh));
  assert.ok(!keyOf(set(gl, 'key', 2 * gh + 1, square, -2), gl, gh));
  assert.ok(!keyOf(set(pl, 'key', 2 * ph, pos, 3), pl, ph));
  // Another entry in a key row, even one that reads a constant.
  assert.ok(!keyOf(set(gl, 'key', 2 * gh, oneSlot, 1e-300), gl, gh));
  assert.ok(!keyOf(set(pl, 'key', 2 * ph + 1, pos, -1), pl, ph));
  // The rows swapped: (−p², 2p).
  const swapped = editLayer(model, gl, (w) => {
    const x = w.key.slice(2 * gh * d, (2 * gh + 1) * d);
    w.key.copyWithin(2 * gh * d, (2 * gh + 1) * d, (2 * gh + 2) * d);
    w.key.set(x, (2 * gh + 1) * d);
  });
  assert.ok(!keyOf(swapped, gl, gh));
  // The embedding puts something in a position slot for one token: no layer's key is p.
  for (const slot of [pos, square]) {
    const c = copy(model);
    c.embedding[5 * d + slot] = 1;
    assert.deepEqual(marked(proveHeads(c), 'positionKey'), [], `embedding writes slot ${slot}`);
  }
  // An earlier layer writes a position slot (an output row, or an FFN down row): from the next
  // layer on nothing is proven, the layers up to it keep their proofs.
  for (const matrix of ['output', 'down'] as const) {
    const c = set(pl - 1, matrix, 0, square, 2 ** -40);
    const proofs = proveHeads(c);
    assert.ok(
      proofs.slice(pl).every((l) => l.every((p) => !p.positionKey)),
      `${matrix} writes position²`,
    );
    assert.deepEqual(proofs.slice(0, pl), proveHeads(model).slice(0, pl));
  }
  // A lookup head is never proven, whatever its key.
  const [ll, lh] = headsOf(model, 'lookup')[0];
  const lookup = editLayer(model, ll, (w) => {
    w.key.fill(0, 2 * lh * d, (2 * lh + 2) * d);
    w.key[2 * lh * d + pos] = 2;
    w.key[(2 * lh + 1) * d + square] = -1;
  });
  assert.ok(!keyOf(lookup, ll, lh));
});

test('a current query is refused when a condition breaks', () => {
  const proven = model;
  const [pl, ph] = headsOf(model, 'passthrough').find(([l]) => l > 0)!;
  const queryOf = (m: TransformerModel) => proveHeads(m)[pl][ph].currentQuery;
  assert.ok(queryOf(proven));
  const s = model.hardmaxScale;
  const set = (l: number, matrix: Matrix, row: number, column: number, v: number) =>
    editLayer(proven, l, (w) => {
      w[matrix][row * d + column] = v;
    });
  const q = (row: number, column: number, v: number) => set(pl, 'query', 2 * ph + row, column, v);
  // Not exactly hardmaxScale·x[position] and hardmaxScale·x[one].
  assert.ok(!queryOf(q(0, pos, s * 2)));
  assert.ok(!queryOf(q(1, oneSlot, s / 2)));
  assert.ok(!queryOf(q(0, oneSlot, -s)), 'the query (p − 1, 1)');
  assert.ok(!queryOf(q(1, pos, 1)), 'a second entry');
  // The second row reads another slot: a position slot, or one that is not 1 for every token.
  const moved = (column: number) =>
    editLayer(proven, pl, (w) => {
      w.query.fill(0, (2 * ph + 1) * d, (2 * ph + 2) * d);
      w.query[(2 * ph + 1) * d + column] = s;
    });
  assert.ok(queryOf(moved(oneSlot)));
  assert.ok(!queryOf(moved(pos)));
  assert.ok(!queryOf(moved(square)));
  // Any other slot is proven too: whether it holds 1 is the engine's check at each position.
  const input = model.inputSlots.map((name) => model.layers[0].slots.indexOf(name));
  const notOne = input.find((c) => c !== oneSlot && c !== pos && c !== square && !writtenBefore(pl, c))!;
  assert.ok(notOne >= 0);
  assert.equal(proveHeads(moved(notOne))[pl][ph].oneSlot, notOne);
  // No position key, no current query: the key is checked first.
  assert.ok(!queryOf(set(pl, 'key', 2 * ph, pos, 4)));
});

test('a token-only head is refused when its values read a written or a position slot', () => {
  const [gl, gh] = headsOf(model, 'gather').find(([l]) => l > 0)!;
  const tokenOnly = (m: TransformerModel) => proveHeads(m)[gl][gh].tokenOnly;
  assert.ok(tokenOnly(model));
  const written = Array.from({ length: d }, (_, c) => c).find((c) => writtenBefore(gl, c))!;
  assert.ok(written >= 0);
  for (const column of [written, pos, square]) {
    const m = editLayer(model, gl, (w) => {
      w.value[2 * gh * d + column] = 1;
    });
    assert.ok(!tokenOnly(m), `value reads slot ${column}`);
  }
});

test('a perturbed position key or current query runs the full path, which catches it', async () => {
  const run = await exampleRun('hello');
  const tokens = [...run.prompt, ...run.expected.subarray(0, 50)];
  const feedAll = (m: TransformerModel) => {
    const e = new JsEngine(m);
    for (const t of tokens) e.feed(t);
  };
  // A gather head whose key is (3p, −p²): a proof that accepted it would store it as (2p, −p²).
  const [gl, gh] = headsOf(model, 'gather')[0];
  const key = editLayer(model, gl, (w) => {
    w.key[2 * gh * d + pos] = 3;
  });
  assert.throws(() => feedAll(key), /position attention: row 1 got key \(3, -1\)/);
  // A passthrough head whose query is (p − 1, 1): it would read the position before.
  const proven = oneEverywhere(model);
  feedAll(proven);
  const [pl, ph] = headsOf(model, 'passthrough')[0];
  const query = editLayer(proven, pl, (w) => {
    w.query[2 * ph * d + oneSlot] = -model.hardmaxScale;
  });
  assert.throws(() => feedAll(query), /a passthrough head read position 0 at position 1/);
});

/**
 * The model with one more residual slot, last, that nothing sets or writes (so it holds 0), and an
 * entry reading it in both key rows and both query rows of every gather and passthrough head: the
 * sums are the same doubles (… + c·0, added last), but no head's key or query is proven.
 */
function withDeadSlot(m: TransformerModel): TransformerModel {
  const w = m.dModel + 1;
  const widen = (a: Float64Array) => {
    const rows = a.length / m.dModel;
    const out = new Float64Array(rows * w);
    for (let r = 0; r < rows; r++) out.set(a.subarray(r * m.dModel, (r + 1) * m.dModel), r * w);
    return out;
  };
  return {
    ...m,
    dModel: w,
    embedding: widen(m.embedding),
    unembedding: widen(m.unembedding),
    inputSlots: [...m.inputSlots, ''],
    layers: m.layers.map((l) => {
      const query = widen(l.query);
      const key = widen(l.key);
      l.heads.forEach((h, hi) => {
        if (h.kind !== 'gather' && h.kind !== 'passthrough') return;
        for (const r of [2 * hi, 2 * hi + 1]) query[r * w + m.dModel] = key[r * w + m.dModel] = 0.75;
      });
      return {
        ...l,
        query,
        key,
        value: widen(l.value),
        output: widen(l.output),
        gate: widen(l.gate),
        up: widen(l.up),
        down: widen(l.down),
        slots: [...l.slots, ''],
      };
    }),
  };
}

test('the shortcuts change no bit: the same model with its proofs defeated computes the same', async () => {
  // The machine's own model: the current-query shortcut runs wherever x[one] is 1, the full path
  // at the start token (the tokens are fed, not generated).
  const proven = model;
  const plain = withDeadSlot(proven);
  const p = proveHeads(proven);
  assert.ok(marked(p, 'positionKey').length > 0 && marked(p, 'currentQuery').length > 0);
  const q = proveHeads(plain);
  assert.deepEqual([marked(q, 'positionKey'), marked(q, 'currentQuery')], [[], []]);
  const run = await exampleRun('addition');
  const fast = new JsEngine(proven);
  const slow = new JsEngine(plain);
  const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const tokens = [...run.prompt, ...run.expected.subarray(0, 2000)];
  tokens.forEach((t, i) => {
    fast.feed(t);
    slow.feed(t);
    assert.ok(bits(fast.residual).equals(bits(slow.residual.subarray(0, d))), `residual after position ${i}`);
    assert.equal(slow.residual[d], 0);
  });
});

test('a current query is taken only where x[one] is 1: elsewhere the full path runs and checks', () => {
  // One token sets `one` to 2: its query is (p, 2), which selects about p/2, not the current
  // position, and the passthrough head's full path refuses that. Taking the shortcut there would
  // hide it; the start token, which leaves `one` at 0, must run the full path as well.
  const c = copy(model);
  const odd = c.vocabulary.length - 1;
  c.embedding[odd * d + oneSlot] = 2;
  const engine = new JsEngine(c);
  const run = [...model.vocabulary.keys()].filter((t) => t !== odd && t !== T_START).slice(0, 8);
  engine.feed(T_START);
  for (const t of run) engine.feed(t);
  assert.throws(() => engine.feed(odd), /passthrough head read position/);
});
