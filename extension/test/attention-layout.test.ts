// The Attention view's arc layout (attention-layout.ts) on a small answer: the row keeps the latest
// tokens that fit, brackets group tokens by step, heads of one kind selecting one position share
// an arc labelled with their lookups, targets left of the row end at edge markers with the
// distance, and clicking leads to the step after the writer's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttentionAnswer } from '../../debug-adapter/session/attention';
import { EDGE, layoutArcs, shortToken } from '../attention-layout';

const tok = (position: number, token: string, step?: number, op?: string) => ({
  position,
  token,
  step,
  instruction: op ? 7 : undefined,
  op,
});
const hit = (
  kind: 'lookup' | 'gather' | 'average' | 'passthrough',
  lookup: string,
  positions: number[],
  count = 1,
) => ({
  layer: 0,
  head: 0,
  kind,
  lookup,
  values: [],
  positions,
  count,
  tokens: [],
});

const answer: AttentionAnswer = {
  step: 12,
  position: 105,
  heads: [
    hit('lookup', 'stack_top', [103]),
    hit('lookup', 'stack_top_again', [103]),
    hit('gather', 'byte_back_1', [104]),
    hit('lookup', 'memory_byte_dirty', [50]),
    hit('average', 'cursor.mean', [1, 105], 105),
    hit('passthrough', 'passthrough', [105]),
  ],
  window: {
    recentFrom: 100,
    tokens: [
      tok(0, '{'),
      tok(1, 'input_base', undefined, 'input_base'),
      tok(2, '00', undefined, 'input_base'),
      tok(48, '07', 3, 'i32.store'),
      tok(49, '00', 3, 'i32.store'),
      tok(50, '2a', 3, 'i32.store'),
      tok(51, 'commit(-2,sts=0,bt=0)', 3, 'i32.store'),
      tok(52, '01', 4, 'i32.const'),
      tok(100, 'commit(+1,sts=1,bt=0)', 10, 'i32.const'),
      tok(101, '05', 11, 'local.get'),
      tok(102, '00', 11, 'local.get'),
      tok(103, '00', 11, 'local.get'),
      tok(104, '00', 11, 'local.get'),
      tok(105, 'commit(+1,sts=1,bt=0)', 11, 'local.get'),
    ],
  },
};

test('shortToken shortens commits and branch_taken only', () => {
  assert.equal(shortToken('commit(+1,sts=1,bt=0)'), 'commit+1 s');
  assert.equal(shortToken('commit(-1,sts=0,bt=1)'), 'commit-1 b');
  assert.equal(shortToken('2a'), '2a');
});

test('arcs over the token row, brackets per step, far targets at the edge', () => {
  const l = layoutArcs(answer);
  assert.deepEqual(
    l.tokens.map((t) => t.position),
    [100, 101, 102, 103, 104, 105],
  );
  assert.equal(l.tokens[0].x, EDGE);
  assert.ok(l.tokens.at(-1)!.current);
  assert.equal(l.tokens[1].travel, 12, 'a token leads to the step after its writer');
  assert.deepEqual(
    l.groups.map((g) => g.label),
    ['i32.const', 'local.get'],
  );
  const near = l.arcs.find((a) => a.label === 'stack_top, stack_top_again')!;
  assert.ok(near && !near.far, 'two lookups selecting one position share an arc');
  assert.equal(near.x2, l.tokens[3].x + l.tokens[3].width / 2);
  assert.equal(near.travel, 12);
  const far = l.arcs.find((a) => a.label === 'memory_byte_dirty')!;
  assert.equal(far.far?.distance, '−55');
  assert.equal(far.x2, EDGE - 4);
  assert.equal(far.travel, 4, 'the far target was written by step 3');
  assert.deepEqual(
    far.far?.snippet.map((s) => [s.text, s.target]),
    [
      ['07', false],
      ['00', false],
      ['2a', true],
      ['commit-2', false],
      ['01', false],
    ],
  );
  const mean = l.arcs.find((a) => a.kind === 'average')!;
  assert.equal(mean.far?.distance, '−104');
  assert.match(mean.title, /mean of 105 positions/);
  assert.equal(mean.travel, undefined, 'a program token was written by no step');
  assert.equal(new Set(l.arcs.filter((a) => a.far).map((a) => a.far!.row)).size, 2);
});

test('a narrow view keeps the latest tokens (at least four); what falls off the row is far', () => {
  const wide = layoutArcs(answer, EDGE + 200);
  assert.deepEqual(
    wide.tokens.map((t) => t.position),
    [101, 102, 103, 104, 105],
  );
  assert.ok(wide.width <= EDGE + 200);
  const narrow = layoutArcs(answer, EDGE + 10);
  assert.deepEqual(
    narrow.tokens.map((t) => t.position),
    [102, 103, 104, 105],
  );
  assert.ok(!narrow.arcs.find((a) => a.label.startsWith('stack_top'))!.far);
  const nearer = { ...answer, heads: [...answer.heads, hit('lookup', 'local_byte', [100])] };
  const local = layoutArcs(nearer, EDGE + 10).arcs.find((a) => a.label === 'local_byte')!;
  assert.equal(local.far?.distance, '−5', 'a target that fell off the row is at the edge');
  assert.equal(local.travel, 11);
});
