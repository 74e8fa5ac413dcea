// The long long / uint64_t test programs (programs/i64_*.c) at the other optimization levels:
// c-programs.test.ts runs them at the default -O2; -O0, -O1 and -Os make clang emit different
// 64-bit code (locals kept in memory, no strength reduction), which must print what V8 prints too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileC } from '../compiler/clang';
import { asTokenProgram, compileWasm } from '../compiler/compile';
import { runReference } from '../vm/reference';
import { nativeMatchesReference } from './support/i64';
import { nativeSkip } from './support/native';
import { runInV8, text } from './support/oracle';
import { argsOf, programsDir } from './support/programs';

const programs = readdirSync(programsDir)
  .filter((f) => /^i64_.*\.c$/.test(f))
  .sort();

test('there are i64 test programs', () => assert.ok(programs.length >= 3, programs.join(', ')));

for (const name of programs) {
  for (const level of ['-O0', '-O1', '-Os']) {
    test(`${name} at ${level}: the machine prints what V8 prints`, async () => {
      const file = join(programsDir, name);
      const program = await compileWasm(compileC(file, [level]), file, {
        args: argsOf(readFileSync(file, 'utf8')),
      });
      const v8 = runInV8(program.wasm, program.input, program.inputAddress);
      assert.equal(v8.trap, undefined, `V8 trapped: ${v8.trap}`);
      assert.ok(v8.output.length > 0, 'the program prints something');
      const reference = runReference(asTokenProgram(program), { maxTokens: 50_000_000 });
      assert.equal(text(reference.output), text(v8.output));
    });
  }
}

test('the transformer generates the reference tokens for i64_mul_high.c at -O1', {
  skip: nativeSkip(),
}, async () => {
  const file = join(programsDir, 'i64_mul_high.c');
  const program = await compileWasm(compileC(file, ['-O1']), file, {
    args: argsOf(readFileSync(file, 'utf8')),
  });
  const native = await nativeMatchesReference(program);
  assert.equal(native.mismatch, undefined, JSON.stringify(native.mismatch));
  assert.ok(native.halted);
  assert.equal(native.tokens, native.expected);
});
