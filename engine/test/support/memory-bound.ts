// The memory bound of issue 15, shared by engine/test/memory-bound.test.ts, npm run test:long and
// the bench: a run's peak resident memory may exceed the same harness's run of a tiny program
// (hello: the process, the model, the compiler) by at most 64 bytes per generated token on the
// native engine and twice that on the JS engine.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../compiler/paths';
import { type MeasuredRun, mib, runMeasured } from './peak-rss';

/** The package root (found from the sources or the dist bundle: the bench uses this too). */
export const ROOT = packageRoot();
export const WASM_RUN = join(ROOT, 'dist', 'cli', 'wasm-run.js');
export const HELLO = join(ROOT, 'examples', 'hello.c');

/** Bytes per generated token allowed above the base. */
export const BYTES_PER_TOKEN = { native: 64, js: 128 } as const;
export type BoundEngine = keyof typeof BYTES_PER_TOKEN;

/** The tokens wasm-run reports for a passing program (`NAME: PASS N tok in …`), or a clear failure. */
export function passedTokens(run: MeasuredRun, what: string): number {
  const m = /: PASS (\d+) tok in /.exec(run.stdout);
  if (run.status !== 0 || !m)
    throw new Error(
      `${what}: wasm-run did not pass (exit ${run.status}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`,
    );
  return Number(m[1]);
}

export interface BoundCheck {
  readonly tokens: number;
  readonly base: number;
  readonly peak: number;
  readonly limit: number;
  readonly bytesPerToken: number;
  /** One line for a message or a report. */
  readonly summary: string;
}

/** `wasm-run ARGS… --engine ENGINE` measured, against the base of hello on the same engine. */
export async function measureBound(
  engine: BoundEngine,
  what: string,
  args: readonly string[],
): Promise<BoundCheck> {
  if (!existsSync(WASM_RUN)) throw new Error(`${WASM_RUN} is missing: build first (node scripts/build.mjs)`);
  const hello = await runMeasured(WASM_RUN, [HELLO, '--engine', engine]);
  passedTokens(hello, `hello (${engine})`);
  const run = await runMeasured(WASM_RUN, [...args, '--engine', engine]);
  const tokens = passedTokens(run, what);
  const base = hello.peakRss;
  const limit = base + BYTES_PER_TOKEN[engine] * tokens;
  const bytesPerToken = (run.peakRss - base) / tokens;
  const summary = `${what} (${engine}): ${tokens.toLocaleString('en-US')} tokens, peak RSS ${mib(run.peakRss)} (base ${mib(base)} on hello), ${bytesPerToken.toFixed(1)} B/token above the base; bound ${mib(limit)} (${BYTES_PER_TOKEN[engine]} B/token)`;
  return { tokens, base, peak: run.peakRss, limit, bytesPerToken, summary };
}
