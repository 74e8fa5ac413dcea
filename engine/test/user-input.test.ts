// The shared validation of users' numbers and files (engine/util): every refusal has a message.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { assertNotInput, FileError, readRegularFile, writeFilesAtomic } from '../util/files';
import { finiteIn, InvalidNumberError, integerIn, MAX_TOKEN_LIMIT } from '../util/numbers';

/** A fresh folder, removed when the tests end. */
const scratchDirs: string[] = [];
after(() => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-files-'));
  scratchDirs.push(dir);
  return dir;
}

test('integerIn accepts integers as numbers or decimal strings and refuses everything else', () => {
  const r = { min: 1, max: MAX_TOKEN_LIMIT };
  assert.equal(integerIn(5, 'n', r), 5);
  assert.equal(integerIn('1e6', 'n', r), 1_000_000);
  assert.equal(integerIn(' 42 ', 'n', r), 42);
  for (const bad of [
    1.5,
    1e300,
    2 ** 63,
    'abc',
    '',
    '0x10',
    Number.NaN,
    Infinity,
    -1,
    0,
    null,
    {},
    [],
    true,
    '0.5',
  ]) {
    assert.throws(
      () => integerIn(bad, '--max-tokens', r),
      (e: Error) => {
        assert.ok(e instanceof InvalidNumberError);
        assert.match(e.message, /^--max-tokens must be an integer from 1 to 1,000,000,000, not /);
        return true;
      },
    );
  }
  assert.throws(() => integerIn({}, 'step', r), /not an object$/);
  assert.throws(() => integerIn([1], 'step', r), /not an array$/);
  assert.throws(() => integerIn(true, 'step', r), /not a boolean$/);
  assert.equal(finiteIn('0.25', 's', { min: 0, max: 1 }), 0.25);
  assert.throws(() => finiteIn(1e-300 * 1e300 * Infinity, 's', { min: 0, max: 1 }), InvalidNumberError);
});

test('readRegularFile refuses devices, folders and files over the limit before reading them', () => {
  const dir = scratch();
  assert.throws(
    () => readRegularFile('/dev/zero', 'model', 1 << 20),
    /\/dev\/zero: the model is not a regular file/,
  );
  assert.throws(() => readRegularFile(dir, 'model', 1 << 20), /is not a regular file/);
  assert.throws(() => readRegularFile(join(dir, 'none'), 'model', 10), /cannot open the model: no such file/);
  writeFileSync(join(dir, 'big'), Buffer.alloc(100));
  assert.throws(() => readRegularFile(join(dir, 'big'), 'model', 99), /100 bytes, more than the 99 allowed/);
  assert.equal(readRegularFile(join(dir, 'big'), 'model', 100).length, 100);
});

test('writeFilesAtomic writes all or none and never an input', () => {
  const dir = scratch();
  const a = join(dir, 'a.tvm');
  writeFileSync(a, 'old');
  assert.throws(
    () =>
      writeFilesAtomic([
        { path: a, data: 'new' },
        { path: join(dir, 'missing', 'b'), data: 'x' },
      ]),
    (e: Error) => e instanceof FileError && /the folder .*missing does not exist/.test(e.message),
  );
  assert.equal(readFileSync(a, 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir), ['a.tvm'], 'no temporary file is left behind');
  writeFilesAtomic([
    { path: a, data: 'new' },
    { path: join(dir, 'b'), data: 'x' },
  ]);
  assert.equal(readFileSync(a, 'utf8'), 'new');
  assert.throws(() => assertNotInput(join(dir, '.', 'a.tvm'), [a]), /would overwrite the input/);
  assert.doesNotThrow(() => assertNotInput(join(dir, 'b'), [a]));
});
