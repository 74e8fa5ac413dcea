// npm run test:long: 200 Csmith seeds through our compiler and the reference executor against
// gcc's native build (engine/test/csmith.test.ts runs a dozen in npm test).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { checkSeed, csmithDir, csmithMissing } from '../support/csmith';
import { nativeBuildDir } from '../support/ordinary';

const FIRST_SEED = 1000;
const COUNT = 200;
const MAX_TOKENS = 40_000_000;

const missing = csmithMissing();
if (missing) throw new Error(`npm run test:long needs csmith: ${missing}`);
after(() => {
  rmSync(csmithDir(), { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`csmith: ${COUNT} seeds from ${FIRST_SEED}, the reference executor agrees with gcc`, async (t) => {
  const disagreements: string[] = [];
  let agreeing = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + COUNT; seed++) {
    const r = await checkSeed(seed, MAX_TOKENS);
    if (r.kind === 'agree') agreeing++;
    else if (r.kind === 'skipped') t.diagnostic(`seed ${seed} skipped: ${r.reason}`);
    else disagreements.push(`seed ${seed}: ${r.detail}`);
  }
  t.diagnostic(`${agreeing} of ${COUNT} seeds agree`);
  assert.deepEqual(disagreements, []);
  assert.ok(agreeing >= COUNT / 2, `only ${agreeing} of ${COUNT} seeds ran on both sides`);
});
