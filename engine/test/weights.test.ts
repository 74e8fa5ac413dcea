// The transformer built from the graph: its schedule is valid, its weight file round-trips and
// rejects every kind of damage, and its JS forward pass generates the reference trace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
import { crc32, parseModel, serializeModel, WeightFileError } from '../weights/file';
import type { TransformerModel } from '../weights/model';
import { planSlots } from '../weights/slots';

const machine = buildMachineGraph('universal');
const schedule = scheduleAsap(machine.graph, finalReadsOf(machine));
const model = buildWeights(machine, schedule, { test: 1 });

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

test('damaged weight files are rejected with a reason, never loaded', () => {
  const good = serializeModel(model);
  const reject = (bytes: Uint8Array, reason: RegExp, what: string) =>
    assert.throws(
      () => parseModel(bytes, 'bad.tvmw'),
      (e: unknown) =>
        e instanceof WeightFileError && reason.test(e.message) && e.message.startsWith('bad.tvmw: '),
      what,
    );
  /** Re-seals a modified file with a valid checksum, to reach the checks behind it. */
  const reseal = (bytes: Uint8Array) => {
    const out = bytes.slice();
    new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
    return out;
  };
  const headerLength = new DataView(good.buffer).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(good.subarray(16, 16 + headerLength)));
  const withHeader = (h: unknown) => {
    const json = new TextEncoder().encode(JSON.stringify(h));
    const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
    const newStart = Math.ceil((16 + json.length) / 8) * 8;
    const out = new Uint8Array(newStart + (good.length - dataStart));
    out.set(good.subarray(0, 16));
    new DataView(out.buffer).setUint32(12, json.length, true);
    out.set(json, 16);
    out.set(good.subarray(dataStart), newStart);
    return reseal(out);
  };

  reject(good.subarray(0, 10), /truncated/, 'a stub');
  reject(good.subarray(0, good.length - 1000), /checksum mismatch|size mismatch/, 'cut short');
  const magic = good.slice();
  magic[0] = 0x58;
  reject(magic, /bad magic/, 'magic');
  const version = good.slice();
  new DataView(version.buffer).setUint32(8, 7, true);
  reject(version, /format version 7; this build reads version 1/, 'version');
  const flipped = good.slice();
  flipped[good.length - 100] ^= 0x40;
  reject(flipped, /checksum mismatch/, 'one flipped bit in a tensor');
  const huge = good.slice();
  new DataView(huge.buffer).setUint32(12, 0x7fffffff, true);
  reject(huge, /truncated: the header says/, 'header length past the end');
  const garbled = good.slice();
  garbled[16] = 0x5b; // '[' where the header's '{' was
  reject(reseal(garbled), /corrupt header/, 'header not JSON');
  reject(withHeader({ ...header, dModel: -3 }), /dModel must be an integer/, 'negative width');
  reject(
    withHeader({ ...header, heads: header.heads + 1 }),
    /needs \d+ head descriptions|should be/,
    'head count',
  );
  reject(
    withHeader({ ...header, vocabulary: header.vocabulary.slice(1) }),
    /should be embedding|size mismatch/,
    'vocabulary',
  );
  reject(withHeader({ ...header, positionSlot: header.dModel }), /positional slots outside/, 'slot');
  const kinds = structuredClone(header);
  kinds.headInfo[0][0].kind = 'teleport';
  reject(withHeader(kinds), /unknown kind or tie-break/, 'head kind');
  const nan = good.slice();
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
  new DataView(nan.buffer).setFloat64(dataStart + 8, Number.NaN, true);
  reject(reseal(nan), /tensor embedding: entry 1 is NaN/, 'NaN weight');
});
