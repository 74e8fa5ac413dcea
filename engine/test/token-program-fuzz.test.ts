// The token-program reader's fuzz properties (support/token-program-fuzz.ts) with a fixed seed and
// a bounded number of runs: a second or two in `npm test`. `npm run fuzz` runs them for longer
// with fresh seeds (token-program.fuzz.ts).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { type PropertyName, readerProperties, scratchDir } from './support/token-program-fuzz';

const scratch = scratchDir();
after(scratch.remove);
const properties = readerProperties(scratch.dir);

const runs: Record<PropertyName, number> = {
  mutated: 400,
  random: 300,
  huge: 12,
  roundTrip: 150,
  referenceRoundTrip: 150,
  fileBytes: 100,
};

for (const [name, numRuns] of Object.entries(runs) as [PropertyName, number][]) {
  test(`token-program reader fuzz (fixed seed): ${name}`, () => {
    const r = properties[name]({ seed: 20261130, numRuns });
    assert.ok(!r.failed, fc.defaultReportMessage(r));
  });
}
