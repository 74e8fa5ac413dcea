// The Debug Adapter fuzz target (dap.fuzz.ts) in short and deterministic: a fixed seed, a few
// sequences of random requests against the real adapter process, each answered once, in one
// line, and the process exiting with 0 after disconnect.
import { test } from 'node:test';
import fc from 'fast-check';
import { checkSequence, fuzzProgram, sequenceArbitrary } from './support/dap-fuzz';

test('fuzz dap (fixed seed): every request answered once, no stack trace, exit after disconnect', async () => {
  const program = await fuzzProgram();
  try {
    await fc.assert(fc.asyncProperty(sequenceArbitrary(program), checkSequence), { seed: 11, numRuns: 5 });
  } finally {
    program.remove();
  }
});
