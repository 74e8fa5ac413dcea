// The C test programs (every lowered operation, recursion, structs, 8/16-bit memory, globals, …)
// run through the machine graph token for token like the reference executor. Half 0 of two,
// so that the two halves run on both cores.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runTool } from './support/cli';
import { compilePrograms, programNames } from './support/programs';

const work = mkdtempSync(join(tmpdir(), 'tvm-programs-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('C test programs, half 0: the graph generates the reference trace', () => {
  const names = programNames().filter((_, i) => i % 2 === 0);
  const r = runTool('wasm-eval', compilePrograms(names, work));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  for (const n of names) assert.match(r.stdout, new RegExp(`^${n}: PASS `, 'm'), r.stdout);
});
