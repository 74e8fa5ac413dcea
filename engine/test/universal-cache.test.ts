// The universal model's cache across the format change: a model an older build cached in version
// 1 is still read, copied once under the version-2 name (and read from there after), and left
// in place for the older builds that share the cache folder; a damaged old file is not trusted.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { packagedModelPath } from '../compiler/paths';
import { buildMachineGraph } from '../machine/interpreter';
import { scheduleAsap } from '../schedule/heuristic';
import { buildWeights, finalReads } from '../weights/build';
import { serializeModel, weightFileVersion } from '../weights/file';
import { legacyUniversalPath, universalModel, universalPath } from '../weights/universal';

const work = mkdtempSync(join(tmpdir(), 'tvm-cache-'));
process.env.TVM_CACHE_DIR = work;
after(() => rmSync(work, { recursive: true, force: true }));
const machine = buildMachineGraph('universal');
const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)), { test: 'cache' });

test('a version-1 cache entry is read, copied as version 2, and kept for older builds', {
  skip: existsSync(packagedModelPath()) && 'a packaged model is found before the cache',
}, async () => {
  const legacy = legacyUniversalPath('highs', machine);
  const current = universalPath('highs', machine);
  assert.notEqual(legacy, current);
  const v1 = serializeModel(model, 1);
  writeFileSync(legacy, v1);
  const first = await universalModel();
  assert.equal(first.cached, true);
  assert.equal(first.file, current);
  assert.deepEqual(first.model.embedding, model.embedding);
  assert.equal(weightFileVersion(current), 2);
  assert.ok(readFileSync(current).equals(serializeModel(model, 2)), 'the copy is the model in version 2');
  assert.ok(readFileSync(legacy).equals(v1), 'the old file is left as it was');
  // The next load takes the version-2 file, even when the old one is gone.
  rmSync(legacy);
  const second = await universalModel();
  assert.equal(second.file, current);
  assert.deepEqual(second.model.layers[0].gate, model.layers[0].gate);
});

test('a damaged version-1 cache entry is not trusted', {
  skip: existsSync(packagedModelPath()) && 'a packaged model is found before the cache',
}, async () => {
  rmSync(universalPath('highs', machine), { force: true });
  // A valid heuristic-named version-2 entry stands in, so that nothing is built with HiGHS here.
  writeFileSync(universalPath('heuristic', machine), serializeModel(model, 2));
  const broken = serializeModel(model, 1);
  broken[broken.length - 9] ^= 1;
  writeFileSync(legacyUniversalPath('highs', machine), broken);
  const r = await universalModel();
  assert.equal(r.file, universalPath('heuristic', machine));
  assert.equal(existsSync(universalPath('highs', machine)), false, 'no copy of a damaged file');
});
