// Provenance, the list of writes and data breakpoints over the protocol, checked against the
// reference executor: its trace, decoded with a listener, gives every write and read of a cell
// (step, bytes), from which the expected stops and answers are computed here.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileFile } from '../../engine/compiler/compile';
import { nativeSkip } from '../../engine/test/support/native';
import { OPCODES, Op } from '../../engine/tokens/opcodes';
import { runReference } from '../../engine/vm/reference';
import { TraceDecoder } from '../../engine/vm/trace-decoder';
import { DEBUG_OPTIMIZE_DEFAULT } from '../runtime/launch-options';
import { after, firstEvent, markerLine, root, scope, signed, startSession } from './support/dap';

const program = join(root, 'debug-adapter', 'test', 'programs', 'watch.c');
const line = (name: string) => markerLine(program, name);

interface Access {
  readonly step: number;
  readonly kind: 'read' | 'write';
  readonly before: number;
  readonly after: number;
}

/** Every read and write of memory [address, address + 4) in the reference run, in order. */
async function referenceAccesses(address: number): Promise<Access[]> {
  const compiled = await compileFile(program, { optimize: DEBUG_OPTIMIZE_DEFAULT });
  const trace = runReference({
    instructions: compiled.instructions,
    input: compiled.input,
    specialized: false,
    trace: new Int32Array(0),
  }).trace;
  const d = new TraceDecoder(compiled.instructions);
  const out: Access[] = [];
  let value = 0;
  for (const t of trace) {
    const step = d.step;
    const pc = d.pc;
    d.feed(t);
    if (d.step === step) continue;
    const info = OPCODES[Op[compiled.instructions[pc].op]];
    const width = info.loadBytes ?? info.storeBytes ?? 0;
    if (!width || d.lastAccess >= address + 4 || d.lastAccess + width <= address) continue;
    const now = d.memory.load(address, 4) >>> 0;
    out.push({ step, kind: info.loadBytes ? 'read' : 'write', before: value, after: now });
    value = now;
  }
  return out;
}

async function evaluate(dc: DebugClient, expression: string): Promise<string> {
  return (await dc.evaluateRequest({ expression, frameId: 0 })).body.result;
}

const currentStep = async (dc: DebugClient) => signed(await evaluate(dc, 'step'));

async function scopeRef(dc: DebugClient, name: string): Promise<number> {
  const s = (await dc.scopesRequest({ frameId: 0 })).body.scopes.find((x) => x.name === name);
  assert.ok(s, `scope ${name}`);
  return s.variablesReference;
}

async function dataId(dc: DebugClient, scope: string, name: string): Promise<string> {
  const info = await dc.customRequest('dataBreakpointInfo', {
    variablesReference: await scopeRef(dc, scope),
    name,
  });
  assert.ok(info.body.dataId, `a data id for ${name}: ${info.body.description}`);
  assert.deepEqual(info.body.accessTypes, ['read', 'write', 'readWrite']);
  return info.body.dataId as string;
}

const addressOf = (id: string) => Number(/^memory:(\d+):4$/.exec(id)?.[1]);

/** Continues (or reverse-continues) at most `most` times while the stops are data breakpoint stops: the step of each. */
async function dataStops(dc: DebugClient, direction: 'continue' | 'reverseContinue', most: number) {
  const steps: number[] = [];
  for (let i = 0; i < most; i++) {
    const event = firstEvent(dc, ['stopped', 'terminated']);
    await (direction === 'continue'
      ? dc.continueRequest({ threadId: 1 })
      : dc.reverseContinueRequest({ threadId: 1 }));
    const e = await event;
    if (e.event === 'terminated' || (e as DebugProtocol.StoppedEvent).body.reason !== 'data breakpoint')
      break;
    steps.push(await currentStep(dc));
  }
  return steps;
}

test('a write data breakpoint on a global stops after every write that changes it, forward and back', {
  skip: nativeSkip(),
}, async () => {
  const { dc, first } = await startSession(
    { program, engine: 'native' },
    { lines: { path: program, breakpoints: [{ line: line('k-write') }] } },
  );
  try {
    assert.equal((first as DebugProtocol.StoppedEvent).body.reason, 'breakpoint');
    const id = await dataId(dc, 'Globals', 'total');
    const writes = (await referenceAccesses(addressOf(id))).filter((a) => a.kind === 'write');
    assert.deepEqual(
      writes.map((w) => w.after),
      [3, 9, 18, 30, 45, 63],
    );
    const expected = writes.map((w) => w.step + 1);
    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [] });
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: id, accessType: 'write' }] });
    assert.equal(set.body.breakpoints[0].verified, true);
    // Forward to the fourth write, back over two, forward again to the end.
    assert.deepEqual(await dataStops(dc, 'continue', 4), expected.slice(0, 4));
    const stop = await after(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(stop.body.reason, 'data breakpoint');
    assert.match(stop.body.description ?? '', /changed from 9 to 18 at step \d+/);
    assert.equal(await currentStep(dc), expected[2]);
    assert.deepEqual(await dataStops(dc, 'reverseContinue', 1), [expected[1]]);
    assert.deepEqual(await dataStops(dc, 'continue', 10), expected.slice(2));
  } finally {
    await dc.stop();
  }
});

test('write stops only on a change, readWrite on every access, a hit count and a condition count', {
  skip: nativeSkip(),
}, async () => {
  const { dc } = await startSession(
    { program, engine: 'native' },
    { lines: { path: program, breakpoints: [{ line: line('k-write') }] } },
  );
  try {
    // p.y is written 7 six times: one change; readWrite sees every store and load of it.
    const globals = await scopeRef(dc, 'Globals');
    const p = (await dc.variablesRequest({ variablesReference: globals })).body.variables.find(
      (v) => v.name === 'p',
    );
    assert.ok(p?.variablesReference);
    const info = await dc.customRequest('dataBreakpointInfo', {
      variablesReference: p.variablesReference,
      name: 'y',
    });
    const id = info.body.dataId as string;
    assert.match(info.body.description, /^p\.y \(4 bytes at 0x[0-9a-f]{8}\)$/);
    const accesses = await referenceAccesses(addressOf(id));
    const writes = accesses.filter((a) => a.kind === 'write');
    assert.equal(writes.length, 6);
    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [] });
    await dc.setDataBreakpointsRequest({
      breakpoints: [{ dataId: id, accessType: 'readWrite', hitCondition: '% 2' }],
    });
    const every = accesses.map((a) => a.step + 1).filter((_, i) => (i + 1) % 2 === 0);
    const seen = await dataStops(dc, 'continue', 3);
    assert.deepEqual(seen, every.slice(0, 3));
    // Now only changes: the first write (0 → 7) is behind us, so forward nothing stops; back, it does.
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: id, accessType: 'write' }] });
    assert.deepEqual(await dataStops(dc, 'reverseContinue', 2), [writes[0].step + 1]);
    // A condition on the state at the stop: total's value there.
    await dc.setDataBreakpointsRequest({
      breakpoints: [{ dataId: id, accessType: 'read', condition: 'total > 60' }],
    });
    const reads = accesses.filter((a) => a.kind === 'read');
    assert.ok(reads.length >= 1);
    assert.deepEqual(
      await dataStops(dc, 'continue', 5),
      reads.map((r) => r.step + 1),
    );
  } finally {
    await dc.stop();
  }
});

test('provenance names the step and line that wrote a value, and the attention that read it agrees', {
  skip: nativeSkip(),
}, async () => {
  const { dc } = await startSession(
    { program, engine: 'native' },
    { lines: { path: program, breakpoints: [{ line: line('end') }] } },
  );
  try {
    const id = await dataId(dc, 'Globals', 'total');
    const writes = (await referenceAccesses(addressOf(id))).filter((a) => a.kind === 'write');
    const globals = await scopeRef(dc, 'Globals');
    const p = await dc.customRequest('provenance', { variablesReference: globals, name: 'total' });
    assert.equal(p.body.writer.step, writes[writes.length - 1].step);
    assert.equal(p.body.writer.line, line('total-write'));
    assert.equal(p.body.writer.op, 'i32.store');
    // printf's arguments read total after its last write: the lookup head attended to that store.
    assert.ok(p.body.attention.length >= 1, JSON.stringify(p.body));
    for (const w of p.body.attention) {
      assert.match(w.head, /memory_byte_dirty$/);
      assert.equal(w.writer, writes[writes.length - 1].step);
    }
    assert.equal(p.body.agrees, true);
    // The list of writes, with the values before and after each.
    const list = await dc.customRequest('writes', { variablesReference: globals, name: 'total' });
    assert.equal(list.body.total, 6);
    assert.deepEqual(
      list.body.writes.map((w: { before: string; after: string; line: number; step: number }) => [
        w.step,
        w.before,
        w.after,
        w.line,
      ]),
      writes.map((w) => [w.step, String(w.before), String(w.after), line('total-write')]),
    );
    // An operand-stack slot and a WebAssembly local: the attention agrees with the decoder.
    while ((await scope(dc, 'Operand stack')).size < 2)
      await after(dc, () => dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
    for (const expression of ['stack[0]', 'stack[1]', 'local[0]']) {
      const q = await dc.customRequest('provenance', { expression, frameId: 0 });
      assert.ok(q.body.writer, `${expression} has a writer`);
      assert.ok(q.body.writer.step < (await currentStep(dc)));
      assert.equal(q.body.agrees, true, JSON.stringify(q.body));
    }
    // Travel to the writer: the editor shows the writing line.
    const stop = await after(dc, () => dc.customRequest('timeTravel', { step: p.body.writer.step }));
    assert.equal(stop.body.reason, 'goto');
    const frames = await dc.stackTraceRequest({ threadId: 1 });
    assert.equal(frames.body.stackFrames[0].line, line('total-write'));
    // Bad requests are refused with the reason; a container of an earlier stop is not used.
    await assert.rejects(
      dc.customRequest('writes', { variablesReference: globals, name: 'total' }),
      /moved on/,
    );
    const now = await scopeRef(dc, 'Globals');
    await assert.rejects(dc.customRequest('provenance', { dataId: 'memory:x' }), /not a data id/);
    await assert.rejects(
      dc.customRequest('writes', { variablesReference: now, name: 'nosuch' }),
      /no global 'nosuch'/,
    );
    await assert.rejects(
      dc.customRequest('writes', { variablesReference: now, name: 'total', limit: 0 }),
      /limit/,
    );
  } finally {
    await dc.stop();
  }
});
