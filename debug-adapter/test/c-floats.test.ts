// Floats in the debugger over DAP, on a C program built at -O0 (F5's default) and run by the
// transformer: a breakpoint condition on a double, Locals showing float and double values with
// gdb's digits, watch and hover arithmetic with C's conversions, the Operand stack showing an f64
// the program pushed (its bits and both words on expansion), and the WebAssembly locals showing
// the f64 and f32 parameters the source map types.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { after, lineOf, startSession } from './support/dap';

const SOURCE = `#include <stdio.h>
double scale(double x, float f) {
  double r = x * f; /* in scale */
  return r;
}
int main(void) {
  double x = 0.5;
  float f = 1.5f;
  double total = 0;
  for (int i = 0; i < 6; i++) {
    x = x + 0.5; /* stop here */
    total += scale(x, f);
  }
  printf("%d\\n", (int)total);
  return 0;
}
`;

test('float and double: Locals, watch, hover, a condition, the operand stack and the WebAssembly locals', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'c-floats-dap-'));
  const file = join(dir, 'floats.c');
  writeFileSync(file, SOURCE);
  const stopLine = lineOf(file, '/* stop here */');
  const { dc, first, output } = await startSession(
    { program: file, optimize: 'O0' } as Parameters<typeof startSession>[0],
    { lines: { path: file, breakpoints: [{ line: stopLine, condition: 'x > 2.2' }] } },
  );
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const frameId = async () => (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].id;
    const variables = async (name: string): Promise<DebugProtocol.Variable[]> => {
      const scopes = await dc.scopesRequest({ frameId: await frameId() });
      const s = scopes.body.scopes.find((x) => x.name === name);
      assert.ok(s, `scope ${name}`);
      return (await dc.variablesRequest({ variablesReference: s.variablesReference })).body.variables;
    };
    const children = async (v: DebugProtocol.Variable) =>
      new Map(
        (await dc.variablesRequest({ variablesReference: v.variablesReference })).body.variables.map((c) => [
          c.name,
          c.value,
        ]),
      );
    // The condition first held with x = 2.5 (0.5 plus four halves), at i == 4.
    const locals = new Map((await variables('Locals')).map((v) => [v.name, v]));
    assert.equal(locals.get('x')?.value, '2.5');
    assert.equal(locals.get('x')?.type, 'double');
    assert.equal(locals.get('f')?.value, '1.5');
    assert.equal(locals.get('f')?.type, 'float');
    assert.equal(locals.get('i')?.value, '4');
    // total = 1.5 * (1 + 1.5 + 2 + 2.5)
    assert.equal(locals.get('total')?.value, '10.5');
    const ev = async (expression: string, context = 'watch') =>
      (await dc.evaluateRequest({ expression, frameId: await frameId(), context })).body;
    assert.deepEqual([(await ev('x * 2')).result, (await ev('x * 2')).type], ['5', 'double']);
    assert.equal((await ev('x * f')).result, '3.75');
    assert.deepEqual([(await ev('f / 3')).result, (await ev('f / 3')).type], ['0.5', 'float']);
    assert.equal((await ev('total / 9')).result, '1.1666666666666667');
    assert.equal((await ev('(int)(x * f)')).result, '3');
    assert.equal((await ev('x > 2.2 && f == 1.5f')).result, '1');
    assert.equal((await ev('-x')).result, '-2.5');
    assert.equal((await ev('x', 'hover')).result, '2.5');
    assert.equal((await ev('0.1')).result, '0.10000000000000001');
    await assert.rejects(ev('x % 2'), /cannot apply '%' to floating-point operands/);

    // Step instruction by instruction until the operand stack holds an f64: x, loaded for x + 0.5.
    let top: DebugProtocol.Variable | undefined;
    for (let k = 0; k < 40 && !top; k++) {
      await after(dc, () => dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
      top = (await variables('Operand stack')).find((v) => v.type === 'f64');
    }
    assert.ok(top, 'an f64 on the operand stack within 40 instructions');
    assert.equal(top.value, '2.5 (f64)');
    const stack = await variables('Operand stack');
    const at = stack.findIndex((v) => v.type === 'f64');
    // Its low word is listed after it (the high word is nearer the top), and says so.
    assert.match(stack[at + 1].value, /^0 \(0x0\) \(low word of the f64 at \[\d+\]\)$/);
    assert.deepEqual(
      [...(await children(top))],
      [
        ['bits', '0x4004000000000000'],
        ['low word', '0 (0x0)'],
        ['high word', '1074003968 (0x40040000)'],
      ],
    );
    // The machine's names still read words: the f64's high word is `stack[at]`.
    assert.equal((await ev(`stack[${at}]`)).result, '1074003968 (0x40040000)');

    // In scale(x = 3, f = 1.5) the parameters are WebAssembly locals: an f64 in slots 0-1, an f32 in slot 2.
    const scaleLine = lineOf(file, '/* in scale */');
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: scaleLine }] });
    const stopped = await after(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(stopped.body.reason, 'breakpoint');
    const wasm = await variables('WebAssembly locals');
    assert.equal(wasm[0].value, '3 (f64)');
    assert.equal(wasm[0].type, 'f64');
    assert.match(wasm[1].value, /^1074266112 \(0x40080000\) \(high word of the f64 at local\[0\]\)$/);
    assert.equal(wasm[2].value, '1.5 (f32)');
    assert.deepEqual(
      [...(await children(wasm[2]))],
      [
        ['bits', '0x3fc00000'],
        ['word', '1069547520 (0x3fc00000)'],
      ],
    );
    assert.equal(new Map((await variables('Locals')).map((v) => [v.name, v.value])).get('x'), '3');
    // f32() reads a machine word's bits as a float.
    assert.equal((await ev('f32(local[2])')).result, '1.5');
    assert.equal((await ev('f32(local[2]) * 2')).result, '3');
    // Run to the end: total = 1.5 * (1 + 1.5 + 2 + 2.5 + 3 + 3.5) = 20.25.
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [] });
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.equal(output.join(''), '20\n');
  } finally {
    await dc.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
