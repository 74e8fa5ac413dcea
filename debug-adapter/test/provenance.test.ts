// Where values came from: on every memory read and local read of two programs, the step the
// transformer's lookup head attended to (its selected token's writer) equals the trace decoder's
// last writer; and the runtime's provenance of memory, locals and stack slots names the writer
// a reference-executor run says wrote them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { nativeSkip } from '../../engine/test/support/native';
import { Op } from '../../engine/tokens/opcodes';
import { headLookups } from '../runtime/head-lookups';
import { type Launched, launch } from '../runtime/launch';
import { readWitnesses } from '../runtime/provenance';
import type { StopEvent } from '../runtime/runtime';
import { root } from './support/dap';

const cView = (name: string) => join(root, 'debug-adapter', 'test', 'programs', 'c-view', `${name}.c`);

const next = (r: Launched['runtime']) => new Promise<StopEvent>((resolve) => r.once('stopped', resolve));

/** Launches on the native engine and runs to just before `halt`: the whole run is recorded. */
async function recorded(program: string): Promise<Launched> {
  const l = await launch({ program, engine: 'native' });
  l.runtime.breakpoints.setFunctions([{ name: 'halt' }]);
  const stop = next(l.runtime);
  await l.runtime.continue();
  assert.equal((await stop).reason, 'breakpoint');
  return l;
}

// Recursion: locals of many activations at the same depths; structs: bytes written by stores of
// every width and read back by loads of other widths.
for (const name of ['recursion', 'structs']) {
  test(`${name}: every memory and local read attends to the decoder's last writer`, {
    skip: nativeSkip(),
  }, async () => {
    const l = await recorded(cView(name));
    const r = l.runtime;
    const ctx = r.provenanceContext(headLookups(l.modelFile));
    const ops = r.recording.ops;
    let depth = 0;
    const counts = { memory: 0, local: 0, unwritten: 0 };
    for (let s = 0; s < r.step; s++) {
      const op = ops[r.recording.pcOf(s)];
      for (const w of readWitnesses(ctx, s, depth)) {
        assert.equal(
          w.attention,
          w.decoder,
          `step ${s} (${l.instructions[r.recording.pcOf(s)].op}): ${w.lookup} at position ${w.position} attended to the write of step ${w.attention}, the decoder says ${w.decoder}`,
        );
        counts[w.lookup === 'local_byte' ? 'local' : 'memory']++;
        if (w.decoder === null) counts.unwritten++;
      }
      if (op === Op.call) depth++;
      else if (op === Op.return) depth--;
    }
    // Every byte of every load and every local.get was checked, not a few.
    const ran = Array.from({ length: r.step }, (_, s) => l.instructions[r.recording.pcOf(s)].op);
    const width: Record<string, number> = { 'i32.load': 4, 'i32.load16_u': 2, 'i32.load16_s': 2 };
    const loadBytes = ran.reduce((n, op) => n + (op.startsWith('i32.load') ? (width[op] ?? 1) : 0), 0);
    const localGets = ran.filter((op) => op === 'local.get').length;
    assert.equal(counts.memory, loadBytes);
    assert.equal(counts.local, 4 * localGets);
    assert.ok(counts.memory > 500 && counts.local > 1000, JSON.stringify(counts));
    r.dispose();
  });
}
