// Fuzz target (node --import tsx engine/test/weights.fuzz.ts --seconds N): mutated weight files
// (support/weight-mutations.ts) through the TypeScript reader, from bytes and from disk, and the
// native reader when built; each must load or refuse with its own error naming the file, and all
// must agree. Prints `fuzz weights-reader: <executions> executions, <findings> findings`; exits 1
// with the failing input on a finding. weights.test.ts runs a short fixed-seed version.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { integerIn } from '../util/numbers';
import { weightReaderProperty } from './support/weight-mutations';

const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const seconds = at >= 0 ? integerIn(args[at + 1], '--seconds', { min: 1, max: 86_400 }) : 10;
const { property, dispose } = weightReaderProperty();
const deadline = performance.now() + seconds * 1000;
let executions = 0;
let findings = 0;
try {
  for (let seed = Date.now() | 0; performance.now() < deadline && findings === 0; seed++) {
    const r = fc.check(property, {
      seed,
      numRuns: 200,
      interruptAfterTimeLimit: deadline - performance.now(),
    });
    executions += r.numRuns;
    if (r.failed && r.counterexample) {
      findings++;
      const [input] = r.counterexample;
      const file = join(tmpdir(), `weights-fuzz-finding-${seed}.tvmw`);
      writeFileSync(file, input.bytes);
      console.error(
        `fuzz weights-reader: finding (seed ${seed}): ${input.how}\n  kept in ${file}\n  ${r.errorInstance}`,
      );
    }
  }
} finally {
  dispose();
}
console.log(`fuzz weights-reader: ${executions} executions, ${findings} findings`);
process.exit(findings > 0 ? 1 : 0);
