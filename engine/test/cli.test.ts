// The command-line tools as a user runs them: the built dist/cli bundles, real files, exit codes,
// and error messages without stack traces.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseProgram } from '../tokens/program-file';
import { repoRoot as root, runTool } from './support/cli';

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
  assertCleanError(run('wasm-reference', ['missing.tvm']), /missing\.tvm: no such file/);
  writeFileSync(join(work, 'loop.tvm'), '{\nbr ff ff ff ff\n}\n');
  assertCleanError(run('wasm-reference', ['loop.tvm', '--max-tokens', '1000']), /does not halt/);
  writeFileSync(join(work, 'under.tvm'), '{\ndrop 00 00 00 00\n}\n');
  assertCleanError(
    run('wasm-reference', ['under.tvm']),
    /'drop' pops from an empty operand stack \(instruction 0/,
  );

  writeFileSync(
    join(work, 'float.c'),
    'void compute(const char *s) {\n  double d = s[0];\n  print_int((int)(d / 3.5));\n}\n',
  );
  assertCleanError(
    run('wasm-compile', ['float.c']),
    /float\.c:2:\d+: error: floating point is not supported/,
  );
  writeFileSync(join(work, 'syntax.c'), 'void compute(const char *s) {\n  int x = ;\n}\n');
  assertCleanError(run('wasm-compile', ['syntax.c']), /syntax\.c:2:11: error: expected expression/);
  writeFileSync(join(work, 'bad.wat'), '(module (func (export "compute") (i32.frob)))');
  assertCleanError(run('wasm-compile', ['bad.wat']), /bad\.wat:1:\d+: error: unexpected token "?i32\.frob/);
  writeFileSync(join(work, 'noentry.wat'), '(module (func (export "main")))');
  assertCleanError(run('wasm-compile', ['noentry.wat']), /no exported function 'compute'/);
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
