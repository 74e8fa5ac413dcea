// The command-line tools as a user runs them: the built dist/cli bundles, real files, exit codes,
// and error messages without stack traces.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { formatProgram, formatTrace, parseProgram } from '../tokens/program-file';
import { runReference } from '../vm/reference';
import { inBatches, repoRoot as root, runTool, runToolAsync } from './support/cli';
import { argvArbitrary, checkArgv } from './support/cli-args-fuzz';

const work = mkdtempSync(join(tmpdir(), 'tvm-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const run = (tool: string, args: string[]) => runTool(tool, args, work);

function assertCleanError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.notEqual(r.code, 0, 'a failure exits non-zero');
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
}

test('wasm-compile writes the program, the specialized input and the source map; wasm-reference runs it', () => {
  const c = run('wasm-compile', [join(root, 'examples', 'collatz.c'), '--args', '6', '-o', 'out/collatz']);
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stdout, /collatz: \d+ instructions/);
  const program = parseProgram(readFileSync(join(work, 'out', 'collatz.tvm'), 'utf8'), 'collatz.tvm');
  assert.equal(Buffer.from(program.input!).toString(), '6');
  assert.equal(program.instructions[0].op, 'input_base');
  const spec = readFileSync(join(work, 'out', 'collatz_spec.tvm'), 'utf8');
  assert.equal(spec, 'start\n6 00 commit(+0,sts=0,bt=0)\n');
  const map = JSON.parse(readFileSync(join(work, 'out', 'collatz.map.json'), 'utf8'));
  assert.equal(map.instructions.length, program.instructions.length);

  const r = run('wasm-reference', ['out/collatz.tvm']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /out\/collatz\.tvm: \d+ instructions, \d+ tokens -> out\/collatz_ref\.tvm/);
  const ref = parseProgram(readFileSync(join(work, 'out', 'collatz_ref.tvm'), 'utf8'), 'collatz_ref.tvm');
  assert.equal(ref.instructions.length, program.instructions.length);
  assert.ok(ref.trace.length > 100, 'the reference file holds the trace after the input section');
});

test('wasm-compile accepts .wat and .wasm', async () => {
  const wat = join(work, 'echo.wat');
  writeFileSync(
    wat,
    `(module
  (import "env" "output_byte" (func $out (param i32)))
  (memory (export "memory") 1)
  (func (export "compute") (param $p i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (call $out (i32.load8_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))))`,
  );
  assert.equal(run('wasm-compile', [wat, '--args', 'hi there', '-o', 'echo']).code, 0);
  const r = run('wasm-reference', ['echo.tvm']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^hi there\n/);
});

test('bad input: clear errors naming file and line, non-zero exit, no stack trace', () => {
  writeFileSync(join(work, 'bad.tvm'), '{\ni32.const 05 00 00 00\nbogus 00 00 00 00\n}\n');
  assertCleanError(run('wasm-reference', ['bad.tvm']), /^bad\.tvm:3:1: unknown token 'bogus'/m);
  assertCleanError(
    run('wasm-reference', ['missing.tvm']),
    /missing\.tvm: cannot open the token file: no such file/,
  );
  writeFileSync(join(work, 'loop.tvm'), '{\nbr ff ff ff ff\n}\n');
  assertCleanError(run('wasm-reference', ['loop.tvm', '--max-tokens', '1000']), /does not halt/);
  writeFileSync(join(work, 'under.tvm'), '{\ndrop 00 00 00 00\n}\n');
  assertCleanError(
    run('wasm-reference', ['under.tvm']),
    /'drop' pops from an empty operand stack \(instruction 0/,
  );

  writeFileSync(
    join(work, 'float.c'),
    'void compute(const char *s) {\n  long double d = s[0];\n  print_int((int)(d / 3.5));\n}\n',
  );
  assertCleanError(run('wasm-compile', ['float.c']), /float\.c:2:3: error: long double is not supported/);
  writeFileSync(join(work, 'syntax.c'), 'void compute(const char *s) {\n  int x = ;\n}\n');
  assertCleanError(run('wasm-compile', ['syntax.c']), /syntax\.c:2:11: error: expected expression/);
  writeFileSync(join(work, 'bad.wat'), '(module (func (export "compute") (i32.frob)))');
  assertCleanError(run('wasm-compile', ['bad.wat']), /bad\.wat:1:\d+: error: unexpected token "?i32\.frob/);
  writeFileSync(join(work, 'noentry.wat'), '(module (func (export "main")))');
  assertCleanError(run('wasm-compile', ['noentry.wat']), /no entry point: define int main/);
  writeFileSync(join(work, 'junk.wasm'), 'not wasm');
  assertCleanError(
    run('wasm-compile', ['junk.wasm']),
    /junk\.wasm: error: malformed WebAssembly: not a WebAssembly module/,
  );
  assertCleanError(run('wasm-compile', ['prog.py']), /cannot compile '\.py' files/);
  assertCleanError(run('wasm-compile', ['--frobnicate']), /Unknown option '--frobnicate'/);
});

test("the machine's limits are errors, not silent wrong answers", () => {
  writeFileSync(
    join(work, 'far.tvm'),
    '{\ni32.const 00 00 00 01\ni32.load 00 00 00 00\nhalt 00 00 00 00\n}\n',
  );
  assertCleanError(
    run('wasm-reference', ['far.tvm']),
    /memory access at 0x1000000 \(4 bytes\) is outside the machine's 16 MiB memory/,
  );
  writeFileSync(join(work, 'deep.tvm'), '{\ncall ff ff ff ff\n}\n');
  assertCleanError(run('wasm-reference', ['deep.tvm']), /call stack deeper than 8192 frames/);
  writeFileSync(join(work, 'locals.tvm'), '{\nlocal.get 00 10 00 00\nhalt 00 00 00 00\n}\n');
  assertCleanError(
    run('wasm-reference', ['locals.tvm']),
    /local\.get of local 4096: the machine has 2048 locals per function \(instruction 0/,
  );
});

// ---- Hardening (issue 11): options, files, one failing file among many ----

const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin as Record<string, string>;
const tools = Object.keys(bin);

/** `--flag N` / `--flag SECONDS` in a tool's usage: the flags that take a number. */
function numericFlags(usage: string): string[] {
  return [...usage.matchAll(/(--[a-z-]+) (?:N|SECONDS)\]/g)].map((m) => m[1]);
}

test('every numeric flag of every tool refuses 0.5, -1, 1e300, abc and nothing, naming the flag', async () => {
  // A cache of its own: were a value wrongly accepted, wasm-build would write there.
  const env = { TVM_CACHE_DIR: join(work, 'cache') };
  const go = (tool: string, args: string[]) => () => runToolAsync(tool, args, work, env);
  const helps = await inBatches(tools.map((tool) => go(tool, ['--help'])));
  const cases: { tool: string; flag: string; bad?: string }[] = [];
  for (const [i, tool] of tools.entries()) {
    assert.equal(helps[i].code, 0, `${tool} --help: ${helps[i].stderr}`);
    for (const flag of numericFlags(helps[i].stdout)) {
      for (const bad of ['0.5', '-1', '1e300', 'abc', '']) cases.push({ tool, flag, bad });
      cases.push({ tool, flag }); // the value missing
    }
    cases.push({ tool, flag: '--frobnicate' }); // unknown
  }
  const results = await inBatches(
    cases.map(({ tool, flag, bad }) => go(tool, bad === undefined ? [flag] : [`${flag}=${bad}`])),
  );
  for (const [i, { tool, flag, bad }] of cases.entries()) {
    const r = results[i];
    const what = `${tool} ${flag}${bad === undefined ? '' : `=${bad}`}: ${r.stdout}${r.stderr}`;
    assert.equal(r.code, 1, what);
    const message =
      bad !== undefined
        ? `^${flag} must be an integer from .* not '${bad}'`
        : flag === '--frobnicate'
          ? `^Unknown option '--frobnicate'.*`
          : `^Option '${flag} <value>' argument missing`;
    assert.match(r.stderr, new RegExp(`${message}\\nusage: ${tool}`), what);
    assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
  }
  // The walk covers the flags the issue names (a tool that drops one from its usage fails here).
  const walked = new Set(cases.filter((c) => c.bad === '').map((c) => `${c.tool} ${c.flag}`));
  for (const f of [
    'wasm-reference --max-tokens',
    'wasm-eval --max-tokens',
    'wasm-run --max-tokens',
    'wasm-build --layers',
    'wasm-build --time-limit',
  ])
    assert.ok(walked.has(f), `${f} is walked (${[...walked].join(', ')})`);
});

test('--max-tokens: at most 1,000,000,000; the limit error names the flag', () => {
  writeFileSync(join(work, 'spin.tvm'), '{\nbr ff ff ff ff\n}\n');
  const over = run('wasm-reference', ['spin.tvm', '--max-tokens', '1000000001']);
  assertCleanError(over, /--max-tokens must be an integer from 1 to 1,000,000,000, not '1000000001'/);
  const r = run('wasm-reference', ['spin.tvm', '--max-tokens', '1e3']);
  assertCleanError(r, /^spin\.tvm: no 'halt' after 1,000 trace tokens: .*raise --max-tokens/m);
  const e = run('wasm-eval', ['spin.tvm', '--max-tokens', '500']);
  assertCleanError(e, /^spin\.tvm: no 'halt' after 500 trace tokens: .*raise --max-tokens/m);
});

/** A program counting down from n: 5 instructions per round, ~29 trace tokens. */
function countdown(n: number): string {
  const imm = (v: number) =>
    [0, 8, 16, 24].map((s) => ((v >>> s) & 0xff).toString(16).padStart(2, '0')).join(' ');
  return `{\ni32.const ${imm(n)}\nlocal.set ${imm(0)}\nlocal.get ${imm(0)}\ni32.const ${imm(1)}\ni32.sub ${imm(0)}\nlocal.tee ${imm(0)}\nbr_if ${imm(-5)}\nhalt ${imm(0)}\n}\n`;
}

test('wasm-reference writes a long trace as it goes: the same file, in constant memory', () => {
  // ~12 million tokens: as one string the trace needs hundreds of MB of heap; streamed, a chunk.
  writeFileSync(join(work, 'count.tvm'), countdown(400_000));
  const r = runTool('wasm-reference', ['count.tvm', '--max-tokens', '20000000'], work, {
    NODE_OPTIONS: '--max-old-space-size=64',
  });
  assert.equal(r.code, 0, r.stderr);
  const tokens = Number(r.stdout.match(/count\.tvm: \d+ instructions, (\d+) tokens/)![1]);
  assert.ok(tokens > 10_000_000, `${tokens} tokens`);
  // Small enough to compare in full: chunk boundaries leave no trace in the file.
  writeFileSync(join(work, 'count2.tvm'), countdown(5_000));
  assert.equal(run('wasm-reference', ['count2.tvm']).code, 0);
  const program = parseProgram(readFileSync(join(work, 'count2.tvm'), 'utf8'), 'count2.tvm');
  const expected = formatProgram(program.instructions, null) + formatTrace(runReference(program).trace);
  assert.equal(readFileSync(join(work, 'count2_ref.tvm'), 'utf8'), expected);
});

test('every file is run: a missing, malformed or failing file is named and the status is 1', () => {
  writeFileSync(join(work, 'good.tvm'), '{\ni32.const 2a 00 00 00\nhalt 00 00 00 00\n}\n');
  writeFileSync(join(work, 'junk.tvm'), '{\nfrob 00 00 00 00\n}\n');
  writeFileSync(join(work, 'spin.tvm'), '{\nbr ff ff ff ff\n}\n');
  const files = ['nope.tvm', 'junk.tvm', 'spin.tvm', 'good.tvm'];
  const r = run('wasm-reference', [...files, '--max-tokens', '1000']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^nope\.tvm: cannot open the token file: no such file$/m);
  assert.match(r.stderr, /^junk\.tvm:2:1: unknown token 'frob'$/m);
  assert.match(r.stderr, /^spin\.tvm: no 'halt' after 1,000 trace tokens/m);
  assert.match(
    r.stdout,
    /^good\.tvm: 2 instructions, 6 tokens -> good_ref\.tvm$/m,
    'the last file still ran',
  );
  assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/);
  assert.ok(!existsSync(join(work, 'spin_ref.tvm')), 'a failed run leaves no trace file');
  assert.deepEqual(
    readdirSync(work).filter((f) => f.endsWith('.tmp')),
    [],
    'no temporary files are left behind',
  );

  const e = run('wasm-eval', [...files, '--max-tokens', '1000']);
  assert.equal(e.code, 1);
  assert.match(e.stderr, /^nope\.tvm: cannot open the token file: no such file$/m);
  assert.match(e.stderr, /^junk\.tvm:2:1: unknown token 'frob'$/m);
  assert.match(e.stderr, /^spin\.tvm: no 'halt' after 1,000 trace tokens/m);
  assert.match(e.stdout, /^good: PASS /m);
});

test('token files that are not regular files are refused before reading', () => {
  assertCleanError(
    run('wasm-reference', ['/dev/zero']),
    /^\/dev\/zero: the token file is not a regular file/m,
  );
  assertCleanError(run('wasm-reference', [work]), /the token file is not a regular file|it is a folder/);
});

test('no command overwrites its own input', () => {
  writeFileSync(join(work, 'keep.tvm'), '{\ni32.const 2a 00 00 00\nhalt 00 00 00 00\n}\n');
  const before = readFileSync(join(work, 'keep.tvm'), 'utf8');
  assertCleanError(
    run('wasm-specialize', ['keep.tvm', '--save-weights', 'keep.tvm']),
    /^keep\.tvm: the weight file would overwrite the input keep\.tvm$/m,
  );
  assertCleanError(
    run('wasm-specialize', ['keep.tvm', '--save-weights', `./sub/../keep.tvm`]),
    /would overwrite the input keep\.tvm/,
  );
  // The reference file is a link to the program itself.
  symlinkSync('keep.tvm', join(work, 'keep_ref.tvm'));
  assertCleanError(
    run('wasm-reference', ['keep.tvm']),
    /keep_ref\.tvm: the trace file would overwrite the input/,
  );
  assert.equal(readFileSync(join(work, 'keep.tvm'), 'utf8'), before, 'the program is untouched');
  rmSync(join(work, 'keep_ref.tvm'));

  const s = run('wasm-specialize', ['keep.tvm', '--save-weights', 'keep.tvmw']);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /-> keep\.tvmw/);
  assert.equal(readFileSync(join(work, 'keep.tvm'), 'utf8'), before);
});

test('output paths: a folder or a path under a file is a clear error naming it', () => {
  writeFileSync(join(work, 'keep.tvm'), '{\ni32.const 2a 00 00 00\nhalt 00 00 00 00\n}\n');
  writeFileSync(join(work, 'plain'), 'a file\n');
  mkdirSync(join(work, 'folder'), { recursive: true });
  const cases: [string, RegExp][] = [
    ['folder', /^folder: is a folder, not a file name$/m],
    ['folder/', /^folder\/: names a folder, not a file$/m],
    ['plain/x.tvmw', /^plain\/x\.tvmw: plain is not a folder$/m],
    ['plain/deeper/x.tvmw', /^plain\/deeper\/x\.tvmw: plain is not a folder$/m],
    ['absent/x.tvmw', /^absent\/x\.tvmw: the folder absent does not exist$/m],
  ];
  for (const [out, message] of cases) {
    const r = run('wasm-specialize', ['keep.tvm', '--save-weights', out]);
    assertCleanError(r, message);
    assert.doesNotMatch(r.stderr, /EEXIST|ENOTDIR|mkdir/);
  }
  const c = join(root, 'examples', 'collatz.c');
  assertCleanError(run('wasm-compile', [c, '-o', 'plain/x']), /^plain\/x\.tvm: plain is not a folder$/m);
  // -o FOLDER/ (or an existing folder) means "into that folder", named after the source: never
  // the hidden folder/.tvm.
  for (const out of ['folder/', 'folder/.', 'folder']) {
    assert.equal(run('wasm-compile', [c, '-o', out]).code, 0, out);
    assert.deepEqual(readdirSync(join(work, 'folder')).sort(), [
      'collatz.debug.wasm',
      'collatz.map.json',
      'collatz.tvm',
      'collatz_spec.tvm',
    ]);
    rmSync(join(work, 'folder'), { recursive: true });
    mkdirSync(join(work, 'folder'));
  }
});

test("every command in README.md's table is in package.json's bin and built", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const named = new Set([...readme.matchAll(/^\| `(wasm-[a-z]+)/gm)].map((m) => m[1]));
  assert.ok(named.size >= 6, `commands in the README: ${[...named].join(', ')}`);
  for (const tool of named) {
    assert.ok(bin[tool], `${tool} is in package.json's bin`);
    assert.ok(existsSync(join(root, bin[tool])), `${bin[tool]} is built`);
  }
});

test('random argv (fixed seed): every tool exits 0 or 1, quickly, without a stack trace', () => {
  const env = { TVM_CACHE_DIR: join(work, 'args-cache') };
  const r = fc.check(
    fc.property(argvArbitrary, (a) => checkArgv(a, work, env)),
    { seed: 1130, numRuns: 10, endOnFailure: true },
  );
  assert.ok(!r.failed, fc.defaultReportMessage(r));
});

test('a program too large to specialize is refused before any work, naming the bound', () => {
  const lines = ['{', ...Array(65_537).fill('drop 00 00 00 00'), '}'];
  writeFileSync(join(work, 'big.tvm'), `${lines.join('\n')}\n`);
  assertCleanError(
    run('wasm-specialize', ['big.tvm', '--save-weights', 'big.tvmw']),
    /^big\.tvm: 65,537 instructions; a specialized model holds at most 65,536/m,
  );
  assert.ok(!existsSync(join(work, 'big.tvmw')));
  assertCleanError(
    run('wasm-eval', ['big.tvm', '--specialized']),
    /^big\.tvm: 65,537 instructions; --specialized takes at most 65,536/m,
  );
});
