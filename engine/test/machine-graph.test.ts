// The machine graph as a value: readable names, its size, and how a run reports a divergence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { asTokenProgram, compileFile } from '../compiler/compile';
import { buildMachineGraph } from '../machine/interpreter';
import { describeMismatch, MachineRunner, runGraph } from '../machine/run';
import { loadManifest } from '../manifest';
import { promptTokens } from '../tokens/program-file';
import { tokenId } from '../tokens/vocabulary';
import { runReference } from '../vm/reference';
import { runTool } from './support/cli';

const work = mkdtempSync(join(tmpdir(), 'tvm-graph-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('every dimension and lookup has a readable name; the graph reports its size', () => {
  const m = buildMachineGraph('universal');
  const unnamed = m.graph.dims.filter((d) => /^(reglu|persist|step|mul)\d+$/.test(d.name));
  assert.deepEqual(
    unnamed.map((d) => d.name),
    [],
  );
  for (const n of [
    'stack_top',
    'memory_byte_dirty',
    'local_byte',
    'call_stack_byte',
    'opcode',
    'cursor.mean',
    'depths.mean',
  ]) {
    assert.ok(
      m.graph.lookups.some((l) => l.name === n),
      `lookup ${n}`,
    );
  }
  const s = m.graph.stats();
  assert.equal(s.dims, s.inputs + s.reglu + s.persist + s.lookupValues);
  assert.ok(s.lookups >= 15 && s.lookups <= 30, `${s.lookups} lookups`);
  for (const n of ['cursor', 'stack_depth', 'call_depth', 'byte_index', 'result_byte', 'stack_top_value']) {
    assert.ok(m.named.has(n), `named quantity ${n}`);
  }
});

test('named quantities follow the machine: cursor, stack depth and call depth against the reference', async () => {
  const ex = loadManifest().find((e) => e.name === 'fibonacci')!;
  const program = asTokenProgram(await compileFile(ex.file, { args: ex.args }));
  const reference = runReference(program);
  const runner = new MachineRunner(buildMachineGraph('universal'));
  for (const t of promptTokens(program)) runner.feed(t);
  // After the prompt (input section included) the machine is at instruction 1 with an empty stack.
  assert.equal(Math.round(runner.value('cursor')), 1);
  assert.equal(Math.round(runner.value('stack_depth')), 0);
  assert.equal(Math.round(runner.value('call_depth')), 0);
  const inputLen = program.input!.length + 2;
  let maxDepth = 0;
  for (const t of reference.trace.subarray(inputLen, inputLen + 5000)) {
    runner.feed(t);
    maxDepth = Math.max(maxDepth, Math.round(runner.value('call_depth')));
  }
  assert.ok(maxDepth >= 2, 'calls into printf and deeper were followed');
});

test('a divergence is reported at the first differing token with both tokens', async () => {
  const ex = loadManifest().find((e) => e.name === 'hello')!;
  const program = asTokenProgram(await compileFile(ex.file, { args: ex.args }));
  const reference = runReference(program);
  const inputLen = program.input!.length + 2;
  const expected = reference.trace.slice(inputLen);
  const at = expected.indexOf(tokenId('out(H)'));
  expected[at] = tokenId('out(J)');
  const prompt = promptTokens(program);
  const run = runGraph(buildMachineGraph('universal'), prompt, { expected });
  assert.equal(run.halted, false);
  assert.deepEqual(run.mismatch, { index: at, expected: tokenId('out(J)'), actual: tokenId('out(H)') });
  assert.equal(
    describeMismatch(run.mismatch!, prompt.length),
    `first mismatch at token ${prompt.length + at} (generated #${at}): expected 'out(J)', got 'out(H)'`,
  );
});

test('wasm-eval rejects what the graph does not implement, with the instruction named', () => {
  writeFileSync(
    join(work, 'globals.tvm'),
    '{\ni32.const 05 00 00 00\nglobal.set 00 00 00 00\nhalt 00 00 00 00\n}\n',
  );
  const r = runTool('wasm-eval', ['globals.tvm'], work);
  assert.notEqual(r.code, 0);
  assert.match(
    r.stderr,
    /globals\.tvm: instruction 1 is global\.set, which the machine graph does not implement/,
  );
});
