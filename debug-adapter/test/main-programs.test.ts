// Ordinary C programs (with main) in the debugger (issue 12): `args` as an array or a shell-split
// string, `stdin`, `stdinFile` and `optimize` launch attributes reach the program; the run's end
// is DAP's exited event with the program's own exit status and a Debug Console line; invalid
// attributes are refused naming them. The real adapter process over stdio.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after as afterAll, test } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { OPTIMIZE_LEVELS } from '../../engine/compiler/clang';
import { compileFile } from '../../engine/compiler/compile';
import { formatProgram } from '../../engine/tokens/program-file';
import { adapter, root } from './support/dap';
import { hasStackTrace, RawAdapter } from './support/raw-adapter';

const work = mkdtempSync(join(tmpdir(), 'tvm-dap-main-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints argv in brackets, echoes stdin, returns atoi(argv[1]) or aborts when told to. */
const prog = join(work, 'prog.c');
writeFileSync(
  prog,
  `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) { fputs("[", stdout); fputs(argv[i], stdout); puts("]"); }
  int c;
  while ((c = getchar()) != EOF) putchar(c);
  if (argc > 1 && strcmp(argv[1], "abort") == 0) abort();
  return argc > 1 ? atoi(argv[1]) : 0;
}
`,
);

interface Ended {
  readonly stdout: string;
  readonly console: string;
  readonly exitCode: number;
}

/** Launches `args`, runs to the end and returns the program's output, the console and the status. */
async function runToEnd(args: Record<string, unknown>): Promise<Ended> {
  assert.ok(existsSync(adapter), `${adapter} is built (npm test builds it first)`);
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 60_000;
  await dc.start();
  const stdout: string[] = [];
  const console: string[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) =>
    (e.body.category === 'stdout' ? stdout : console).push(e.body.output),
  );
  try {
    await dc.initializeRequest({ adapterID: 'transformer-vm', linesStartAt1: true, pathFormat: 'path' });
    const initialized = dc.waitForEvent('initialized');
    await dc.launch({ program: prog, ...args });
    await initialized;
    const exited = dc.waitForEvent('exited');
    const terminated = dc.waitForEvent('terminated');
    await dc.configurationDoneRequest();
    const exitCode = ((await exited) as DebugProtocol.ExitedEvent).body.exitCode;
    await terminated;
    return { stdout: stdout.join(''), console: console.join(''), exitCode };
  } finally {
    await dc.stop();
  }
}

test('args as an array and stdin reach main; the exited event carries the status main returned', async () => {
  const r = await runToEnd({ args: ['3', 'b c'], stdin: 'line one\nline two\n' });
  assert.equal(r.stdout, '[prog]\n[3]\n[b c]\nline one\nline two\n');
  assert.equal(r.exitCode, 3);
  assert.match(r.console, /^program exited with status 3 after [\d,]+ instructions, [\d,]+ tokens$/m);
  assert.match(r.console, /^argv: \["prog","3","b c"\]; stdin: 18 bytes "line one\\nline two\\n"$/m);
});

test('args as a string is split like a shell; stdinFile from cwd, else the program folder; optimize O0', async () => {
  const sub = join(work, 'inputs');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'in.txt'), 'from a file\n');
  writeFileSync(join(work, 'beside.txt'), 'beside the program\n');
  const fromCwd = await runToEnd({ args: "0 'x y'", stdinFile: 'in.txt', cwd: sub, optimize: 'O0' });
  assert.equal(fromCwd.stdout, '[prog]\n[0]\n[x y]\nfrom a file\n');
  assert.equal(fromCwd.exitCode, 0);
  assert.match(fromCwd.console, /^program exited with status 0 after/m);
  const beside = await runToEnd({ stdinFile: 'beside.txt', optimize: 'Os' });
  assert.equal(beside.stdout, '[prog]\nbeside the program\n');
});

test('abort() ends the run with status 134 and says so', async () => {
  const r = await runToEnd({ args: ['abort'] });
  assert.equal(r.exitCode, 134);
  assert.match(r.console, /^program aborted \(status 134\) after /m);
});

test('invalid program-input attributes are refused in one line naming the attribute', async () => {
  const a = new RawAdapter();
  try {
    assert.equal(
      (await a.request('initialize', { adapterID: 'transformer-vm', pathFormat: 'path' })).success,
      true,
    );
    const tvm = join(work, 'compiled.tvm');
    const folder = join(work, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ args: [1, 2] }, /"args" must be a string or an array of strings/],
      [{ args: { a: 1 } }, /"args" must be a string or an array of strings .*not an object/],
      [{ args: ['a\0b'] }, /"args"\[0\] contains a NUL character/],
      [{ stdin: 5 }, /"stdin" must be a string/],
      [{ stdin: 'x', stdinFile: 'y' }, /give "stdin" or "stdinFile", not both/],
      [{ stdinFile: 'missing.txt' }, /"stdinFile" .*missing\.txt: no such file/],
      [{ stdinFile: folder }, /"stdinFile" .*a-folder: the standard input is not a regular file/],
      [{ stdinFile: '' }, /"stdinFile" must be a file name/],
      [{ optimize: 'O9' }, /"optimize" must be one of "O0", "O1", "O2", "Os", not 'O9'/],
      [{ optimize: 2 }, /"optimize" must be one of .* not 2/],
      [{ args: "'open" }, /unterminated ' quote/],
    ];
    for (const [args, pattern] of cases) {
      const r = await a.request('launch', { program: prog, ...args }, 30_000);
      assert.equal(r.success, false, JSON.stringify(args));
      assert.match(r.message ?? '', pattern);
      assert.ok(!(r.message ?? '').includes('\n'), `one line: ${r.message}`);
      assert.ok(!hasStackTrace(r), `no stack trace: ${JSON.stringify(r)}`);
    }
    // A compiled main program's argv and stdin are part of it: its source takes them.
    const compiled = await compileFile(prog, {});
    writeFileSync(tvm, formatProgram(compiled.instructions, compiled.input));
    for (const extra of [{ args: ['x'] }, { stdin: 'x' }]) {
      const r = await a.request('launch', { program: tvm, ...extra }, 30_000);
      assert.equal(r.success, false);
      assert.match(
        r.message ?? '',
        /compiled\.tvm: the argv and stdin of a program with main\(\) are compiled into it/,
      );
    }
    assert.equal((await a.request('threads')).success, true, 'still answering');
  } finally {
    a.kill();
  }
});

test('package.json describes the program-input attributes as the adapter checks them', async () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const props = pkg.contributes.debuggers[0].configurationAttributes.launch.properties;
  assert.deepEqual(props.args.type, ['string', 'array']);
  assert.equal(props.args.items.type, 'string');
  assert.equal(props.stdin.type, 'string');
  assert.equal(props.stdinFile.type, 'string');
  assert.deepEqual(props.optimize.enum, [...OPTIMIZE_LEVELS]);
});
