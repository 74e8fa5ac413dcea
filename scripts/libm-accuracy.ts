// Measures the math library against glibc (engine/test/support/libm.ts) and prints the
// docs/floating-point.md table: per function the samples and the largest error in ulps (exact
// functions: the number of results whose bits differ from glibc's). Usage:
//   npx tsx scripts/libm-accuracy.ts [samples per range, default 2000] [seed, default 1]
import { libmCases, type Measured, measure, runLibm } from '../engine/test/support/libm';

const n = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const cases = libmCases(seed, n);
const { ours, ref } = runLibm(cases);
const merged = new Map<string, Measured>();
for (const r of measure(cases, ours, ref)) {
  const m = merged.get(r.name);
  merged.set(
    r.name,
    m
      ? {
          ...m,
          samples: m.samples + r.samples,
          maxUlp: Math.max(m.maxUlp, r.maxUlp),
          mismatches: [...m.mismatches, ...r.mismatches],
        }
      : r,
  );
}
console.log(`| function | kind | samples | max error |`);
console.log(`| --- | --- | ---: | ---: |`);
for (const r of merged.values())
  console.log(
    `| \`${r.name}\` | ${r.kind} | ${r.samples} | ${r.kind === 'exact' ? (r.maxUlp === 0 ? 'bit-exact' : `${r.maxUlp} differ`) : `${r.maxUlp.toFixed(3)} ulp`} |`,
  );
const bad = [...merged.values()].filter((r) => r.mismatches.length > 0);
if (bad.length) {
  for (const r of bad) console.error(r.mismatches.slice(0, 5).join('\n'));
  process.exit(1);
}
