// npm run test:long: 100 random float programs (engine/test/support/float-programs.ts) through
// our compiler, the reference executor and V8 against gcc's -O0 and -O2 builds
// (engine/test/float-random.test.ts runs a few in npm test).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { checkFloatSeed, floatProgramDir } from '../support/float-programs';
import { nativeBuildDir } from '../support/ordinary';

const FIRST_SEED = 1000;
const COUNT = 100;
const MAX_TOKENS = 100_000_000;

after(() => {
  rmSync(floatProgramDir(), { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`random float programs: ${COUNT} seeds from ${FIRST_SEED} agree with gcc`, async (t) => {
  const disagreements: string[] = [];
  let agreeing = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + COUNT; seed++) {
    const r = await checkFloatSeed(seed, MAX_TOKENS);
    if (r.kind === 'agree') agreeing++;
    else if (r.kind === 'skipped') t.diagnostic(`seed ${seed} skipped: ${r.reason}`);
    else disagreements.push(`seed ${seed}: ${r.detail}`);
  }
  t.diagnostic(`${agreeing} of ${COUNT} seeds agree`);
  assert.deepEqual(disagreements, []);
  assert.ok(agreeing >= COUNT * 0.9, `only ${agreeing} of ${COUNT} seeds ran on both sides`);
});
