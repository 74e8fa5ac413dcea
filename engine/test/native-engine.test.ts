// The native engine (native/, C++) against the reference executor and the JS engine: every
// example token for token (sudoku's 1.5M tokens included), the same residual stream as the JS
// engine bit for bit, determinism, pause and resume, attention selections, and the weight-file
// reader rejecting what the TypeScript reader rejects. Skipped, with the reason, where the addon
// could not be built.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { nativeVocabularyPath, nativeVocabularyText } from '../../scripts/gen-native-vocabulary';
import { weightSeeds, weightSeedsDir } from '../../scripts/make-fuzz-seeds';
import { buildMachineGraph } from '../machine/interpreter';
import { loadManifest } from '../manifest';
import { JsEngine } from '../model/js-engine';
import { generateNative, loadNative, openNative } from '../model/native-engine';
import { SelectionLog } from '../model/selection-log';
import { scheduleAsap } from '../schedule/heuristic';
import { Op } from '../tokens/opcodes';
import { OPCODE_BASE, T_HALT } from '../tokens/vocabulary';
import { buildWeights, finalReads } from '../weights/build';
import { readModel, serializeModel, writeModel } from '../weights/file';
import { damagedWeightFiles, unreadableWeightPaths } from './support/damaged-weights';
import { exampleRun } from './support/examples';
import { nativeSkip } from './support/native';

const native = loadNative();
// Skipped with the reason on a machine without the addon; under CI its absence fails the file.
const skip = nativeSkip();
const work = mkdtempSync(join(tmpdir(), 'tvm-native-'));
after(() => rmSync(work, { recursive: true, force: true }));
const machine = buildMachineGraph('universal');
const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
const modelFile = join(work, 'model.tvmw');
writeModel(modelFile, model);

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

test('native engine: every example token for token like the reference executor', { skip }, async () => {
  for (const { name } of loadManifest()) {
    const run = await exampleRun(name);
    const r = await generateNative(openNative(modelFile), run.prompt, { expected: run.expected });
    assert.equal(r.mismatch, undefined, `${name}: ${JSON.stringify(r.mismatch)}`);
    assert.ok(r.halted, name);
    assert.equal(r.tokens.length, run.expected.length, name);
  }
});

test('native and JS engines compute the same residual stream, bit for bit', { skip }, async () => {
  const run = await exampleRun('addition');
  const n = openNative(modelFile);
  const js = new JsEngine(model);
  const tokens = [...run.prompt, ...run.expected.subarray(0, 3000)];
  tokens.forEach((t, i) => {
    n.feed(t);
    js.feed(t);
    if (i % 500 === 0 || i === tokens.length - 1) {
      assert.ok(bits(n.residual()).equals(bits(js.residual)), `residual after position ${i}`);
      assert.equal(n.predict(), js.predict(), `prediction after position ${i}`);
    }
  });
});

test('native engine: two runs give the same tokens and the same final state', { skip }, async () => {
  const run = await exampleRun('fibonacci');
  const [a, b] = [openNative(modelFile), openNative(modelFile)];
  const ra = await generateNative(a, run.prompt);
  const rb = await generateNative(b, run.prompt);
  assert.deepEqual(ra.tokens, rb.tokens);
  assert.ok(bits(a.residual()).equals(bits(b.residual())));
});

test('pause stops a run at once; resuming continues exactly where it stopped', { skip }, async () => {
  const run = await exampleRun('collatz');
  const e = openNative(modelFile);
  e.feed(run.prompt);
  const got: number[] = [];
  let pauses = 0;
  const onTokens = (c: Int32Array) => {
    got.push(...c);
    // While a run is in flight the engine refuses anything else.
    assert.ok(e.busy);
    assert.throws(() => e.feed(0), /the engine is generating; pause it first/);
    if (pauses < 3) {
      e.pause();
      pauses++;
    }
  };
  let r = await e.generate({ halt: T_HALT, chunk: 2000 }, onTokens);
  assert.equal(r.reason, 'paused');
  assert.ok(got.length < run.expected.length / 4, `paused after ${got.length} tokens`);
  while (r.reason === 'paused') r = await e.generate({ halt: T_HALT, chunk: 2000 }, onTokens);
  assert.equal(r.reason, 'halt');
  assert.equal(pauses, 3);
  assert.deepEqual(Int32Array.from(got), run.expected);
  // cancel() stops the same way and says so.
  const c = openNative(modelFile);
  c.feed(run.prompt);
  const cancelled = await c.generate({ halt: T_HALT, chunk: 500 }, () => c.cancel());
  assert.equal(cancelled.reason, 'cancelled');
  assert.ok(cancelled.count < run.expected.length);
});

test('attention selections: what each head picked at the last position', { skip }, async () => {
  const run = await exampleRun('fibonacci');
  const e = openNative(modelFile);
  e.feed(run.prompt);
  for (const t of run.expected.subarray(0, 5000)) e.feed(t);
  const p = e.position - 1;
  const selections = e.selections();
  let checked = 0;
  model.layers.forEach((layer, l) => {
    layer.heads.forEach((head, h) => {
      const s = selections[l][h];
      if (head.kind === 'unused') {
        assert.equal(s.count, 0);
        return;
      }
      assert.ok(
        s.position >= 0 && s.last <= p && s.position <= s.last,
        `${head.lookup}: ${JSON.stringify(s)}`,
      );
      if (head.kind === 'passthrough')
        assert.equal(s.position, p, 'a passthrough head reads its own position');
      if (head.kind === 'average')
        assert.equal(s.count, p, 'an average head ties every position after the start');
      if (head.lookup === 'opcode') {
        // The program's instruction i sits at prompt positions 5i+1 (opcode) .. 5i+4.
        const i = (s.position - 1) / 5;
        assert.ok(Number.isInteger(i), `opcode head at ${s.position}`);
        assert.equal(run.prompt[s.position], OPCODE_BASE + Op[run.program.instructions[i].op]);
      }
      checked++;
    });
  });
  assert.ok(checked > 10);
});

test('the selection log: every recorded position as selections() saw it live', { skip }, async () => {
  const run = await exampleRun('fibonacci');
  const tokens = run.expected.subarray(0, 3000);
  const live = openNative(modelFile);
  const e = openNative(modelFile);
  live.feed(run.prompt.subarray(0, 7));
  e.feed(run.prompt.subarray(0, 7));
  // Small blocks, so a run has many and the engine's, the kept ones and the partial last one all answer.
  const log = new SelectionLog(e, { block: 500 });
  const rest = [...run.prompt.subarray(7), ...tokens];
  const seen: number[][] = [];
  let heads: readonly (readonly [number, number])[] = [];
  for (const [i, t] of rest.entries()) {
    live.feed(t);
    e.feed(t);
    const s = live.selections();
    if (heads.length === 0) heads = e.selectionsAt(e.position - 1)?.heads ?? [];
    seen.push(
      heads.map(([l, h]) => (model.layers[l].heads[h].tie === 'average' ? s[l][h].count : s[l][h].position)),
    );
    if (i % 1700 === 0) log.pull();
  }
  assert.equal(heads.length, 24, 'lookup, gather and average heads are recorded');
  const memory = e.memory();
  assert.ok(
    memory.selectionLog > 0 && memory.selectionLog < 500 * 24 * 10 * 4,
    `selectionLog ${memory.selectionLog} B`,
  );
  assert.equal(memory.gatherRows, 0, 'every gather head of the universal model is token-only');
  assert.ok(memory.tokens >= 2 * e.position && memory.gatherTables > 0, JSON.stringify(memory));
  const check = (p: number) =>
    assert.deepEqual([...(log.at(p)?.selected ?? [])], seen[p - 7], `position ${p}`);
  // Forward, then backward and scattered: blocks inflated again as the position moves.
  for (let p = 7; p < e.position; p++) check(p);
  for (let p = e.position - 1; p >= 7; p -= 97) check(p);
  const positions = e.position - 7;
  assert.ok(log.bytes > 0 && log.bytes < positions * 8, `${log.bytes} B kept for ${positions} positions`);
  assert.equal(e.memory().selectionLog < 500 * 24 * 10, true, 'the engine holds at most its current block');
  assert.equal(log.at(6), undefined, 'fed before recording started');
  assert.equal(log.at(e.position), undefined, 'not fed yet');
  e.recordSelections(false);
  e.feed(tokens[0]);
  check(e.position - 2);
  assert.equal(log.at(e.position - 1), undefined, 'fed after recording stopped');
  assert.throws(() => e.recordSelections(true, { block: 0 }), /recordSelections: block must be an integer/);
  // A block's bytes from anywhere else decode to nothing or to garbage, never past their end.
  const [first] = (() => {
    const f = openNative(modelFile);
    f.feed(run.prompt.subarray(0, 7));
    f.recordSelections(true, { block: 50 });
    f.feed(run.prompt.subarray(7, 120));
    return f.takeSelectionBlocks();
  })();
  assert.equal(first.count, 50);
  assert.deepEqual([...(e.decodeSelections(first.bytes, 7, 56)?.selected ?? [])], seen[56 - 7]);
  assert.equal(
    e.decodeSelections(first.bytes.subarray(0, first.bytes.length - 1), 7, 56),
    undefined,
    'cut short',
  );
  assert.equal(e.decodeSelections(first.bytes, 7, 6), undefined, 'before the block');
  assert.equal(
    e.decodeSelections(new Uint8Array(64).fill(0xff), 0, 0),
    undefined,
    'a varint longer than 64 bits',
  );
  assert.throws(() => e.decodeSelections(first.bytes, -1, 3), /decodeSelections: start must be an integer/);
});

test("the native reader rejects damaged weight files with the TypeScript reader's messages", { skip }, () => {
  const messageOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return 'loaded';
  };
  const damaged = [1, 2].flatMap((version) => damagedWeightFiles(serializeModel(model, version)));
  for (const [k, d] of damaged.entries()) {
    const file = join(work, `bad-${k}.tvmw`);
    writeFileSync(file, d.bytes);
    const nativeMessage = messageOf(() => openNative(file));
    assert.ok(
      d.reason.test(nativeMessage) && nativeMessage.startsWith(`${file}: `),
      `${d.what}: ${nativeMessage}`,
    );
    // The same sentence from both readers; a JSON syntax error's details are each parser's own.
    const tsMessage = messageOf(() => readModel(file));
    const corrupt = `${file}: corrupt header: `;
    if (nativeMessage.startsWith(corrupt) && tsMessage.startsWith(corrupt) && !/UTF-8/.test(nativeMessage))
      continue;
    assert.equal(nativeMessage, tsMessage, d.what);
  }
});

test('the native reader refuses devices, FIFOs, folders and 1 GiB of zeros before reading them', {
  skip,
  timeout: 20_000,
}, () => {
  mkdirSync(join(work, 'unreadable'));
  for (const u of unreadableWeightPaths(join(work, 'unreadable'))) {
    const rss = process.memoryUsage().rss;
    assert.throws(
      () => openNative(u.path),
      (e: unknown) => e instanceof Error && u.reason.test(e.message) && e.message.startsWith(`${u.path}: `),
      u.what,
    );
    const grown = process.memoryUsage().rss - rss;
    assert.ok(grown < 64 * 2 ** 20, `${u.what}: ${grown} bytes more memory`);
  }
});

test('the native engine computes the same from version 1 (dense) and version 2 (sparse), bit for bit', {
  skip,
}, async () => {
  const v1 = join(work, 'model-v1.tvmw');
  writeModel(v1, model, 1);
  const run = await exampleRun('fibonacci');
  const [dense, sparse] = [openNative(v1), openNative(modelFile)];
  const tokens = [...run.prompt, ...run.expected.subarray(0, 2000)];
  tokens.forEach((t, i) => {
    dense.feed(t);
    sparse.feed(t);
    if (i % 250 === 0 || i === tokens.length - 1) {
      assert.ok(bits(dense.residual()).equals(bits(sparse.residual())), `residual after position ${i}`);
      assert.equal(dense.predict(), sparse.predict(), `prediction after position ${i}`);
    }
  });
});

test('a token outside the vocabulary is an error, not a crash', { skip }, () => {
  const e = openNative(modelFile);
  assert.throws(() => e.feed(100_000), /token id 100000 is not in the vocabulary/);
  assert.throws(() => e.feed(-1), /not in the vocabulary/);
});

test('every number crossing into C++ is checked there: budgets, token ids, chunks, positions', {
  skip,
}, async () => {
  if (!native.ok) return; // narrows the type: skipped above when it does not load
  // The addon itself, without the TypeScript checks in front of it.
  const raw = new native.NativeEngine(modelFile);
  const onTokens = () => {};
  for (const budget of [2 ** 63, 1e300, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY])
    assert.throws(
      () => raw.generate({ halt: T_HALT, budget }, onTokens),
      /generate: budget must be an integer from 0 to 9007199254740991/,
      String(budget),
    );
  assert.throws(
    () => raw.generate({ budget: 'abc' as unknown as number }, onTokens),
    /generate: budget must be a number/,
  );
  assert.throws(
    () => raw.generate({ halt: 2 ** 32 + T_HALT }, onTokens),
    /generate: halt must be an integer from -1 to \d+/,
  );
  assert.throws(() => raw.generate({ chunk: 0 }, onTokens), /generate: chunk must be an integer from 1/);
  assert.throws(
    () => raw.generate({ stopTokens: [2 ** 32 + 1] }, onTokens),
    /generate: stopTokens: token id 4294967297 is not in the vocabulary/,
  );
  assert.throws(
    () => raw.generate({ expected: [1, 2] as unknown as Int32Array }, onTokens),
    /expected must be an Int32Array/,
  );
  assert.throws(() => raw.feed(2 ** 32 + 5), /feed: token id 4294967301 is not in the vocabulary/);
  assert.throws(() => raw.feed(1.5), /feed: token id 1.5 is not in the vocabulary/);
  assert.throws(
    () => raw.feed(Int32Array.of(1, 2, 100_000)),
    /token id 100000 at index 2 is not in the vocabulary/,
  );
  assert.equal(raw.position, 0, 'a rejected feed feeds nothing');
  assert.throws(() => raw.selectionsAt(Number.NaN), /selectionsAt: position must be an integer/);
  assert.equal(raw.selectionsAt(2 ** 53 - 1), undefined);
  assert.equal(raw.busy, false, 'a refused generate() leaves the engine free');
  // A budget of 0 is a valid request for nothing.
  raw.feed(Int32Array.of(T_HALT));
  assert.deepEqual(await raw.generate({ halt: T_HALT, budget: 0 }, onTokens), {
    reason: 'budget',
    count: 0,
    expected: -1,
  });
  // The TypeScript side refuses the same numbers first, with the shared message format.
  const e = openNative(modelFile);
  assert.throws(
    () => e.generate({ budget: 2 ** 63 }, onTokens),
    /generate: budget must be an integer from 0 to 1,000,000,000, not 9223372036854776000/,
  );
  await assert.rejects(
    generateNative(e, Int32Array.of(T_HALT), { maxTokens: 1.5 }),
    /maxTokens must be an integer from 0 to 1,000,000,000, not 1.5/,
  );
});

test('the native reader checks vocabularies against the token language itself', () => {
  // native/src/vocabulary.inc is generated from engine/tokens/vocabulary.ts; this catches drift.
  assert.equal(readFileSync(nativeVocabularyPath, 'utf8'), nativeVocabularyText());
});

test("the native fuzzer's seeds are the tiny model and damaged copies of it, as the script writes them", () => {
  const seeds = weightSeeds();
  assert.deepEqual(readdirSync(weightSeedsDir).sort(), [...seeds.keys()].sort());
  for (const [name, bytes] of seeds) assert.ok(readFileSync(join(weightSeedsDir, name)).equals(bytes), name);
  // The valid seed loads in both readers, so mutations of it reach every check.
  readModel(join(weightSeedsDir, 'valid-tiny.tvmw'));
  if (native.ok) openNative(join(weightSeedsDir, 'valid-tiny.tvmw'));
});
