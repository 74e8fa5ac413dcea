// Writes the checked-in seed corpus of the native weight-file fuzzer (native/fuzz/seeds/weights/):
// the tiny model (engine/test/support/tiny-model.ts) and a few damaged copies of it from the shared
// list, each a path to a different check. Run `node --import tsx scripts/make-fuzz-seeds.ts` after
// changing the format; a test checks that the committed seeds are what this script writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedWeightFiles } from '../engine/test/support/damaged-weights';
import { tinyModel } from '../engine/test/support/tiny-model';
import { serializeModel } from '../engine/weights/file';

export const weightSeedsDir = join(__dirname, '..', 'native', 'fuzz', 'seeds', 'weights');

/** The damaged cases kept as seeds (the whole list would be mostly the same bytes). */
const KEPT = [
  'NaN weight',
  'an unused head with query weights',
  'a one-hot group the gates do not have',
  'hardmaxScale 1e-300',
  'a position head that averages',
  'header length past the end',
  'v2: columns out of order',
  'v2: row counts adding up to more than the nonzeros',
  'v2: a column outside the row',
];

/**
 * File name → bytes: `valid-tiny.tvmw` (the current version, 2), `valid-tiny-v1.tvmw` (readers
 * still read version 1), `header-tiny.hdr` and `damaged-<n>.tvmw`.
 */
export function weightSeeds(): Map<string, Uint8Array> {
  const good = serializeModel(tinyModel());
  const seeds = new Map<string, Uint8Array>([
    ['valid-tiny.tvmw', good],
    ['valid-tiny-v1.tvmw', serializeModel(tinyModel(), 1)],
  ]);
  const damaged = damagedWeightFiles(good).filter((d) => KEPT.includes(d.what));
  if (damaged.length !== KEPT.length)
    throw new Error('make-fuzz-seeds: a kept damage is no longer in the list');
  // A header alone (the fuzz target frames it with the tiny model's tensors): mutations all land there.
  const headerLength = new DataView(good.buffer, good.byteOffset).getUint32(12, true);
  seeds.set('header-tiny.hdr', good.slice(16, 16 + headerLength));
  damaged.forEach((d, i) => {
    seeds.set(`damaged-${i}.tvmw`, d.bytes);
  });
  return seeds;
}

if (require.main === module) {
  mkdirSync(weightSeedsDir, { recursive: true });
  for (const f of readdirSync(weightSeedsDir)) rmSync(join(weightSeedsDir, f));
  for (const [name, bytes] of weightSeeds()) writeFileSync(join(weightSeedsDir, name), bytes);
}
