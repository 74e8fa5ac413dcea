// Differential testing with Csmith (Debian packages csmith and libcsmith-dev): a seed gives a
// random, UB-free C program that prints a checksum of its globals. gcc's native build (the
// oracle, with a time budget: some seeds run for very long even natively) must print the same
// bytes and exit with the same status as our compiler + reference executor.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, compileFile } from '../../compiler/compile';
import { runReference } from '../../vm/reference';
import { buildNative, firstDifference, runNative } from './ordinary';

/** Where csmith's runtime headers live (libcsmith-dev). */
export const CSMITH_INCLUDE = '/usr/include/csmith';

/** Small programs without what the machine lacks (floating point) or C it need not model. */
export const CSMITH_FLAGS = [
  '--no-volatiles',
  '--no-packed-struct',
  '--no-bitfields',
  '--no-float',
  '--max-funcs',
  '4',
  '--max-block-depth',
  '3',
  '--max-expr-complexity',
  '6',
  '--max-array-len-per-dim',
  '6',
];

/** Why Csmith cannot be used here, or false. */
export function csmithMissing(): false | string {
  const r = spawnSync('csmith', ['--version'], { encoding: 'utf8', cwd: tmpdir() });
  if (r.error || r.status !== 0) return 'csmith is not installed (apt-get install csmith libcsmith-dev)';
  if (!existsSync(join(CSMITH_INCLUDE, 'csmith.h')))
    return `${CSMITH_INCLUDE}/csmith.h is missing (apt-get install libcsmith-dev)`;
  return false;
}

let workDir: string | undefined;

/** The folder generated programs are written to, with csmith's headers beside them (so `#include "csmith.h"` finds them without -I). */
export function csmithDir(): string {
  if (workDir) return workDir;
  workDir = mkdtempSync(join(tmpdir(), 'tvm-csmith-'));
  for (const f of readdirSync(CSMITH_INCLUDE)) {
    const from = join(CSMITH_INCLUDE, f);
    if (f.endsWith('.h') && statSync(from).isFile()) copyFileSync(from, join(workDir, f));
  }
  return workDir;
}

/** Generates the program of a seed; returns its path. */
export function generate(seed: number): string {
  const file = join(csmithDir(), `csmith_${seed}.c`);
  // csmith writes platform.info into its working directory: the temporary folder, not the clone.
  const r = spawnSync('csmith', ['--seed', String(seed), ...CSMITH_FLAGS, '--output', file], {
    encoding: 'utf8',
    cwd: csmithDir(),
  });
  if (r.error || r.status !== 0)
    throw new Error(`csmith --seed ${seed} failed: ${r.error?.message ?? r.stderr}`);
  return file;
}

export type SeedResult =
  | { readonly seed: number; readonly kind: 'agree'; readonly output: string; readonly steps: number }
  | { readonly seed: number; readonly kind: 'skipped'; readonly reason: string }
  | { readonly seed: number; readonly kind: 'disagree'; readonly detail: string };

/**
 * Generates, builds and runs one seed on both sides. A seed whose native run exceeds the time
 * budget (`nativeSeconds`; generated programs that finish take under 0.1 s), or whose reference run exceeds `maxTokens` trace tokens, is skipped (with the reason).
 */
/**
 * A seed whose compile or reference run failed on our side: skipped when it ran out of tokens
 * (too long to check, not wrong), else a disagreement with the failure's first lines.
 */
export function ourSideFailed(
  seed: number,
  e: unknown,
  maxTokens: number,
): Extract<SeedResult, { kind: 'skipped' | 'disagree' }> {
  const message = e instanceof Error ? e.message : String(e);
  if (/no 'halt' after/.test(message))
    return {
      seed,
      kind: 'skipped',
      reason: `over ${maxTokens.toLocaleString('en-US')} trace tokens on the reference executor`,
    };
  return { seed, kind: 'disagree', detail: `our side failed: ${message.split('\n').slice(0, 6).join('\n')}` };
}

export async function checkSeed(seed: number, maxTokens: number, nativeSeconds = 5): Promise<SeedResult> {
  const file = generate(seed);
  const native = runNative(
    buildNative(file),
    `csmith_${seed}`,
    { args: [], stdin: new Uint8Array(0) },
    nativeSeconds * 1000,
  );
  if (native.timedOut)
    return { seed, kind: 'skipped', reason: `runs over ${nativeSeconds} s natively (gcc -O1)` };
  let output: Uint8Array;
  let status: number;
  let steps: number;
  try {
    const program = await compileFile(file, { args: [] });
    const ref = runReference(asTokenProgram(program), { maxTokens });
    output = ref.output;
    status = ref.end.status;
    steps = ref.steps;
  } catch (e) {
    return ourSideFailed(seed, e, maxTokens);
  }
  const diff = firstDifference(output, native.output);
  if (diff) return { seed, kind: 'disagree', detail: diff };
  if (status !== native.status)
    return { seed, kind: 'disagree', detail: `exit status ${status}, gcc's build ${native.status}` };
  return { seed, kind: 'agree', output: Buffer.from(output).toString('latin1').trim(), steps };
}
