// The C view over DAP: stopped in a C program (programs/c-variables.c), the call stack names C
// functions with their lines and the program's entry; the Locals and Globals scopes come first
// and show every kind of value (struct, pointer chain, 300-int array paged, strings, 64-bit,
// bit-fields, enum, bool, char array, statics) with C types and the expressions naming them;
// at -O2 some variable is <optimized out> and does not expand.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { lineOf, markerLine, startSession } from './support/dap';

const program = join(__dirname, 'programs', 'c-variables.c');

type Launch = Parameters<typeof startSession>[0];
/** startSession with the `optimize` launch attribute. */
const launchAt = (optimize: string, line: number) =>
  startSession({ program, optimize } as Launch, { lines: { path: program, breakpoints: [{ line }] } });

async function variables(dc: DebugClient, ref: number, start?: number, count?: number) {
  return (await dc.variablesRequest({ variablesReference: ref, start, count })).body.variables;
}

async function scopeVariables(dc: DebugClient, name: string, frameId = 0) {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  const s = scopes.find((x) => x.name === name);
  assert.ok(s, `scope ${name} in ${scopes.map((x) => x.name).join(', ')}`);
  const vars = await variables(dc, s.variablesReference);
  return new Map(vars.map((v) => [v.name, v]));
}

const get = (vars: Map<string, DebugProtocol.Variable>, name: string) => {
  const v = vars.get(name);
  assert.ok(v, `variable ${name} among ${[...vars.keys()].join(', ')}`);
  return v;
};

test('-O0: C frames, scopes, and every kind of value by name and type', async () => {
  const { dc, first } = await launchAt('O0', markerLine(program, 'sum-return'));
  try {
    assert.equal(first.event, 'stopped');
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].name, 'sum');
    assert.equal(frames[0].line, markerLine(program, 'sum-return'));
    assert.equal(frames[1].name, 'main');
    assert.equal(frames[1].line, lineOf(program, 'int s = adder(table, 300);'));
    assert.equal(frames[1].source?.name, 'c-variables.c');
    const entry = frames[frames.length - 1];
    assert.equal(entry.name, 'program entry');
    assert.equal(entry.presentationHint, 'subtle');
    for (const f of frames.slice(2)) assert.equal(f.presentationHint, 'subtle', `${f.name} is not user code`);

    const scopes = (await dc.scopesRequest({ frameId: 0 })).body.scopes;
    assert.deepEqual(
      scopes.map((s) => s.name),
      [
        'Locals',
        'Globals',
        'Machine',
        'Operand stack',
        'WebAssembly locals',
        'WebAssembly globals',
        'Memory',
        'Output',
        'Residual stream',
      ],
    );
    assert.equal(scopes[0].presentationHint, 'locals');

    // sum: the loop's `i` is out of scope at the return.
    const locals = await scopeVariables(dc, 'Locals');
    assert.deepEqual([...locals.keys()], ['v', 'n', 'total']);
    let squares = 0;
    for (let i = 0; i < 300; i++) squares += i * i;
    assert.equal(get(locals, 'total').value, String(squares));
    assert.equal(get(locals, 'n').value, '300');
    const v = get(locals, 'v');
    assert.equal(v.type, 'const int *');
    assert.match(v.value, /^0x[0-9a-f]+$/);
    const [pointee] = await variables(dc, v.variablesReference);
    assert.deepEqual([pointee.name, pointee.value, pointee.evaluateName], ['*v', '0', '*v']);

    // Globals: the array paged, statics of the file and of the function.
    const globals = await scopeVariables(dc, 'Globals');
    const table = get(globals, 'table');
    assert.equal(table.type, 'int[300]');
    assert.equal(table.indexedVariables, 300);
    assert.match(table.value, /^\{0, 1, 4, 9, .*, 9801\.\.\.\}$/);
    const page = await variables(dc, table.variablesReference, 250, 3);
    assert.deepEqual(
      page.map((x) => [x.name, x.value, x.evaluateName]),
      [250, 251, 252].map((i) => [`[${i}]`, String(i * i), `table[${i}]`]),
    );
    assert.equal(get(globals, 'counter').value, '7');
    assert.equal(get(globals, 'big').value, '-1234567890123');
    assert.equal(get(globals, 'big').type, 'long long');
    assert.equal(get(globals, 'sum::calls').value, '1');

    // main, the caller: structs, a pointer chain, strings, 64-bit values, bit-fields, enum, bool.
    const main = await scopeVariables(dc, 'Locals', 1);
    const p = get(main, 'p');
    assert.equal(p.type, 'struct point');
    assert.match(p.value, /^\{x = 3, y = -4, label = 0x[0-9a-f]+ "p", next = 0x[0-9a-f]+\}$/);
    const members = new Map((await variables(dc, p.variablesReference)).map((m) => [m.name, m]));
    assert.deepEqual([...members.keys()], ['x', 'y', 'label', 'next']);
    assert.equal(get(members, 'label').evaluateName, 'p.label');
    const next = get(members, 'next');
    assert.equal(next.type, 'struct point *');
    const [star] = await variables(dc, next.variablesReference);
    assert.equal(star.name, '*next');
    assert.equal(star.evaluateName, '*p.next');
    assert.match(star.value, /^\{x = 0, y = 0, label = 0x[0-9a-f]+ "origin", next = 0x0\}$/);
    const [x] = await variables(dc, star.variablesReference);
    assert.deepEqual([x.name, x.value, x.evaluateName], ['x', '0', 'p.next->x']);

    assert.match(get(main, 'greeting').value, /^0x[0-9a-f]+ "hello, world"$/);
    assert.equal(get(main, 'greeting').type, 'const char *');
    assert.equal(get(main, 'wide').value, 0xfedcba9876543210n.toString());
    assert.equal(get(main, 'wide').type, 'uint64_t');
    assert.equal(get(main, 'negative').value, '-5');
    assert.equal(get(main, 'f').value, '{ready = 1, level = -3, mode = 5}');
    assert.equal(get(main, 'c').value, 'BLUE');
    assert.equal(get(main, 'c').type, 'enum color');
    assert.equal(get(main, 'ok').value, 'true');
    const adder = get(main, 'adder');
    assert.match(adder.value, /^0x[0-9a-f]+ <sum>$/);
    assert.equal(adder.type, 'int (*)(const int *, int)');
    assert.equal(adder.variablesReference, 0);
    const name = get(main, 'name');
    assert.deepEqual([name.value, name.type, name.indexedVariables], ['"tvm"', 'char[8]', 8]);
    const chars = await variables(dc, name.variablesReference, 0, 4);
    assert.deepEqual(
      chars.map((c) => c.value),
      ["116 't'", "118 'v'", "109 'm'", "0 '\\0'"],
    );
    // The WebAssembly view is still there, unchanged.
    assert.ok((await scopeVariables(dc, 'WebAssembly locals')).has('local[0]'));
  } finally {
    await dc.stop();
  }
});

test('-O2: a variable the compiler dropped is <optimized out> and does not expand', async () => {
  const { dc, first } = await launchAt('O2', lineOf(program, 'printf("%d %s %d'));
  try {
    assert.equal(first.event, 'stopped');
    const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].name, 'main');
    const locals = await scopeVariables(dc, 'Locals');
    const gone = [...locals.values()].filter((v) => v.value === '<optimized out>');
    assert.ok(gone.length > 0, `some of ${[...locals.keys()].join(', ')} optimized out`);
    for (const v of gone) assert.equal(v.variablesReference, 0, `${v.name} does not expand`);
    // What is known is still exact.
    assert.equal(get(locals, 'c').value, 'BLUE');
    assert.equal(get(locals, 'wide').value, 0xfedcba9876543210n.toString());
  } finally {
    await dc.stop();
  }
});
