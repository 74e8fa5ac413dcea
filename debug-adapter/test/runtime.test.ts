// The debugger's runtime without the protocol: the same stops on every engine, a divergence from
// the reference stopping at the first differing token with both tokens shown, the token budget,
// and the expression language of conditions and watches.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { asTokenProgram, compileFile } from '../../engine/compiler/compile';
import { nativeSkip } from '../../engine/test/support/native';
import { runReference } from '../../engine/vm/reference';
import { Checkpoints } from '../runtime/checkpoints';
import { Expression, ExpressionError, type MachineView } from '../runtime/expression';
import { launch } from '../runtime/launch';
import { DEBUG_OPTIMIZE_DEFAULT } from '../runtime/launch-options';
import type { EndInfo, StopEvent } from '../runtime/runtime';
import type { TokenSource } from '../runtime/token-source';
import { example, referenceAt } from './support/dap';

const next = (r: { once(e: 'stopped', f: (e: StopEvent) => void): unknown }) =>
  new Promise<StopEvent>((resolve) => r.once('stopped', resolve));

test('every engine stops at the same instruction with the same state', async () => {
  const seen: string[] = [];
  for (const engine of ['js', 'graph', ...(nativeSkip() === false ? ['native' as const] : [])] as const) {
    const { runtime } = await launch({ program: example('hello'), args: 'engines', engine });
    runtime.breakpoints.setFunctions([{ name: 'output', condition: 'stack[0] == 103' }]); // 'g'
    const stop = next(runtime);
    await runtime.continue();
    const e = await stop;
    assert.equal(e.reason, 'breakpoint');
    seen.push(`${runtime.step}:${runtime.pc}:${runtime.state.stack.join(',')}`);
    runtime.dispose();
  }
  assert.equal(new Set(seen).size, 1, seen.join(' | '));
});

test('a token that differs from the reference stops the run there, showing both tokens', async () => {
  const l = await launch({ program: example('hello'), args: 'diverge', engine: 'js' });
  const inner = l.runtime.engine;
  // Corrupt the 40th generated token on its way out of the engine.
  let made = 0;
  const corrupt: TokenSource = {
    kind: inner.kind,
    pause: () => inner.pause(),
    cancel: () => inner.cancel(),
    selectionsAt: (p) => inner.selectionsAt(p),
    generate: (budget, onTokens) =>
      inner.generate(budget, (chunk) => {
        const copy = chunk.slice();
        for (let i = 0; i < copy.length; i++, made++) if (made === 40) copy[i] = copy[i] === 0 ? 1 : 0;
        onTokens(copy);
      }),
  };
  (l.runtime as unknown as { source: TokenSource }).source = corrupt;
  const stop = next(l.runtime);
  await l.runtime.continue();
  const e = await stop;
  assert.equal(e.reason, 'exception');
  assert.match(
    e.text ?? '',
    /diverged from the reference executor at token \d+: expected '[^']+', generated '[^']+'/,
  );
  assert.equal(
    l.runtime.trace.length,
    l.runtime.o.inputSection.length + 40,
    'nothing after the divergence is kept',
  );
});

test('an engine that makes no token ends the run with the reason, instead of being asked again for ever', async () => {
  const l = await launch({ program: example('hello'), args: 'idle', engine: 'js' });
  let calls = 0;
  const idle: TokenSource = {
    kind: 'js',
    pause: () => {},
    cancel: () => {},
    selectionsAt: () => undefined,
    generate: async () => {
      calls++;
      await new Promise((resolve) => setImmediate(resolve));
      return 'budget';
    },
  };
  (l.runtime as unknown as { source: TokenSource }).source = idle;
  const stop = next(l.runtime);
  const run = l.runtime.continue();
  const e = await Promise.race([stop, new Promise<'spinning'>((r) => setTimeout(() => r('spinning'), 3000))]);
  l.runtime.dispose(); // ends a spinning loop (with a pause) so the test can report it
  await run;
  assert.notEqual(e, 'spinning', `generate was called ${calls} times`);
  assert.equal((e as StopEvent).reason, 'exception');
  assert.match((e as StopEvent).text ?? '', /the js engine stopped \('budget'\) without making a token/);
  assert.equal(calls, 1);
});

test('the token budget ends a program that would run longer', async () => {
  const { runtime } = await launch({
    program: example('collatz'),
    args: '27',
    engine: 'js',
    maxTokens: 2000,
  });
  const stop = next(runtime);
  await runtime.continue();
  const e = await stop;
  assert.equal(e.reason, 'exception');
  assert.match(e.text ?? '', /token budget \(maxTokens 2000\) ran out/);
});

test('the expression language: C-like 32-bit integers over machine state', () => {
  const m: MachineView = {
    stackAt: (i) => [7, -1 >>> 0, 300][i],
    stackDepth: () => 3,
    local: (i) => (i < 2 ? [10, 0x80000000][i] : undefined),
    global: () => 1024,
    memory: (a, n) => (n === 1 ? a & 0xff : 0x12345678 >>> 0),
    step: 42,
    pc: 9,
    depth: 1,
    position: 500,
  };
  const v = (s: string) => new Expression(s).evaluate(m);
  assert.equal(v('stack[0] == 7'), 1);
  assert.equal(v('stack[1]'), -1);
  assert.equal(v('u32(stack[1])'), 0xffffffff);
  assert.equal(v('stack[1] == 0xffffffff'), 1);
  assert.equal(v('local[1] < 0 && local[0] > 5'), 1);
  assert.equal(v('2147483647 + 1'), -2147483648);
  assert.equal(v('-7 / 2'), -3);
  assert.equal(v('(step + pc) * 2 % 7'), ((42 + 9) * 2) % 7);
  assert.equal(v('sp == 1024 || !depth'), 1);
  assert.equal(v('mem8[0x1ff]'), 0xff);
  assert.equal(v('s8(mem8[0x1ff])'), -1);
  assert.equal(v('mem32[0]'), 0x12345678);
  for (const [bad, why] of [
    ['stack[3]', /the operand stack holds 3 values/],
    ['local[2]', /no such local/],
    ['1 / 0', /division by zero/],
    ['foo + 1', /unknown name 'foo'/],
    ['stack[0', /expected '\]'/],
    ['1 +', /unexpected end/],
    ['0x1ffffffffffffffff', /does not fit in 64 bits/],
    ['', /empty expression/],
  ] as const) {
    assert.throws(
      () => v(bad),
      (e: unknown) => e instanceof ExpressionError && why.test(e.message),
      bad,
    );
  }
});

test('going back from checkpoints lands on the same states as decoding from the start', async () => {
  const runs: string[][] = [];
  const configs = [
    { spacing: 37, maxCount: 10_000, maxBytes: 1 << 30 },
    { spacing: 37, maxCount: 4, maxBytes: 1 << 30 }, // thinned: few checkpoints, far apart
    { spacing: 37, maxCount: 10_000, maxBytes: 0 }, // no bytes to spare: thinned to one
    { spacing: 1_000_000, maxCount: 512, maxBytes: 1 << 30 },
  ];
  for (const limits of configs) {
    const l = await launch({ program: example('fibonacci'), args: '12', engine: 'js' });
    const r = l.runtime;
    (r as unknown as { checkpoints: Checkpoints }).checkpoints = new Checkpoints(limits);
    r.breakpoints.setFunctions([{ name: 'output', condition: 'stack[0] == 10' }]);
    const seen: string[] = [];
    const state = () =>
      `${r.step}:${r.pc}:${r.state.stack.join(',')}:${r.state.locals.join(',')}:${r.state.memory.load(8, 4)}`;
    for (let i = 0; i < 4; i++) {
      const stop = next(r);
      await r.continue();
      await stop;
      seen.push(state());
    }
    for (const go of [() => r.reverseContinue(), () => r.stepBack('line'), () => r.stepBack('instruction')]) {
      const stop = next(r);
      await go();
      await stop;
      seen.push(state());
    }
    for (const step of [3, 150, 777]) {
      const stop = next(r);
      r.goto(step);
      await stop;
      const ref = await referenceAt(example('fibonacci'), '12', step);
      assert.equal(r.pc, ref.pc);
      assert.deepEqual(r.state.stack, ref.stack);
      assert.deepEqual(r.state.locals, ref.locals);
      seen.push(state());
    }
    const c = r.checkpoints;
    if (limits === configs[0]) assert.ok(c.length > 10 && c.spacing === 37);
    if (limits === configs[1])
      assert.ok(c.length <= 4 && c.length >= 2 && c.spacing > 37, `${c.length} ${c.spacing}`);
    if (limits === configs[2]) assert.ok(c.length === 1 && c.bytes > 0, `${c.length} ${c.bytes}`);
    runs.push(seen);
    r.dispose();
  }
  for (const seen of runs.slice(1)) assert.deepEqual(seen, runs[0]);
});

test('a five-million-token trace costs the runtime a few bytes a token, with few checkpoints', async (t) => {
  const program = join(__dirname, 'programs', 'long', 'sieve-checksum.c');
  const l = await launch({ program, engine: 'js', maxTokens: 20_000_000 });
  const r = l.runtime;
  // The reference trace stands in for the engine (this test is about what the runtime keeps).
  const compiled = await compileFile(program, { optimize: DEBUG_OPTIMIZE_DEFAULT });
  const trace = runReference(asTokenProgram(compiled)).trace.subarray(r.o.inputSection.length);
  let sent = 0;
  const replay: TokenSource = {
    kind: 'js',
    pause: () => {},
    cancel: () => {},
    selectionsAt: () => undefined,
    generate: async (budget, onTokens) => {
      while (sent < trace.length && budget > 0) {
        const n = Math.min(8192, budget, trace.length - sent);
        onTokens(trace.slice(sent, sent + n));
        sent += n;
        budget -= n;
      }
      return sent === trace.length ? 'halt' : 'budget';
    },
  };
  (r as unknown as { source: TokenSource }).source = replay;
  const ended = new Promise<EndInfo>((resolve) => r.once('ended', resolve));
  await r.continue();
  const end = await ended;
  assert.equal(end.halted, true);
  assert.ok(end.tokens > 5_000_000, `${end.tokens} tokens`);
  const m = r.memory();
  const held = m.trace + m.stepPcs + m.stepStarts + m.checkpoints;
  assert.ok(m.trace <= 4 * end.tokens, `trace ${m.trace} bytes: 2 a token, doubled at most`);
  assert.ok(m.checkpointCount <= 512 && m.checkpointCount > 10, `${m.checkpointCount} checkpoints`);
  t.diagnostic(`${JSON.stringify(m)} over ${end.tokens} tokens: ${(held / end.tokens).toFixed(1)} B/token`);
  assert.ok(held / end.tokens <= 12, `${JSON.stringify(m)}: ${(held / end.tokens).toFixed(1)} B/token`);
});
