// printf's and scanf's float conversions are linked only into programs that have floating point
// (engine/compiler/clang.ts usesFloatingPoint, weak references in the C library): an integer
// program's printf stays small, and a program whose only double is a constant (which clang stores
// as i64 bits, no float instruction left) still prints it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileC } from '../compiler/clang';
import { asTokenProgram, compileWasm } from '../compiler/compile';
import { runReference } from '../vm/reference';
import { decodeModule } from '../wasm/decoder';
import { runInV8, text } from './support/oracle';

const work = mkdtempSync(join(tmpdir(), 'tvm-float-link-'));
after(() => rmSync(work, { recursive: true, force: true }));

function build(name: string, source: string) {
  const file = join(work, `${name}.c`);
  writeFileSync(file, source);
  const wasm = compileC(file);
  const names = [...decodeModule(wasm).functionNames.values()];
  return { file, wasm, names };
}

const FLOAT_CONVERSIONS = ['__tvm_fmt_float', '__tvm_strtod_bits'];

test('an integer program using printf and scanf links no float conversion', () => {
  const { names } = build(
    'ints',
    // names and strings that say float or double are not floating point
    '#include <stdio.h>\nstruct double_pair { int float_count; };\nint main(void) { struct double_pair p = {0}; sscanf("42", "%d", &p.float_count); printf("double %d %x\\n", p.float_count, p.float_count); return 0; }\n',
  );
  assert.ok(names.includes('printf') || names.some((n) => n.includes('printf')), names.join(' '));
  for (const f of FLOAT_CONVERSIONS) assert.ok(!names.includes(f), `${f} is linked: ${names.join(' ')}`);
});

test('a program whose only doubles are constants links them and prints them (V8 and the machine)', async () => {
  const { file, wasm, names } = build(
    'consts',
    '#include <stdio.h>\nint main(void) { double d = 0; sscanf("2.5", "%lf", &d); printf("%f %g %.1e\\n", 1.5, 0.25, d); return 0; }\n',
  );
  for (const f of FLOAT_CONVERSIONS) assert.ok(names.includes(f), `${f} is not linked`);
  const v8 = runInV8(wasm, null, -1);
  assert.equal(text(v8.output), '1.500000 0.25 2.5e+00\n');
  const machine = runReference(asTokenProgram(await compileWasm(wasm, file)));
  assert.equal(text(machine.output), text(v8.output));
});
