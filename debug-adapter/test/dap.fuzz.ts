// Fuzz target `dap`: random DAP request sequences against the real adapter process for a given
// time (support/dap-fuzz.ts has the generators and the property).
//   node --import tsx debug-adapter/test/dap.fuzz.ts --seconds N [--seed S]
// Prints `fuzz dap: <executions> executions, <findings> findings`; exits 1 on a finding, with the
// failing sequence (shrunk) and its seed.
import fc from 'fast-check';
import { checkSequence, fuzzProgram, sequenceArbitrary } from './support/dap-fuzz';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const seconds = Number(option('seconds') ?? 10);
  if (!(seconds > 0 && seconds <= 86_400))
    throw new Error(`--seconds must be a number from 1 to 86,400, not ${option('seconds')}`);
  const seed = option('seed') !== undefined ? Number(option('seed')) : Date.now() % 2 ** 31;
  const program = await fuzzProgram();
  const details = await fc.check(fc.asyncProperty(sequenceArbitrary(program), checkSequence), {
    seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: seconds * 1000,
    markInterruptAsFailure: false,
  });
  program.remove();
  const findings = details.failed ? 1 : 0;
  console.log(`fuzz dap: ${details.numRuns} executions, ${findings} findings`);
  if (details.failed) {
    console.log(`seed ${seed}, path ${details.counterexamplePath}`);
    console.log(fc.defaultReportMessage(details));
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(`fuzz dap: ${(e as Error).message}`);
  process.exit(2);
});
