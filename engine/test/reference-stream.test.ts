// The reference trace as a stream (engine/vm/reference-stream.ts): chunks of any size from
// take(n), and tokens from next(), concatenate to runReference's trace; the scout that keeps no
// tokens counts the same length and throws runReference's errors (the token limit, a fault).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { parseProgram } from '../tokens/program-file';
import { MachineError, runReference } from '../vm/reference';
import { REFERENCE_END, ReferenceScout, ReferenceStream } from '../vm/reference-stream';

const work = mkdtempSync(join(tmpdir(), 'tvm-ref-stream-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('take(n) in uneven chunks and next() give runReference trace; the scout its length', async () => {
  const file = join(work, 'sum.c');
  writeFileSync(
    file,
    '#include <stdio.h>\nint main(void) { int s = 0, c; while ((c = getchar()) != EOF) s += c; printf("%d\\n", s); return 0; }\n',
  );
  const program = asTokenProgram(await compileFile(file, { stdin: new TextEncoder().encode('a few bytes') }));
  const whole = runReference(program).trace;
  const stream = new ReferenceStream(program.instructions, program.input, 0);
  const got: number[] = [];
  for (let n = 1; ; n = (n * 7) % 1000 || 1) {
    const chunk = stream.take(n);
    got.push(...chunk);
    assert.equal(stream.position, got.length);
    if (chunk.length < n) break;
  }
  assert.deepEqual(got, Array.from(whole));
  assert.equal(stream.take(10).length, 0, 'nothing after the end');
  assert.equal(stream.failure, undefined);
  const byToken = new ReferenceStream(program.instructions, program.input, 5);
  const rest: number[] = [];
  for (let t = byToken.next(); t !== REFERENCE_END; t = byToken.next()) rest.push(t);
  assert.deepEqual(rest, Array.from(whole.subarray(5)), 'skip, then a token at a time');

  const scout = new ReferenceScout(program.instructions, program.input, whole.length);
  while (!scout.halted) scout.run(333);
  assert.equal(scout.tokens, whole.length);
  const limit = Math.floor(whole.length / 2);
  assert.throws(
    () => new ReferenceScout(program.instructions, program.input, limit).run(whole.length),
    (e: unknown) => {
      assert.ok(e instanceof MachineError);
      assert.throws(() => runReference(program, { maxTokens: limit }), { message: e.message });
      return /no 'halt' after/.test(e.message);
    },
  );
});

test('a program that never halts: the scout stops at the limit as runReference does', () => {
  const spin = parseProgram('{\nbr ff ff ff ff\n}\n', 'spin.tvm');
  const scout = new ReferenceScout(spin.instructions, null, 10_000);
  assert.throws(() => {
    for (;;) scout.run(1000);
  }, /no 'halt' after 10,000 trace tokens/);
  assert.ok(scout.tokens > 10_000 && scout.tokens < 10_100);
});
