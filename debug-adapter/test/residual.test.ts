// The Residual stream scope over DAP: at stops going forward and after stepping back, the token
// the output scores choose is the trace's next token (from the reference executor), by a positive
// margin; the machine graph's cursor, stack depth and call depth read from the residual stream
// equal the trace decoder's; the "written by" rows name heads and neurons whose weights really
// write the quantity's slot; and a request beyond the replay limit is refused, saying its cost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { compileFile } from '../../engine/compiler/compile';
import { nativeSkip } from '../../engine/test/support/native';
import { tokenText } from '../../engine/tokens/vocabulary';
import { runReference } from '../../engine/vm/reference';
import { stateAtStep } from '../../engine/vm/trace-decoder';
import type { TransformerModel } from '../../engine/weights/model';
import { universalModel } from '../../engine/weights/universal';
import { DEBUG_OPTIMIZE_DEFAULT } from '../runtime/launch-options';
import { after, example, lineOf, scope, startSession } from './support/dap';

const fib = example('fibonacci');
const ARGS = '6';

async function children(dc: DebugClient, ref: number): Promise<DebugProtocol.Variable[]> {
  return (await dc.variablesRequest({ variablesReference: ref })).body.variables;
}

const row = (rows: DebugProtocol.Variable[], name: string) => {
  const r = rows.find((x) => x.name === name);
  assert.ok(r, `row '${name}' in ${rows.map((x) => `${x.name}: ${x.value}`).join(', ')}`);
  return r;
};

async function residualScope(dc: DebugClient): Promise<DebugProtocol.Variable[]> {
  const scopes = await dc.scopesRequest({ frameId: 0 });
  const s = scopes.body.scopes.find((x) => x.name === 'Residual stream');
  assert.ok(s, 'a Residual stream scope');
  assert.equal(s.expensive, true, 'fetched only when expanded');
  return children(dc, s.variablesReference);
}

/** A prefix sum read from the stream: within rounding noise of an integer, and that integer. */
function integerOf(shown: string, what: string): number {
  const v = Number(shown);
  assert.ok(Number.isFinite(v), `${what}: '${shown}' is a number`);
  assert.ok(Math.abs(v - Math.round(v)) < 1e-6, `${what}: ${v} is an integer within rounding noise`);
  return Math.round(v);
}

/** Checks the "written by" rows of a quantity against the model's own weights. */
function checkWriters(model: TransformerModel, slot: number, layer: number, rows: DebugProtocol.Variable[]) {
  const d = model.dModel;
  let realWriters = 0;
  for (const r of rows) {
    if (r.name === 'embedding') continue;
    const m = /^layer (\d+) (?:head (\d+)|neurons? (\d+)(?:–(\d+))?)$/.exec(r.name);
    assert.ok(m, `writer row '${r.name}'`);
    const l = Number(m[1]);
    assert.ok(l <= layer, `written at layer ${l}, no later than ${layer}`);
    const w = model.layers[l];
    if (m[2] !== undefined) {
      const h = Number(m[2]);
      assert.ok(h < model.heads && w.heads[h].kind !== 'unused', `head ${h} exists`);
      assert.ok(
        w.output[2 * h * d + slot] !== 0 || w.output[(2 * h + 1) * d + slot] !== 0,
        `layer ${l} head ${h} writes slot ${slot}`,
      );
      if (!/erases/.test(r.value)) assert.ok(r.value.startsWith(w.heads[h].lookup), r.value);
    } else {
      const first = Number(m[3]);
      const last = m[4] === undefined ? first : Number(m[4]);
      assert.ok(last < model.dFfn);
      for (let j = first; j <= last; j++)
        assert.notEqual(w.down[j * d + slot], 0, `layer ${l} neuron ${j} writes slot ${slot}`);
    }
    if (!/erase/.test(r.value)) realWriters++;
  }
  assert.ok(realWriters > 0, 'some head or neuron writes the value');
}

for (const engine of ['native', 'js'] as const) {
  test(`the Residual stream scope matches the trace and the decoder (${engine} engine)`, {
    skip: engine === 'native' ? nativeSkip() : false,
  }, async () => {
    const compiled = await compileFile(fib, { args: ARGS, optimize: DEBUG_OPTIMIZE_DEFAULT });
    const program = {
      instructions: compiled.instructions,
      input: compiled.input,
      specialized: false,
      trace: new Int32Array(0),
    };
    const trace = runReference(program).trace;
    const promptLength = compiled.instructions.length * 5 + 2;
    const model = (await universalModel()).model;
    const { dc, first } = await startSession(
      { program: fib, args: ARGS, engine },
      { lines: { path: fib, breakpoints: [{ line: lineOf(fib, 'printf("F(%d) = %d\\n", i, a);') }] } },
    );
    try {
      assert.equal(first.event, 'stopped');
      const seen = new Set<number>();
      const check = async (label: string) => {
        const machine = await scope(dc, 'Machine');
        const step = Number(machine.get('step'));
        const ref = stateAtStep(compiled.instructions, trace, step);
        assert.equal(Number(machine.get('cursor')), ref.pc, `${label}: the Machine scope is the reference's`);
        const rows = await residualScope(dc);
        // The position whose forward pass chose this step's first token, and that token.
        const position = promptLength + ref.position - 1;
        assert.equal(Number(row(rows, 'position').value.split(' ')[0]), position, `${label}: position`);
        const output = await children(dc, row(rows, 'output').variablesReference);
        assert.equal(
          row(output, 'token').value,
          `'${tokenText(trace[ref.position])}'`,
          `${label}: chosen token`,
        );
        assert.ok(Number(row(output, 'margin').value) > 0, `${label}: positive margin`);
        assert.equal(
          Number(row(output, 'score').value) - Number(row(output, 'runner-up score').value),
          Number(row(output, 'margin').value),
        );
        assert.match(row(output, 'trace').value, /the token chosen/);
        // Named quantities against the decoder, in every layer whose stream holds them.
        const found = { cursor: 0, stack_depth: 0, call_depth: 0 };
        for (let l = 0; l < model.layers.length; l++) {
          const layer = await children(dc, row(rows, `layer ${l}`).variablesReference);
          for (const q of layer) {
            const expected =
              q.name === 'cursor'
                ? ref.pc
                : q.name === 'stack_depth'
                  ? ref.stack.length
                  : q.name === 'call_depth'
                    ? ref.frames.length
                    : undefined;
            if (expected === undefined) continue;
            assert.equal(
              integerOf(q.value, `${label}: ${q.name} after layer ${l}`),
              expected,
              `${label}: ${q.name} after layer ${l}`,
            );
            found[q.name as keyof typeof found]++;
            const slot = Number(/\[slot (\d+)\]/.exec(q.type ?? '')?.[1]);
            assert.ok(Number.isInteger(slot), `${q.name}'s slot in '${q.type}'`);
            checkWriters(model, slot, l, await children(dc, q.variablesReference));
          }
        }
        for (const [name, n] of Object.entries(found)) assert.ok(n > 0, `${label}: ${name} is in some layer`);
        seen.add(step);
      };
      await check('first stop');
      for (let i = 0; i < 3; i++) {
        const e = await after(dc, () => dc.continueRequest({ threadId: 1 }));
        assert.equal(e.body.reason, 'breakpoint');
        await check(`stop ${i + 2}`);
      }
      for (let i = 0; i < 3; i++) {
        await after(dc, () => dc.stepBackRequest({ threadId: 1, granularity: 'instruction' }));
        await check(`step back ${i + 1}`);
      }
      await after(dc, () => dc.reverseContinueRequest({ threadId: 1 }));
      await check('reverse continue');
      assert.ok(seen.size >= 7, `distinct steps checked: ${[...seen].join(', ')}`);
    } finally {
      await dc.stop();
    }
  });
}

test('beyond the replay limit the Residual stream is refused, saying what it would cost', async () => {
  const saved = process.env.TVM_RESIDUAL_REPLAY_LIMIT;
  process.env.TVM_RESIDUAL_REPLAY_LIMIT = '1000';
  try {
    const { dc, first } = await startSession(
      { program: fib, args: ARGS, engine: 'js' },
      { lines: { path: fib, breakpoints: [{ line: lineOf(fib, 'printf("F(%d) = %d\\n", i, a);') }] } },
    );
    try {
      assert.equal(first.event, 'stopped');
      const rows = await residualScope(dc);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].name, 'not computed');
      const m =
        /replaying ([\d,]+) tokens on the JS engine \(about [\d.]+ s at [\d,]+ tokens\/s\), more than the limit of 1,000/.exec(
          rows[0].value,
        );
      assert.ok(m, rows[0].value);
      const machine = await scope(dc, 'Machine');
      assert.equal(
        Number(m[1].replace(/,/g, '')),
        Number(machine.get('token position')),
        'the tokens up to the stop',
      );
    } finally {
      await dc.stop();
    }
  } finally {
    if (saved === undefined) delete process.env.TVM_RESIDUAL_REPLAY_LIMIT;
    else process.env.TVM_RESIDUAL_REPLAY_LIMIT = saved;
  }
});
