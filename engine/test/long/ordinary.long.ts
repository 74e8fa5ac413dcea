// npm run test:long: the transformer (native engine) generates the reference executor's tokens
// for every program of the ordinary-C corpus (npm test does the shortest-running ones), and the
// reference executor's output and exit status still match gcc's build.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../../compiler/compile';
import { buildMachineGraph } from '../../machine/interpreter';
import { generateNative, loadNative, openNative } from '../../model/native-engine';
import { scheduleAsap } from '../../schedule/heuristic';
import { promptTokens } from '../../tokens/program-file';
import { runReference } from '../../vm/reference';
import { buildWeights, finalReads } from '../../weights/build';
import { writeModel } from '../../weights/file';
import { firstDifference, nativeBuildDir, nativeRunOf, ordinaryPrograms } from '../support/ordinary';

const native = loadNative();
if (!native.ok) throw new Error(`npm run test:long needs the native engine: ${native.reason}`);
const work = mkdtempSync(join(tmpdir(), 'tvm-ordinary-long-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const machine = buildMachineGraph('universal');
const modelFile = join(work, 'model.tvmw');
writeModel(modelFile, buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine))));

for (const p of ordinaryPrograms()) {
  test(`${p.name}: the transformer generates the reference tokens, which print what gcc's build prints`, async () => {
    const program = asTokenProgram(await compileFile(p.file, { args: p.args, stdin: p.stdin }));
    const ref = runReference(program, { maxTokens: 20_000_000 });
    const gcc = nativeRunOf(p);
    const diff = firstDifference(ref.output, gcc.output);
    assert.equal(diff, undefined, `reference executor vs gcc: ${diff}`);
    assert.equal(ref.end.status, gcc.status, 'exit status');
    const expected = ref.trace.subarray(program.input ? program.input.length + 2 : 0);
    const r = await generateNative(openNative(modelFile), promptTokens(program), { expected });
    assert.equal(r.mismatch, undefined, JSON.stringify(r.mismatch));
    assert.ok(r.halted);
    assert.equal(r.tokens.length, expected.length);
  });
}
