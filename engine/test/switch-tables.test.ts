// Jump tables (br_table, a C switch compiled with -fjump-tables): every index against V8 on the
// same module: in-range, default, past the table, negative (huge unsigned); targets that carry an
// i32 or an i64, unwind extra values below them, branch back to a loop or return from the function;
// and the switch programs at every optimization level with jump tables on (checking that clang did
// emit br_table, so the test exercises it) and off.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileC } from '../compiler/clang';
import { asTokenProgram, compileWasm } from '../compiler/compile';
import { watToWasm } from '../compiler/wat';
import { runReference } from '../vm/reference';
import { decodeModule } from '../wasm/decoder';
import { W } from '../wasm/wasm-opcodes';
import { runInV8, text } from './support/oracle';
import { argsOf, programsDir } from './support/programs';

// For each input byte c, with d = c - '0': carry(d), wide(d), walk(d) + '0', single(d), spread(d).
const WAT = `(module
  (import "env" "output_byte" (func $out (param i32)))
  (memory (export "memory") 1)
  ;; i32 targets: two blocks and the function itself (a return), with values to unwind below
  (func $carry (param $i i32) (result i32)
    i32.const 1000
    block $a (result i32)
      block $b (result i32)
        i32.const 1 i32.const 2
        i32.const 70
        local.get $i
        br_table $b $a $b 2 $a
      end
      i32.const 10 i32.add
    end
    i32.const 5 i32.add
    i32.add
    i32.const 1000 i32.sub)
  ;; i64 targets carrying 0x41_00000042 over another i64
  (func $wide (param $i i32) (result i32)
    block $a (result i64)
      block $b (result i64)
        i64.const 0x1111111122222222
        i64.const 0x4100000042
        local.get $i
        br_table $a $b $a
      end
      i64.const 32 i64.shr_u
    end
    i32.wrap_i64)
  ;; a loop: index 0 leaves, anything else goes round again (with a value to drop each time)
  (func $walk (param $n i32) (result i32) (local $acc i32)
    block $exit
      loop $top
        i32.const 99
        local.get $acc i32.const 1 i32.add local.set $acc
        local.get $n i32.const 1 i32.sub local.tee $n
        i32.const 7 i32.and
        br_table $exit $top
      end
    end
    local.get $acc)
  ;; only a default
  (func $single (param $i i32) (result i32)
    block $a
      local.get $i
      br_table $a
    end
    i32.const 83)
  ;; 24 slots, runs of equal targets and gaps that go to the default
  (func $spread (param $i i32) (result i32)
    block $d
      block $z
        block $y
          block $x
            local.get $i
            br_table $x $x $x $y $d $d $z $x $y $y $y $y $d $z $z $z $z $z $z $z $x $d $d $y $d
          end
          i32.const 120 return
        end
        i32.const 121 return
      end
      i32.const 122 return
    end
    i32.const 100)
  (func (export "compute") (param $p i32) (local $d i32)
    block $done
      loop $next
        local.get $p i32.load8_u
        i32.eqz br_if $done
        local.get $p i32.load8_u i32.const 48 i32.sub local.set $d
        local.get $d call $carry call $out
        local.get $d call $wide call $out
        local.get $d call $walk i32.const 48 i32.add call $out
        local.get $d call $single call $out
        local.get $d call $spread call $out
        i32.const 32 call $out
        local.get $p i32.const 1 i32.add local.set $p
        br $next
      end
    end)
)`;

test('br_table branches like V8 for every index: in range, default, past the table, negative', async () => {
  const wasm = await watToWasm(WAT, 'switch.wat');
  // '0'..'9', ':'..'H' (10..24: past every table), '/' (-1) and '!' (-15): huge unsigned.
  const input = '0123456789:;<=>?@ABCDEFGH/!';
  const p = await compileWasm(wasm, 'switch.wat', { args: input });
  const reference = runReference(asTokenProgram(p));
  const v8 = runInV8(p.wasm, p.input, p.inputAddress);
  assert.equal(v8.trap, undefined);
  assert.equal(reference.trap, undefined);
  assert.equal(text(reference.output), text(v8.output));
  // Spot checks that do not depend on V8: index 0 → $b (+10, +5), 1 → $a (+5), 3 → return 70.
  const words = text(reference.output).split(' ');
  assert.equal(words[0][0], String.fromCharCode(85));
  assert.equal(words[1][0], String.fromCharCode(75));
  assert.equal(words[3][0], String.fromCharCode(70));
  assert.equal(words[1][1], 'A', 'the i64 target $b takes the high word');
  assert.equal(words[0].slice(3), 'Sx');
  assert.equal(words[23].slice(3), 'Sy', 'the last slot of $spread');
  assert.equal(words[24].slice(3), 'Sd', 'past the table: the default');
});

/** The number of br_table instructions in a module. */
function brTables(wasm: Uint8Array): number {
  return decodeModule(wasm).functions.reduce(
    (n, f) => n + f.instrs.filter((i) => i.op === W.BR_TABLE).length,
    0,
  );
}

const programs = ['switch_state.c', 'switch_bytecode.c', 'switch_sparse.c'];

test('the switch programs print what V8 prints at -O0, -O1, -O2 and -Os, with jump tables and without', async () => {
  for (const name of programs) {
    const file = join(programsDir, name);
    const args = argsOf(readFileSync(file, 'utf8'));
    for (const level of ['-O0', '-O1', '-O2', '-Os']) {
      for (const tables of ['-fjump-tables', '-fno-jump-tables']) {
        const wasm = compileC(file, [level, tables]);
        const what = `${name} ${level} ${tables}`;
        if (tables === '-fjump-tables') assert.ok(brTables(wasm) > 0, `${what}: clang emitted br_table`);
        else assert.equal(brTables(wasm), 0, what);
        const p = await compileWasm(wasm, file, { args });
        const reference = runReference(asTokenProgram(p), { maxTokens: 20_000_000 });
        const v8 = runInV8(p.wasm, p.input, p.inputAddress);
        assert.equal(v8.trap, undefined, what);
        assert.ok(v8.output.length > 0, what);
        assert.equal(text(reference.output), text(v8.output), what);
      }
    }
  }
});
