// C expressions over DAP: stopped by a conditional breakpoint in a C program built at -O0, watch
// and hover evaluate C over the frame's variables (expandable results, C types), errors say why,
// a logpoint formats C values, and the machine's names keep working (`$step`, `stack[0]`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { lineOf, startSession } from './support/dap';

const SOURCE = `#include <stdio.h>
struct node { int value; struct node *next; };
struct P { int x; int y; };
int main(void) {
  int v[5] = {10, 20, 30, 40, 50};
  struct node c = {3, 0}, b = {2, &c}, a = {1, &b};
  struct node *p = &a;
  int total = 0;
  for (int i = 0; i < 5; i++) {
    int twice = v[i] * 2; /* log here */
    total += twice; /* stop here */
  }
  printf("%d\\n", total + p->next->value);
  return 0;
}
`;

test('watch, hover, conditions and logpoints take C expressions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'c-expr-dap-'));
  const file = join(dir, 'sum.c');
  writeFileSync(file, SOURCE);
  const logLine = lineOf(file, '/* log here */');
  const stopLine = lineOf(file, '/* stop here */');
  const { dc, first } = await startSession(
    { program: file, optimize: 'O0' } as Parameters<typeof startSession>[0],
    {
      lines: {
        path: file,
        breakpoints: [{ line: stopLine, condition: 'i == 3 && v[i] == 40' }],
      },
    },
  );
  const logs: string[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => {
    if (e.body.category === 'console' && e.body.output.startsWith('i=')) logs.push(e.body.output.trim());
  });
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const frameId = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].id;
    const ev = async (expression: string, context = 'watch') =>
      (await dc.evaluateRequest({ expression, frameId, context })).body;
    const shows = async (expression: string, result: RegExp | string, type?: string) => {
      const r = await ev(expression);
      if (typeof result === 'string') assert.equal(r.result, result, expression);
      else assert.match(r.result, result, expression);
      if (type) assert.equal(r.type, type, `type of ${expression}`);
      return r;
    };
    // The condition held at i == 3: 2 * (10 + 20 + 30) summed so far.
    await shows('i', '3', 'int');
    await shows('total', '120', 'int');
    await shows('v[i]', '40', 'int');
    await shows('twice', '80', 'int');
    await shows('p->next->value', '2', 'int');
    await shows('p->next->next->next', '0x0', 'struct node *');
    await shows('sizeof(struct node) + sizeof v', '28', 'unsigned long');
    await shows('(unsigned char)-1', /^255\b/, 'unsigned char');
    await shows('*&total', '120', 'int');
    await shows('total + 1', '121', 'int');
    await shows('&v[1] - &v[0]', '1', 'long');
    await shows("'a' + 1", '98', 'int');
    // Lvalues expand: an array, a struct through a pointer.
    const array = await shows('v', '{10, 20, 30, 40, 50}', 'int[5]');
    assert.equal(array.indexedVariables, 5);
    const elements = await dc.variablesRequest({
      variablesReference: array.variablesReference,
      start: 3,
      count: 2,
    });
    assert.deepEqual(
      elements.body.variables.map((x) => [x.name, x.value, x.evaluateName]),
      [
        ['[3]', '40', 'v[3]'],
        ['[4]', '50', 'v[4]'],
      ],
    );
    const node = await shows('*p->next', /^\{value = 2, next = 0x[0-9a-f]+\}$/, 'struct node');
    assert.ok(node.variablesReference > 0);
    const fields = await dc.variablesRequest({ variablesReference: node.variablesReference });
    assert.deepEqual(
      fields.body.variables.map((x) => x.name),
      ['value', 'next'],
    );
    for (const x of fields.body.variables) {
      assert.ok(x.evaluateName, x.name);
      assert.equal((await ev(x.evaluateName)).result, x.value, x.evaluateName);
    }
    // Hover sends the word or member chain under the pointer.
    assert.equal((await ev('total', 'hover')).result, '120');
    assert.equal((await ev('p->next', 'hover')).type, 'struct node *');
    // The machine's names: unchanged display, and `$` always reaches them.
    assert.match((await ev('$step > 0')).result, /^1 \(0x1\)$/);
    assert.match((await ev('$local[0] == $local[0]', 'repl')).result, /^1 /);
    // Errors are one clear line.
    const refused = async (expression: string, why: RegExp) =>
      assert.rejects(dc.evaluateRequest({ expression, frameId, context: 'watch' }), why, expression);
    await refused('nosuch + 1', /unknown name 'nosuch'/);
    await refused('i = 4', /expressions cannot change the program/);
    await refused('total++', /expressions cannot change the program/);
    await refused('printf("x")', /function calls are not supported/);
    await refused('total / (i - 3)', /division by zero/);
    await refused('i->value', /cannot apply '->' to int/);
    await refused('p->nope', /'struct node' has no member named 'nope'/);
    await refused('(i + 1))', /unexpected '\)' at column 8/);
    // struct P is declared but never used: clang emits no DWARF for it.
    await refused('sizeof(struct P)', /unknown type 'struct P'/);
    // A logpoint formats C values (and machine ones); the condition i == 3 does not hold again.
    await dc.setBreakpointsRequest({
      source: { path: file },
      breakpoints: [
        { line: logLine, logMessage: 'i={i} total={total} v={v} at {$step > 0}' },
        { line: stopLine, condition: 'i == 3 && v[i] == 40' },
      ],
    });
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.deepEqual(logs, ['i=4 total=200 v={10, 20, 30, 40, 50} at 1']);
  } finally {
    await dc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
