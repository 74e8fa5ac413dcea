// Csmith differential test, a small seeded batch: every generated program prints through our
// compiler and the reference executor exactly what gcc's native build prints (its checksum line)
// and exits with the same status. Seeds that run too long natively or on the reference executor
// are skipped and listed; a disagreement fails. npm run test:long runs 200 seeds.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { checkSeed, csmithDir, csmithMissing } from './support/csmith';
import { nativeBuildDir } from './support/ordinary';

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
/** The reference executor's budget per program (a few seconds at most). */
const MAX_TOKENS = 10_000_000;
/** Natively, a program that finishes takes under 0.1 s; seeds 3 and 10 loop for much longer. */
const NATIVE_SECONDS = 2;
/** Fewer agreeing seeds than this means the batch tested too little. */
const MIN_AGREEING = 6;

const missing = csmithMissing();
// CI installs csmith (.ci/run): there its absence is a failure, not a skip.
if (missing && process.env.CI) throw new Error(`CI needs csmith: ${missing}`);

after(() => {
  if (!missing) rmSync(csmithDir(), { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test(`csmith seeds ${SEEDS[0]}..${SEEDS[SEEDS.length - 1]}: the reference executor agrees with gcc`, {
  skip: missing,
}, async (t) => {
  const disagreements: string[] = [];
  let agreeing = 0;
  for (const seed of SEEDS) {
    const r = await checkSeed(seed, MAX_TOKENS, NATIVE_SECONDS);
    if (r.kind === 'agree') agreeing++;
    else if (r.kind === 'skipped') t.diagnostic(`seed ${seed} skipped: ${r.reason}`);
    else disagreements.push(`seed ${seed}: ${r.detail}`);
  }
  assert.deepEqual(disagreements, []);
  assert.ok(agreeing >= MIN_AGREEING, `only ${agreeing} of ${SEEDS.length} seeds ran on both sides`);
});
