// The source map says where each WebAssembly local and global is in the machine: a program sets
// locals of both types (parameters too) and globals to known values, calls a function, and at
// the call the caller's machine locals and the global words, read where the map says, hold them.
// And where the map marks an instruction's operand stack, a variable DWARF places there is read.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileFile, compileWasm } from '../compiler/compile';
import { SourceMap } from '../compiler/source-map';
import { watToWasm } from '../compiler/wat';
import { formatValue } from '../debug-info/format';
import { cFrameAt, operandBottom } from '../debug-info/frame';
import { runReference } from '../vm/reference';
import { TraceDecoder } from '../vm/trace-decoder';
import { readProgramInfo } from '../wasm/dwarf-info';

const WAT = `(module
  (memory (export "memory") 2)
  (global $sp (mut i32) (i32.const 4096))
  (global $wide (mut i64) (i64.const 0))
  (global $narrow (mut i32) (i32.const 0))
  (func $mark (param i32) (result i32) (local.get 0))
  (func $work (param $a i32) (param $b i64) (param $c i32) (result i32)
    (local $x i32) (local $y i64) (local $z i32)
    (local.set $x (i32.const -7))
    (local.set $y (i64.const 0x123456789abcdef0))
    (local.set $z (i32.add (local.get $a) (local.get $c)))
    (global.set $wide (i64.const -2))
    (global.set $narrow (i32.const 99))
    (call $mark (i32.const 1)))
  (func (export "compute") (param i32)
    (drop (call $work (i32.const 5) (i64.const -3) (i32.const 11)))))`;

/** Words of a WebAssembly value held at machine slots (low word first) as an unsigned integer. */
const wordsValue = (words: number[]) => words.reduceRight((v, w) => (v << 32n) | BigInt(w >>> 0), 0n);

test('WebAssembly locals and globals are where the source map says', async () => {
  const compiled = await compileWasm(await watToWasm(WAT, 'locals.wat'), 'locals.wat');
  const map = SourceMap.parse(JSON.stringify(compiled.sourceMap.toJSON()), 'locals.map.json');
  const work = map.data.functions.find((f) => f.name === 'work');
  // A WAT program has no line table: its functions are the user's, with their locals recorded.
  assert.equal(work?.locals, 'iIiiIi');
  assert.deepEqual(map.localSlots(work!, 1), [1, 2]);
  assert.deepEqual(map.localSlots(work!, 4), [5, 6]);
  assert.deepEqual(map.localSlots(work!, 5), [7]);
  assert.equal(map.localSlots(work!, 6), undefined);
  const mark = map.data.functions.find((f) => f.name === 'mark')!;

  // Run until `mark` is entered: its caller `work` is frame 1, its locals saved in the frame.
  const program = {
    instructions: compiled.instructions,
    input: compiled.input,
    specialized: false,
    trace: new Int32Array(0),
  };
  const { trace } = runReference(program);
  const d = new TraceDecoder(compiled.instructions);
  let i = 0;
  while (!(d.pc >= mark.start && d.pc < mark.end)) d.feed(trace[i++]);
  const saved = d.frames[d.frames.length - 1].savedLocals;
  const local = (k: number) => wordsValue(map.localSlots(work!, k)!.map((s) => saved[s]));
  assert.equal(BigInt.asIntN(32, local(0)), 5n);
  assert.equal(BigInt.asIntN(64, local(1)), -3n);
  assert.equal(local(2), 11n);
  assert.equal(BigInt.asIntN(32, local(3)), -7n);
  assert.equal(local(4), 0x123456789abcdef0n);
  assert.equal(local(5), 16n);
  const global = (k: number) => wordsValue(map.globalWords(k)!.map((a) => d.memory.load(a, 4)));
  assert.equal(BigInt.asIntN(64, global(1)), -2n);
  assert.equal(global(2), 99n);
  assert.equal(map.globalWords(1)?.length, 2);
});

test('locals are recorded for the C functions only, and cost little', async () => {
  const c = await compileFile(join(__dirname, '..', '..', 'examples', 'sudoku.c'));
  const json = c.sourceMap.toJSON();
  for (const f of json.functions) {
    assert.equal(f.locals !== undefined, f.kind === 'function', `${f.name} (${f.kind})`);
  }
  const localsChars = json.functions.reduce((n, f) => n + (f.locals?.length ?? 0), 0);
  assert.ok(localsChars < JSON.stringify(json).length / 100, 'under 1% of the map');
});

test('a map without locals or globals (written before them) is still read', () => {
  const old = {
    version: 1,
    source: 'x.c',
    programHash: 'sha256:0',
    files: [],
    functions: [],
    instructions: [],
  };
  const map = SourceMap.parse(JSON.stringify(old), 'old.map.json');
  assert.equal(map.globalWords(0), undefined);
  assert.throws(
    () => SourceMap.parse(JSON.stringify({ ...old, globals: [[8, 'x']] }), 'bad.map.json'),
    /bad\.map\.json: malformed source map: 'globals'/,
  );
});

test('a variable on the operand stack (-O2) is read from the machine stack where the map marks it', async () => {
  // At -O2 clang inlines sum() into main and keeps `total` on the operand stack while it adds
  // the first squares: DW_OP_WASM_location 0x2 (an entry counted from the bottom).
  const file = join(__dirname, '..', '..', 'debug-adapter', 'test', 'programs', 'c-variables.c');
  const c = await compileFile(file, { optimize: 'O2' });
  const info = readProgramInfo(c.wasm);
  assert.ok(info, 'the module has DWARF');
  const onStack = (ops: Uint8Array) => ops[0] === 0xed && ops[1] === 0x02;
  const program = {
    instructions: c.instructions,
    input: c.input,
    specialized: false,
    trace: new Int32Array(0),
  };
  const { trace } = runReference(program);
  const d = new TraceDecoder(c.instructions);
  const sums = new Set<number>();
  for (let k = 0, s = 0; k <= 300; s += k * k, k++) sums.add(s);
  const seen: string[] = [];
  for (let i = 0; i < trace.length; i++) {
    d.feed(trace[i]);
    const offset = c.sourceMap.instruction(d.pc)?.wasmOffset ?? -1;
    const frame = cFrameAt(d, c.sourceMap, info, 0);
    const total = frame.variables().find((v) => v.name === 'total');
    if (total?.location.kind !== 'list') continue;
    const entry = total.location.entries.find((e) => e.start <= offset && offset < e.end);
    if (!entry || !onStack(entry.ops)) continue;
    const shown = formatValue(frame.valueOf(total), frame.memory);
    if (!c.sourceMap.operandsAt(d.pc)) {
      assert.match(shown, /^<unavailable/, `unmarked instruction ${d.pc}`);
      continue;
    }
    assert.ok(
      sums.has(Number(shown)),
      `total = ${shown} at instruction ${d.pc} is a sum of the first squares`,
    );
    seen.push(shown);
  }
  assert.ok(new Set(seen).size >= 3, `values of total read from the operand stack: ${seen.join(', ')}`);
});

test("a caller's operand stack base, found through its calls, is where it was when it made the call", async () => {
  // Frame k's base comes from frame 0's through the calls between them (their arguments popped
  // by the callee); at the call itself the caller was frame 0 and its base was found directly.
  for (const name of ['fibonacci', 'sudoku']) {
    const c = await compileFile(join(__dirname, '..', '..', 'examples', `${name}.c`), {
      optimize: 'O2',
      args: '12',
    });
    const program = {
      instructions: c.instructions,
      input: c.input,
      specialized: false,
      trace: new Int32Array(0),
    };
    const { trace } = runReference(program);
    const d = new TraceDecoder(c.instructions);
    const atCall: (number | undefined)[] = [];
    let step = -1;
    let depth = 0;
    let current: number | undefined;
    let checked = 0;
    for (let i = 0; i < trace.length; i++) {
      d.feed(trace[i]);
      if (d.step === step) continue;
      step = d.step;
      if (d.frames.length > depth) atCall.push(current);
      atCall.length = Math.min(atCall.length, d.frames.length);
      depth = d.frames.length;
      current = operandBottom(d, c.sourceMap, 0);
      for (let k = 1; k <= Math.min(depth, 3); k++) {
        const found = operandBottom(d, c.sourceMap, k);
        if (found === undefined) continue;
        assert.equal(found, atCall[depth - k], `${name}: frame ${k} at step ${step}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${name}: ${checked} caller frames checked`);
  }
});
