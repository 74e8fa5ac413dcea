// Scheduling with HiGHS on a small graph: a valid schedule no wider than the heuristic's, the
// heuristic standing in when the solver finds nothing in time, and the on-disk cache.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Graph } from '../graph/graph';
import { scheduleAsap } from '../schedule/heuristic';
import { scheduleMilp } from '../schedule/milp';
import { type Schedule, validateSchedule } from '../schedule/plan';
import { scheduleGraph } from '../schedule/schedule';
import { planSlots } from '../weights/slots';

const cache = mkdtempSync(join(tmpdir(), 'tvm-schedule-'));
after(() => rmSync(cache, { recursive: true, force: true }));

/** A small graph with a few lookups, neurons and persisted sums in chains of different depth. */
function smallGraph() {
  const g = new Graph();
  const a = g.input('a');
  const b = g.input('b');
  const [s] = g.fetchSum([a], 'sum_a');
  const step = g.stepglu(g.one, s.minus(g.c(3)), 'sum_big');
  const [latest] = g.fetch([b], {
    query: g.one,
    key: g.one,
    clear: g.persist(g.one.minus(a), 'not_a'),
    name: 'latest_b',
  });
  const mixed = g.persist(step.plus(latest.times(2)), 'mixed');
  const gated = g.reglu(mixed, step, 'gated');
  const result = g.persist(gated.plus(b), 'result');
  return { g, finalReads: [g.dimOf(result).id] };
}

/** Residual width: the slots the schedule needs. */
function width(graph: Graph, schedule: Schedule, finalReads: number[]): number {
  return planSlots(graph, schedule, finalReads).dModel;
}

test('HiGHS schedules a small graph optimally: valid, and no wider than the heuristic', async () => {
  const { g, finalReads } = smallGraph();
  const asap = scheduleAsap(g, finalReads);
  const r = await scheduleMilp(g, { layers: asap.layers + 1, timeLimit: 30, finalReads });
  assert.equal(r.status, 'Optimal');
  validateSchedule(r.schedule, g);
  assert.ok(width(g, r.schedule, finalReads) <= width(g, asap, finalReads));
  assert.ok(r.variables > 0 && r.constraints > 0);
});

test('too few layers: the heuristic stands in and says why', async () => {
  const { g, finalReads } = smallGraph();
  const out = await scheduleGraph(g, { solver: 'highs', layers: 1, timeLimit: 10, finalReads });
  assert.equal(out.source, 'heuristic');
  assert.match(out.fallback ?? '', /HiGHS found no schedule with 1 layers .*; using the heuristic schedule/);
  validateSchedule(out.schedule, g);
});

test('solved schedules are cached by graph key, solver and layers', async () => {
  const { g, finalReads } = smallGraph();
  const request = {
    solver: 'highs' as const,
    timeLimit: 30,
    finalReads,
    cache: { dir: cache, key: 'small' },
  };
  const first = await scheduleGraph(g, request);
  assert.match(first.source, /^highs \(Optimal/);
  const second = await scheduleGraph(g, request);
  assert.match(second.source, /\(cached\)$/);
  assert.deepEqual(second.schedule.times, first.schedule.times);
});

test('glpk.js, the second backend, schedules the small graph within its time limit', async () => {
  const { g, finalReads } = smallGraph();
  const asap = scheduleAsap(g, finalReads);
  const r = await scheduleMilp(g, { layers: asap.layers + 1, timeLimit: 20, finalReads, solver: 'glpk' });
  assert.match(r.status, /^(Optimal|Feasible)$/);
  validateSchedule(r.schedule, g);
  const h = await scheduleMilp(g, { layers: asap.layers + 1, timeLimit: 30, finalReads });
  assert.equal(
    width(g, r.schedule, finalReads),
    width(g, h.schedule, finalReads),
    'both solvers reach the optimum width',
  );
});
