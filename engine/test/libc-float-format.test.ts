// printf's float conversions, strtod/strtof and scanf's %lf, byte for byte against glibc: one C
// program (support/float-format.ts) compiled by gcc and run natively, and compiled by compileC
// for the machine and run in V8 (floats native there, so this checks the C library's own code);
// and a sample through the reference executor (the machine, floats as soft-float helpers).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileC } from '../compiler/clang';
import { asTokenProgram, compileWasm } from '../compiler/compile';
import { runReference } from '../vm/reference';
import { FORMATS, floatFormatProgram, HARD_VALUES, randomValues, strtodInputs } from './support/float-format';
import { runInV8, text } from './support/oracle';

const dir = mkdtempSync(join(tmpdir(), 'tvm-float-format-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the C source natively (gcc, glibc) and in V8 (our library); both outputs as text. */
function bothOutputs(name: string, source: string): { glibc: string; ours: string } {
  const file = join(dir, `${name}.c`);
  writeFileSync(file, source);
  const exe = join(dir, name);
  const cc = spawnSync('gcc', ['-O1', '-w', '-o', exe, file], { encoding: 'utf8' });
  assert.equal(cc.status, 0, `gcc failed: ${cc.stderr}`);
  const native = spawnSync(exe, [], { encoding: 'latin1', maxBuffer: 1 << 28 });
  assert.equal(native.status, 0, 'the native run exits 0');
  const v8 = runInV8(compileC(file), null, 0);
  assert.equal(v8.trap, undefined, `V8 trapped: ${v8.trap}`);
  assert.equal(v8.status, 0);
  return { glibc: native.stdout, ours: text(v8.output) };
}

/** The first differing line, so that a failure names the case. */
function assertSameLines(ours: string, glibc: string): void {
  const a = ours.split('\n');
  const b = glibc.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i])
      assert.fail(`line ${i + 1}: ours ${JSON.stringify(a[i])}, glibc ${JSON.stringify(b[i])}`);
}

test('printf %f %e %g %a with flags, width and precision prints what glibc prints (hard cases)', () => {
  const { glibc, ours } = bothOutputs('hard', floatFormatProgram(HARD_VALUES, FORMATS, strtodInputs(1, 0)));
  assert.ok(glibc.length > 100_000, 'the program printed its cases');
  assertSameLines(ours, glibc);
});

test('printf on random doubles, and strtod/strtof/sscanf on random decimal strings, as glibc', () => {
  const { glibc, ours } = bothOutputs(
    'random',
    floatFormatProgram(randomValues(14, 300), FORMATS, strtodInputs(15, 1500)),
  );
  assertSameLines(ours, glibc);
});

test('%.17g then strtod gives back every random double (round trip)', () => {
  const source = floatFormatProgram(randomValues(16, 400), ['%.17g'], []);
  const { ours } = bothOutputs('roundtrip', source);
  const trips = ours.split('\n').filter((l) => /^\d+ \S+ [01]$/.test(l));
  assert.equal(trips.length, 400);
  assert.deepEqual(
    trips.filter((l) => !l.endsWith(' 1')),
    [],
  );
});

test('through the machine: printf %f %.17g %e %a, strtod and sscanf print what V8 prints', async () => {
  const file = join(dir, 'machine.c');
  writeFileSync(
    file,
    `#include <stdio.h>
#include <stdlib.h>
int main(void) {
  volatile double x = 3.14159, y = 0.1;
  printf("%f|%.17g|%.3e|%a|%.0f\\n", x, y, x, y, 2.5);
  double d = strtod("9007199254740993", 0);
  double s = 0;
  int r = sscanf(" -12.5e-1x", "%lf", &s);
  printf("%.17g %d %g\\n", d, r, s);
  return 0;
}
`,
  );
  const program = await compileWasm(compileC(file), file, { args: [] });
  const v8 = runInV8(program.wasm, program.input, program.inputAddress);
  assert.equal(
    text(v8.output),
    '3.141590|0.10000000000000001|3.142e+00|0x1.999999999999ap-4|2\n9007199254740992 1 -1.25\n',
  );
  const reference = runReference(asTokenProgram(program), { maxTokens: 5_000_000 });
  assert.equal(text(reference.output), text(v8.output));
});
