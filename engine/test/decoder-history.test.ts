// Decoder clones share their history (output, step starts) and memory pages instead of copying
// them, and never see each other's changes; a decoder can keep no history at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { loadManifest } from '../manifest';
import { Memory } from '../vm/memory';
import { runReference } from '../vm/reference';
import { byteLog } from '../vm/shared-log';
import { CompactTokenBuffer } from '../vm/token-buffer';
import { TraceDecoder } from '../vm/trace-decoder';

test('a shared log: holders replaying the same values share, a divergent one copies', () => {
  const a = byteLog('byte');
  for (let i = 0; i < 1000; i++) a.push(i & 0xff);
  const b = a.share();
  const c = a.share();
  a.push(7);
  b.push(7); // the same value: shares a's entry
  c.push(9); // different: continues on its own copy
  assert.equal(b.length, 1001);
  assert.equal(b.at(1000), 7);
  assert.equal(c.at(1000), 9);
  assert.equal(a.at(1000), 7, 'the divergent holder did not write the shared log');
  assert.deepEqual(Array.from(c.view().subarray(0, 1000)), Array.from(a.view().subarray(0, 1000)));
  const old = a.view();
  for (let i = 0; i < 5000; i++) a.push(1); // grows: an earlier view keeps its contents
  assert.equal(old.length, 1001);
  assert.equal(old[1000], 7);
  assert.throws(() => a.push(256), /byte 256 at index 6001 does not fit \(0\.\.255\)/);
});

test('memory clones share pages until written, and stay independent', () => {
  const m = new Memory();
  m.store(0x10000, 0x11223344, 4);
  m.store(0x20000, 5, 1);
  const snap = m.clone();
  const shared = () => {
    const theirs = new Map(snap.pageEntries());
    return [...m.pageEntries()].filter(([k, p]) => theirs.get(k) === p).length;
  };
  assert.equal(shared(), 2, 'a clone copies no page');
  m.store(0x10000, 0xaabbccdd, 4);
  assert.equal(shared(), 1, 'writing a page copies that page only');
  assert.equal(snap.load(0x10000, 4), 0x11223344);
  assert.equal(m.load(0x10000, 4), 0xaabbccdd);
  snap.store(0x20000, 6, 1);
  assert.equal(m.load(0x20000, 1), 5, 'a write to the clone is not seen by the original');
  m.store(0x30000, 1, 1);
  assert.equal(snap.load(0x30000, 1), 0);
  // The original's write cache is dropped at clone: a page written just before is copied after.
  const again = m.clone();
  m.store(0x30000, 2, 1);
  assert.equal(again.load(0x30000, 1), 1);
});

test('decoder clones share output and step starts, and match a decoder fed from the start', async () => {
  const ex = loadManifest().find((e) => e.name === 'collatz')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const trace = runReference(asTokenProgram(program)).trace;
  const full = new TraceDecoder(program.instructions);
  full.feedAll(trace);
  const live = new TraceDecoder(program.instructions);
  const clones: TraceDecoder[] = [];
  for (let i = 0; i < trace.length; i++) {
    live.feed(trace[i]);
    if (i % 5000 === 0) clones.push(live.clone());
  }
  assert.ok(clones.length > 3);
  // Each checkpoint replayed to the end shares the live decoder's arrays and ends in its state.
  for (const c of clones) {
    const startsBefore = c.stepStarts.length;
    c.feedAll(trace.subarray(c.position));
    assert.equal(c.step, full.step);
    assert.ok(startsBefore < c.stepStarts.length);
    assert.equal(c.stepStarts.buffer, live.stepStarts.buffer, 'the same trace appends into the shared array');
    assert.equal(c.output.buffer, live.output.buffer);
    assert.deepEqual(c.stepStarts, full.stepStarts);
    assert.deepEqual(c.output, full.output);
    assert.deepEqual(c.memory.read(0, 1 << 17), full.memory.read(0, 1 << 17));
  }
  assert.equal(full.stepStarts.length, full.step);
  assert.equal(
    Buffer.from(full.output).toString(),
    Buffer.from(runReference(asTokenProgram(program)).output).toString(),
  );
});

test('{ history: false } keeps no output or step starts, and ends in the same state', async () => {
  const ex = loadManifest().find((e) => e.name === 'hello')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const trace = runReference(asTokenProgram(program)).trace;
  let outputs = 0;
  const bare = new TraceDecoder(program.instructions, (e) => void (e.type === 'output' && outputs++), {
    history: false,
  });
  bare.feedAll(trace);
  const full = new TraceDecoder(program.instructions);
  full.feedAll(trace);
  assert.equal(bare.halted, true);
  assert.deepEqual(bare.end(), full.end());
  assert.equal(outputs, full.output.length, 'output events still come');
  assert.throws(() => bare.output, /keeps no history \(\{ history: false \}\): 'output'/);
  assert.throws(() => bare.stepStarts, /'stepStarts' is not recorded/);
  assert.deepEqual(bare.clone().end(), full.end());
});

test('the compact token buffer holds ids in 2 bytes and refuses ids it cannot hold', () => {
  const b = new CompactTokenBuffer(2);
  for (let i = 0; i < 70000; i++) b.push(i & 0xffff);
  assert.equal(b.length, 70000);
  assert.equal(b.at(65537), 1);
  assert.ok(b.bytes <= 2 * 2 * 70000);
  assert.throws(() => b.push(65536), /token id 65536 at trace index 70000 is not an integer in 0\.\.65535/);
  assert.throws(() => b.push(-1), /token id -1/);
  assert.equal(b.length, 70000);
});
