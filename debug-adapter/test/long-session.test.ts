// A debug session on a long program (about five million tokens) stays within a memory bound
// while it does what a user does: continue to a breakpoint near the end, step back, travel to
// an early step and back, reverse continue to the start, ask what attention selected early, in
// the middle and at the end.
// The adapter runs as a child process (dist/debugAdapter.js) whose peak resident memory (VmHWM)
// is read at the end.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import { nativeSkip } from '../../engine/test/support/native';
import { residentBytes } from '../../engine/test/support/peak-rss';
import { adapterPid, after, markerLine, referenceAt, scope, signed, startSession } from './support/dap';

const program = join(__dirname, 'programs', 'long', 'sieve-checksum.c');
/** Bytes a generated token may cost the adapter above its base (engine, trace, decoder history). */
const BYTES_PER_TOKEN = 32;
const MiB = 1024 * 1024;

async function machine(dc: DebugClient) {
  const m = await scope(dc, 'Machine');
  return {
    step: signed(m.get('step')),
    position: signed(m.get('token position')),
    pc: signed(m.get('cursor')),
  };
}

async function line(dc: DebugClient): Promise<number> {
  const st = await dc.stackTraceRequest({ threadId: 1 });
  return st.body.stackFrames[0].line;
}

test('a five-million-token session: breakpoint at the end, back, early, attention, bounded memory', {
  skip: nativeSkip(),
  timeout: 600_000,
}, async (t) => {
  // The base: the same adapter stopped on entry of the same program (model loaded, program built).
  const entry = await startSession({ program, stopOnEntry: true, maxTokens: 20_000_000 });
  const base = residentBytes(adapterPid(entry.dc)).hwm;
  await entry.dc.stop();

  const end = markerLine(program, 'long-end');
  const start = markerLine(program, 'long-start');
  const { dc, first } = await startSession(
    { program, maxTokens: 20_000_000 },
    // Five million tokens before the first stop: minutes on a loaded 2-core machine.
    { lines: { path: program, breakpoints: [{ line: end }] }, timeout: 300_000 },
  );
  const pid = adapterPid(dc);
  const timings: string[] = [];
  const timed = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    timings.push(`${what} ${(performance.now() - t).toFixed(0)} ms`);
    return r;
  };
  try {
    assert.equal(first.event, 'stopped');
    assert.equal((first as { body: { reason: string } }).body.reason, 'breakpoint');
    assert.equal(await line(dc), end);
    const atEnd = await machine(dc);
    assert.ok(
      atEnd.position > 4_000_000,
      `the breakpoint is near the end of a long trace (${atEnd.position})`,
    );

    // The Attention view at an early, a middle and the last step: every head answers, and what it
    // selected was written at or before that step (the log keeps every position, in blocks).
    for (const [what, step] of [
      ['early', 600],
      ['middle', Math.floor(atEnd.step / 2)],
      ['late', atEnd.step - 3],
    ] as const) {
      const hits = await timed(`attention hits ${what}`, () => dc.customRequest('attentionHits', { step }));
      const body = hits.body as { step: number; heads: { kind: string; tokens: { step?: number }[] }[] };
      assert.equal(body.step, step);
      const gathers = body.heads.filter((h) => h.kind !== 'passthrough');
      assert.ok(gathers.length > 10, `attention heads at step ${step}: ${gathers.length}`);
      for (const h of gathers)
        for (const t of h.tokens)
          assert.ok(t.step === undefined || t.step <= step, `step ${step}: ${t.step}`);
      assert.ok(
        gathers.some((h) => h.tokens.some((t) => t.step !== undefined && t.step > step - 50)),
        `some head at step ${step} reads a token written just before`,
      );
    }

    await timed('step back', () =>
      after(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' })),
    );
    assert.equal((await machine(dc)).step, atEnd.step - 1);

    const early = 1234;
    await timed('time travel early', () => after(dc, () => dc.customRequest('timeTravel', { step: early })));
    const there = await machine(dc);
    const ref = await referenceAt(program, '', early);
    assert.equal(there.step, early);
    assert.equal(there.pc, ref.pc);

    await timed('time travel late', () =>
      after(dc, () => dc.customRequest('timeTravel', { step: atEnd.step - 2 })),
    );
    assert.equal((await machine(dc)).step, atEnd.step - 2);

    await dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: start }] });
    const back = await timed('reverse continue to the start', () =>
      after(dc, () => dc.reverseContinueRequest({ threadId: 1 })),
    );
    assert.equal(back.body.reason, 'breakpoint');
    assert.equal(await line(dc), start);
    assert.ok((await machine(dc)).step < 100_000);

    await timed('time travel to the end', () =>
      after(dc, () => dc.customRequest('timeTravel', { step: atEnd.step })),
    );
    assert.equal(await line(dc), end);

    const peak = residentBytes(pid).hwm;
    const perToken = (peak - base) / atEnd.position;
    const report =
      `adapter base ${(base / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB over ` +
      `${atEnd.position.toLocaleString('en-US')} tokens: ${perToken.toFixed(1)} B/token; ${timings.join(', ')}`;
    t.diagnostic(report);
    assert.ok(perToken <= BYTES_PER_TOKEN, `${report}: over the bound of ${BYTES_PER_TOKEN} B/token`);
  } finally {
    await dc.stop();
  }
});
