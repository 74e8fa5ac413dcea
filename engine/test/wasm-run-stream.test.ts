// wasm-run in bounded memory: the run streams in windows (here made tiny, so a short program
// crosses hundreds of them) on both engines, `--trace FILE` is byte for byte wasm-reference's
// NAME_ref.tvm, Ctrl-C ends a run with its output so far and exit status 130, and `--jobs N`
// runs programs in child processes with each result whole and in the order given.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { OutputPrinter } from '../cli/_output-printer';
import { writeReferenceFile } from '../cli/_reference-file';
import { type StreamEngine, streamedRun } from '../cli/_streamed-run';
import { TraceFileWriter } from '../cli/_trace-file';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { JsEngine } from '../model/js-engine';
import { openNative } from '../model/native-engine';
import { promptTokens } from '../tokens/program-file';
import { readModel } from '../weights/file';
import { universalModel } from '../weights/universal';
import { repoRoot, runTool } from './support/cli';
import { nativeSkip } from './support/native';

const work = mkdtempSync(join(tmpdir(), 'tvm-run-stream-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Upper-cases its standard input and counts it; exits with status 3. */
const ECHO = `#include <stdio.h>
int main(void) {
  int c, n = 0;
  while ((c = getchar()) != EOF) { putchar(c >= 'a' && c <= 'z' ? c - 32 : c); n++; }
  printf("\\n%d bytes\\n", n);
  return 3;
}
`;
const echo = join(work, 'echo.c');
writeFileSync(echo, ECHO);
const STDIN = 'stream me, please';

test('a run in tiny windows (both engines) passes and writes the trace wasm-reference writes', async () => {
  const compiled = await compileFile(echo, { stdin: new TextEncoder().encode(STDIN) });
  const program = asTokenProgram(compiled);
  const refFile = join(work, 'echo_ref.tvm');
  writeReferenceFile(program, refFile, 1_000_000, '--max-tokens', () => {});
  const inputSection = program.input ? program.input.length + 2 : 0;
  const { file: modelFile } = await universalModel();
  const engines: [string, () => StreamEngine][] = [
    ['js', () => ({ kind: 'js', engine: new JsEngine(readModel(modelFile)) })],
  ];
  if (nativeSkip() === false)
    engines.push(['native', () => ({ kind: 'native', engine: openNative(modelFile) })]);
  for (const [name, make] of engines) {
    const traceFile = join(work, `echo-${name}.tvm`);
    const trace = new TraceFileWriter(traceFile, program.instructions, inputSection);
    const run = await streamedRun(make(), {
      instructions: program.instructions,
      input: program.input,
      inputSection,
      prompt: promptTokens(program, program.input),
      maxTokens: 1_000_000,
      limitFlag: '--max-tokens',
      printer: new OutputPrinter(),
      trace,
      window: 97, // windows cut anywhere, mid-instruction
    });
    trace.commit();
    assert.ok(run.pass, `${name}: ${JSON.stringify(run.mismatch)}`);
    assert.equal(run.end?.status, 3, name);
    assert.ok(run.generated > 50 * 97, `${name}: many windows (${run.generated} tokens)`);
    assert.ok(
      readFileSync(traceFile).equals(readFileSync(refFile)),
      `${name}: the trace file is the reference's`,
    );
  }
});

test('wasm-run --trace FILE equals wasm-reference NAME_ref.tvm byte for byte (a program with input)', () => {
  const traced = runTool('wasm-run', [echo, '--stdin', STDIN, '--trace', 'run.tvm'], work);
  assert.equal(traced.code, 3, traced.stdout + traced.stderr);
  assert.match(traced.stdout, /^STREAM ME, PLEASE$/m);
  assert.match(traced.stdout, /^echo: PASS \d+ tok in/m);
  const reference = runTool('wasm-reference', [echo, '--stdin', STDIN], work);
  assert.equal(reference.code, 3, reference.stderr);
  const ref = readFileSync(join(work, 'data', 'echo_ref.tvm'));
  assert.ok(readFileSync(join(work, 'run.tvm')).equals(ref), 'the two trace files are byte-identical');
  // A run that fails leaves no trace file.
  const limited = runTool(
    'wasm-run',
    [echo, '--stdin', STDIN, '--trace', 'short.tvm', '--max-tokens', '1000'],
    work,
  );
  assert.equal(limited.code, 1);
  assert.match(limited.stderr, /no 'halt' after 1,000 trace tokens/);
  assert.throws(() => readFileSync(join(work, 'short.tvm')));
});

test('wasm-run --trace and --jobs: bad values are one clear line', () => {
  for (const [args, message] of [
    [['--jobs', '0'], /^--jobs must be an integer from 1 to 64, not '0'/],
    [['--jobs', '65'], /^--jobs must be an integer from 1 to 64, not '65'/],
    [['--jobs', '1.5'], /^--jobs must be an integer from 1 to 64, not '1\.5'/],
    [['--trace', 'x.tvm', echo, echo], /^--trace writes one program's trace: give exactly one file/],
    [['--trace', echo, echo], /echo\.c: the trace file would overwrite the input .*echo\.c$/m],
  ] as const) {
    const r = runTool('wasm-run', [...args], work);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('Ctrl-C ends a run cleanly: the output so far, an interrupted line, exit status 130', async () => {
  const lines = join(work, 'lines.c');
  writeFileSync(
    lines,
    '#include <stdio.h>\nint main(void) { for (int i = 0; i < 1000000; i++) printf("line %d\\n", i); return 0; }\n',
  );
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'wasm-run.js'), lines], { cwd: work });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (b: Buffer) => {
    stderr += b;
  });
  const status = await new Promise<number | null>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      stdout += b;
      // Interrupted once it is well under way.
      if (!sent && /^line 3$/m.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code) => resolve(code));
  });
  assert.ok(sent, `the run printed its first lines: ${stdout}${stderr}`);
  assert.equal(status, 130, stdout + stderr);
  assert.match(stdout, /^line 0\nline 1\nline 2\nline 3$/m);
  assert.match(stdout, /^lines: interrupted after \d+ tok in [\d.]+ s/m);
  assert.doesNotMatch(stdout, /^line 999999$/m);
  assert.doesNotMatch(stderr, /\n\s+at |Error/);
});

test('--jobs 2: programs in child processes, each result whole and in the order given', () => {
  const files: string[] = [];
  for (const [name, status] of [
    ['first', 0],
    ['second', 4],
    ['third', 0],
  ] as const) {
    writeFileSync(
      join(work, `${name}.c`),
      `#include <stdio.h>\nint main(void) { for (int i = 0; i < 3; i++) printf("${name} %d\\n", i); return ${status}; }\n`,
    );
    assert.equal(runTool('wasm-compile', [`${name}.c`, '-o', name], work).code, 0);
    files.push(`${name}.tvm`);
  }
  const r = runTool('wasm-run', ['first.tvm', 'absent.tvm', 'second.tvm', 'third.tvm', '--jobs', '2'], work);
  assert.equal(r.code, 1, 'a failed file and a non-zero exit set the status');
  const expected = ['first', 'second', 'third']
    .map((n) => `${n} 0\n${n} 1\n${n} 2\n${n}: PASS \\d+ tok in [\\d.]+ s \\(\\d+ tok/s\\)\n`)
    .join('');
  assert.match(r.stdout, new RegExp(`^${expected}$`), 'each program whole, in order');
  assert.match(r.stderr, /^absent\.tvm: cannot open the token file: no such file\nsecond: exit status 4\n$/);
  const alone = runTool('wasm-run', ['first.tvm', 'third.tvm', '--jobs', '2'], work);
  assert.equal(alone.code, 0, alone.stderr);
});
