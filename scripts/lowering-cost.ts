// Measures what each lowered i32 operation costs the machine: instructions executed and trace
// tokens emitted, against one native instruction (i32.add) in the same program; and what each i64
// operation on word pairs costs, from its operands' words on the stack to its result's. Run with
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

interface Case64 {
  readonly op: string;
  readonly a: bigint;
  readonly b?: bigint;
  readonly constant?: boolean;
}

async function measure64(body: string, a: bigint, b: bigint) {
  const wat = `(module (memory (export "memory") 1)
  (func (export "compute") (local $a i64) (local $b i64)
    (local.set $a (i64.const ${BigInt.asIntN(64, a)})) (local.set $b (i64.const ${BigInt.asIntN(64, b)}))
    ${body}))`;
  const program = await compileWasm(await watToWasm(wat, 'cost64.wat'), 'cost64.wat');
  const run = runReference(asTokenProgram(program));
  return { steps: run.steps, tokens: run.trace.length };
}

/** Trace tokens of one machine `drop`. */
async function dropTokens(): Promise<number> {
  const one = await measure64('(drop (i32.const 0))', 0n, 0n);
  const two = await measure64('(drop (i32.const 0)) (drop (i32.const 0))', 0n, 0n);
  return two.tokens - one.tokens - 5; // an i32.const is 5 tokens, like i32.add
}

/**
 * An i64 operation's own instructions: the program computing and dropping it, against the same
 * program dropping its operands instead (`extraDrops` more machine drops there than the result's).
 */
async function cost64(c: Case64, drop: number) {
  const right = c.constant ? `(i64.const ${BigInt.asIntN(64, c.b ?? 0n)})` : '(local.get $b)';
  const compare = /^(eq|ne|[lg][te]_[su])$/.test(c.op);
  let expr = c.b === undefined ? `(i64.${c.op} (local.get $a))` : `(i64.${c.op} (local.get $a) ${right})`;
  if (c.op === 'eqz' || compare) expr = `(i64.extend_i32_u ${expr})`; // an i64 result as for the others
  const both = c.b !== undefined && !c.constant;
  const base = both ? '(drop (local.get $a)) (drop (local.get $b))' : '(drop (local.get $a))';
  const [x, y] = [await measure64(`(drop ${expr})`, c.a, c.b ?? 0n), await measure64(base, c.a, c.b ?? 0n)];
  // Binary ops with two variable operands: the base drops 4 words, the op's result 2.
  const extra = both ? 2 : 0;
  // Comparisons and eqz: the i32 result's extension (one i32.const) is not the operation's.
  const extension = c.op === 'eqz' || compare ? 1 : 0;
  return {
    steps: x.steps - y.steps + extra - extension,
    tokens: x.tokens - y.tokens + extra * drop - 5 * extension,
  };
}

const M = 2n ** 64n;
const CASES64: Case64[] = [
  { op: 'add', a: 0x123456789n, b: 0xfedcba987n },
  { op: 'sub', a: 0x123456789n, b: 0xfedcba987n },
  { op: 'and', a: 0x123456789abcdefn, b: 0xff00ff00ff00ffn },
  { op: 'xor', a: 0x123456789abcdefn, b: 0xfedcba987654321n },
  { op: 'eq', a: 5n, b: 5n },
  { op: 'lt_s', a: -5n, b: 3n },
  { op: 'lt_u', a: 0x123456789n, b: 0x123456788n },
  { op: 'eqz', a: 0n },
  { op: 'mul', a: 1234n, b: 10n },
  { op: 'mul', a: 1234n, b: 10n, constant: true },
  { op: 'mul', a: -1234567n, b: 7654321n },
  { op: 'mul', a: -1234n, b: -10n },
  { op: 'mul', a: 0x9e3779b97f4a7c15n, b: 0xbf58476d1ce4e5b9n },
  { op: 'div_u', a: 1234n, b: 10n },
  { op: 'div_u', a: 10n ** 18n, b: 10n },
  { op: 'div_u', a: 10n ** 18n, b: 10n ** 9n },
  { op: 'div_u', a: M - 1n, b: 3n * 2n ** 40n },
  { op: 'div_s', a: -(10n ** 18n), b: 7n },
  { op: 'rem_u', a: 10n ** 18n, b: 10n },
  { op: 'rem_s', a: -(10n ** 18n), b: 10n ** 12n },
  { op: 'shl', a: 0x123456789n, b: 3n },
  { op: 'shl', a: 0x123456789n, b: 40n },
  { op: 'shl', a: 0x123456789n, b: 3n, constant: true },
  { op: 'shl', a: 0x123456789n, b: 32n, constant: true },
  { op: 'shr_u', a: 0x123456789abcdefn, b: 13n },
  { op: 'shr_u', a: 0x123456789abcdefn, b: 13n, constant: true },
  { op: 'shr_s', a: -0x123456789abcdefn, b: 40n },
  { op: 'rotl', a: 0x123456789abcdefn, b: 13n },
  { op: 'rotl', a: 0x123456789abcdefn, b: 13n, constant: true },
  { op: 'rotr', a: 0x123456789abcdefn, b: 45n },
  { op: 'clz', a: 0x3e8n },
  { op: 'ctz', a: 0x3e8n },
  { op: 'popcnt', a: 0x123456789abcdefn },
  { op: 'extend8_s', a: 0x80n },
  { op: 'extend32_s', a: 0x80000000n },
];

// ── Indirect calls, jump tables and memory.grow (flatten/calls.ts, control-flow.ts, memory.ts) ──
// Each is measured against the plain instruction it replaces in the same program: call_indirect
// against a direct `call` of the same function, br_table against a `br` to the same block,
// memory.grow and memory.size against i32.eqz. The rows are the extra cost plus the plain one.

/** Runs `body` (the code of compute, with $a = a) in a module with `extra` module fields. */
async function measureModule(extra: string, body: string, a: number) {
  const wat = `(module (memory (export "memory") 1) ${extra}
  (func (export "compute") (local $a i32) (local.set $a (i32.const ${a | 0})) ${body}))`;
  const program = await compileWasm(await watToWasm(wat, 'cost.wat'), 'cost.wat');
  const run = runReference(asTokenProgram(program));
  return { steps: run.steps, tokens: run.trace.length };
}

interface ControlCase {
  readonly what: string;
  readonly operands: string;
  readonly extra: string;
  readonly body: string;
  readonly base: string;
  readonly a: number;
  /** Instructions and tokens of the plain instruction (`call`, `br`, `i32.eqz`). */
  readonly plain: { steps: number; tokens: number };
}

/** A table of n functions, all of one type: call_indirect of slot k (in C, the (k+1)th function). */
function tableCase(n: number, k: number): ControlCase {
  const fns = Array.from({ length: n }, (_, i) => `(func $f${i} (type $t) (local.get 0))`).join(' ');
  const elems = Array.from({ length: n }, (_, i) => `$f${i}`).join(' ');
  return {
    what: 'call_indirect',
    operands: `table of ${n}, slot ${k}`,
    extra: `(type $t (func (param i32) (result i32))) (table ${n} funcref) (elem (i32.const 0) ${elems}) ${fns}`,
    body: `(drop (call_indirect (type $t) (i32.const 1) (local.get $a)))`,
    base: `(drop (call $f${k} (i32.const 1)))`,
    a: k,
    plain: { steps: 1, tokens: 6 },
  };
}

/** br_table over n distinct targets (blocks), taken with index k. */
function brTableCase(n: number, k: number): ControlCase {
  const labels = Array.from({ length: n }, (_, i) => `$b${i}`);
  const open = labels.map((l) => `(block ${l}`).join(' ');
  const close = ')'.repeat(n);
  return {
    what: 'br_table',
    operands: `${n} targets, index ${k}`,
    extra: '',
    body: `${open} (br_table ${labels.join(' ')} ${labels[0]} (local.get $a)) ${close}`,
    base: `${open} (drop (local.get $a)) (br ${labels[Math.min(k, n - 1)]}) ${close}`,
    a: k,
    plain: { steps: 1, tokens: 6 },
  };
}

const CONTROL_CASES: ControlCase[] = [
  tableCase(2, 1),
  tableCase(8, 5),
  tableCase(32, 17),
  tableCase(128, 77),
  brTableCase(4, 2),
  brTableCase(16, 9),
  brTableCase(64, 40),
  brTableCase(16, 100),
  {
    what: 'memory.grow',
    operands: '1 page',
    extra: '',
    body: '(drop (memory.grow (local.get $a)))',
    base: '(drop (i32.eqz (local.get $a)))',
    a: 1,
    plain: { steps: 1, tokens: 5 },
  },
  {
    what: 'memory.size',
    operands: 'with memory.grow in the program',
    extra: '(func $g (drop (memory.grow (i32.const 0))))',
    body: '(drop (memory.size))',
    base: '(drop (i32.eqz (local.get $a)))',
    a: 1,
    plain: { steps: 1, tokens: 5 },
  },
];

async function controlCost(c: ControlCase) {
  const [x, y] = [await measureModule(c.extra, c.body, c.a), await measureModule(c.extra, c.base, c.a)];
  return { steps: x.steps - y.steps + c.plain.steps, tokens: x.tokens - y.tokens + c.plain.tokens };
}

async function printControlCosts() {
  console.log('\n| operation | operands | instructions executed | trace tokens |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of CONTROL_CASES) {
    const { steps, tokens } = await controlCost(c);
    console.log(`| ${c.what} | ${c.operands} | ${steps} | ${tokens} |`);
  }
}
// ── end of the indirect calls, jump tables and memory.grow block ──

// ── Floating point (flatten/float-ops.ts, lowering/softfloat.wat) ──
// A float operation against dropping its operands: the helper call with its arguments, the
// helper's own instructions (and the lowering helpers it calls), the return.

type FloatType = 'f32' | 'f64' | 'i32' | 'i64';
interface FloatCase {
  readonly op: string;
  /** Operand types and values (floats as numbers, integers as bigints). */
  readonly args: readonly [FloatType, number | bigint][];
  readonly result: FloatType;
}

const floatConst = (t: FloatType, v: number | bigint) => {
  if (t === 'f64') {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Number(v));
    return `(f64.reinterpret_i64 (i64.const ${view.getBigInt64(0)}))`;
  }
  if (t === 'f32') {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, Number(v));
    return `(f32.reinterpret_i32 (i32.const ${view.getInt32(0)}))`;
  }
  return `(${t}.const ${v})`;
};
const words = (t: FloatType) => (t === 'f64' || t === 'i64' ? 2 : 1);

async function measureFloat(c: FloatCase, body: string) {
  const locals = c.args.map(([t], i) => `(local $x${i} ${t})`).join(' ');
  const sets = c.args.map(([t, v], i) => `(local.set $x${i} ${floatConst(t, v)})`).join(' ');
  const wat = `(module (memory (export "memory") 1)
  (func (export "compute") ${locals} ${sets} ${body}))`;
  const program = await compileWasm(await watToWasm(wat, 'cost-float.wat'), 'cost-float.wat');
  const run = runReference(asTokenProgram(program));
  return { steps: run.steps, tokens: run.trace.length };
}

async function floatCost(c: FloatCase, drop: number) {
  const gets = c.args.map((_, i) => `(local.get $x${i})`);
  const x = await measureFloat(c, `(drop (${c.op} ${gets.join(' ')}))`);
  const y = await measureFloat(c, gets.map((g) => `(drop ${g})`).join(' '));
  // the base drops every operand word, the operation's program only the result's
  const extra = c.args.reduce((n, [t]) => n + words(t), 0) - words(c.result);
  return { steps: x.steps - y.steps + extra, tokens: x.tokens - y.tokens + extra * drop };
}

const F64 = (...xs: number[]) => xs.map((x): [FloatType, number] => ['f64', x]);
const F32 = (...xs: number[]) => xs.map((x): [FloatType, number] => ['f32', x]);
const FLOAT_CASES: FloatCase[] = [
  { op: 'f64.add', args: F64(1.5, 2.5), result: 'f64' },
  { op: 'f64.add', args: F64(Math.PI, 1 / 3), result: 'f64' },
  { op: 'f64.add', args: F64(1e300, 1), result: 'f64' },
  { op: 'f64.sub', args: F64(Math.PI, 1 / 3), result: 'f64' },
  { op: 'f64.sub', args: F64(1, 0.9999999999999999), result: 'f64' },
  { op: 'f64.mul', args: F64(1.5, 2.5), result: 'f64' },
  { op: 'f64.mul', args: F64(Math.PI, 1 / 3), result: 'f64' },
  { op: 'f64.div', args: F64(1, 3), result: 'f64' },
  { op: 'f64.div', args: F64(Math.PI, Math.E), result: 'f64' },
  { op: 'f64.sqrt', args: F64(2), result: 'f64' },
  { op: 'f64.lt', args: F64(Math.PI, Math.E), result: 'i32' },
  { op: 'f64.eq', args: F64(1.5, 1.5), result: 'i32' },
  { op: 'f64.min', args: F64(-0, 0), result: 'f64' },
  { op: 'f64.floor', args: F64(-2.5), result: 'f64' },
  { op: 'f64.nearest', args: F64(2.5), result: 'f64' },
  { op: 'f64.convert_i32_s', args: [['i32', -12345n]], result: 'f64' },
  { op: 'f64.convert_i64_s', args: [['i64', 10n ** 18n + 1n]], result: 'f64' },
  { op: 'f64.convert_i64_u', args: [['i64', 2n ** 64n - 1n]], result: 'f64' },
  { op: 'i32.trunc_f64_s', args: F64(-12345.75), result: 'i32' },
  { op: 'i64.trunc_f64_s', args: F64(1e18), result: 'i64' },
  { op: 'f32.add', args: F32(1.5, 2.5), result: 'f32' },
  { op: 'f32.add', args: F32(Math.PI, 1 / 3), result: 'f32' },
  { op: 'f32.mul', args: F32(Math.PI, 1 / 3), result: 'f32' },
  { op: 'f32.div', args: F32(1, 3), result: 'f32' },
  { op: 'f32.lt', args: F32(Math.PI, Math.E), result: 'i32' },
  { op: 'f32.convert_i32_s', args: [['i32', -12345n]], result: 'f32' },
  { op: 'i32.trunc_f32_s', args: F32(-12345.75), result: 'i32' },
  { op: 'f64.promote_f32', args: F32(Math.PI), result: 'f64' },
  { op: 'f32.demote_f64', args: F64(Math.PI), result: 'f32' },
];

async function printFloatCosts(drop: number) {
  const show = ([t, v]: [FloatType, number | bigint]) =>
    t === 'f32' ? `${Math.fround(Number(v))}` : t === 'f64' ? `${Number(v)}` : `${v}`;
  console.log('\n| operation | operands | instructions executed | trace tokens |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of FLOAT_CASES) {
    const { steps, tokens } = await floatCost(c, drop);
    console.log(`| ${c.op} | ${c.args.map(show).join(', ')} | ${steps} | ${tokens} |`);
  }
}
// ── end of the floating point block ──

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
  const drop = await dropTokens();
  const hex64 = (v: bigint) => `0x${BigInt.asUintN(64, v).toString(16)}`;
  console.log('\n| operation | operands | instructions executed | trace tokens |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of CASES64) {
    const { steps, tokens } = await cost64(c, drop);
    const operands =
      c.b === undefined ? hex64(c.a) : `${hex64(c.a)}, ${c.constant ? `const ${hex64(c.b)}` : hex64(c.b)}`;
    console.log(`| i64.${c.op} | ${operands} | ${steps} | ${tokens} |`);
  }
  await printControlCosts();
  await printFloatCosts(drop);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
