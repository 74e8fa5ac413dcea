// Ordinary C programs' entry: main() gets argv and stdin from the token program's input, and how
// the run ends (return from main, exit, abort) is a halt whose exit status the trace carries.
// Checked against V8 running the same .wasm, and through the transformer itself: the status
// decoded from the tokens it generated.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { definesMain } from '../compiler/clang';
import { compileFile } from '../compiler/compile';
import { CompileError } from '../compiler/diagnostics';
import { decodeMainInput } from '../compiler/program-input';
import { nativeSkip } from './support/native';
import { runBoth, text } from './support/oracle';
import { programsDir } from './support/programs';
import { runOnTransformer } from './support/transformer';

const program = join(programsDir, 'main', 'exit_status.c');
const skip = nativeSkip();

const expectedOutput = (argv: string[], stdin: string) =>
  `${argv.map((a) => `argv: [${a}]\n`).join('')}stdin: ${stdin.replaceAll('\0', '@')}\n`;

const cases: { args: string | string[]; stdin: string; argv: string[]; how: string; status: number }[] = [
  { args: '', stdin: '', argv: ['exit_status'], how: 'exit', status: 0 },
  { args: 'return 3', stdin: 'hello\n', argv: ['exit_status', 'return', '3'], how: 'exit', status: 3 },
  { args: "return '300'", stdin: '', argv: ['exit_status', 'return', '300'], how: 'exit', status: 44 },
  {
    args: ['exit', '-1'],
    stdin: 'x\0y\u0001z\u0002\u0003',
    argv: ['exit_status', 'exit', '-1'],
    how: 'exit',
    status: 255,
  },
  {
    args: 'abort 0 "two words" \'\' \\"q',
    stdin: '',
    argv: ['exit_status', 'abort', '0', 'two words', '', '"q'],
    how: 'abort',
    status: 134,
  },
  {
    args: ['exit', '7', 'ctl\u0001\u0002\u0003 bytes'],
    stdin: '',
    argv: ['exit_status', 'exit', '7', 'ctl\u0001\u0002\u0003 bytes'],
    how: 'exit',
    status: 7,
  },
];

for (const c of cases) {
  test(`main ${JSON.stringify(c.args)}: argv, stdin and ${c.how} ${c.status} agree with V8`, async () => {
    const { program: p, v8, reference } = await runBoth(program, c.args, { stdin: c.stdin });
    assert.equal(p.entry, 'main');
    assert.deepEqual(decodeMainInput(p.input!)?.argv, c.argv);
    assert.equal(text(reference.output), expectedOutput(c.argv, c.stdin));
    assert.equal(text(v8.output), text(reference.output));
    assert.equal(reference.end.how, c.how);
    assert.equal(reference.end.status, c.status);
    assert.equal(v8.status, c.status);
  });
}

test('every byte value reaches stdin unchanged', async () => {
  const stdin = Uint8Array.from({ length: 256 }, (_, i) => i);
  const { v8, reference, program: p } = await runBoth(program, [], { stdin });
  assert.deepEqual(decodeMainInput(p.input!)?.stdin, stdin);
  const shown = Uint8Array.from(stdin, (b) => (b === 0 ? 64 : b));
  assert.deepEqual(reference.output.subarray(-257, -1), shown);
  assert.deepEqual(v8.output, reference.output);
});

test('the transformer generates the trace, and the exit status decoded from its tokens', {
  skip,
}, async () => {
  for (const args of ['return 3', 'exit 300', 'abort 1']) {
    const p = await compileFile(program, { args, stdin: 'in' });
    const run = await runOnTransformer(p);
    assert.equal(run.mismatch, undefined, `${args}: ${JSON.stringify(run.mismatch)}`);
    assert.equal(run.generated, run.expected);
    assert.equal(text(run.output), expectedOutput(['exit_status', ...args.split(' ')], 'in'));
    assert.equal(run.end?.status, { 'return 3': 3, 'exit 300': 44, 'abort 1': 134 }[args]);
  }
});

test('a program with neither main nor compute: one clear error', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'tvm-nomain-')), 'lib.c');
  writeFileSync(file, 'int helper(int x) { return x + 1; }\n');
  await assert.rejects(compileFile(file), (e: unknown) => {
    assert.ok(e instanceof CompileError);
    assert.match(e.message, /lib\.c: error: no main\(\)/);
    assert.doesNotMatch(e.message, /\n\s+at /);
    return true;
  });
});

test('stdin for a compute program and unbalanced quotes in args are refused clearly', async () => {
  const compute = join(programsDir, 'control_flow.c');
  await assert.rejects(compileFile(compute, { stdin: 'x' }), /standard input is for programs with main/);
  await assert.rejects(compileFile(program, { args: "a 'b" }), /unterminated ' quote/);
});

test('definesMain looks at code, not comments or strings', () => {
  assert.equal(definesMain('int main(void) { return 0; }'), true);
  assert.equal(definesMain('int\nmain (int argc, char **argv)\n{'), true);
  assert.equal(definesMain('// int main(void)\nvoid compute(const char *s) {}'), false);
  assert.equal(definesMain('/* main( */ const char *s = "main(";'), false);
  assert.equal(definesMain('int domain(int x); int main_loop(void);'), false);
});
