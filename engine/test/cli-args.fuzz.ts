// Fuzz target: the command-line tools' argument handling (support/cli-args-fuzz.ts), for a given
// time with fresh seeds: `node --import tsx engine/test/cli-args.fuzz.ts --seconds N` (default 10;
// each run starts a process, so expect a few executions a second). Needs `npm run build` first.
// Prints `fuzz cli-args: E executions, F findings` and exits 1 on a finding, with the argv.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { argvArbitrary, checkArgv } from './support/cli-args-fuzz';

const at = process.argv.indexOf('--seconds');
const seconds = at >= 0 ? Number(process.argv[at + 1]) : 10;
if (!(seconds > 0 && seconds <= 86_400)) {
  console.error('usage: cli-args.fuzz.ts [--seconds N]   (N from 1 to 86,400)');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'tvm-args-fuzz-'));
const env = { TVM_CACHE_DIR: join(work, 'cache') };
const end = performance.now() + seconds * 1000;
let executions = 0;
let findings = 0;
try {
  while (performance.now() < end && findings === 0) {
    const seed = (Math.random() * 2 ** 31) | 0;
    const r = fc.check(
      fc.property(argvArbitrary, (a) => checkArgv(a, work, env)),
      { seed, numRuns: 5, endOnFailure: true },
    );
    executions += r.numRuns;
    if (r.failed) {
      findings++;
      console.error(
        `seed ${seed}: ${r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance)}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`fuzz cli-args: ${executions} executions, ${findings} findings`);
process.exit(findings ? 1 : 0);
