// What the heads selected, recorded by all three engines (the native engine in C++, the JS engine
// and the graph evaluator through engine/attention/selection-rows.ts): the same heads, the same selections at every
// position, and the same encoded blocks byte for byte, so any engine decodes another's. Recording
// is off until asked for. Under CI a missing native addon fails this file (support/native.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeRow, recordedHeads, SelectionRecorder } from '../attention/selection-rows';
import { buildMachineGraph } from '../machine/interpreter';
import { MachineRunner } from '../machine/run';
import { JsEngine } from '../model/js-engine';
import { openNative, type RecordedSelections, type SelectionBlock } from '../model/native-engine';
import { SelectionLog } from '../model/selection-log';
import { scheduleAsap } from '../schedule/heuristic';
import { buildWeights, finalReads } from '../weights/build';
import { writeModel } from '../weights/file';
import { exampleRun } from './support/examples';
import { nativeSkip } from './support/native';

const skip = nativeSkip();
const machine = buildMachineGraph('universal');
const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
const work = mkdtempSync(join(tmpdir(), 'tvm-selections-'));
after(() => rmSync(work, { recursive: true, force: true }));
const modelFile = join(work, 'model.tvmw');
writeModel(modelFile, model);

const plain = (s: RecordedSelections | undefined) =>
  s && { heads: s.heads.map(([l, h]) => [l, h]), selected: [...s.selected] };

test('the row encoding round-trips large, negative and repeating values', () => {
  const r = new SelectionRecorder([
    { layer: 0, head: 0, average: false },
    { layer: 0, head: 1, average: true },
  ]);
  r.record(true, 10, { block: 4 });
  const rows = [
    [0, 1],
    [2 ** 40, 5],
    [-(2 ** 33), 6],
    [7, 2 ** 31 - 1],
    [7, 2 ** 31],
    [3, -1],
  ];
  for (const row of rows) {
    r.row.set(row);
    r.append();
  }
  const blocks = r.take();
  assert.deepEqual(
    blocks.map((b) => [b.start, b.count]),
    [[10, 4]],
  );
  for (const [i, row] of rows.slice(0, 4).entries())
    assert.deepEqual(decodeRow(blocks[0].bytes, 2, 10, 10 + i), row);
  assert.deepEqual(decodeRow(blocks[0].bytes, 2, 10, 14), undefined, 'past the block');
  assert.deepEqual([...(r.at(15)?.selected ?? [])], [15 - 3, -1], 'from the block being written');
  r.record(false, 16);
  assert.deepEqual(
    r.take().map((b) => [b.start, b.count]),
    [[14, 2]],
    'stopping ends the block',
  );
});

test('recording is off until asked for', async () => {
  const { prompt } = await exampleRun('hello');
  const js = new JsEngine(model);
  const run = new MachineRunner(machine, 'hull', model.layers);
  for (const t of prompt.subarray(0, 3)) {
    js.feed(t);
    run.feed(t);
  }
  assert.equal(js.selectionsAt(1), undefined);
  assert.deepEqual(js.takeSelectionBlocks(), []);
  assert.equal(run.selectionsAt(1), undefined);
  assert.throws(() => new MachineRunner(machine).recordSelections(true), /give it the model/);
});

test('native, JS and graph engines record the same selections and the same bytes', { skip }, async () => {
  const run = await exampleRun('fibonacci');
  const tokens = [...run.prompt, ...run.expected.subarray(0, 2500)];
  const native = openNative(modelFile);
  const js = new JsEngine(model);
  const graph = new MachineRunner(machine, 'hull', model.layers);
  const engines = [native, js, graph] as const;
  const first = 5;
  for (const t of tokens.slice(0, first)) for (const e of engines) e.feed(t);
  for (const e of engines) e.recordSelections(true, { block: 700 });
  const logs = engines.map((e) => new SelectionLog(e));
  const blocks: SelectionBlock[][] = [[], [], []];
  for (const t of tokens.slice(first)) {
    native.feed(t);
    js.feed(t);
    graph.feed(t);
  }
  for (const [i, e] of engines.entries()) blocks[i].push(...e.takeSelectionBlocks());
  assert.ok(blocks[0].length >= 3, `${blocks[0].length} blocks`);
  for (const i of [1, 2]) {
    assert.equal(blocks[i].length, blocks[0].length);
    blocks[i].forEach((b, k) => {
      assert.equal(b.start, blocks[0][k].start);
      assert.equal(b.count, blocks[0][k].count);
      assert.ok(
        Buffer.from(b.bytes).equals(Buffer.from(blocks[0][k].bytes)),
        `engine ${i} block ${k}: same bytes`,
      );
    });
  }
  const heads = recordedHeads(model.layers);
  assert.equal(heads.length, 24);
  // Every position, from the engines' own blocks and across engines (native decodes JS's bytes).
  for (let p = first; p < tokens.length; p++) {
    const b = blocks[1].find((x) => p >= x.start && p < x.start + x.count);
    const expected = b ? plain(native.decodeSelections(b.bytes, b.start, p)) : plain(native.selectionsAt(p));
    assert.ok(expected, `position ${p}`);
    if (b) {
      assert.deepEqual(plain(js.decodeSelections(b.bytes, b.start, p)), expected, `js, position ${p}`);
      assert.deepEqual(plain(graph.decodeSelections(b.bytes, b.start, p)), expected, `graph, position ${p}`);
    } else {
      assert.deepEqual(plain(js.selectionsAt(p)), expected, `js, position ${p}`);
      assert.deepEqual(plain(graph.selectionsAt(p)), expected, `graph, position ${p}`);
    }
  }
  for (const l of logs) l.pull();
  assert.equal(logs[0].at(first - 1), undefined, 'before recording started');
});
