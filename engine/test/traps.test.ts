// Traps (engine/vm/traps.ts): division by zero, INT_MIN / -1, __builtin_trap and C stack overflow
// stop the program at a halt whose immediate is the trap code. The reference executor and the trace
// decoder describe the trap with its C function and line, the output up to it is V8's, and the
// trace is unchanged (the transformer reproduces it). Lines are found by `// @line: NAME` markers.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { TraceDecoder } from '../vm/trace-decoder';
import { describeTrap, TrapCode } from '../vm/traps';
import { repoRoot, runTool } from './support/cli';
import { runBoth, text } from './support/oracle';

const dir = join(__dirname, 'programs', 'traps');
const work = mkdtempSync(join(tmpdir(), 'tvm-traps-'));
after(() => rmSync(work, { recursive: true, force: true }));

function markerLine(file: string, name: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(`// @line: ${name}`));
  assert.ok(line >= 0, `${file} marks ${name}`);
  return line + 1;
}

/** Runs a program on V8 and on the reference; the output up to the trap must be V8's. */
async function trapOf(name: string, args: string) {
  const file = join(dir, name);
  const { program, v8, reference } = await runBoth(file, args);
  assert.equal(text(reference.output), text(v8.output), 'the output up to the trap is what V8 prints');
  // The decoder follows the same trace to the same halt and describes the same trap.
  const decoder = new TraceDecoder(program.instructions);
  decoder.feedAll(reference.trace);
  assert.deepEqual(decoder.trap(program.sourceMap), reference.trap && describe(program, reference));
  return { program, v8, reference, trap: describe(program, reference), file };
}

/** The trap of a reference run, placed in C by the program's source map. */
function describe(
  program: Awaited<ReturnType<typeof compileFile>>,
  run: { haltPc: number; callPcs: number[]; trap?: unknown },
) {
  return run.trap
    ? describeTrap(program.instructions, run.haltPc, run.callPcs, program.sourceMap)
    : undefined;
}

test('division by zero traps with its kind and the C line of the division (inlined or not)', async () => {
  const { v8, trap, file } = await trapOf('divide.c', 'd 0');
  assert.match(v8.trap ?? '', /divide by zero/);
  assert.equal(trap?.code, TrapCode.divideByZero);
  assert.equal(trap?.line, markerLine(file, 'DIVIDE'));
  assert.match(trap?.description ?? '', /^integer divide by zero in \w+\(\) at divide\.c:\d+$/);
  const ok = await trapOf('divide.c', 'd 7');
  assert.equal(ok.trap, undefined, 'no trap when the divisor is not zero');
  assert.equal(text(ok.reference.output), 'before\n14\nafter\n');
});

test('INT_MIN / -1 traps as an integer overflow', async () => {
  const { v8, trap, file } = await trapOf('divide.c', 'o');
  assert.match(v8.trap ?? '', /unrepresentable/);
  assert.equal(trap?.kind, 'integerOverflow');
  assert.equal(trap?.line, markerLine(file, 'OVERFLOW'));
});

test('__builtin_trap traps as unreachable, at its line', async () => {
  const { v8, trap, file } = await trapOf('divide.c', 't');
  assert.match(v8.trap ?? '', /unreachable/);
  assert.equal(trap?.kind, 'unreachable');
  assert.equal(trap?.function, 'compute');
  assert.equal(trap?.line, markerLine(file, 'TRAP'));
});

test('deep recursion within the 1 MiB C stack computes what V8 computes (n = 4140, 16-int frames)', async () => {
  const { v8, reference, trap } = await trapOf('recurse.c', '4140');
  assert.equal(v8.trap, undefined);
  assert.equal(trap, undefined);
  assert.equal(text(reference.output), '8571870\n');
});

test('a C stack overflow is a trap, not silent corruption of the static data', async () => {
  const { trap, file } = await trapOf('big_frames.c', '2000');
  assert.equal(trap?.kind, 'stackOverflow');
  assert.equal(trap?.description, `C stack overflow in deep() at big_frames.c:${markerLine(file, 'DEEP')}`);
  // 900 frames of 1 KiB fit.
  const fits = await trapOf('big_frames.c', '900');
  assert.equal(fits.trap, undefined);
  assert.equal(text(fits.reference.output), `${(900 * 901) / 2}\n`);
});

test('wasm-reference prints the trap and exits 134; a normal end exits 0', () => {
  const c = runTool('wasm-compile', [join(dir, 'divide.c'), '--args', 'd 0', '-o', join(work, 'divide')]);
  assert.equal(c.code, 0, c.stderr);
  const r = runTool('wasm-reference', [join(work, 'divide.tvm')], repoRoot);
  assert.equal(r.code, 134, r.stderr);
  assert.match(r.stderr, /trap: integer divide by zero in \w+\(\) at divide\.c:\d+/);
  assert.match(r.stdout, /^before$/m);
  // A map that belongs to another program is not used: the trap is reported without C lines.
  const other = JSON.parse(readFileSync(join(work, 'divide.map.json'), 'utf8'));
  writeFileSync(join(work, 'divide.map.json'), JSON.stringify({ ...other, programHash: 'sha256:0' }));
  const r2 = runTool('wasm-reference', [join(work, 'divide.tvm')], repoRoot);
  assert.equal(r2.code, 134);
  assert.match(r2.stderr, /trap: integer divide by zero at instruction \d+/);
});

test('the trap halts are in the program, so the transformer runs the same trace', async () => {
  const program = asTokenProgram(await compileFile(join(dir, 'divide.c'), { args: 'd 0' }));
  const codes = new Set(program.instructions.filter((i) => i.op === 'halt').map((i) => i.imm));
  assert.ok(codes.has(0) && codes.has(TrapCode.divideByZero) && codes.has(TrapCode.unreachable));
  assert.ok(codes.has(TrapCode.stackOverflow), 'stack pointer writes are checked');
});
