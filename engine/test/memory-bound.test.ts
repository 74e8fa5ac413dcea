// Issue 15's memory bound, checked in `npm test` without a 100M-token run: wasm-run on
// examples/long/life.c (5.6M generated tokens) in a child process may peak at most 64 bytes per
// generated token above the same harness's peak on hello (native engine), and the JS engine at most
// 128 B/token on a shorter run of the same program. A bound on memory, not a timing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadNative } from '../model/native-engine';
import { measureBound, ROOT } from './support/memory-bound';

const LIFE = join(ROOT, 'examples', 'long', 'life.c');

test('wasm-run (native) on a 5.6M-token program stays within base + 64 B/token', async (t) => {
  // Without the native engine wasm-run would fall back to the JS engine: the bound is the native one's.
  const native = loadNative();
  assert.ok(native.ok, `the memory bound test needs the native engine: ${native.ok ? '' : native.reason}`);
  const r = await measureBound('native', 'life.c', [LIFE]);
  t.diagnostic(r.summary);
  assert.ok(r.tokens >= 5_000_000, `life.c should generate at least 5M tokens: ${r.summary}`);
  assert.ok(r.peak <= r.limit, r.summary);
});

test('wasm-run --engine js on a 1.4M-token run stays within base + 128 B/token', async (t) => {
  // 4 generations of life.c: the JS engine is slower, so a shorter run of the same program.
  const r = await measureBound('js', 'life.c --args 4', [LIFE, '--args', '4']);
  t.diagnostic(r.summary);
  assert.ok(r.tokens >= 1_000_000, `the JS run should generate at least 1M tokens: ${r.summary}`);
  assert.ok(r.peak <= r.limit, r.summary);
});
