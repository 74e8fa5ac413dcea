// The C view over DAP where the gdb oracle does not reach: a variable clang -O2 leaves without a
// location (`<optimized out>`, not expandable) while the default debug build shows it; paging
// through a 1000-element array; hover on a struct member (evaluate with context 'hover').
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileFile } from '../../engine/compiler/compile';
import { scopeVariables } from './support/c-view';
import { lineOf, startSession } from './support/dap';

const table = join(__dirname, 'programs', 'c-view', 'table.c');

/** Stops at the `// @bp: NAME` line of table.c, returns the client and the top frame's id. */
async function stopAt(name: string, optimize?: string): Promise<{ dc: DebugClient; frameId: number }> {
  const line = lineOf(table, `// @bp: ${name}`);
  const { dc, first } = await startSession(
    { program: table, ...(optimize ? { optimize } : {}) },
    { lines: { path: table, breakpoints: [{ line }] } },
  );
  assert.equal(first.event, 'stopped');
  const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
  assert.equal(frame.line, line);
  return { dc, frameId: frame.id };
}

const byName = (vars: DebugProtocol.Variable[], name: string) => {
  const v = vars.find((x) => x.name === name);
  assert.ok(v, `${name} among ${vars.map((x) => x.name).join(', ')}`);
  return v;
};

test('-O2 leaves a used-up parameter <optimized out>, not expandable; the default debug build shows it', async () => {
  const o2 = await stopAt('weigh', 'O2');
  try {
    const vars = await scopeVariables(o2.dc, 'Locals', o2.frameId);
    const n = byName(vars, 'n');
    assert.equal(n.value, '<optimized out>');
    assert.equal(n.variablesReference, 0);
    const watched = await o2.dc
      .evaluateRequest({ expression: 'n + 1', frameId: o2.frameId, context: 'watch' })
      .then(
        (r) => r.body.result,
        (e: Error) => e.message,
      );
    assert.match(watched, /'n' is optimized out here/);
  } finally {
    await o2.dc.stop();
  }
  const debug = await stopAt('weigh');
  try {
    const vars = await scopeVariables(debug.dc, 'Locals', debug.frameId);
    assert.equal(byName(vars, 'n').value, '40');
    assert.equal(byName(vars, 'bias').value, '2990');
    assert.equal(byName(vars, 'acc').value, '112270');
  } finally {
    await debug.dc.stop();
  }
});

test('a 1000-element array: 1000 indexed children, read page by page, each with its evaluateName', async () => {
  const { dc, frameId } = await stopAt('end');
  try {
    const local = byName(await scopeVariables(dc, 'Locals', frameId), 'local');
    assert.equal(local.type, 'int[1000]');
    assert.equal(local.indexedVariables, 1000);
    // The summary stops after 100 elements, as gdb's does: `{…, 290...}`.
    assert.ok(local.value.startsWith('{-7, -4, -1, 2,'), local.value);
    assert.ok(local.value.endsWith(', 290...}'), local.value);
    for (const start of [0, 500, 990]) {
      const page = await dc.variablesRequest({
        variablesReference: local.variablesReference,
        filter: 'indexed',
        start,
        count: 10,
      });
      assert.deepEqual(
        page.body.variables.map((v) => [v.name, v.value, v.evaluateName]),
        Array.from({ length: 10 }, (_, k) => [
          `[${start + k}]`,
          String((start + k) * 3 - 7),
          `local[${start + k}]`,
        ]),
      );
    }
    const last = await dc.evaluateRequest({ expression: 'local[999]', frameId, context: 'watch' });
    assert.equal(last.body.result, '2990');
  } finally {
    await dc.stop();
  }
});

test('hover on a struct member and on the struct', async () => {
  const { dc, frameId } = await stopAt('end');
  try {
    const hover = (expression: string) => dc.evaluateRequest({ expression, frameId, context: 'hover' });
    assert.equal((await hover('p.right')).body.result, '112270');
    assert.equal((await hover('p.left')).body.result, '2990');
    const whole = await hover('p');
    assert.equal(whole.body.result, '{left = 2990, right = 112270}');
    assert.ok(whole.body.variablesReference > 0, 'the hovered struct expands');
    const members = await dc.variablesRequest({ variablesReference: whole.body.variablesReference });
    assert.deepEqual(
      members.body.variables.map((v) => [v.name, v.value, v.evaluateName]),
      [
        ['left', '2990', 'p.left'],
        ['right', '112270', 'p.right'],
      ],
    );
  } finally {
    await dc.stop();
  }
});

test('F5 builds at -O0, Run Without Debugging (noDebug) at -O2, launch.json decides over both', async () => {
  const built = async (attrs: Record<string, unknown>) => {
    const s = await startSession({ program: table, ...attrs } as Parameters<typeof startSession>[0]);
    try {
      assert.equal(s.first.event, 'terminated', 'no breakpoint: the program runs to its end');
      const m = /table\.c: ([\d,]+) instructions/.exec(s.consoleOutput.join(''));
      assert.ok(m, `the launch names the program's size: ${s.consoleOutput.join('')}`);
      return Number(m[1].replace(/,/g, ''));
    } finally {
      await s.dc.stop();
    }
  };
  const size = async (optimize: 'O0' | 'O2') => (await compileFile(table, { optimize })).instructions.length;
  const [o0, o2] = [await size('O0'), await size('O2')];
  assert.notEqual(o0, o2);
  assert.equal(await built({}), o0);
  assert.equal(await built({ noDebug: true }), o2);
  assert.equal(await built({ noDebug: true, optimize: 'O0' }), o0);
});
