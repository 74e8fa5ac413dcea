// The Attention view's data on every engine: the same small C program launched on the native
// engine, the JS engine and the graph evaluator answers `attentionHits` identically (heads,
// selected positions, tie counts, tokens, and the window of tokens around them) early, in the
// middle and at the last step. Under CI a missing native addon fails this file instead of
// skipping it (engine/test/support/native.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after as afterAll, test } from 'node:test';
import { nativeSkip } from '../../engine/test/support/native';
import type { AttentionAnswer } from '../session/attention';
import { RECENT } from '../session/attention-window';
import { scope, startSession } from './support/dap';

const work = mkdtempSync(join(tmpdir(), 'tvm-attention-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A loop that reads and writes memory, locals and the stack, then prints: every kind of head works.
const program = join(work, 'sums.c');
writeFileSync(
  program,
  `int total[4];
void compute(const char *input) {
  for (int i = 0; input[i]; i++) total[i & 3] += input[i] - '0';
  for (int i = 0; i < 4; i++) putchar('0' + total[i] % 10);
}
`,
);

interface Seen {
  readonly steps: number;
  readonly answers: AttentionAnswer[];
}

/** Runs to the halt on `engine` and asks attentionHits at an early, a middle and the last step. */
async function attentionOn(engine: string): Promise<Seen> {
  const { dc, first } = await startSession(
    { program, args: '31415926', engine },
    { functionBreakpoints: [{ name: 'halt' }] },
  );
  try {
    assert.equal(first.event, 'stopped', `${engine}: stops before the halt`);
    const steps = Number((await scope(dc, 'Machine')).get('step'));
    const answers: AttentionAnswer[] = [];
    for (const step of [3, Math.floor(steps / 2), undefined]) {
      const r = await dc.customRequest('attentionHits', step === undefined ? {} : { step });
      answers.push(r.body as AttentionAnswer);
    }
    return { steps, answers };
  } finally {
    await dc.stop();
  }
}

test('attentionHits: the same heads, positions, counts and tokens on the native, js and graph engines', {
  skip: nativeSkip(),
  timeout: 300_000,
}, async () => {
  const native = await attentionOn('native');
  const js = await attentionOn('js');
  const graph = await attentionOn('graph');
  assert.ok(native.steps > 100, `${native.steps} steps`);
  for (const [name, other] of [
    ['js', js],
    ['graph', graph],
  ] as const) {
    assert.equal(other.steps, native.steps, `${name}: steps`);
    for (const [i, a] of native.answers.entries())
      assert.deepEqual(other.answers[i], a, `${name}: answer ${i} (step ${a.step})`);
  }
  for (const a of native.answers) {
    const kinds = new Set(a.heads.map((h) => h.kind));
    for (const k of ['lookup', 'gather', 'passthrough', 'average'] as const)
      assert.ok(kinds.has(k), `a ${k} head`);
    for (const h of a.heads) {
      assert.ok(
        h.positions.every((p) => p >= 0 && p <= a.position),
        `${h.lookup}: ${h.positions}`,
      );
      if (h.kind === 'average') assert.equal(h.count, h.positions[1] - h.positions[0] + 1, h.lookup);
      else assert.equal(h.positions.length, 1, h.lookup);
    }
    // The window: the recent stretch whole, and every selected position with its neighbours.
    const at = new Map(a.window.tokens.map((t) => [t.position, t]));
    assert.ok(a.window.recentFrom <= a.position - RECENT + 1 || a.window.recentFrom === 0);
    for (let p = a.window.recentFrom; p <= a.position; p++) assert.ok(at.has(p), `window: position ${p}`);
    for (const h of a.heads)
      h.positions.forEach((p, i) => {
        const t = at.get(p);
        assert.ok(t, `window: ${h.lookup} selected ${p}`);
        assert.equal(t.token, h.tokens[i].token);
        assert.equal(t.step, h.tokens[i].step);
      });
    assert.ok(a.window.tokens.length < 200, `${a.window.tokens.length} tokens in the window`);
    assert.ok(JSON.stringify(a).length < 40_000, `${JSON.stringify(a).length} characters`);
  }
  // The last step is the halt: the opcode head read `halt` in the program section.
  const last = native.answers[2];
  assert.equal(last.step, native.steps);
  const opcode = last.heads.find((h) => h.lookup === 'opcode')!;
  assert.equal(opcode.tokens[0].token, 'halt');
  const t = last.window.tokens.find((w) => w.position === opcode.positions[0])!;
  assert.equal(t.op, 'halt');
  assert.equal(t.step, undefined, 'a program token was written by no step');
});
