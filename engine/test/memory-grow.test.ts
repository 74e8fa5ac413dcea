// memory.size and memory.grow against V8 on the same module: growth up to the module's declared
// maximum or the machine's 256 pages (16 MiB), -1 beyond and for huge requests, the old size
// returned, the size after each request; a constant memory.size where nothing grows memory; and
// the clear errors when the page counter's word is taken or the memory is larger than the machine's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asTokenProgram, compileWasm } from '../compiler/compile';
import { CompileError } from '../compiler/diagnostics';
import { GROWN_PAGES_ADDRESS } from '../compiler/flatten/memory';
import { watToWasm } from '../compiler/wat';
import { runReference } from '../vm/reference';
import { runInV8, text } from './support/oracle';

/**
 * For each input byte c: grow by the page count c - '0' (with 'z' for 0xffffffff and 'm' for
 * 200), then print the result and memory.size in decimal: "old size;" (-1 prints as 4294967295).
 */
const growModule = (memory: string) => `(module
  (import "env" "output_byte" (func $out (param i32)))
  (memory (export "memory") ${memory})
  (func $pages (param $c i32) (result i32)
    local.get $c i32.const 122 i32.eq
    if (result i32) i32.const -1
    else
      local.get $c i32.const 109 i32.eq
      if (result i32) i32.const 200 else local.get $c i32.const 48 i32.sub end
    end)
  (func $num (param $v i32)
    local.get $v i32.const 10 i32.ge_u
    if local.get $v i32.const 10 i32.div_u call $num end
    local.get $v i32.const 10 i32.rem_u i32.const 48 i32.add call $out)
  (func (export "compute") (param $p i32)
    block $done
      loop $next
        local.get $p i32.load8_u i32.eqz br_if $done
        local.get $p i32.load8_u call $pages memory.grow call $num
        i32.const 32 call $out
        memory.size call $num
        i32.const 59 call $out
        local.get $p i32.const 1 i32.add local.set $p
        br $next
      end
    end)
)`;

async function bothRuns(memory: string, input: string) {
  const wasm = await watToWasm(growModule(memory), 'grow.wat');
  const p = await compileWasm(wasm, 'grow.wat', { args: input });
  const reference = runReference(asTokenProgram(p));
  const v8 = runInV8(p.wasm, p.input, p.inputAddress);
  assert.equal(v8.trap, undefined);
  assert.equal(reference.trap, undefined);
  return { reference: text(reference.output), v8: text(v8.output) };
}

/** "old size;" pairs, with 4294967295 read as -1. */
const pairs = (s: string) =>
  s
    .split(';')
    .filter(Boolean)
    .map((p) => p.split(' ').map((n) => Number(n) | 0));

test('memory.grow up to a declared maximum below the machine’s, as V8 grows it', async () => {
  const { reference, v8 } = await bothRuns('2 9', '130z4021');
  assert.equal(reference, v8);
  // 1 → 2 (size 3), 3 → 3 (6), 0 → 6, z → -1, 4 → -1 (10 > 9), 0, 2 → 6 (8), 1 → 8 (9).
  assert.deepEqual(pairs(reference), [
    [2, 3],
    [3, 6],
    [6, 6],
    [-1, 6],
    [-1, 6],
    [6, 6],
    [6, 8],
    [8, 9],
  ]);
});

test('memory.grow stops at the machine’s 256 pages, as V8 stops at a maximum of 256', async () => {
  // Without a declared maximum the machine's 16 MiB is the limit; V8 agrees with a maximum of 256.
  const machine = await bothRuns('17', 'mm9z0');
  const v8 = await bothRuns('17 256', 'mm9z0');
  assert.equal(machine.reference, v8.v8);
  assert.equal(v8.reference, v8.v8);
  // m → 17 (217), m → -1 (417 > 256), 9 → 217 (226), z → -1, 0 → 226.
  assert.deepEqual(pairs(machine.reference), [
    [17, 217],
    [-1, 217],
    [217, 226],
    [-1, 226],
    [226, 226],
  ]);
});

test('memory.size is a constant where nothing grows memory', async () => {
  const src = `(module
    (import "env" "output_byte" (func $out (param i32)))
    (memory 5)
    (func (export "compute") memory.size i32.const 60 i32.add call $out))`;
  // 5 + 60 = 'A'
  const p = await compileWasm(await watToWasm(src, 'size.wat'), 'size.wat');
  assert.equal(text(runReference(asTokenProgram(p)).output), 'A');
  assert.ok(
    !p.instructions.some((i) => i.op === 'i32.const' && i.imm === GROWN_PAGES_ADDRESS),
    'no page counter without memory.grow',
  );
});

test('memory.grow is refused with a reason when its word is taken or the memory is too large', async () => {
  const clash = `(module (memory 1) (data (i32.const 1016) "12345678")
    (func (export "compute") i32.const 1 memory.grow drop))`;
  const big = `(module (memory 300) (func (export "compute") memory.size drop))`;
  for (const [src, message] of [
    [clash, /needs the word at 1020 for the page count, and a data segment at 1016 overlap/],
    [big, /memory starts with 300 pages, more than the machine's 256/],
  ] as const) {
    await assert.rejects(compileWasm(await watToWasm(src, 'm.wat'), 'm.wat'), (e: unknown) => {
      assert.ok(e instanceof CompileError);
      assert.match(e.message, message);
      return true;
    });
  }
});

test('bulk memory (memory.copy, memory.fill), which clang does not emit for -mcpu=mvp, stays a clear error', async () => {
  for (const op of ['memory.copy', 'memory.fill']) {
    const src = `(module (memory 1)
      (func (export "compute") i32.const 64 i32.const 0 i32.const 8 ${op}))`;
    await assert.rejects(compileWasm(await watToWasm(src, 'bulk.wat'), 'bulk.wat'), (e: unknown) => {
      assert.ok(e instanceof CompileError);
      assert.match(
        e.message,
        new RegExp(`bulk memory operations are not supported \\(${op.replace('.', '\\.')}\\)`),
      );
      return true;
    });
  }
});
