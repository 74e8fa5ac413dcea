// The trace decoder rebuilds, from tokens alone, the state the reference executor had at every step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { loadManifest } from '../manifest';
import { commitToken, T_BRANCH_TAKEN, T_HALT, tokenId } from '../tokens/vocabulary';
import { ReferenceMachine, runReference } from '../vm/reference';
import { TokenBuffer } from '../vm/token-buffer';
import { type MachineEvent, stateAtStep, TraceDecodeError, TraceDecoder } from '../vm/trace-decoder';

const examples = loadManifest();
// newton_sqrt's 1.6M tokens (soft-float helpers) are as long as sudoku's: decoded in the engines' tests.
const small = examples.filter((e) => !['sudoku', 'min_cost_matching', 'newton_sqrt'].includes(e.name));

for (const ex of small) {
  test(`${ex.name}: decoded state equals the reference state after every instruction`, async () => {
    const program = await compileFile(ex.file, { args: ex.args });
    const machine = new ReferenceMachine(program.instructions, program.input);
    const decoder = new TraceDecoder(program.instructions);
    const out = new TokenBuffer();
    let fed = 0;
    while (!machine.halted) {
      machine.step(out);
      for (; fed < out.length; fed++) decoder.feed(out.at(fed));
      assert.equal(decoder.step, machine.steps);
      assert.equal(decoder.pc, machine.pc, `pc after step ${machine.steps}`);
      assert.deepEqual(decoder.stack, machine.stack, `stack after step ${machine.steps}`);
      assert.equal(decoder.frames.length, machine.frames.length);
      assert.deepEqual(
        decoder.locals.map((v) => v ?? 0),
        machine.locals.map((v) => v ?? 0),
      );
    }
    assert.equal(decoder.halted, true);
    assert.deepEqual(Array.from(decoder.output), machine.output);
    for (const page of machine.memory.pageAddresses()) {
      assert.deepEqual(
        decoder.memory.read(page, 65536),
        machine.memory.read(page, 65536),
        `memory page ${page}`,
      );
    }
    assert.equal(decoder.stepStarts.length, machine.steps);
  });
}

test('sudoku: the decoder follows the whole trace to the same output and memory', async () => {
  const ex = examples.find((e) => e.name === 'sudoku')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const run = runReference(asTokenProgram(program));
  const decoder = new TraceDecoder(program.instructions);
  decoder.feedAll(run.trace);
  assert.equal(decoder.halted, true);
  assert.equal(decoder.step, run.steps);
  assert.deepEqual(Uint8Array.from(decoder.output), run.output);
});

test('events: pushes, pops, calls, returns, memory writes and output come from the tokens', async () => {
  const ex = examples.find((e) => e.name === 'hello')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const run = runReference(asTokenProgram(program));
  const counts = new Map<string, number>();
  const decoder = new TraceDecoder(program.instructions, (e: MachineEvent) =>
    counts.set(e.type, (counts.get(e.type) ?? 0) + 1),
  );
  decoder.feedAll(run.trace);
  assert.equal(counts.get('output'), run.output.length);
  assert.equal(counts.get('step'), run.steps);
  assert.equal(counts.get('halt'), 1);
  assert.equal(counts.get('call'), counts.get('return'), 'every call returns before halt');
  assert.ok((counts.get('memory') ?? 0) > 0);
});

test('a token that no machine could emit is reported at its position', async () => {
  const ex = examples.find((e) => e.name === 'hello')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const run = runReference(asTokenProgram(program));
  const corruptions: [string, (t: Int32Array) => number][] = [
    ['a commit where a byte belongs', (t) => t.findIndex((id, i) => i > 20 && id === tokenId('00'))],
    ['halt in the middle', (t) => t.findIndex((id, i) => i > 30 && id === commitToken(1, 1, 0))],
    [
      'branch_taken on a value instruction',
      (t) => t.findIndex((id, i) => i > 40 && id === commitToken(-1, 1, 0)),
    ],
  ];
  const replacement = [commitToken(1, 1, 0), T_HALT, T_BRANCH_TAKEN];
  corruptions.forEach(([what, find], k) => {
    const tokens = run.trace.slice();
    const at = find(tokens);
    assert.ok(at > 0, what);
    tokens[at] = replacement[k];
    const decoder = new TraceDecoder(program.instructions);
    assert.throws(
      () => decoder.feedAll(tokens),
      (e: unknown) => e instanceof TraceDecodeError && e.position === at,
      what,
    );
  });
});

test('stateAtStep rebuilds the state at any earlier step', async () => {
  const ex = examples.find((e) => e.name === 'collatz')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const run = runReference(asTokenProgram(program));
  const machine = new ReferenceMachine(program.instructions, program.input);
  const out = new TokenBuffer();
  const probes = new Set([0, 1, 2, 17, 500, Math.floor(run.steps / 2), run.steps - 1, run.steps]);
  for (let step = 0; step <= run.steps; step++) {
    if (probes.has(step)) {
      const state = stateAtStep(program.instructions, run.trace, step);
      assert.equal(state.pc, machine.pc, `pc at step ${step}`);
      assert.deepEqual(state.stack, machine.stack, `stack at step ${step}`);
      assert.deepEqual(Array.from(state.output), machine.output, `output at step ${step}`);
    }
    if (!machine.halted) machine.step(out);
  }
  assert.throws(() => stateAtStep(program.instructions, run.trace, run.steps + 1), /has \d+ instructions/);
});
