// Compiling is bounded and its messages name the user's files: a program whose memory does not fit
// the machine is refused at compile time naming its largest variables; initialized data costs time
// and instructions in proportion to its non-zero words only; wasm-compile writes its three files
// or none; wabt and linker messages name the source file.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileFile } from '../compiler/compile';
import { CompileError } from '../compiler/diagnostics';
import { MAX_PROGRAM_INSTRUCTIONS } from '../tokens/limits';
import { runTool } from './support/cli';

const work = mkdtempSync(join(tmpdir(), 'tvm-limits-'));
after(() => rmSync(work, { recursive: true, force: true }));

function cFile(name: string, source: string): string {
  const file = join(work, name);
  writeFileSync(file, source);
  return file;
}

async function compileError(file: string, args = ''): Promise<string> {
  try {
    await compileFile(file, { args });
  } catch (e) {
    assert.ok(e instanceof CompileError, String(e));
    return e.message;
  }
  return assert.fail(`${file} compiled`);
}

test('more static data than the machine has is a compile error naming the largest variables', async () => {
  const bss = cFile(
    'bss.c',
    'int table[25000000];\nint small[10];\nvoid compute(const char *in) { table[in[0]] = 3; small[1] = table[in[1]]; printf("%d\\n", small[1]); }\n',
  );
  const message = await compileError(bss);
  assert.match(
    message,
    /bss\.c: error: the program needs 96\.4 MiB of memory \(static data 95\.4 MiB, C stack 1\.0 MiB, input 1 bytes\), more than the machine's 16\.0 MiB/,
  );
  assert.match(message, /the largest variables: table \(100,000,000 bytes\), small \(40 bytes\)/);
  const data = cFile(
    'data.c',
    'char big[20000000] = {1};\nvoid compute(const char *in) { printf("%d\\n", big[in[0]]); }\n',
  );
  assert.match(
    await compileError(data),
    /more than the machine's 16\.0 MiB; the largest variables: big \(20,000,000 bytes\)/,
  );
});

test('mostly-zero initialized data costs instructions for its non-zero words only', async () => {
  const file = cFile(
    'sparse.c',
    'char sparse[12 * 1024 * 1024] = {1, 2, 3, 4, 5};\nvoid compute(const char *in) { printf("%d\\n", sparse[in[0] - 48]); }\n',
  );
  const program = await compileFile(file, { args: '4' });
  const stores = program.instructions.filter((i, k) => k < 60 && i.op === 'i32.store').length;
  assert.ok(program.instructions.length < 1000, `${program.instructions.length} instructions`);
  assert.ok(stores >= 2, 'the non-zero words are stored by the prologue');
});

test('initialized data that would need more instructions than a program may have is refused', async () => {
  const words = Math.ceil(MAX_PROGRAM_INSTRUCTIONS / 3) + 10;
  const values = Array.from({ length: words }, (_, i) => (i % 97) + 1).join(',');
  const file = cFile(
    'dense.c',
    `int dense[${words}] = {${values}};\nvoid compute(const char *in) { printf("%d\\n", dense[5]); }\n`,
  );
  const m =
    /dense\.c: error: the initialized data has ([\d,]+) non-zero words; each costs 3 instructions/.exec(
      await compileError(file),
    );
  assert.ok(m && Number(m[1].replace(/,/g, '')) >= words, m?.[0]);
});

test('wasm-compile -o FOLDER/ writes NAME.tvm, NAME_spec.tvm, NAME.map.json and NAME.debug.wasm into it', () => {
  const src = cFile('hello.c', 'void compute(const char *in) { printf("hi\\n"); }\n');
  mkdirSync(join(work, 'outdir'));
  for (const out of [`${join(work, 'outdir')}/`, join(work, 'outdir'), `${join(work, 'newdir')}/`]) {
    const r = runTool('wasm-compile', [src, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const dir = out.replace(/\/$/, '');
    assert.deepEqual(readdirSync(dir).sort(), [
      'hello.debug.wasm',
      'hello.map.json',
      'hello.tvm',
      'hello_spec.tvm',
    ]);
  }
});

test('wasm-compile writes all three outputs or none, and says clearly when a folder is a file', () => {
  const src = cFile('hello2.c', 'void compute(const char *in) { printf("hi\\n"); }\n');
  // The map's name is taken by a folder: nothing is written.
  mkdirSync(join(work, 'none', 'out.map.json'), { recursive: true });
  const r = runTool('wasm-compile', [src, '-o', join(work, 'none', 'out')]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /out\.map\.json: is a folder, not a file name/);
  assert.deepEqual(readdirSync(join(work, 'none')), ['out.map.json'], 'neither .tvm nor _spec.tvm written');
  // An output path under a file.
  const under = runTool('wasm-compile', [src, '-o', join(src, 'x')]);
  assert.notEqual(under.code, 0);
  assert.match(under.stderr, /hello2\.c\/x\.tvm: .*hello2\.c is not a folder/);
  assert.doesNotMatch(under.stderr, /EEXIST|\n\s+at /);
});

test('messages name the source file: wabt syntax errors and linker errors', () => {
  for (const name of ['bad.wat', 'verylongname_bad.wat']) {
    const wat = cFile(name, '(module\n(func (export "compute") i32.addx))\n');
    const r = runTool('wasm-compile', [wat, '-o', join(work, 'o1', '')]);
    assert.notEqual(r.code, 0);
    assert.ok(r.stderr.startsWith(`${wat}:2:26: error: unexpected token i32.addx`), r.stderr);
  }
  const link = cFile(
    'link.c',
    'int missing(int);\nvoid compute(const char *in) { printf("%d\\n", missing(3)); }\n',
  );
  const r = runTool('wasm-compile', [link, '-o', join(work, 'o2', '')]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, new RegExp(`${link.replace(/[.]/g, '\\.')}: undefined symbol: missing`));
  assert.doesNotMatch(r.stderr, /\.o:/);
  assert.ok(!existsSync(join(work, 'o2', 'link.tvm')));
});
