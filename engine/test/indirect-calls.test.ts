// Indirect calls (call_indirect, C function pointers): every table slot's outcome against V8 on
// the same module, a call or the right trap (null slot or index past the table: code 5; a function
// of another type: code 6), arguments and results of every kind (none, i32, i64 pairs) with values
// below them on the operand stack, the C programs at every optimization level, the trace decoder's
// call stack inside an indirect callee, and the native transformer generating the reference's tokens.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileC } from '../compiler/clang';
import { asTokenProgram, type CompiledProgram, compileFile, compileWasm } from '../compiler/compile';
import { CompileError } from '../compiler/diagnostics';
import { watToWasm } from '../compiler/wat';
import { buildMachineGraph } from '../machine/interpreter';
import { generateNative, openNative } from '../model/native-engine';
import { scheduleAsap } from '../schedule/heuristic';
import { promptTokens } from '../tokens/program-file';
import { runReference } from '../vm/reference';
import { TraceDecoder } from '../vm/trace-decoder';
import { describeTrap, TrapCode } from '../vm/traps';
import { buildWeights, finalReads } from '../weights/build';
import { writeModel } from '../weights/file';
import { nativeSkip } from './support/native';
import { runInV8, text } from './support/oracle';
import { argsOf, programsDir } from './support/programs';

// Input: the table index as a character ('0' + index, so '/' is -1), then the type to call it
// with: u (i32) → i32, U (the same type declared twice: equal structurally), b (i32 i32) → i32,
// w (i64 i32) → i64, n () → (). Each call has a value below its arguments on the stack.
const WAT = `(module
  (import "env" "output_byte" (func $out (param i32)))
  (type $unary (func (param i32) (result i32)))
  (type $unary2 (func (param i32) (result i32)))
  (type $binary (func (param i32 i32) (result i32)))
  (type $wide (func (param i64 i32) (result i64)))
  (type $none (func))
  (memory (export "memory") 1)
  (table 8 funcref)
  (type $never (func (param i32 i32 i32)))
  (elem (i32.const 1) $inc $add $pick $hello $inc $unused)
  (func $inc (type $unary) local.get 0 i32.const 1 i32.add)
  (func $add (type $binary) local.get 0 local.get 1 i32.add)
  ;; the i64 with its high word replaced by the i32: moves and i64 shifts by constants only
  (func $pick (type $wide)
    local.get 0 i64.const 0xffffffff i64.and local.get 1 i64.extend_i32_u i64.const 32 i64.shl i64.or)
  (func $hello (type $none) i32.const 72 call $out)
  ;; in the table, but no indirect call has its type
  (func $unused (type $never) i32.const 85 call $out)
  (func $digit (param i32) local.get 0 i32.const 48 i32.add call $out)
  (func (export "compute") (param $p i32) (local $i i32) (local $t i32)
    local.get $p i32.load8_u i32.const 48 i32.sub local.set $i
    local.get $p i32.load8_u offset=1 local.set $t
    block
      local.get $t i32.const 117 i32.ne br_if 0
      i32.const 2 i32.const 4 local.get $i call_indirect (type $unary) i32.add call $digit return
    end
    block
      local.get $t i32.const 85 i32.ne br_if 0
      i32.const 7 local.get $i call_indirect (type $unary2) call $digit return
    end
    block
      local.get $t i32.const 98 i32.ne br_if 0
      i32.const 1 i32.const 2 i32.const 3 local.get $i call_indirect (type $binary) i32.add call $digit return
    end
    block
      local.get $t i32.const 119 i32.ne br_if 0
      ;; the 9 stays below: return unwinds it
      i32.const 9
      i64.const 0x300000006 i32.const 4 local.get $i call_indirect (type $wide)
      i64.const 32 i64.shr_u i32.wrap_i64 call $digit
      return
    end
    local.get $i call_indirect (type $none))
)`;

let compiled: Promise<{ program: CompiledProgram; wasm: Uint8Array }> | undefined;
async function program() {
  compiled ??= (async () => {
    const wasm = await watToWasm(WAT, 'indirect.wat');
    return { program: await compileWasm(wasm, 'indirect.wat', { args: '1u' }), wasm };
  })();
  return compiled;
}

/** Runs the module with `input` on the reference executor and on V8. */
async function run(input: string) {
  const { wasm } = await program();
  const p = await compileWasm(wasm, 'indirect.wat', { args: input });
  const reference = runReference(asTokenProgram(p));
  const v8 = runInV8(p.wasm, p.input, p.inputAddress);
  assert.equal(text(reference.output), text(v8.output), `${input}: output`);
  const trap = reference.trap ? describeTrap(p.instructions, reference.haltPc, reference.callPcs) : undefined;
  return { reference, v8, trap, program: p };
}

test('call_indirect calls the slot’s function with i32, i64 and no arguments, like V8', async () => {
  const cases: [string, string][] = [
    ['1u', '7'], // 2 + inc(4)
    ['5u', '7'], // slot 5 holds inc too
    ['1U', '8'], // a structurally equal type declared twice is the same type
    ['2b', '6'], // 1 + add(2, 3)
    ['3w', '4'], // the high word of pick(0x3_00000006, 4)
    ['4n', 'H'],
  ];
  for (const [input, out] of cases) {
    const { reference, v8 } = await run(input);
    assert.equal(v8.trap, undefined, input);
    assert.equal(reference.trap, undefined, input);
    assert.equal(text(reference.output), out, input);
  }
});

test('a null slot or an index past the table traps with code 5, another type with code 6, as V8 traps', async () => {
  const cases: [string, number, RegExp][] = [
    ['0u', TrapCode.indirectCallNull, /null function/], // slot 0 is null
    ['7b', TrapCode.indirectCallNull, /null function/], // slots past the segment are null
    ['7n', TrapCode.indirectCallNull, /null function/],
    ['6n', TrapCode.indirectCallSignature, /signature mismatch/], // $unused
    ['8u', TrapCode.indirectCallNull, /table index is out of bounds/], // the table has 8 slots
    ['Zu', TrapCode.indirectCallNull, /table index is out of bounds/],
    ['/u', TrapCode.indirectCallNull, /table index is out of bounds/], // -1: unsigned, far past
    ['2u', TrapCode.indirectCallSignature, /signature mismatch/],
    ['1b', TrapCode.indirectCallSignature, /signature mismatch/],
    ['1n', TrapCode.indirectCallSignature, /signature mismatch/],
    ['4w', TrapCode.indirectCallSignature, /signature mismatch/],
    ['3U', TrapCode.indirectCallSignature, /signature mismatch/],
  ];
  for (const [input, code, v8Message] of cases) {
    const { v8, trap } = await run(input);
    assert.match(v8.trap ?? 'no trap', v8Message, input);
    assert.equal(trap?.code, code, `${input}: ${trap?.description}`);
  }
  const { trap } = await run('8u');
  assert.match(trap?.message ?? '', /table index is out of bounds/);
  assert.match((await run('2u')).trap?.message ?? '', /signature mismatch/);
});

test('only the functions of the table an indirect call can reach are compiled, each once', async () => {
  const { program: p } = await program();
  const names = p.sourceMap.data.functions.map((f) => f.name);
  for (const fn of ['inc', 'add', 'pick', 'hello', 'digit'])
    assert.equal(names.filter((n) => n === fn).length, 1, `${fn} in ${names.join(', ')}`);
  assert.ok(!names.includes('unused'), 'a table function no indirect call can call is left out');
});

test('an import in the table is refused where an indirect call could reach it', async () => {
  const src = `(module
    (import "env" "output_byte" (func $out (param i32)))
    (table 2 funcref) (elem (i32.const 0) $out $f)
    (func $f (param i32))
    (func (export "compute") i32.const 65 i32.const 0 call_indirect (param i32)))`;
  await assert.rejects(compileWasm(await watToWasm(src, 'import.wat'), 'import.wat'), (e: unknown) => {
    assert.ok(e instanceof CompileError);
    assert.match(e.message, /call_indirect may call import output_byte/);
    return true;
  });
});

const cPrograms = ['fn_qsort.c', 'fn_handlers.c'];

test('the C function-pointer programs print what V8 prints at -O0, -O1, -O2 and -Os', async () => {
  for (const name of cPrograms) {
    const file = join(programsDir, name);
    const args = argsOf(readFileSync(file, 'utf8'));
    for (const level of ['-O0', '-O1', '-O2', '-Os']) {
      const wasm = compileC(file, [level]);
      const p = await compileWasm(wasm, file, { args });
      const reference = runReference(asTokenProgram(p), { maxTokens: 20_000_000 });
      const v8 = runInV8(p.wasm, p.input, p.inputAddress);
      assert.equal(v8.trap, undefined, `${name} ${level}`);
      assert.ok(v8.output.length > 0);
      assert.equal(text(reference.output), text(v8.output), `${name} ${level}`);
    }
  }
});

test('the trace decoder sees an indirect callee as an ordinary call from the caller', async () => {
  const p = await compileFile(join(programsDir, 'fn_qsort.c'), { args: '3 1 2' });
  const decoder = new TraceDecoder(p.instructions);
  const reference = runReference(asTokenProgram(p));
  const byName = (name: string) => p.sourceMap.data.functions.find((f) => f.name === name);
  const asc = byName('asc');
  assert.ok(asc, 'the comparator is compiled');
  let seen = 0;
  for (const token of reference.trace) {
    decoder.feed(token);
    const pc = decoder.pc;
    if (pc < asc.start || pc >= asc.end) continue;
    // Inside asc: the innermost frame's call instruction is in my_qsort (or inlined into compute).
    const callPc = decoder.frames[decoder.frames.length - 1]?.callPc ?? -1;
    const caller = p.sourceMap.functionAt(callPc);
    assert.ok(caller && caller.kind === 'function' && caller.name !== 'asc', `caller ${caller?.name}`);
    assert.equal(p.instructions[callPc].op, 'call');
    assert.equal(p.sourceMap.instruction(callPc)?.kind, 'body', 'the call is the C call');
    seen++;
  }
  assert.ok(seen > 0, 'asc ran');
});

const skip = nativeSkip();

test('the native transformer generates the reference executor’s tokens for a qsort with comparators', {
  skip,
}, async () => {
  const p = await compileFile(join(programsDir, 'fn_qsort.c'), { args: '4 -2 9' });
  const tp = asTokenProgram(p);
  const trace = runReference(tp).trace;
  const expected = Int32Array.from(trace.subarray(tp.input ? tp.input.length + 2 : 0));
  const machine = buildMachineGraph('universal');
  const model = buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine)));
  const work = mkdtempSync(join(tmpdir(), 'tvm-indirect-'));
  try {
    const file = join(work, 'model.tvmw');
    writeModel(file, model);
    const r = await generateNative(openNative(file), promptTokens(tp), { expected });
    assert.equal(r.mismatch, undefined, JSON.stringify(r.mismatch));
    assert.ok(r.halted);
    assert.equal(r.tokens.length, expected.length);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a bad function pointer in C traps like V8, at the C line of the call', async () => {
  const file = join(programsDir, 'traps', 'bad_call.c');
  const lines = readFileSync(file, 'utf8').split('\n');
  const lineOf = (name: string) => lines.findIndex((l) => l.includes(`// @line: ${name}`)) + 1;
  const cases: [string, number, RegExp, string][] = [
    ['n', TrapCode.indirectCallNull, /null function/, 'CALL'],
    ['r', TrapCode.indirectCallNull, /table index is out of bounds/, 'CALL'],
    ['s', TrapCode.indirectCallSignature, /signature mismatch/, 'CALL_TWO'],
  ];
  for (const [input, code, v8Message, line] of cases) {
    const p = await compileFile(file, { args: input });
    const reference = runReference(asTokenProgram(p));
    const v8 = runInV8(p.wasm, p.input, p.inputAddress);
    assert.equal(text(reference.output), 'before\n', input);
    assert.equal(text(v8.output), 'before\n', input);
    assert.match(v8.trap ?? 'no trap', v8Message, input);
    const trap = describeTrap(p.instructions, reference.haltPc, reference.callPcs, p.sourceMap);
    assert.equal(trap?.code, code, input);
    assert.equal(trap?.line, lineOf(line), `${input}: ${trap?.description}`);
    assert.match(trap?.description ?? '', /^indirect call .* in call_(it|two)\(\) at bad_call\.c:\d+$/);
    // The trace decoder, reading the same trace, stops at the same trap.
    const decoder = new TraceDecoder(p.instructions);
    decoder.feedAll(reference.trace);
    assert.deepEqual(decoder.trap(p.sourceMap), trap);
  }
  const good = await compileFile(file, { args: 'g' });
  assert.equal(text(runReference(asTokenProgram(good)).output), 'before\n42\nafter\n');
});
