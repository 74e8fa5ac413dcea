// npm run test:long: the 100M-token program. wasm-run (native) runs examples/long/primes.c
// (119.5M generated tokens) writing its trace with --trace, and that file must equal, byte for
// byte, the NAME_ref.tvm that wasm-reference writes; both stream, so neither holds the trace. The
// run's peak resident memory must stay within the same harness's peak on hello + 64 B/token.
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadNative } from '../../model/native-engine';
import { BYTES_PER_TOKEN, HELLO, passedTokens, ROOT, WASM_RUN } from '../support/memory-bound';
import { mib, runMeasured } from '../support/peak-rss';

const native = loadNative();
if (!native.ok) throw new Error(`npm run test:long needs the native engine: ${native.reason}`);
const PRIMES = join(ROOT, 'examples', 'long', 'primes.c');
const WASM_REFERENCE = join(ROOT, 'dist', 'cli', 'wasm-reference.js');
const MAX_TOKENS = '300000000';
/**
 * primes.c generates 119.5M tokens: a run whose memory passes the bound for this many is killed at
 * once (the test fails) rather than growing toward the machine's whole memory.
 */
const TOKENS_AT_MOST = 125_000_000;
const work = mkdtempSync(join(tmpdir(), 'tvm-long-primes-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The first byte offset where two files differ, or -1 when they are equal; reads in chunks. */
function firstDifference(a: string, b: string): number {
  const size = statSync(a).size;
  if (size !== statSync(b).size) return Math.min(size, statSync(b).size);
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  const ba = Buffer.alloc(1 << 22);
  const bb = Buffer.alloc(1 << 22);
  try {
    for (let at = 0; at < size; ) {
      const n = readSync(fa, ba, 0, ba.length, at);
      readSync(fb, bb, 0, n, at);
      if (ba.compare(bb, 0, n, 0, n) !== 0) {
        for (let i = 0; i < n; i++) if (ba[i] !== bb[i]) return at + i;
      }
      at += n;
    }
    return -1;
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

test('primes.c, 119.5M tokens: wasm-run --trace equals wasm-reference byte for byte, within base + 64 B/token', async (t) => {
  const traced = join(work, 'primes_run.tvm');
  // wasm-reference writes data/primes_ref.tvm under its working directory: the scratch folder.
  const ref = await runMeasured(WASM_REFERENCE, [PRIMES, '--max-tokens', MAX_TOKENS], { cwd: work });
  assert.equal(ref.status, 0, `wasm-reference failed:\n${ref.stderr}`);
  t.diagnostic(`wasm-reference: ${ref.seconds.toFixed(0)} s, peak RSS ${mib(ref.peakRss)}`);

  const hello = await runMeasured(WASM_RUN, [HELLO, '--engine', 'native']);
  passedTokens(hello, 'hello (native)');
  const rssLimit = hello.peakRss + BYTES_PER_TOKEN.native * TOKENS_AT_MOST;
  const run = await runMeasured(
    WASM_RUN,
    [PRIMES, '--engine', 'native', '--max-tokens', MAX_TOKENS, '--trace', traced],
    { rssLimit },
  );
  assert.ok(
    !run.killedOverLimit,
    `wasm-run on primes.c passed ${mib(rssLimit)} of resident memory and was stopped`,
  );
  const tokens = passedTokens(run, 'primes.c');
  assert.ok(tokens >= 100_000_000, `primes.c should generate at least 100M tokens, not ${tokens}`);
  // The program's own lines, as gcc's build prints them (examples/long/README.md).
  assert.match(run.stdout, /primes up to 260000: 22837, the largest 259993/);
  assert.match(run.stdout, /the hardest, 7426 = 173 \+ 7253/);

  const refFile = join(work, 'data', 'primes_ref.tvm');
  const at = firstDifference(traced, refFile);
  assert.equal(at, -1, `the --trace file differs from wasm-reference's at byte ${at}`);

  const limit = hello.peakRss + BYTES_PER_TOKEN.native * tokens;
  const summary = `primes.c (native): ${tokens.toLocaleString('en-US')} tokens in ${run.seconds.toFixed(0)} s, peak RSS ${mib(run.peakRss)} (base ${mib(hello.peakRss)}), ${((run.peakRss - hello.peakRss) / tokens).toFixed(1)} B/token; bound ${mib(limit)}`;
  t.diagnostic(summary);
  assert.ok(run.peakRss <= limit, summary);
});
