// Measures what each lowered i32 operation costs the machine: instructions executed and trace
// tokens emitted, against one native instruction (i32.add) in the same program. Run with
// `npm run lowering-cost`; docs/lowering.md quotes its output.
import { asTokenProgram, compileWasm } from '../engine/compiler/compile';
import { watToWasm } from '../engine/compiler/wat';
import { runReference } from '../engine/vm/reference';

interface Case {
  readonly op: string;
  readonly a: number;
  readonly b?: number;
  /** The right operand is an i32.const (inline forms apply), not a variable. */
  readonly constant?: boolean;
}

async function measure(expr: string, a: number, b: number) {
  const wat = `(module (memory (export "memory") 1)
  (func (export "compute") (local $a i32) (local $b i32)
    (local.set $a (i32.const ${a | 0})) (local.set $b (i32.const ${b | 0}))
    (drop ${expr})))`;
  const program = await compileWasm(await watToWasm(wat, 'cost.wat'), 'cost.wat');
  const run = runReference(asTokenProgram(program));
  return { steps: run.steps, tokens: run.trace.length };
}

async function cost(c: Case) {
  const right = c.constant ? `(i32.const ${(c.b ?? 0) | 0})` : '(local.get $b)';
  const unary = c.b === undefined;
  const expr = unary ? `(i32.${c.op} (local.get $a))` : `(i32.${c.op} (local.get $a) ${right})`;
  const base = unary ? '(i32.eqz (local.get $a))' : `(i32.add (local.get $a) ${right})`;
  const [x, y] = [await measure(expr, c.a, c.b ?? 0), await measure(base, c.a, c.b ?? 0)];
  return { steps: x.steps - y.steps + 1, tokens: x.tokens - y.tokens + 5 };
}

const CASES: Case[] = [
  { op: 'mul', a: 1234, b: 10 },
  { op: 'mul', a: 1234, b: 5678 },
  { op: 'mul', a: 0x9e3779b9, b: 0x85ebca6b },
  { op: 'mul', a: 1234, b: 10, constant: true },
  { op: 'div_u', a: 1234, b: 10 },
  { op: 'div_u', a: 123456789, b: 10 },
  { op: 'div_u', a: 0xffffffff, b: 1 },
  { op: 'div_s', a: -1234, b: 10 },
  { op: 'rem_u', a: 1234, b: 10 },
  { op: 'rem_s', a: -1234, b: 10 },
  { op: 'div_u', a: 1234, b: 256, constant: true },
  { op: 'and', a: 0x12345678, b: 0xff },
  { op: 'and', a: 0x12345678, b: 0x0f0f0f0f },
  { op: 'and', a: 0x12345678, b: 0xff, constant: true },
  { op: 'or', a: 1000, b: 7 },
  { op: 'xor', a: 0x12345678, b: 0x9abcdef0 },
  { op: 'shl', a: 1234, b: 3 },
  { op: 'shl', a: 1234, b: 3, constant: true },
  { op: 'shl', a: 1234, b: 19, constant: true },
  { op: 'shr_u', a: 0x87654321, b: 3 },
  { op: 'shr_u', a: 0x87654321, b: 16, constant: true },
  { op: 'shr_s', a: 0x87654321, b: 13 },
  { op: 'rotl', a: 0x87654321, b: 3 },
  { op: 'rotr', a: 0x87654321, b: 3 },
  { op: 'clz', a: 1000 },
  { op: 'ctz', a: 1000 },
  { op: 'popcnt', a: 1000 },
  { op: 'popcnt', a: 0xffffffff },
  { op: 'extend8_s', a: 0x80 },
  { op: 'extend16_s', a: 0x8000 },
];

async function main() {
  const hex = (v: number) => `0x${(v >>> 0).toString(16)}`;
  console.log('| operation | operands | instructions executed | trace tokens |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of CASES) {
    const { steps, tokens } = await cost(c);
    const operands =
      c.b === undefined ? hex(c.a) : `${hex(c.a)}, ${c.constant ? `const ${hex(c.b)}` : hex(c.b)}`;
    console.log(`| i32.${c.op} | ${operands} | ${steps} | ${tokens} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
