// Fuzz target: the token-program reader and the CLIs' token-file reading, for a given time with
// fresh seeds (`node --import tsx engine/test/token-program.fuzz.ts --seconds N`, default 10).
// Prints `fuzz token-program: E executions, F findings` and exits 1 on a finding, with the input.
// The properties run in a worker thread, which keeps the input it is trying in shared memory: if
// the reader hangs on one, the main thread notices the silence, stops the worker and prints it.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { observeInputs, type PropertyName, readerProperties, scratchDir } from './support/token-program-fuzz';

const NAME = 'token-program';
/** Longest an input may take before it counts as a hang (the contract is linear time). */
const HANG_MS = 15_000;
/** Inputs kept for the hang report are cut to this many bytes. */
const KEEP = 1 << 20;

interface Report {
  executions: number;
  finding?: string;
}

if (isMainThread) void main();
else work(workerData as { seconds: number; shared: SharedArrayBuffer });

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(process.argv[at + 1]) : 10;
  if (!(seconds > 0 && seconds <= 86_400)) {
    console.error('usage: token-program.fuzz.ts [--seconds N]   (N from 1 to 86,400)');
    process.exit(2);
  }
  const shared = new SharedArrayBuffer(8 + KEEP);
  // The worker loads this file through tsx, as the main thread did.
  const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(__filename)});`;
  const worker = new Worker(boot, { eval: true, workerData: { seconds, shared } });
  let executions = 0;
  const findings: string[] = [];
  let heard = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - heard < HANG_MS) return;
    const header = new Int32Array(shared, 0, 2);
    const input = Buffer.from(new Uint8Array(shared, 8, Math.min(header[0], KEEP)));
    findings.push(
      `no answer for ${HANG_MS / 1000} s on an input of ${header[1]} bytes (first ${input.length}, base64): ${input.toString('base64')}`,
    );
    void worker.terminate();
  }, 1000);
  worker.on('message', (r: Report) => {
    heard = performance.now();
    executions += r.executions;
    if (r.finding) findings.push(r.finding);
  });
  worker.on('error', (e) => findings.push(`the worker died: ${e.stack ?? e.message}`));
  await new Promise((resolve) => worker.once('exit', resolve));
  clearInterval(watchdog);
  for (const f of findings) console.error(f);
  console.log(`fuzz ${NAME}: ${executions} executions, ${findings.length} findings`);
  process.exit(findings.length ? 1 : 0);
}

function work({ seconds, shared }: { seconds: number; shared: SharedArrayBuffer }): void {
  const header = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8, KEEP);
  observeInputs((input) => {
    const b = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    bytes.set(b.subarray(0, KEEP));
    header[0] = Math.min(b.length, KEEP);
    header[1] = b.length;
  });
  const scratch = scratchDir();
  const properties = readerProperties(scratch.dir);
  const names = Object.keys(properties) as PropertyName[];
  const end = performance.now() + seconds * 1000;
  try {
    for (let round = 0; performance.now() < end; round++) {
      const name = names[round % names.length];
      const seed = (Math.random() * 2 ** 31) | 0;
      const r = properties[name]({ seed, numRuns: name === 'huge' ? 10 : 200 });
      const report: Report = { executions: r.numRuns };
      if (r.failed) {
        // The whole input goes to a file; the report shows its start (some are megabytes).
        const input = fc.stringify(r.counterexample);
        const file = join(tmpdir(), `fuzz-${NAME}-${seed}.txt`);
        writeFileSync(file, `${input}\n`);
        report.finding = `${name} (seed ${seed}, path ${r.counterexamplePath}): ${
          r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance)
        }\n  input (${input.length} characters, all in ${file}): ${input.length > 2000 ? `${input.slice(0, 2000)}…` : input}`;
      }
      parentPort!.postMessage(report);
      if (r.failed) break;
    }
  } finally {
    scratch.remove();
  }
}
