// The C view against an oracle no one here wrote: for every program under programs/c-view/ and
// every `// @bp:` marker and hit, the Locals (and chosen Globals) the adapter shows at the debug
// build's default level equal what gdb shows on the same program built with `gcc -O0 -g`: scalars
// by value, arrays and structs member by member, pointers by what they point at, char * by string.
// The stops themselves (which breakpoint, which hit, in order) must be the same too.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeMismatches, runAdapterAgainst } from './support/c-view';
import { breakpointMarkers, gdbAvailable, runGdb } from './support/gdb';

const dir = join(__dirname, 'programs', 'c-view');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort();

test('the C-view programs are there', () => {
  assert.ok(programs.length >= 6, `programs in ${dir}: ${programs.join(', ')}`);
});

for (const name of programs) {
  test(`gdb oracle: ${name}`, {
    skip: !gdbAvailable() && 'gdb is not installed (.ci/run installs it)',
  }, async () => {
    const file = join(dir, name);
    const markers = breakpointMarkers(file);
    const gdb = runGdb(file, markers);
    // Every wanted hit happens in gdb, so the comparison below covers it.
    for (const m of markers)
      for (const h of m.hits)
        assert.ok(
          gdb.snapshots.some((s) => s.stop === `${m.name}#${h}`),
          `${name}: gdb never reached ${m.name} hit ${h}`,
        );
    const ours = await runAdapterAgainst(file, markers, gdb);
    assert.deepEqual(ours.stops, gdb.stops, `${name}: the adapter stops where gdb stops, in the same order`);
    assert.equal(ours.mismatches.length, 0, `\n${describeMismatches(name, ours.mismatches)}`);
  });
}
