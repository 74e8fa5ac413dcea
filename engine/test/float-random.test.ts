// Random float programs (engine/test/support/float-programs.ts), a small seeded batch: each
// prints through our compiler and the reference executor, and through V8 on the same .wasm,
// exactly what gcc's native builds print (-O0 and -O2, no fused multiply-add), every result in
// %a and decimal. FLOAT_RANDOM_COUNT sets how many seeds (default 4); npm run test:long runs 100.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { checkFloatSeed, floatProgram, floatProgramDir } from './support/float-programs';
import { nativeBuildDir } from './support/ordinary';

const COUNT = Number(process.env.FLOAT_RANDOM_COUNT ?? 4);
/** The reference executor's budget per program. */
const MAX_TOKENS = 40_000_000;

after(() => {
  rmSync(floatProgramDir(), { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the generator is deterministic per seed and varies between seeds', () => {
  assert.equal(floatProgram(5), floatProgram(5));
  const texts = new Set(Array.from({ length: 20 }, (_, i) => floatProgram(i + 1)));
  assert.equal(texts.size, 20);
  const all = [...texts].join('\n');
  for (const construct of [
    'sqrt(',
    'sub_d(',
    'floorf(',
    ' / ',
    '(float)',
    '(double)',
    'to_i32(',
    'to_u64(',
    ' ? ',
    'u0 >>',
  ])
    assert.ok(all.includes(construct), `20 seeds never generate ${construct}`);
});

test(`random float programs, seeds 1..${COUNT}: the reference executor and V8 agree with gcc`, async (t) => {
  assert.ok(Number.isInteger(COUNT) && COUNT > 0, `FLOAT_RANDOM_COUNT=${process.env.FLOAT_RANDOM_COUNT}`);
  const disagreements: string[] = [];
  let agreeing = 0;
  for (let seed = 1; seed <= COUNT; seed++) {
    const r = await checkFloatSeed(seed, MAX_TOKENS);
    if (r.kind === 'agree') {
      agreeing++;
      t.diagnostic(`seed ${seed}: ${r.tokens.toLocaleString('en-US')} tokens`);
    } else if (r.kind === 'skipped') t.diagnostic(`seed ${seed} skipped: ${r.reason}`);
    else disagreements.push(`seed ${seed}: ${r.detail}`);
  }
  assert.deepEqual(disagreements, []);
  assert.ok(agreeing >= Math.ceil(COUNT / 2), `only ${agreeing} of ${COUNT} seeds ran on both sides`);
});
