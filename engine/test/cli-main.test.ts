// Ordinary C programs (with main) from the command line, as a user runs them: a .c file given
// straight to wasm-run, wasm-reference and wasm-eval with --args, --stdin, --stdin-file and -O;
// the exit status each command returns is the program's own (decoded from the generated tokens),
// 134 after abort or a trap, 1 for a failure; bad flags are one clear line and exit 1.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeMainInput } from '../compiler/program-input';
import { parseProgram } from '../tokens/program-file';
import { repoRoot, runTool } from './support/cli';

const work = mkdtempSync(join(tmpdir(), 'tvm-cli-main-'));
after(() => rmSync(work, { recursive: true, force: true }));
const src = join(work, 'src');
mkdirSync(src);

/**
 * Prints its argv one per line in brackets, echoes its standard input (or, given `fgets`, prints
 * its first line read with fgets), then does what argv[1] says: `return N`, `exit N` (from a
 * function that is not main), `abort`, `assert` (which fails), `divide` (by zero).
 */
const PROGRAM = `#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static void leave(int n) { if (n) exit(n); }
int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) { fputs("[", stdout); fputs(argv[i], stdout); puts("]"); }
  const char *what = argc > 1 ? argv[1] : "";
  if (strcmp(what, "fgets") == 0) {
    char line[32];
    if (fgets(line, sizeof line, stdin)) printf("fgets: %s", line);
  } else {
    int c;
    while ((c = getchar()) != EOF) putchar(c);
  }
  if (argc > 2 && strcmp(what, "return") == 0) return atoi(argv[2]);
  if (argc > 2 && strcmp(what, "exit") == 0) leave(atoi(argv[2]));
  if (strcmp(what, "abort") == 0) abort();
  if (strcmp(what, "assert") == 0) assert(argc == 1);
  if (strcmp(what, "divide") == 0) return 1000 / (argc - 2); // DIVIDE
  return 0;
}
`;
const prog = join(src, 'prog.c');
writeFileSync(prog, PROGRAM);
const lineOf = (text: string) => PROGRAM.split('\n').findIndex((l) => l.includes(text)) + 1;
const divideLine = lineOf('// DIVIDE');
const assertLine = lineOf('assert(argc == 1)');

const run = (tool: string, args: string[]) => runTool(tool, args, work);
const RUNNERS = ['wasm-run', 'wasm-reference', 'wasm-eval'] as const;

function assertOneLineError(r: ReturnType<typeof run>, pattern: RegExp) {
  assert.equal(r.code, 1, `exit status 1: ${r.stderr}`);
  assert.match(r.stderr.split('\n')[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
}

test('wasm-run prog.c --args: argv split like a shell, argv[0] the file name, PASS, nothing written beside it', () => {
  const r = run('wasm-run', [prog, '--args', `a 'b c' "d\\"e" f\\ g ''`]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('prog: PASS')[0], '[prog]\n[a]\n[b c]\n[d"e]\n[f g]\n[]\n');
  assert.match(r.stdout, /^prog: PASS \d+ tok in/m);
  assert.deepEqual(readdirSync(src), ['prog.c'], 'the compilation leaves no file beside the source');
});

test('--stdin and --stdin-file reach the program (wasm-eval prints no program output)', () => {
  writeFileSync(join(work, 'in.txt'), 'from a file\n\x01\x02\x03 bytes\n');
  for (const tool of ['wasm-run', 'wasm-reference']) {
    const text = run(tool, [prog, '--stdin', 'line one\nline two\n']);
    assert.equal(text.code, 0, `${tool}: ${text.stderr}`);
    assert.ok(text.stdout.startsWith('[prog]\nline one\nline two\n'), `${tool}: ${text.stdout}`);
    const file = run(tool, [prog, '--stdin-file', 'in.txt', '--args', 'x']);
    assert.equal(file.code, 0, `${tool}: ${file.stderr}`);
    assert.ok(
      file.stdout.startsWith('[prog]\n[x]\nfrom a file\n\x01\x02\x03 bytes\n'),
      `${tool}: ${file.stdout}`,
    );
  }
});

test("the exit status is the program's: return 3, exit(5) from a nested function, exit(263) is 7", () => {
  // The graph evaluator is the slowest runner: it checks the two ways a status is made.
  const cases = [
    ['return 3', 3, RUNNERS],
    ['exit 5', 5, RUNNERS],
    ['exit 263', 7, ['wasm-reference']],
    ['return 0', 0, ['wasm-run']],
  ] as const;
  for (const [args, status, tools] of cases) {
    for (const tool of tools) {
      const r = run(tool, [prog, '--args', args]);
      assert.equal(r.code, status, `${tool} ${args}: ${r.stderr}`);
      if (status) assert.match(r.stderr, new RegExp(`: exit status ${status}\\n`), `${tool} ${args}`);
      else assert.doesNotMatch(r.stderr, /exit status/, `${tool} ${args}`);
      if (tool !== 'wasm-reference') assert.match(r.stdout, /prog: PASS/, `${tool} ${args}`);
    }
  }
});

test('abort(), a failed assert and a trap exit 134 with the reason; the trap names the C line', () => {
  for (const tool of RUNNERS) {
    const trapped = run(tool, [prog, '--args', 'divide']);
    assert.equal(trapped.code, 134, `${tool}: ${trapped.stderr}`);
    assert.match(
      trapped.stderr,
      new RegExp(`: trap: integer divide by zero in main\\(\\) at prog\\.c:${divideLine}\\n`),
      tool,
    );
    const aborted = run(tool, [prog, '--args', 'abort']);
    assert.equal(aborted.code, 134, `${tool}: ${aborted.stderr}`);
    assert.match(aborted.stderr, /prog(\.c)?: aborted\n/, tool);
    if (tool === 'wasm-eval') continue; // it prints no program output (so no assert message)
    const failed = run(tool, [prog, '--args', 'assert']);
    assert.equal(failed.code, 134, `${tool}: ${failed.stderr}`);
    // glibc's message, on the program's output (stderr and stdout are one stream on this machine).
    assert.ok(
      failed.stdout.includes(`prog: ${prog}:${assertLine}: main: Assertion \`argc == 1' failed.\n`),
      `${tool}: ${failed.stdout}`,
    );
    assert.match(failed.stderr, /prog(\.c)?: aborted\n/, tool);
  }
});

test('several programs: 0 only when every one passes and exits 0, else 1', () => {
  const other = join(src, 'other.c');
  writeFileSync(other, PROGRAM);
  try {
    assert.equal(run('wasm-run', [prog, other]).code, 0);
    const r = run('wasm-run', [prog, other, '--args', 'return 3']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^prog: exit status 3$/m);
    assert.match(r.stderr, /^other: exit status 3$/m);
    assert.equal(run('wasm-reference', [prog, other, '--args', 'abort']).code, 1);
  } finally {
    rmSync(other);
  }
});

test('-O0, -O1 and -Os compile and PASS; wasm-compile bakes argv and stdin into the input', () => {
  for (const level of ['-O0', '-O1', '-Os']) {
    const r = run('wasm-run', [prog, level, '--args', 'return 4']);
    assert.equal(r.code, 4, `${level}: ${r.stderr}`);
    assert.match(r.stdout, /prog: PASS/, level);
  }
  writeFileSync(join(work, 'nul.txt'), 'in\0put\x01');
  const c = run('wasm-compile', [
    prog,
    '-O0',
    '--args',
    "one 'two three'",
    '--stdin-file',
    'nul.txt',
    '-o',
    'out/p',
  ]);
  assert.equal(c.code, 0, c.stderr);
  const program = parseProgram(readFileSync(join(work, 'out', 'p.tvm'), 'utf8'), 'p.tvm');
  const input = decodeMainInput(program.input!);
  assert.deepEqual(input?.argv, ['prog', 'one', 'two three']);
  assert.equal(Buffer.from(input!.stdin).toString('latin1'), 'in\0put\x01');
  // The compiled program runs with what was baked in, and says its status.
  const r = run('wasm-run', [join('out', 'p.tvm')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('[prog]\n[one]\n[two three]\nin\0put\x01'), r.stdout);
});

test('bad program-input flags: one clear line, exit status 1, no stack trace', () => {
  const collatz = join(repoRoot, 'examples', 'collatz.c');
  const wat = join(work, 'w.wat');
  writeFileSync(wat, '(module)');
  const cases: [string, string[], RegExp][] = [
    [
      'wasm-run',
      [prog, '--stdin', 'a', '--stdin-file', 'in.txt'],
      /^give --stdin or --stdin-file, not both$/,
    ],
    ['wasm-compile', [prog, '-O9'], /^-O9: unknown optimization level; use one of -O0, -O1, -O2, -Os$/],
    ['wasm-eval', [prog, '-Ofast'], /^-Ofast: unknown optimization level/],
    [
      'wasm-reference',
      [prog, '--stdin-file', 'missing.txt'],
      /^missing\.txt: cannot open the standard input file/,
    ],
    ['wasm-run', [prog, '--stdin-file', src], /: the standard input file is not a regular file$/],
    ['wasm-run', [collatz, '--stdin', 'x'], /collatz\.c: .*standard input is for programs with main\(\)/],
    ['wasm-compile', [collatz, '--stdin', 'x'], /collatz\.c: .*standard input is for programs with main\(\)/],
    ['wasm-run', [prog, '--args', "'open"], /prog\.c: .*unterminated ' quote/],
    ['wasm-run', [wat, '-O1'], /w\.wat: -O1 applies to C only/],
  ];
  for (const [tool, args, pattern] of cases) assertOneLineError(run(tool, args), pattern);
  // A compiled main program's argv and stdin are part of it: the flags name its source instead.
  const c = run('wasm-compile', [prog, '-o', 'out/q']);
  assert.equal(c.code, 0, c.stderr);
  for (const flags of [['--args', 'x'], ['--stdin', 'x'], ['-O0']])
    assertOneLineError(run('wasm-run', [join('out', 'q.tvm'), ...flags]), /out\/q\.tvm: /);
});

test('deeper calls than the machine has: the output so far, then one line naming the C function and line', () => {
  const deep = join(src, 'deep.c');
  writeFileSync(
    deep,
    '#include <stdio.h>\n' +
      '__attribute__((noinline)) static unsigned f(unsigned n) { return n == 0 ? 0 : (f(n - 1) ^ n) + 1; } // RECURSE\n' +
      'int main(int argc, char **argv) { printf("start\\n"); printf("%u\\n", f(argc * 20000)); return 0; }\n',
  );
  const r = run('wasm-reference', [deep]);
  assert.equal(r.stdout, 'start\n');
  assertOneLineError(
    r,
    /call stack deeper than 8192 frames \(instruction \d+, step \d+\) in f\(\) at deep\.c:2$/,
  );
});
