// The pieces of the Residual stream scope without DAP: feeding a position with per-layer
// snapshots (engine/model/inspect.ts) changes nothing the engine computes and picks the token
// predict() picks; the slot map names the machine graph's quantities on a specialized model too,
// where the cursor read from the stream is the decoder's pc; a model from another graph shows
// its slot names without the graph's quantities, saying why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMachineGraph } from '../../engine/machine/interpreter';
import { feedInspected } from '../../engine/model/inspect';
import { JsEngine } from '../../engine/model/js-engine';
import { scheduleAsap } from '../../engine/schedule/heuristic';
import { exampleRun } from '../../engine/test/support/examples';
import { promptTokens } from '../../engine/tokens/program-file';
import { runReference } from '../../engine/vm/reference';
import { stateAtStep } from '../../engine/vm/trace-decoder';
import { buildWeights, finalReads } from '../../engine/weights/build';
import { specialize } from '../../engine/weights/specialize';
import { graphHash } from '../../engine/weights/universal';
import { ResidualMap } from '../runtime/residual-map';

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const machine = buildMachineGraph('universal');
const universal = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)), {
  graph: graphHash(machine),
});

test('an inspected position computes what a plain feed computes, and chooses the next token', async () => {
  const run = await exampleRun('addition');
  const tokens = [...run.prompt, ...run.expected.subarray(0, 4000)];
  const [plain, inspected] = [new JsEngine(universal), new JsEngine(universal)];
  let checked = 0;
  tokens.forEach((t, i) => {
    plain.feed(t);
    if (i % 397 !== 0 || i + 1 >= tokens.length || i < run.prompt.length - 1) {
      inspected.feed(t);
      return;
    }
    const s = feedInspected(inspected, t);
    assert.equal(s.position, i);
    assert.equal(s.layers.length, universal.layers.length);
    assert.ok(bits(s.layers[s.layers.length - 1]).equals(bits(plain.residual)), `last layer at ${i}`);
    assert.ok(bits(inspected.residual).equals(bits(plain.residual)), `the engine's own state at ${i}`);
    assert.equal(s.best, plain.predict(), `argmax at ${i}`);
    assert.equal(s.best, tokens[i + 1], `the reference's next token at ${i}`);
    assert.notEqual(s.runnerUp, s.best);
    assert.ok(s.scores[s.best] > s.scores[s.runnerUp], `a positive margin at ${i}`);
    assert.equal(
      s.embedding[universal.positionSlot],
      universal.embedding[t * universal.dModel + universal.positionSlot] + i,
    );
    checked++;
  });
  assert.ok(checked >= 8, `${checked} positions inspected`);
});

test('on a specialized model the cursor in the stream is the decoder’s pc', async () => {
  const run = await exampleRun('fibonacci');
  const { model } = specialize(run.program.instructions, 'fibonacci');
  const map = new ResidualMap(model);
  assert.equal(map.graphNote, undefined);
  const layers = Array.from({ length: map.layers }, (_, l) => l).filter((l) =>
    map.quantities(l).some((q) => q.name === 'cursor'),
  );
  assert.ok(layers.length > 0, 'the cursor lives in some layer');
  const prompt = promptTokens({ ...run.program, specialized: true });
  const trace = runReference(run.program).trace;
  const engine = new JsEngine(model);
  const promptLength = 1;
  for (const step of [1, 7, 60, 400]) {
    const ref = stateAtStep(run.program.instructions, trace, step);
    const position = promptLength + ref.position - 1;
    while (engine.position < position) {
      const p = engine.position;
      engine.feed(p < promptLength ? prompt[p] : trace[p - promptLength]);
    }
    const s = feedInspected(engine, trace[position - promptLength]);
    assert.equal(s.best, trace[ref.position], `step ${step}: the step's first token`);
    for (const l of layers) {
      const q = map.quantities(l).find((x) => x.name === 'cursor')!;
      const v = ResidualMap.value(q, s.layers[l]);
      assert.ok(Math.abs(v - ref.pc) < 1e-6, `step ${step}, layer ${l}: cursor ${v}, pc ${ref.pc}`);
      const writers = map.writers(l, q.terms[0].slot);
      assert.ok(
        writers.some((w) => w.kind !== 'embedding' && !w.erase),
        'a head or neuron writes the cursor',
      );
    }
  }
});

test('a model from another graph shows its slot names, not the graph’s quantities', () => {
  const map = new ResidualMap({ ...universal, meta: { ...universal.meta, graph: '0123456789abcdef' } });
  assert.match(map.graphNote ?? '', /built from machine graph 0123456789abcdef/);
  for (let l = -1; l < map.layers; l++) assert.deepEqual(map.quantities(l), []);
  assert.ok(map.slotNames(0).includes('position'));
  assert.equal(map.slotNames(-1)[universal.positionSlot], 'position');
  assert.deepEqual(map.writers(-1, universal.positionSlot), [{ kind: 'embedding', token: 'input' }]);
});
