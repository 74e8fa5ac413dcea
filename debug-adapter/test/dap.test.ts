// The Debug Adapter over DAP, as an editor drives it: launching C examples, breakpoints on
// opcodes and C lines (found by marker comments), conditions and hit counts, stepping in, over,
// out and back, reverse continue, the values shown against the reference executor at the same
// step, memory, disassembly, pausing a long run, terminating, and compile errors.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after as afterAll, test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { OptimizeLevel } from '../../engine/compiler/clang';
import { nativeSkip } from '../../engine/test/support/native';
import type { AttentionAnswer } from '../session/attention';
import { after, example, lineOf, markerLine, referenceAt, scope, signed, startSession } from './support/dap';

const work = mkdtempSync(join(tmpdir(), 'tvm-dap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fib = example('fibonacci');
const FIB_ARGS = '10';

/** Checks the Machine, Operand stack and Locals scopes against the reference at the same step. */
async function matchesReference(
  dc: Awaited<ReturnType<typeof startSession>>['dc'],
  file: string,
  args: string,
  optimize?: OptimizeLevel,
) {
  const machine = await scope(dc, 'Machine');
  const step = Number(machine.get('step'));
  const ref = await referenceAt(file, args, step, optimize);
  assert.equal(Number(machine.get('cursor')), ref.pc, 'cursor');
  assert.equal(Number(machine.get('call depth')), ref.frames.length, 'call depth');
  const stack = await scope(dc, 'Operand stack');
  assert.equal(stack.size, ref.stack.length, 'stack depth');
  ref.stack.forEach((v, i) => {
    assert.equal(signed(stack.get(`[${ref.stack.length - 1 - i}]`)), v | 0, `stack ${i}`);
  });
  const locals = await scope(dc, 'WebAssembly locals');
  ref.locals.forEach((v, i) => {
    assert.equal(signed(locals.get(`local[${i}]`)), (v ?? 0) | 0, `local ${i}`);
  });
  return { step, ref };
}

test('an opcode breakpoint stops before that instruction, with the reference state', async () => {
  const { dc, first, bps } = await startSession(
    { program: example('hello'), args: 'DAP' },
    { functionBreakpoints: [{ name: 'output' }, { name: 'no.such.op' }] },
  );
  try {
    assert.equal(bps.functions?.body.breakpoints[0].verified, true);
    assert.equal(bps.functions?.body.breakpoints[1].verified, false);
    assert.match(
      bps.functions?.body.breakpoints[1].message ?? '',
      /no opcode or function named 'no.such.op'/,
    );
    assert.equal(first.event, 'stopped');
    assert.equal(first.body.reason, 'breakpoint');
    const trace = await dc.stackTraceRequest({ threadId: 1 });
    const top = trace.body.stackFrames[0];
    assert.equal(top.name, 'printf');
    assert.match(top.instructionPointerReference ?? '', /^0x[0-9a-f]+$/);
    assert.ok(trace.body.stackFrames.some((f) => f.name === 'compute' && f.source?.name === 'hello.c'));
    const machine = await scope(dc, 'Machine');
    assert.equal(machine.get('instruction'), 'output');
    assert.equal(signed((await scope(dc, 'Operand stack')).get('[0]')), 'H'.charCodeAt(0));
    await matchesReference(dc, example('hello'), 'DAP');
  } finally {
    await dc.stop();
  }
});

test('a C-line breakpoint (by marker), step over, into and out, by line and by instruction', async () => {
  const line = markerLine(fib, 'fib-next');
  const printfLine = lineOf(fib, 'printf("F(%d) = %d\\n", i, a);');
  const { dc, first, bps } = await startSession(
    { program: fib, args: FIB_ARGS },
    { lines: { path: fib, breakpoints: [{ line: printfLine }, { line: 1 }] } },
  );
  try {
    const [printfBp, comment] = bps.lines!.body.breakpoints;
    assert.equal(printfBp.verified, true);
    assert.equal(printfBp.line, printfLine);
    assert.equal(comment.verified, false, 'a comment line has no code');
    assert.match(comment.message ?? '', /no code for line 1/);
    assert.equal(first.body.reason, 'breakpoint');
    const frames = async () => (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    const start = await frames();
    assert.equal(start[0].line, printfLine);
    // Into printf, and back out.
    await after(dc, () => dc.stepInRequest({ threadId: 1 }));
    const inside = await frames();
    assert.equal(inside.length, start.length + 1);
    assert.equal(inside[0].name, 'printf');
    await after(dc, () => dc.stepOutRequest({ threadId: 1 }));
    const out = await frames();
    assert.equal(out.length, start.length);
    assert.equal(out[0].name, 'compute');
    // Over, line by line, to the marked line (-O2 orders lines as it likes; each step stays in
    // compute and lands on another line).
    let lines = 0;
    for (let previous = out[0].line; (await frames())[0].line !== line; lines++) {
      assert.ok(lines < 6, 'the marked line within a few steps');
      await after(dc, () => dc.nextRequest({ threadId: 1 }));
      const now = await frames();
      assert.equal(now[0].name, 'compute');
      assert.equal(now.length, start.length);
      assert.notEqual(now[0].line, previous);
      previous = now[0].line;
    }
    await matchesReference(dc, fib, FIB_ARGS);
    await after(dc, () => dc.nextRequest({ threadId: 1 }));
    const next = await frames();
    assert.equal(next.length, start.length);
    assert.notEqual(next[0].line, line, 'next leaves the marked line');
    // One instruction.
    const before = Number((await scope(dc, 'Machine')).get('step'));
    await after(dc, () => dc.nextRequest({ threadId: 1, granularity: 'instruction' }));
    assert.equal(Number((await scope(dc, 'Machine')).get('step')), before + 1);
    await matchesReference(dc, fib, FIB_ARGS);
  } finally {
    await dc.stop();
  }
});

test('step back and reverse continue over the recorded trace', async () => {
  const line = markerLine(fib, 'fib-next');
  const { dc, first } = await startSession(
    { program: fib, args: FIB_ARGS },
    { lines: { path: fib, breakpoints: [{ line }] } },
  );
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const stepNow = async () => Number((await scope(dc, 'Machine')).get('step'));
    const firstHit = await stepNow();
    await after(dc, () => dc.continueRequest({ threadId: 1 }));
    const secondHit = await stepNow();
    assert.ok(secondHit > firstHit);
    await after(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' }));
    assert.equal(await stepNow(), secondHit - 1);
    await matchesReference(dc, fib, FIB_ARGS);
    const back = await after(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
    assert.equal(back.body.reason, 'breakpoint');
    assert.equal(await stepNow(), firstHit);
    await matchesReference(dc, fib, FIB_ARGS);
    // Forward again replays the recorded trace: the same stop, the same state.
    await after(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(await stepNow(), secondHit);
  } finally {
    await dc.stop();
  }
});

test('conditions, hit counts and logpoints; hover and watch evaluate the same language', async () => {
  const line = markerLine(fib, 'fib-next');
  const { dc, first, output } = await startSession(
    { program: fib, args: FIB_ARGS },
    {
      functionBreakpoints: [{ name: 'output', condition: 'stack[0] == 10' }],
      lines: { path: fib, breakpoints: [{ line, hitCondition: '3' }] },
    },
  );
  try {
    // The first newline is printed before the marked line runs a third time.
    assert.equal(first.body.reason, 'breakpoint');
    assert.equal(signed((await scope(dc, 'Operand stack')).get('[0]')), 10);
    assert.equal(output.join(''), 'F(0) = 0');
    const ok = await dc.evaluateRequest({ expression: 'stack[0] * 2 + 1', frameId: 0, context: 'hover' });
    assert.match(ok.body.result, /^21 /);
    await assert.rejects(
      dc.evaluateRequest({ expression: 'nonsense[0]', frameId: 0, context: 'watch' }),
      /unknown name 'nonsense'/,
    );
    await assert.rejects(
      dc.evaluateRequest({ expression: 'stack[99]', frameId: 0, context: 'watch' }),
      /operand stack holds/,
    );
    // Now only the hit count (the marked line's third run: F(0..2) printed), and a logpoint.
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    const printfLine = lineOf(fib, 'printf("F(%d) = %d\\n", i, a);');
    await dc.setBreakpointsRequest({
      source: { path: fib },
      breakpoints: [
        { line, hitCondition: '3' },
        { line: printfLine, logMessage: 'printing at step {step}' },
      ],
    });
    const logged: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'console' && e.body.output.startsWith('printing at step'))
        logged.push(e.body.output);
    });
    const hit = await after(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(hit.body.reason, 'breakpoint');
    assert.equal((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].line, line);
    assert.match(output.join(''), /F\(2\) = 1\n$/);
    assert.equal(logged.length, 2, `logpoint lines: ${logged.join('')}`);
    assert.match(logged[0], /^printing at step \d+\n$/);
    await matchesReference(dc, fib, FIB_ARGS);
  } finally {
    await dc.stop();
  }
});

test('memory, globals and the disassembly come from the decoded machine', async () => {
  const { dc } = await startSession(
    { program: fib, args: FIB_ARGS },
    { functionBreakpoints: [{ name: 'output' }] },
  );
  try {
    const { ref } = await matchesReference(dc, fib, FIB_ARGS);
    const globals = await scope(dc, 'WebAssembly globals');
    const sp = signed(globals.get('global[0] stack pointer'));
    assert.equal(sp, ref.memory.load(8, 4) | 0);
    const mem = (await dc.customRequest('readMemory', {
      memoryReference: String(sp),
      offset: 0,
      count: 64,
    })) as DebugProtocol.ReadMemoryResponse;
    assert.deepEqual(new Uint8Array(Buffer.from(mem.body!.data!, 'base64')), ref.memory.read(sp, 64));
    const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
    const dis = await dc.disassembleRequest({
      memoryReference: frame.instructionPointerReference!,
      instructionOffset: -1,
      instructionCount: 3,
    });
    const rows = dis.body!.instructions;
    assert.equal(rows[1].address, frame.instructionPointerReference);
    assert.equal(rows[1].instruction, 'output');
    assert.ok(
      rows.some((r) => r.line !== undefined && r.location?.name),
      'C lines in the disassembly',
    );
    const far = await dc.disassembleRequest({
      memoryReference: '0x0',
      instructionOffset: -2,
      instructionCount: 2,
    });
    assert.ok(far.body!.instructions.every((r) => r.presentationHint === 'invalid'));
  } finally {
    await dc.stop();
  }
});

test('pause a long run (sudoku), inspect it, and continue to the end', async () => {
  const { dc, first, output } = await startSession({
    program: example('sudoku'),
    args: SUDOKU,
    stopOnEntry: true,
    // -O2: sudoku at the debug build's -O0 takes 20 times the tokens, and the run is what is tested.
    optimize: 'O2',
  });
  try {
    assert.equal(first.body.reason, 'entry');
    await dc.continueRequest({ threadId: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    const paused = await after(dc, () => dc.pauseRequest({ threadId: 1 }));
    assert.equal(paused.body.reason, 'pause');
    const { step } = await matchesReference(dc, example('sudoku'), SUDOKU, 'O2');
    assert.ok(step > 1000, `paused at step ${step}`);
    const ended = dc.waitForEvent('terminated', 120_000);
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.match(output.join(''), /check: every row, column and box holds 1-9 exactly once/);
  } finally {
    await dc.stop();
  }
});

test('a compile error names the C line, reaches the Problems panel, and ends the session', async () => {
  const bad = join(work, 'bad.c');
  writeFileSync(
    bad,
    'void compute(const char *input) {\n  long double x = 1.5;\n  printf("%d", (int)(x * input[0]));\n}\n',
  );
  const { DebugClient } = await import('@vscode/debugadapter-testsupport');
  const { adapter } = await import('./support/dap');
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 60_000; // clang and wasm-ld run twice (without, then with the C library)
  await dc.start();
  try {
    const diagnostics = dc.waitForEvent('transformerVm.diagnostics', 60_000);
    const terminated = dc.waitForEvent('terminated', 60_000);
    await dc.initializeRequest();
    await assert.rejects(dc.launch({ program: bad }), /bad\.c:2:3: error: long double is not supported/);
    const d = (await diagnostics).body.diagnostics as { file: string; line: number; message: string }[];
    assert.ok(
      d.some((x) => x.file.endsWith('bad.c') && x.line === 2),
      JSON.stringify(d),
    );
    await terminated;
  } finally {
    await dc.stop();
  }
});

test('disconnect in the middle of a run ends the adapter cleanly: the process exits with 0', async () => {
  const { dc, first } = await startSession({
    program: example('sudoku'),
    args: SUDOKU,
    stopOnEntry: true,
    optimize: 'O2',
  });
  assert.equal(first.body.reason, 'entry');
  await dc.continueRequest({ threadId: 1 });
  const child = (dc as unknown as { _adapterProcess: ChildProcess })._adapterProcess;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise((r) => setTimeout(r, 300));
  await dc.disconnectRequest({});
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
  child.kill(); // not dc.stop(): it sends a second disconnect, which an exited adapter cannot answer
  assert.equal(code, 0, 'the adapter exits after disconnect');
});

const SUDOKU = '530070000600195000098000060800060003400803001700020006060000280000419005000080079';

test('attention hits: every head at the current or an earlier step, and time travel to a writer', {
  skip: nativeSkip(),
}, async () => {
  const { dc, first } = await startSession(
    { program: example('hello'), args: 'DAP' },
    { functionBreakpoints: [{ name: 'output' }] },
  );
  try {
    assert.equal(first.body.reason, 'breakpoint');
    const step = Number((await scope(dc, 'Machine')).get('step'));
    const pc = Number((await scope(dc, 'Machine')).get('cursor'));
    const r = await dc.customRequest('attentionHits', {});
    const answer = r.body as AttentionAnswer;
    assert.equal(answer.step, step);
    const kinds = new Set(answer.heads.map((h) => h.kind));
    for (const k of ['lookup', 'gather', 'passthrough', 'average'] as const)
      assert.ok(kinds.has(k), `a ${k} head`);
    for (const h of answer.heads) {
      assert.ok(
        h.positions.every((p) => p >= 0 && p <= answer.position),
        `${h.lookup}: ${h.positions}`,
      );
      assert.equal(h.tokens.length, h.positions.length);
    }
    // The opcode head read the program section: the opcode of the instruction about to run.
    const opcode = answer.heads.find((h) => h.lookup === 'opcode')!;
    assert.equal(opcode.tokens[0].token, 'output');
    assert.match(opcode.tokens[0].what, new RegExp(`the opcode of instruction ${pc} \\(output\\)`));
    // The stack top head read a token of the step that pushed the value being printed.
    const top = answer.heads.find((h) => h.lookup === 'stack_top')!;
    const writer = top.tokens[0].step!;
    assert.ok(writer < step, top.tokens[0].what);
    const earlier = await dc.customRequest('attentionHits', { step: 5 });
    assert.equal((earlier.body as { step: number }).step, 5);
    const travelled = await after(dc, () => dc.customRequest('timeTravel', { step: writer + 1 }));
    assert.equal(travelled.body.reason, 'goto');
    assert.equal(Number((await scope(dc, 'Machine')).get('step')), writer + 1);
    assert.equal(signed((await scope(dc, 'Operand stack')).get('[0]')), 'H'.charCodeAt(0));
  } finally {
    await dc.stop();
  }
});
