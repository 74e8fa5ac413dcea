// Traps in the debugger (issue 11): a division by zero, INT_MIN / -1 or a C stack overflow stops
// as an exception at the C line, exceptionInfo names the trap, continuing ends the run with exit
// status 134 (DAP's exited event), the 'traps' filter turns the stop off, and a source map of
// another program is refused at launch. The real adapter process over stdio.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after as afterAll, test } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { asTokenProgram, compileFile } from '../../engine/compiler/compile';
import { formatProgram } from '../../engine/tokens/program-file';
import { adapter, after, markerLine, root, startSession } from './support/dap';

const traps = join(root, 'engine', 'test', 'programs', 'traps');
const work = mkdtempSync(join(tmpdir(), 'tvm-dap-traps-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Continues and returns the exit status of the exited event (and that the session terminated). */
async function continueToExit(dc: DebugClient): Promise<number> {
  const exited = dc.waitForEvent('exited');
  const terminated = dc.waitForEvent('terminated');
  await dc.continueRequest({ threadId: 1 });
  const code = ((await exited) as DebugProtocol.ExitedEvent).body.exitCode;
  await terminated;
  return code;
}

test('a division by zero stops as an exception at its C line; continuing exits with status 134', async () => {
  const file = join(traps, 'divide.c');
  const { dc, first, output } = await startSession({ program: file, args: 'd 0' });
  try {
    const stop = first as DebugProtocol.StoppedEvent;
    assert.equal(stop.event, 'stopped');
    assert.equal(stop.body.reason, 'exception');
    assert.equal(stop.body.description, 'integer divide by zero');
    assert.match(
      stop.body.text ?? '',
      new RegExp(`^integer divide by zero in \\w+\\(\\) at divide\\.c:${markerLine(file, 'DIVIDE')}$`),
    );
    assert.equal(output.join(''), 'before\n', 'what it printed before the trap, nothing after');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'divideByZero');
    assert.equal(info.body.breakMode, 'always');
    assert.equal(info.body.details?.typeName, 'trap');
    assert.match(info.body.description ?? '', /divide\.c:\d+$/);
    // The state before the trap is still there: step back, then forward onto the trap again.
    const back = await after(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal(back.body.reason, 'step');
    await assert.rejects(dc.exceptionInfoRequest({ threadId: 1 }), /not stopped on a trap/);
    const again = await after(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(again.body.reason, 'exception');
    assert.equal(await continueToExit(dc), 134);
  } finally {
    await dc.stop();
  }
});

test('INT_MIN / -1 and a C stack overflow are traps too, each named with its C function and line', async () => {
  const cases: [string, string, RegExp][] = [
    ['divide.c', 'o', /^integer overflow \(INT_MIN \/ -1\) in \w+\(\) at divide\.c:\d+$/],
    [
      'big_frames.c',
      '2000',
      new RegExp(
        `^C stack overflow in deep\\(\\) at big_frames\\.c:${markerLine(join(traps, 'big_frames.c'), 'DEEP')}$`,
      ),
    ],
  ];
  for (const [name, args, text] of cases) {
    const { dc, first } = await startSession({ program: join(traps, name), args });
    try {
      const stop = first as DebugProtocol.StoppedEvent;
      assert.equal(stop.body.reason, 'exception', name);
      assert.match(stop.body.text ?? '', text, name);
      assert.equal(await continueToExit(dc), 134, name);
    } finally {
      await dc.stop();
    }
  }
});

test('without the traps filter a trap does not stop; a normal end exits with 0', async () => {
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 60_000;
  await dc.start();
  try {
    const init = await dc.initializeRequest({
      adapterID: 'transformer-vm',
      linesStartAt1: true,
      pathFormat: 'path',
    });
    assert.deepEqual(
      init.body?.exceptionBreakpointFilters?.map((f) => [f.filter, f.default]),
      [['traps', true]],
    );
    const initialized = dc.waitForEvent('initialized');
    await dc.launch({ program: join(traps, 'divide.c'), args: 'd 0' });
    await initialized;
    await assert.rejects(
      dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] }),
      /unknown exception filter 'uncaught'/,
    );
    await dc.setExceptionBreakpointsRequest({ filters: [] });
    const exited = dc.waitForEvent('exited');
    const console: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'console') console.push(e.body.output);
    });
    await dc.configurationDoneRequest();
    assert.equal(((await exited) as DebugProtocol.ExitedEvent).body.exitCode, 134);
    assert.match(console.join(''), /trap: integer divide by zero in \w+\(\) at divide\.c:\d+; halted after/);
  } finally {
    await dc.stop();
  }
  const ok = await startSession({ program: join(traps, 'divide.c'), args: 'd 4' });
  try {
    assert.equal(ok.first.event, 'terminated');
    assert.equal(ok.output.join(''), 'before\n25\nafter\n');
  } finally {
    await ok.dc.stop();
  }
});

test('a source map that belongs to another program is refused at launch, naming the map', async () => {
  const hello = asTokenProgram(await compileFile(join(root, 'examples', 'hello.c'), {}));
  const program = join(work, 'prog.tvm');
  writeFileSync(program, formatProgram(hello.instructions, hello.input));
  const fib = await compileFile(join(root, 'examples', 'fibonacci.c'), { args: '5' });
  writeFileSync(join(work, 'fib.map.json'), JSON.stringify(fib.sourceMap.toJSON()));
  copyFileSync(join(work, 'fib.map.json'), join(work, 'prog.map.json'));
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 60_000;
  await dc.start();
  try {
    await dc.initializeRequest({ adapterID: 'transformer-vm', linesStartAt1: true, pathFormat: 'path' });
    await assert.rejects(dc.launch({ program }), /prog\.map\.json: .*(another program|instruction)/);
  } finally {
    await dc.stop();
  }
});
