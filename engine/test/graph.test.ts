// The graph DSL and its evaluator on small graphs whose answers are known: prefix sums, the most
// recent boundary, a keyed memory with overwrites and cleared rows, and exact gated arithmetic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AttentionMode, GraphEvaluator, GraphValueError } from '../graph/evaluator';
import { Expr } from '../graph/expr';
import { Graph } from '../graph/graph';
import { prng } from './support/prng';

/** A toy machine: tokens write bytes to addresses or read them back. */
function memoryGraph() {
  const g = new Graph();
  const isWrite = g.input('is_write');
  const addr = g.input('addr');
  const val = g.input('val');
  const [written] = g.fetchSum([isWrite], 'writes_so_far');
  const notWrite = g.persist(g.one.minus(isWrite), 'not_write');
  const [readVal, readAddr] = g.fetch([val, addr], {
    query: addr,
    key: addr,
    clear: notWrite,
    name: 'memory',
  });
  // Exact-address check: the value only when the nearest write is at this very address.
  const diff = g.persist(readAddr.minus(addr), 'diff');
  const exact = g.persist(
    g
      .reglu(readVal, diff.plus(g.one))
      .minus(g.reglu(readVal, diff).times(2))
      .plus(g.reglu(readVal, diff.minus(g.one))),
    'memory_exact',
  );
  const [lastWritePos] = g.fetch([g.position], {
    query: g.one,
    key: g.one,
    clear: notWrite,
    name: 'last_write',
  });
  const big = g.stepglu(g.one, val.minus(g.c(128)), 'val_big');
  return { g, isWrite, addr, val, written, exact, lastWritePos, big };
}

for (const mode of ['hull', 'brute'] as AttentionMode[]) {
  test(`evaluator (${mode}): prefix sums, latest writes, exact reads, steps`, () => {
    const { g, isWrite, addr, val, written, exact, lastWritePos, big } = memoryGraph();
    const rnd = prng(7);
    const ev = new GraphEvaluator(g, mode);
    ev.step(new Expr()); // the start token
    const memory = new Map<number, number>();
    let writes = 0;
    let lastWrite = 0;
    for (let p = 1; p < 400; p++) {
      const w = rnd() < 0.4 ? 1 : 0;
      const a = Math.floor(rnd() * 30);
      const v = 1 + Math.floor(rnd() * 255);
      const emb = g.one.plus(isWrite.times(w), addr.times(a), val.times(v));
      const values = ev.step(emb);
      if (w) {
        memory.set(a, v);
        writes++;
        lastWrite = p;
      }
      assert.equal(Math.round(written.evaluate(values)), writes, `writes at ${p}`);
      assert.ok(Math.abs(written.evaluate(values) - writes) < 1e-9);
      assert.equal(exact.evaluate(values), memory.get(a) ?? 0, `read ${a} at ${p}`);
      assert.equal(lastWritePos.evaluate(values), lastWrite);
      assert.equal(big.evaluate(values), v >= 128 ? 1 : 0);
    }
  });
}

test('graph: memoization, names, sizes, and non-integer keys are caught', () => {
  const g = new Graph();
  const x = g.input('x');
  assert.equal(g.reglu(x, g.one).key, g.reglu(x, g.one).key, 'the same neuron is built once');
  assert.equal(g.square(g.position).key, g.positionSq.key, 'position² is an input, not a neuron');
  assert.deepEqual(g.square(g.c(3)).key, g.c(9).key);
  assert.throws(() => g.input('x'), /used twice/);
  const half = g.persist(x.times(0.5), 'half');
  g.fetch([x], { query: half, key: half, name: 'bad' });
  const s = g.stats();
  assert.equal(s.lookups, 1);
  assert.equal(s.inputs, 4);
  const ev = new GraphEvaluator(g);
  ev.step(new Expr());
  assert.throws(
    () => ev.step(g.one.plus(x.times(3))),
    (e: unknown) =>
      e instanceof GraphValueError && /bad: key y is -2.25 at position 1, not an integer/.test(String(e)),
  );
});
