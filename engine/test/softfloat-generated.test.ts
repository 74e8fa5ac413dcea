// engine/compiler/lowering/softfloat.wat is generated from softfloat/*.c: regenerating it (clang-16
// and scripts/gen-softfloat.mjs) must give the committed file, so the C and the text never drift.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

test('softfloat.wat is what scripts/gen-softfloat.mjs generates from softfloat/*.c', () => {
  const script = join(__dirname, '..', '..', 'scripts', 'gen-softfloat.mjs');
  const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
