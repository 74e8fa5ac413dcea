// The ordinary-C corpus (engine/test/ordinary/*.c) against oracles no one here wrote: each program
// built by gcc against glibc and run with its header's argv and stdin gives the output bytes
// (stdout and stderr in order) and exit status that our compiler + reference executor must give,
// and that V8 running the same .wasm must give; then the transformer (native engine) must
// generate the reference executor's tokens exactly, here for the programs with the shortest
// traces (a budget of tokens keeps this file to a few minutes), all of them in npm run test:long.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { buildMachineGraph } from '../machine/interpreter';
import { generateNative, openNative } from '../model/native-engine';
import { scheduleAsap } from '../schedule/heuristic';
import { promptTokens, type TokenProgram } from '../tokens/program-file';
import { runReference } from '../vm/reference';
import { buildWeights, finalReads } from '../weights/build';
import { writeModel } from '../weights/file';
import { nativeSkip } from './support/native';
import { runInV8 } from './support/oracle';
import { firstDifference, nativeBuildDir, nativeRunOf, ordinaryPrograms } from './support/ordinary';

/** Trace tokens the transformer generates in this file (~150k tokens/s on one core). */
const TRANSFORMER_TOKEN_BUDGET = 6_000_000;
/** The transformer must be checked on at least this many programs within the budget. */
const MIN_TRANSFORMER_PROGRAMS = 20;

const programs = ordinaryPrograms();
const work = mkdtempSync(join(tmpdir(), 'tvm-ordinary-'));
after(() => {
  rmSync(work, { recursive: true, force: true });
  const dir = nativeBuildDir();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Checked {
  readonly name: string;
  readonly program: TokenProgram;
  readonly trace: Int32Array;
}
const agreed: Checked[] = [];

test('the corpus has at least 45 programs', () => {
  assert.ok(programs.length >= 45, `${programs.length} programs`);
});

for (const p of programs) {
  test(`${p.name}: our machine and V8 print and exit as gcc's build does`, async () => {
    const native = nativeRunOf(p);
    assert.ok(native.output.length > 0, 'the program prints something');
    const compiled = await compileFile(p.file, { args: p.args, stdin: p.stdin });
    assert.equal(compiled.entry, 'main');
    const program = asTokenProgram(compiled);
    const ref = runReference(program, { maxTokens: 20_000_000 });
    const diff = firstDifference(ref.output, native.output);
    assert.equal(diff, undefined, `reference executor vs gcc: ${diff}`);
    assert.equal(ref.end.status, native.status, `exit status (${ref.end.description})`);
    const v8 = runInV8(compiled.wasm, compiled.input, compiled.inputAddress);
    const v8diff = firstDifference(v8.output, native.output);
    assert.equal(v8diff, undefined, `V8 vs gcc: ${v8diff}`);
    assert.equal(v8.status, native.status, `V8's exit status${v8.trap ? ` (${v8.trap})` : ''}`);
    agreed.push({ name: p.name, program, trace: ref.trace });
  });
}

test('the transformer generates the reference tokens of the shortest-running programs', {
  skip: nativeSkip(),
}, async () => {
  const machine = buildMachineGraph('universal');
  const modelFile = join(work, 'model.tvmw');
  writeModel(modelFile, buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine))));
  const bySize = [...agreed].sort((a, b) => a.trace.length - b.trace.length);
  const chosen: Checked[] = [];
  let spent = 0;
  for (const c of bySize) {
    if (spent + c.trace.length > TRANSFORMER_TOKEN_BUDGET) break;
    spent += c.trace.length;
    chosen.push(c);
  }
  assert.ok(
    chosen.length >= MIN_TRANSFORMER_PROGRAMS,
    `only ${chosen.length} programs fit the transformer's budget (of ${agreed.length} that agreed with gcc)`,
  );
  for (const c of chosen) {
    const skipInput = c.program.input ? c.program.input.length + 2 : 0;
    const expected = c.trace.subarray(skipInput);
    const r = await generateNative(openNative(modelFile), promptTokens(c.program), { expected });
    assert.equal(r.mismatch, undefined, `${c.name}: ${JSON.stringify(r.mismatch)}`);
    assert.ok(r.halted, `${c.name} halted`);
    assert.equal(r.tokens.length, expected.length, c.name);
  }
});
