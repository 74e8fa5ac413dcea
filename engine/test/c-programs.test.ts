// Oracle tests: every C program under programs/ prints the same through our compiler and the
// reference executor as through V8 running the same .wasm.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileFile } from '../compiler/compile';
import { CompileError } from '../compiler/diagnostics';
import { runBoth, text } from './support/oracle';
import { argsOf, programsDir } from './support/programs';

const dir = programsDir;

for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort()) {
  test(`${name}: the machine prints what V8 prints`, async () => {
    const file = join(dir, name);
    const { v8, reference } = await runBoth(file, argsOf(readFileSync(file, 'utf8')));
    assert.equal(v8.trap, undefined, `V8 trapped: ${v8.trap}`);
    assert.ok(v8.output.length > 0, 'the program prints something');
    assert.equal(text(reference.output), text(v8.output));
  });
}

const unsupportedDir = join(dir, 'unsupported');
for (const name of readdirSync(unsupportedDir)
  .filter((f) => f.endsWith('.c'))
  .sort()) {
  test(`${name}: rejected with file, line and construct`, async () => {
    const file = join(unsupportedDir, name);
    const source = readFileSync(file, 'utf8');
    const expected = /^\/\/ error:\s*(.*)$/m.exec(source)?.[1].trim();
    assert.ok(expected, 'the test program says which error it expects');
    const markerLine = source.split('\n').findIndex((l) => l.includes('/* @unsupported */')) + 1;
    assert.ok(markerLine > 0, 'the test program marks the unsupported line');
    await assert.rejects(compileFile(file), (e: unknown) => {
      assert.ok(e instanceof CompileError, String(e));
      const lines = e.message.split('\n');
      const hit = lines.find((l) => l.includes(expected));
      assert.ok(hit, `no diagnostic mentions '${expected}':\n${e.message}`);
      assert.match(hit, new RegExp(`${name.replace('.', '\\.')}:${markerLine}:\\d+: error: `));
      assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace');
      return true;
    });
  });
}
