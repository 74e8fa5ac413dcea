// The Timeline's data (the `timeline` request, runtime/timeline.ts and session/timeline.ts)
// against counts made independently: the reference executor's trace decoded with a listener that
// follows calls, returns, pushes, pops, memory writes and outputs, and the memory regions read
// from the compiled module by the documented layout (docs/token-programs.md). Both ways of
// answering are checked (block sums for wide ranges, step-by-step decoding for narrow ones), the
// bucket edges, breakpoint and data-breakpoint hits, and the refusal of bad arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import { compileFile } from '../../engine/compiler/compile';
import { globalAddress, globalWordCount } from '../../engine/compiler/flatten/memory';
import { MEMORY_SIZE } from '../../engine/tokens/limits';
import type { Instruction } from '../../engine/tokens/program-file';
import { runReference } from '../../engine/vm/reference';
import { TraceDecoder } from '../../engine/vm/trace-decoder';
import { decodeModule } from '../../engine/wasm/decoder';
import { DEBUG_OPTIMIZE_DEFAULT } from '../runtime/launch-options';
import { memoryLayout, TimelineRecorder } from '../runtime/timeline';
import { MAX_EXACT_STEPS, type TimelineAnswer } from '../session/timeline';
import { after, example, startSession } from './support/dap';

/** What the reference says about each instruction of a run (index = step). */
interface Reference {
  readonly instructions: readonly Instruction[];
  readonly trace: Int32Array;
  readonly wasm: Uint8Array;
  readonly sourceMap: Awaited<ReturnType<typeof compileFile>>['sourceMap'];
  /** Call depth and operand-stack depth after each instruction. */
  readonly depth: number[];
  readonly stack: number[];
  /** The address each instruction wrote memory at, or -1. */
  readonly wrote: number[];
  /** Output bytes each instruction made. */
  readonly outputs: number[];
}

async function reference(name: string, args: string): Promise<Reference> {
  const c = await compileFile(example(name), { args, optimize: DEBUG_OPTIMIZE_DEFAULT });
  const trace = runReference({
    instructions: c.instructions,
    input: c.input,
    specialized: false,
    trace: new Int32Array(0),
  }).trace;
  const r: Reference = {
    instructions: c.instructions,
    trace,
    wasm: c.wasm!,
    sourceMap: c.sourceMap,
    depth: [],
    stack: [],
    wrote: [],
    outputs: [],
  };
  let depth = 0;
  let stack = 0;
  let wrote = -1;
  let outputs = 0;
  const decoder = new TraceDecoder(c.instructions, (e) => {
    if (e.type === 'call' || e.type === 'return') depth = e.depth;
    else if (e.type === 'push') stack++;
    else if (e.type === 'pop') stack--;
    else if (e.type === 'memory') wrote = e.address;
    else if (e.type === 'output') outputs++;
    else if (e.type === 'step') {
      // input_base writes the input at its immediate (no memory event: it is the prompt's).
      const ins = c.instructions[e.pc];
      r.depth.push(depth);
      r.stack.push(stack);
      r.wrote.push(ins.op === 'input_base' ? ins.imm : wrote);
      r.outputs.push(outputs);
      wrote = -1;
      outputs = 0;
    }
  });
  decoder.feedAll(trace);
  return r;
}

/** The region bounds by the documented layout, from the module (not the source map or prologue). */
function regionsOf(wasm: Uint8Array): number[] {
  const m = decodeModule(wasm);
  const exported = (name: string) => m.globals[m.exports.find((e) => e.name === name)!.index].init;
  return [
    0,
    8,
    globalAddress(globalWordCount(m)),
    exported('__stack_low'),
    m.globals[0].init >>> 0,
    MEMORY_SIZE,
  ];
}

/** The answer's buckets, recomputed from the reference over the answer's own edges. */
function expectedBuckets(ref: Reference, edges: readonly number[]) {
  const bounds = regionsOf(ref.wasm);
  const regionOf = (a: number) => bounds.findIndex((b, i) => a >= b && a < bounds[i + 1]);
  const out = {
    depthMin: [] as number[],
    depthMax: [] as number[],
    stackMin: [] as number[],
    stackMax: [] as number[],
    outputs: [] as number[],
    writes: [0, 1, 2, 3, 4].map(() => [] as number[]),
  };
  for (let k = 0; k + 1 < edges.length; k++) {
    const steps = Array.from({ length: edges[k + 1] - edges[k] }, (_, i) => edges[k] + i);
    out.depthMin.push(Math.min(...steps.map((s) => ref.depth[s])));
    out.depthMax.push(Math.max(...steps.map((s) => ref.depth[s])));
    out.stackMin.push(Math.min(...steps.map((s) => ref.stack[s])));
    out.stackMax.push(Math.max(...steps.map((s) => ref.stack[s])));
    out.outputs.push(steps.reduce((n, s) => n + ref.outputs[s], 0));
    out.writes.forEach((w, g) => {
      w.push(steps.filter((s) => ref.wrote[s] >= 0 && regionOf(ref.wrote[s]) === g).length);
    });
  }
  return out;
}

function assertMatches(answer: TimelineAnswer, ref: Reference, what: string): void {
  const want = expectedBuckets(ref, answer.edges);
  for (const key of ['depthMin', 'depthMax', 'stackMin', 'stackMax', 'outputs', 'writes'] as const)
    assert.deepEqual(answer[key], want[key], `${what}: ${key}`);
}

const timeline = async (dc: DebugClient, args: object) =>
  (await dc.customRequest('timeline', args)).body as TimelineAnswer;

test('the recorder, fed the reference trace in blocks of 4 steps, sums what the reference counts', async () => {
  const ref = await reference('hello', 'timeline');
  const layout = memoryLayout(ref.instructions, ref.sourceMap, ref.wasm);
  assert.deepEqual(
    layout.regions.flatMap((r) => [r.start, r.end]),
    regionsOf(ref.wasm).flatMap((b, i, all) => (i === 0 || i === all.length - 1 ? [b] : [b, b])),
    'regions by the documented layout',
  );
  // The prologue's and the module's views of the layout agree: without the module, the same.
  assert.deepEqual(memoryLayout(ref.instructions, ref.sourceMap).bounds, layout.bounds);
  const rec = new TimelineRecorder(ref.instructions, layout, 4);
  const d = new TraceDecoder(ref.instructions);
  for (let i = 0; i < ref.trace.length; i++) {
    const pc = d.pc;
    const before = d.step;
    d.feed(ref.trace[i]);
    if (d.step !== before) rec.record(pc, d);
  }
  assert.equal(rec.steps, ref.depth.length);
  assert.equal(rec.blocks, Math.ceil(ref.depth.length / 4));
  const rows = rec.rows;
  const edges = Array.from({ length: rec.blocks + 1 }, (_, b) => Math.min(4 * b, rec.steps));
  const want = expectedBuckets(ref, edges);
  for (let b = 0; b < rec.blocks; b++) {
    const row = Array.from(rows.subarray(b * 10, b * 10 + 10));
    const expected = [
      want.depthMin[b],
      want.depthMax[b],
      want.stackMin[b],
      want.stackMax[b],
      want.outputs[b],
      ...want.writes.map((w) => w[b]),
    ];
    assert.deepEqual(row, expected, `block ${b}`);
  }
  // A C program at -O0 writes its stack, its stack pointer (a global) and its input.
  for (const g of [1, 3, 4])
    assert.ok(
      want.writes[g].some((n) => n > 0),
      `writes into region ${g}`,
    );
});

test('timeline: whole run and ranges, by blocks and step by step, equal the reference; edges cover the range', async () => {
  const ref = await reference('hello', 'DAP');
  // Stop before the final halt: every instruction but the last is recorded.
  const { dc, first } = await startSession(
    { program: example('hello'), args: 'DAP' },
    { functionBreakpoints: [{ name: 'halt' }] },
  );
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const whole = await timeline(dc, { buckets: 5 });
    const steps = whole.recorded;
    assert.equal(steps, ref.depth.length - 1, 'recorded: every instruction before the halt');
    assert.equal(whole.current, steps);
    assert.ok(steps >= 5 * whole.blockSteps, 'hello at -O0 is long enough for block sums');
    assert.equal(whole.exact, false);
    assert.ok(whole.edges.length - 1 <= 5, 'at most the buckets asked for');
    assert.equal(whole.edges[0], 0);
    assert.equal(whole.edges.at(-1), steps);
    for (const e of whole.edges.slice(1, -1)) assert.equal(e % whole.blockSteps, 0, 'inner edges on blocks');
    assertMatches(whole, ref, 'whole run, blocks');
    assert.deepEqual(
      whole.regions.map((r) => r.name),
      ['scratch', 'globals', 'static data', 'C stack', 'heap and input'],
    );

    // Step by step: a bucket per step where there are more buckets than steps.
    const fine = await timeline(dc, { buckets: 4096, from: 100, to: 300 });
    assert.equal(fine.exact, true);
    assert.deepEqual(
      fine.edges,
      Array.from({ length: 201 }, (_, i) => 100 + i),
    );
    assertMatches(fine, ref, 'steps 100-300');
    const all = await timeline(dc, { buckets: 1000 });
    assert.equal(all.exact, steps <= MAX_EXACT_STEPS);
    assert.equal(all.edges.length - 1, Math.min(1000, steps), 'as many buckets as asked for');
    const widths = all.edges.slice(1).map((e, k) => e - all.edges[k]);
    assert.ok(Math.max(...widths) - Math.min(...widths) <= 1, 'buckets of equal width, within a step');
    assertMatches(all, ref, 'whole run, 1000 buckets');

    // A range not on block edges, by blocks: widened to them.
    const B = whole.blockSteps;
    const range = await timeline(dc, { from: 1500, to: 7000, buckets: 3 });
    assert.equal(range.exact, false);
    assert.equal(range.edges[0], Math.floor(1500 / B) * B);
    assert.equal(range.edges.at(-1), Math.ceil(7000 / B) * B);
    assert.equal(range.edges.length - 1, 3);
    assertMatches(range, ref, 'steps 1500-7000 widened to blocks');
  } finally {
    await dc.stop();
  }
});

test('timeline: breakpoint and data-breakpoint hits are kept, the current step moves, and bad numbers are refused', async () => {
  const { dc, first } = await startSession(
    { program: example('hello'), args: 'hits' },
    { functionBreakpoints: [{ name: 'output' }] },
  );
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const one = await timeline(dc, { buckets: 100 });
    await after(dc, () => dc.continueRequest({ threadId: 1 }));
    const two = await timeline(dc, { buckets: 100 });
    assert.ok(two.current > one.current);
    assert.deepEqual(
      two.hits.map((h) => `${h.kind}@${h.step}`),
      [`breakpoint@${one.current}`, `breakpoint@${two.current}`],
    );
    // An output is the instruction at each hit: the bucket holding it counts one (one more step
    // records the instruction at the latest hit).
    await after(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
    for (const h of two.hits) {
      const at = await timeline(dc, { from: h.step, to: h.step + 1, buckets: 1 });
      assert.deepEqual(at.outputs, [1], `output at step ${h.step}`);
    }
    // A range without the hits has none.
    const before = await timeline(dc, { to: one.current, buckets: 10 });
    assert.deepEqual(before.hits, []);

    // A data breakpoint on the C stack pointer (global 0, written at every C call): its stop too.
    const globals = (await dc.scopesRequest({ frameId: 0 })).body.scopes.find(
      (x) => x.name === 'WebAssembly globals',
    );
    assert.ok(globals);
    const sp = (await dc.variablesRequest({ variablesReference: globals.variablesReference })).body
      .variables[0];
    const info = await dc.customRequest('dataBreakpointInfo', {
      variablesReference: globals.variablesReference,
      name: sp.name,
    });
    assert.ok(info.body.dataId, `a data id for ${sp.name}`);
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId, accessType: 'write' }] });
    const data = await after(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(data.body.reason, 'data breakpoint');
    const three = await timeline(dc, { buckets: 100 });
    assert.deepEqual(three.hits.at(-1), { step: three.current, kind: 'data breakpoint' });
    await dc.setDataBreakpointsRequest({ breakpoints: [] });

    const refused = async (args: object, message: RegExp) => {
      await assert.rejects(dc.customRequest('timeline', args), message, JSON.stringify(args));
    };
    await refused({}, /'buckets' is missing/);
    await refused({ buckets: 0 }, /'buckets' must be an integer from 1 to 4,096, not 0/);
    await refused({ buckets: 1.5 }, /'buckets' must be an integer from 1 to 4,096, not 1.5/);
    await refused({ buckets: 'many' }, /'buckets' must be an integer/);
    await refused({ buckets: 1e9 }, /'buckets' must be an integer from 1 to 4,096/);
    await refused({ buckets: 10, from: -1 }, /'from' must be an integer from 0 to/);
    await refused({ buckets: 10, from: 5, to: 5 }, /'to' must be an integer from 6 to/);
    const { recorded } = await timeline(dc, { buckets: 1 });
    await refused(
      { buckets: 10, to: recorded + 1 },
      new RegExp(
        `'to' must be an integer from 1 to ${recorded.toLocaleString('en-US')}, not ${recorded + 1}`,
      ),
    );
    await refused({ buckets: 10, from: true }, /'from' must be an integer from 0 to/);
    await assert.rejects(dc.customRequest('timeline', [1, 2]), /must be an object/);
  } finally {
    await dc.stop();
  }
});
