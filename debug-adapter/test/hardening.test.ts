// The Debug Adapter against a careless or hostile client (issue 11): launch attributes refused
// with a message naming them, requests with absurd counts answered at once and bounded, a
// program that never halts not blocking the launch, the process ending when the client goes,
// requests before launch or after the end refused in one line. Each test drives the real
// adapter process (dist/debugAdapter.js) over stdio.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after as afterAll, test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  MAX_DISASSEMBLE_INSTRUCTIONS,
  MAX_READ_MEMORY_BYTES,
  MAX_VARIABLES_PAGE,
} from '../session/arguments';
import { example } from './support/dap';
import { hasStackTrace, RawAdapter } from './support/raw-adapter';

const work = mkdtempSync(join(tmpdir(), 'tvm-dap-hard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A program that never halts (the loop has a visible effect, so the compiler keeps it). */
const forever = join(work, 'forever.c');
writeFileSync(forever, 'void compute(const char *input) {\n  volatile int n = 0;\n  for (;;) n++;\n}\n');

async function initialized(): Promise<RawAdapter> {
  const a = new RawAdapter();
  const r = await a.request('initialize', {
    adapterID: 'transformer-vm',
    pathFormat: 'path',
    linesStartAt1: true,
  });
  assert.equal(r.success, true);
  return a;
}

/** A failed response whose one-line message matches. */
function refused(r: DebugProtocol.Response, pattern: RegExp): void {
  assert.equal(r.success, false, `${r.command} should fail: ${JSON.stringify(r)}`);
  assert.match(r.message ?? '', pattern);
  assert.ok(!(r.message ?? '').includes('\n'), `one line: ${r.message}`);
  assert.ok(!hasStackTrace(r), `no stack trace: ${JSON.stringify(r)}`);
}

test('launch attributes are validated before any work, each refusal naming the attribute (defects 1, 10)', async () => {
  const a = await initialized();
  const dir = join(work, 'a-folder.c');
  mkdirSync(dir, { recursive: true });
  const odd = join(work, 'program.py');
  writeFileSync(odd, 'print(1)\n');
  const hello = example('hello');
  try {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { program: hello, maxTokens: 1.5 },
        /"maxTokens" must be an integer from 1 to 1,000,000,000, not 1\.5/,
      ],
      [{ program: hello, maxTokens: 1e300 }, /"maxTokens" must be an integer .* not 1e\+300/],
      [{ program: hello, maxTokens: 2 ** 63 }, /"maxTokens" must be an integer/],
      [{ program: hello, maxTokens: 'abc' }, /"maxTokens" must be an integer .* not 'abc'/],
      [{ program: hello, maxTokens: 0 }, /"maxTokens" must be an integer/],
      [{ program: hello, maxTokens: -5 }, /"maxTokens" must be an integer/],
      [{ program: hello, engine: 'bogus' }, /"engine" must be one of "native", "js", "graph", not 'bogus'/],
      [{ program: hello, model: '/dev/zero' }, /"model" \/dev\/zero: a weight file is not a regular file/],
      [{ program: hello, model: join(work, 'none.tvmw') }, /"model" .*none\.tvmw: no such file/],
      [{ program: hello, stopOnEntry: 'yes' }, /"stopOnEntry" must be true or false/],
      [{ program: hello, args: 5 }, /"args" must be a string/],
      [{}, /"program" is missing/],
      [{ program: 42 }, /"program" must be a file name, not 42/],
      [{ program: join(work, 'missing.c') }, /"program" .*missing\.c: no such file/],
      [{ program: dir }, /"program" .*a-folder\.c: the program is not a regular file/],
      [{ program: odd }, /"program" .*program\.py: unknown kind of file '\.py'/],
    ];
    for (const [args, pattern] of cases) {
      const r = await a.request('launch', args, 10_000);
      refused(r, pattern);
    }
    // Still alive and answering.
    assert.equal((await a.request('threads')).success, true);
  } finally {
    a.kill();
  }
});

test('requests with counts, offsets and ranges are validated, and huge ones answered bounded (defect 2)', async () => {
  const a = await initialized();
  try {
    assert.equal(
      (await a.request('launch', { program: example('hello'), args: 'DAP', stopOnEntry: true }, 60_000))
        .success,
      true,
    );
    const stopped = a.waitForEvent('stopped');
    await a.request('configurationDone');
    await stopped;
    // Huge but valid: a bounded answer, at once.
    const dis = await a.request('disassemble', { memoryReference: '0x0', instructionCount: 1e8 }, 10_000);
    assert.equal(dis.success, true);
    assert.equal(dis.body.instructions.length, MAX_DISASSEMBLE_INSTRUCTIONS);
    const mem = await a.request('readMemory', { memoryReference: '0', count: 1e9 }, 10_000);
    assert.equal(mem.success, true);
    assert.equal(Buffer.from(mem.body.data, 'base64').length, MAX_READ_MEMORY_BYTES);
    const scopes = (await a.request('scopes', { frameId: 0 })).body.scopes as DebugProtocol.Scope[];
    const memoryScope = scopes.find((s) => s.name === 'Memory')!;
    const vars = await a.request('variables', {
      variablesReference: memoryScope.variablesReference,
      count: 1e9,
    });
    assert.equal(vars.success, true);
    assert.ok(vars.body.variables.length <= MAX_VARIABLES_PAGE);
    // Invalid: refused, naming the argument.
    refused(
      await a.request('disassemble', { memoryReference: '0x0', instructionCount: 1e300 }),
      /'instructionCount' must be an integer/,
    );
    refused(
      await a.request('disassemble', { memoryReference: '0x0', instructionCount: -1 }),
      /'instructionCount'/,
    );
    refused(
      await a.request('disassemble', { memoryReference: '0x0', instructionCount: 2.5 }),
      /'instructionCount'/,
    );
    refused(
      await a.request('disassemble', { memoryReference: 'nowhere', instructionCount: 2 }),
      /'memoryReference' must be an address/,
    );
    refused(
      await a.request('disassemble', { memoryReference: '0x0', instructionCount: 2, instructionOffset: 'x' }),
      /'instructionOffset'/,
    );
    refused(
      await a.request('readMemory', { memoryReference: '0', count: 'abc' }),
      /'count' must be an integer/,
    );
    refused(await a.request('readMemory', { memoryReference: '0', count: 4, offset: 1e300 }), /'offset'/);
    refused(
      await a.request('variables', { variablesReference: memoryScope.variablesReference, start: -3 }),
      /'start'/,
    );
    refused(await a.request('variables', { variablesReference: 1, count: 0.5 }), /'count'/);
    refused(await a.request('stackTrace', { threadId: 1, levels: -1 }), /'levels'/);
    refused(await a.request('stackTrace', { threadId: 1, startFrame: 'NaN' }), /'startFrame'/);
    refused(await a.request('scopes', { frameId: 99 }), /'frameId' must be an integer from 0 to \d+, not 99/);
    refused(
      await a.request('evaluate', { expression: 'x'.repeat(100_000) }),
      /'expression' is 100,000 characters long/,
    );
    refused(await a.request('evaluate', { expression: 5 }), /'expression' must be a string/);
    refused(await a.request('attentionHits', { step: 1e12 }), /'step' must be an integer from 0 to/);
    refused(
      await a.request('setBreakpoints', { source: { path: example('hello') }, breakpoints: [{ line: 1.5 }] }),
      /'line'/,
    );
    refused(await a.request('setBreakpoints', { breakpoints: [] }), /'source' is missing/);
    refused(
      await a.request('setFunctionBreakpoints', { breakpoints: 'output' }),
      /'breakpoints' must be an array/,
    );
    refused(
      await a.request('setInstructionBreakpoints', {
        breakpoints: [{ instructionReference: '0x1', offset: 1e300 }],
      }),
      /'offset'/,
    );
    // Time travel outside the recording: refused, naming the step and the range (defect 10).
    for (const step of [-1, 1e12, 'x'])
      refused(await a.request('timeTravel', { step }), /'step' must be an integer from 0 to \d+, not/);
    assert.equal(a.responses.filter((r) => r.request_seq === a.lastSeq).length, 1);
  } finally {
    a.kill();
  }
});

test('a program that never halts does not block the launch: requests are answered while it runs (defect 3)', async () => {
  const a = await initialized();
  try {
    const launched = await a.request('launch', { program: forever, maxTokens: 1e9, engine: 'js' }, 60_000);
    assert.equal(launched.success, true, JSON.stringify(launched));
    await a.request('configurationDone');
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const threads = await a.request('threads', undefined, 5_000);
      assert.equal(threads.success, true);
      refused(await a.request('next', { threadId: 1 }, 5_000), /the program is running: pause it first/);
    }
    const stopped = a.waitForEvent('stopped');
    assert.equal((await a.request('pause', { threadId: 1 }, 5_000)).success, true);
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'pause');
  } finally {
    a.kill();
  }
});

test('requests before launch and after the end are refused in one line, each answered once (defect 10)', async () => {
  const a = await initialized();
  try {
    for (const [command, args] of [
      ['stackTrace', { threadId: 1 }],
      ['scopes', { frameId: 0 }],
      ['variables', { variablesReference: 1 }],
      ['evaluate', { expression: 'step' }],
      ['next', { threadId: 1 }],
      ['continue', { threadId: 1 }],
      ['stepBack', { threadId: 1 }],
      ['timeTravel', { step: 3 }],
      ['attentionHits', {}],
      ['disassemble', { memoryReference: '0', instructionCount: 3 }],
      ['readMemory', { memoryReference: '0', count: 3 }],
      ['setBreakpoints', { source: { path: 'x.c' }, breakpoints: [{ line: 1 }] }],
    ] as const) {
      const r = await a.request(command, args);
      refused(r, /^no program is running: launch first$/);
      assert.equal(a.responsesTo(r.request_seq), 1, command);
    }
    refused(await a.request('initialize', 'nonsense'), /the arguments of 'initialize' must be an object/);
    refused(await a.request('noSuchRequest', {}), /unknown request 'noSuchRequest'/);
    refused(await a.request('attach', {}), /'attach' is not supported/);
    // To the end of a short program, then time travel and stepping are refused.
    assert.equal(
      (await a.request('launch', { program: example('hello'), args: 'end' }, 60_000)).success,
      true,
    );
    const terminated = a.waitForEvent('terminated', 60_000);
    await a.request('configurationDone');
    await terminated;
    for (const command of ['stepBack', 'reverseContinue', 'next', 'timeTravel'])
      refused(await a.request(command, { threadId: 1, step: 0 }), /the program has ended/);
    assert.equal(a.stderr.includes('more than one response'), false, a.stderr);
  } finally {
    a.kill();
  }
});

test('the adapter exits after disconnect, when stdin closes mid-run, and with a failure on a broken frame (defect 9)', async () => {
  // disconnect mid-run: exit 0, promptly.
  const a = await initialized();
  assert.equal((await a.request('launch', { program: forever, engine: 'js' }, 60_000)).success, true);
  await a.request('configurationDone');
  await new Promise((r) => setTimeout(r, 300));
  await a.request('disconnect', {});
  const exit = await a.exitWithin(5_000);
  a.kill();
  assert.deepEqual(exit, { code: 0, signal: null }, 'exits with 0 after disconnect');
  // stdin closed mid-run: stops computing and exits.
  const b = await initialized();
  assert.equal((await b.request('launch', { program: forever, engine: 'js' }, 60_000)).success, true);
  await b.request('configurationDone');
  await new Promise((r) => setTimeout(r, 300));
  b.child.stdin.end();
  const closed = await b.exitWithin(5_000);
  b.kill();
  assert.ok(closed, 'exits when its input closes');
  // A frame that is not JSON: a non-zero exit and the reason on stderr.
  const c = await initialized();
  c.write('{"seq": 2, "type": "request", "command": ');
  const broken = await c.exitWithin(5_000);
  c.kill();
  assert.ok(broken && broken.code !== 0 && broken.code !== null, `non-zero exit: ${JSON.stringify(broken)}`);
  assert.match(c.stderr, /transformer-vm debug adapter: .*JSON.*; exiting/);
});
