// The transformer built from the graph: its schedule is valid, its weight file round-trips and
// rejects every kind of damage, and its JS forward pass generates the reference trace.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { buildMachineGraph } from '../machine/interpreter';
import { loadManifest } from '../manifest';
import { JsEngine } from '../model/js-engine';
import { scheduleAsap } from '../schedule/heuristic';
import { contributions, dimTimes, residency, validateSchedule } from '../schedule/plan';
import { promptTokens } from '../tokens/program-file';
import { T_HALT } from '../tokens/vocabulary';
import { runReference } from '../vm/reference';
import { buildWeights, finalReads as finalReadsOf } from '../weights/build';
import { parseModel, readModel, serializeModel, WeightFileError, writeModel } from '../weights/file';
import type { TransformerModel } from '../weights/model';
import { planSlots } from '../weights/slots';
import { damagedWeightFiles, unreadableWeightPaths } from './support/damaged-weights';
import { weightReaderProperty } from './support/weight-mutations';

const machine = buildMachineGraph('universal');
const schedule = scheduleAsap(machine.graph, finalReadsOf(machine));
const model = buildWeights(machine, schedule, { test: 1 });
const work = mkdtempSync(join(tmpdir(), 'tvm-weights-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Generates with the JS engine and returns how many tokens matched the reference trace. */
async function generate(m: TransformerModel, name: string, args?: string) {
  const ex = loadManifest().find((e) => e.name === name)!;
  const program = asTokenProgram(await compileFile(ex.file, { args: args ?? ex.args }));
  const expected = runReference(program).trace.subarray(program.input ? program.input.length + 2 : 0);
  const engine = new JsEngine(m);
  for (const t of promptTokens(program)) engine.feed(t);
  let n = 0;
  for (; n < expected.length; n++) {
    const t = engine.predict();
    assert.equal(t, expected[n], `${name}: token ${n}`);
    if (t === T_HALT) return n + 1;
    engine.feed(t);
  }
  return n;
}

test('slot reuse: every read finds its value in the slot it reads', () => {
  const finalReads = finalReadsOf(machine);
  const plan = planSlots(machine.graph, schedule, finalReads);
  assert.ok(
    plan.dModel < machine.graph.dims.length / 4,
    `${plan.dModel} slots for ${machine.graph.dims.length} dimensions`,
  );
  assert.equal(plan.dModel, model.dModel);
  // Replay the sublayers over slot contents: reads see the sublayer's input, then writes land.
  const { written } = residency(machine.graph, schedule, finalReads);
  const times = dimTimes(machine.graph, schedule);
  const content = new Map<number, number>();
  const land = (t: number) => {
    for (const [id, w] of written) if (w === t && plan.slotOf.has(id)) content.set(plan.slotOf.get(id)!, id);
  };
  let reads = 0;
  const sees = (r: number, what: string) => {
    assert.equal(content.get(plan.slotOf.get(r)!), r, `${what} reads ${machine.graph.dims[r].name}`);
    reads++;
  };
  land(-1);
  for (let t = 0; t < 2 * schedule.layers; t++) {
    schedule.ops.forEach((op, i) => {
      if (op.kind === 'persist') {
        for (const c of contributions(machine.graph, op.id, times))
          if (c.via === 'copy' && c.time === t) sees(c.dim, `sum ${op.id} copying at ${t}`);
      } else if (schedule.times[i] === t) for (const r of op.reads) sees(r, `${op.kind} ${op.id} at ${t}`);
    });
    land(t);
  }
  for (const r of finalReads) sees(r, 'the scores');
  assert.ok(reads > 500, `${reads} reads replayed`);
});

test('the heuristic schedule respects every dependency and phase', () => {
  validateSchedule(schedule, machine.graph);
  const broken = { ...schedule, times: schedule.times.map(() => 0) };
  assert.throws(() => validateSchedule(broken, machine.graph), /schedule: /);
  const spec = buildMachineGraph('specialized', [{ op: 'halt', imm: 0 }]);
  validateSchedule(scheduleAsap(spec.graph), spec.graph);
});

for (const name of ['hello', 'addition', 'fibonacci', 'collatz']) {
  test(`JS engine: ${name} token for token like the reference executor`, async () => {
    const n = await generate(model, name);
    assert.ok(n > 1000, `${n} tokens`);
  });
}

test('the weight file round-trips, and the loaded model computes the same', async () => {
  const bytes = serializeModel(model);
  const loaded = parseModel(bytes, 'model.tvmw');
  assert.equal(loaded.dModel, model.dModel);
  assert.deepEqual(loaded.layers[3].heads, model.layers[3].heads);
  assert.deepEqual(loaded.layers[3].slots, model.layers[3].slots);
  assert.deepEqual(loaded.embedding, model.embedding);
  assert.deepEqual(loaded.meta, model.meta);
  assert.equal(await generate(loaded, 'hello'), await generate(model, 'hello'));
});

/** The shared list of damaged files, made from the model in both format versions. */
const damaged = () => [1, 2].flatMap((version) => damagedWeightFiles(serializeModel(model, version)));

test('damaged weight files are rejected with a reason, never loaded', () => {
  for (const d of damaged()) {
    assert.throws(
      () => parseModel(d.bytes, 'bad.tvmw'),
      (e: unknown) =>
        e instanceof WeightFileError && d.reason.test(e.message) && e.message.startsWith('bad.tvmw: '),
      d.what,
    );
  }
});

test('damaged weight files on disk are rejected by the file reader with the same reasons', () => {
  for (const [k, d] of damaged().entries()) {
    const file = join(work, `bad-${k}.tvmw`);
    writeFileSync(file, d.bytes);
    assert.throws(
      () => readModel(file),
      (e: unknown) =>
        e instanceof WeightFileError && d.reason.test(e.message) && e.message.startsWith(`${file}: `),
      d.what,
    );
    rmSync(file);
  }
});

test('what is not a weight file is refused before it is read: devices, FIFOs, folders, 1 GiB of zeros', {
  timeout: 20_000,
}, () => {
  for (const u of unreadableWeightPaths(work)) {
    const rss = process.memoryUsage().rss;
    assert.throws(
      () => readModel(u.path),
      (e: unknown) =>
        e instanceof WeightFileError && u.reason.test(e.message) && e.message.startsWith(`${u.path}: `),
      u.what,
    );
    const grown = process.memoryUsage().rss - rss;
    assert.ok(grown < 64 * 2 ** 20, `${u.what}: ${grown} bytes more memory`);
  }
});

/** Every tensor of a model, as bytes (bit-identity: −0 and +0 differ). */
const tensorBytes = (m: TransformerModel) =>
  Buffer.concat(
    [
      m.embedding,
      m.unembedding,
      ...m.layers.flatMap((l) => [l.query, l.key, l.value, l.output, l.gate, l.up, l.down]),
    ].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
  );

test('version 2 (sparse) reads back the very doubles version 1 (dense) does, −0 included, and is smaller', () => {
  const withNegativeZero = { ...model, embedding: model.embedding.slice() };
  withNegativeZero.embedding[3] = -0;
  for (const m of [model, withNegativeZero]) {
    const [v1, v2] = [serializeModel(m, 1), serializeModel(m, 2)];
    assert.equal(new DataView(v2.buffer).getUint32(8, true), 2, 'writers write version 2 by default');
    assert.deepEqual(serializeModel(m), v2);
    assert.ok(v2.length * 4 < v1.length, `${v2.length} bytes vs ${v1.length}`);
    const [a, b] = [parseModel(v1, 'v1.tvmw'), parseModel(v2, 'v2.tvmw')];
    assert.ok(tensorBytes(a).equals(tensorBytes(m)), 'version 1');
    assert.ok(tensorBytes(b).equals(tensorBytes(m)), 'version 2');
    assert.deepEqual(
      { ...b, layers: b.layers.map((l) => ({ ...l })) },
      { ...a, layers: a.layers.map((l) => ({ ...l })) },
    );
  }
  assert.ok(Object.is(parseModel(serializeModel(withNegativeZero, 2), 'z.tvmw').embedding[3], -0));
});

test('a model read from disk equals the model written', () => {
  const file = join(work, 'model.tvmw');
  writeModel(file, model);
  const loaded = readModel(file);
  assert.deepEqual(loaded.layers, model.layers);
  assert.deepEqual(loaded.unembedding, model.unembedding);
  assert.deepEqual([...loaded.vocabulary], [...model.vocabulary]);
  assert.equal(loaded.hardmaxScale, model.hardmaxScale);
});

test('mutated weight files: both readers load or refuse them alike, with their own error (fixed seed)', () => {
  const { property, dispose } = weightReaderProperty();
  try {
    fc.assert(property, { seed: 11, numRuns: 300 });
  } finally {
    dispose();
  }
});

test('readRegularFile (engine/util/files.ts) refuses a FIFO without waiting for a writer', () => {
  // In a child process: a blocked open() would stop this one, test timeouts included.
  const fifo = join(work, 'input.fifo');
  execFileSync('mkfifo', [fifo]);
  const files = join(__dirname, '..', 'util', 'files.ts');
  const script = `try { require(${JSON.stringify(files)}).readRegularFile(${JSON.stringify(fifo)}, 'program', 1 << 20) } catch (e) { console.log(e.message) }`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  assert.equal(r.signal, null, 'it waited for a writer');
  assert.match(r.stdout, /input\.fifo: the program is not a regular file/);
});
