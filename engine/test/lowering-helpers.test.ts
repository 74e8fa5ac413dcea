// The lowering helpers of engine/compiler/lowering/helpers.wat against V8's native i32 operations,
// on edge values and seeded pseudo-random operands, plus a static check that the helpers use only
// the machine's instructions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import wabtInit from 'wabt';
import { OPCODE_NAMES } from '../tokens/opcodes';
import { TrapCode } from '../vm/traps';
import { prngU32 } from './support/prng';

/** The part of the WebAssembly JS API used here (the TypeScript setup has no DOM typings). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports?: object): Promise<{ module: object; instance: WasmInstance }>;
  Module: {
    exports(module: object): { name: string; kind: string }[];
    imports(module: object): { module: string; name: string; kind: string }[];
  };
  RuntimeError: new (...args: unknown[]) => Error;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type Fn = (...args: number[]) => number;

const HELPERS_PATH = join(__dirname, '..', 'compiler', 'lowering', 'helpers.wat');

const BINARY = [
  'mul',
  'div_s',
  'div_u',
  'rem_s',
  'rem_u',
  'and',
  'or',
  'xor',
  'shl',
  'shr_s',
  'shr_u',
  'rotl',
  'rotr',
] as const;
const UNARY = ['clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s'] as const;
/** The 64-bit helpers, on word pairs: engine/test/i64-helpers.test.ts checks them. */
const I64_HELPERS = [
  'i64_mul_wide_u',
  'i64_mul',
  'i64_divmod_u',
  'i64_div_u',
  'i64_rem_u',
  'i64_div_s',
  'i64_rem_s',
  'i64_shl',
  'i64_shr_s',
  'i64_shr_u',
  'i64_rotl',
  'i64_rotr',
  'i64_clz',
  'i64_ctz',
  'i64_popcnt',
];
const HELPERS = [...BINARY, ...UNARY];

/**
 * The machine's instructions under their WebAssembly names (halt, output and input_base have none;
 * global.* are never used), plus the structured control flow the compiler flattens into br/br_if
 * and `unreachable`, which becomes halt.
 */
const ALLOWED = new Set<string>([
  ...OPCODE_NAMES.filter((n) => !['halt', 'output', 'input_base', 'global.get', 'global.set'].includes(n)),
  'block',
  'loop',
  'if',
  'else',
  'end',
  'unreachable',
]);

/** The native operations, one exported function per helper name. */
function oracleWat(): string {
  const fns = [
    ...BINARY.map(
      (op) => `  (func (export "${op}") (param i32 i32) (result i32) local.get 0 local.get 1 i32.${op})`,
    ),
    ...UNARY.map((op) => `  (func (export "${op}") (param i32) (result i32) local.get 0 i32.${op})`),
  ];
  return `(module\n${fns.join('\n')}\n)\n`;
}

interface Setup {
  readonly binary: Uint8Array;
  readonly module: object;
  readonly helpers: Record<string, Fn>;
  readonly memory: { readonly buffer: ArrayBuffer };
  readonly oracle: Record<string, Fn>;
  readonly disassembly: string;
}

async function load(): Promise<Setup> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('helpers.wat', readFileSync(HELPERS_PATH, 'utf8'));
  let binary: Uint8Array;
  try {
    parsed.resolveNames();
    parsed.validate();
    binary = new Uint8Array(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
  const read = wabt.readWasm(binary, { readDebugNames: true });
  const disassembly = read.toText({});
  read.destroy();
  // A trap is `call $trap` with the trap code (the compiler makes it a halt with that code).
  const trap = (code: number) => {
    trapCodes.push(code);
    throw new wasm.RuntimeError(`trap ${code}`);
  };
  const { module, instance } = await wasm.instantiate(binary, { tvm: { trap } });

  const oracleModule = wabt.parseWat('oracle.wat', oracleWat(), { sign_extension: true });
  const oracleBinary = new Uint8Array(oracleModule.toBinary({}).buffer);
  oracleModule.destroy();
  const oracle = (await wasm.instantiate(oracleBinary, {})).instance.exports as Record<string, Fn>;

  return {
    binary,
    module,
    helpers: instance.exports as Record<string, Fn>,
    memory: instance.exports.memory as { buffer: ArrayBuffer },
    oracle,
    disassembly,
  };
}
/** The codes of the traps the helpers raised, in order. */
const trapCodes: number[] = [];
const setup = load();

const EDGE_BASE = [
  0, 1, 2, 3, 7, 8, 31, 32, 33, 63, 64, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0x80000001, 0xfffffffe, 0xffffffff,
];
/** The edge values and their negations, as i32. */
const EDGE = [...new Set(EDGE_BASE.flatMap((v) => [v | 0, -v | 0]))];

/** Every pair of edge values, shift-like counts around 0 and 32, and seeded random pairs. */
function operandPairs(): [number, number][] {
  const pairs: [number, number][] = [];
  for (const a of EDGE) for (const b of EDGE) pairs.push([a, b]);
  for (const a of EDGE) for (let c = -40; c <= 72; c++) pairs.push([a, c]);
  const random = prngU32(0x5eed1234);
  const operand = (kind: number): number => {
    const v = random();
    switch (kind) {
      case 0: // full range
        return v | 0;
      case 1: // small
        return v % 1000;
      case 2: // random magnitude
        return (v >>> (random() % 32)) | 0;
      default: // random magnitude, either sign
        return (random() & 1 ? -(v >>> (random() % 32)) : v >>> (random() % 32)) | 0;
    }
  };
  // and answers an operand of -1, 0 or 1 without its bit walk: each against random values, both ways.
  for (const s of [-1, 0, 1]) {
    for (let i = 0; i < 300; i++) {
      const v = operand(i % 4);
      pairs.push([s, v], [v, s]);
    }
  }
  for (let i = 0; i < 6000; i++) {
    const kind = i % 4;
    // Mostly same-kind pairs, some mixed (a large value with a small one).
    pairs.push([operand(kind), operand(i % 7 === 0 ? (kind + 1) % 4 : kind)]);
  }
  return pairs;
}

type Outcome = { value: number } | { trap: true };

function outcome(fn: Fn, args: readonly number[]): Outcome {
  try {
    return { value: fn(...args) };
  } catch (e) {
    if (e instanceof wasm.RuntimeError) return { trap: true };
    throw e;
  }
}

test('helpers.wat exports exactly the helpers and memory, and imports only the trap', async () => {
  const { module, helpers, disassembly } = await setup;
  assert.deepEqual(wasm.Module.imports(module), [{ module: 'tvm', name: 'trap', kind: 'function' }]);
  const exports = wasm.Module.exports(module)
    .map((e) => `${e.kind} ${e.name}`)
    .sort();
  assert.deepEqual(
    exports,
    ['memory memory', ...[...HELPERS, ...I64_HELPERS].map((h) => `function ${h}`)].sort(),
  );
  for (const op of BINARY) assert.equal(helpers[op].length, 2, `${op} takes two operands`);
  for (const op of UNARY) assert.equal(helpers[op].length, 1, `${op} takes one operand`);
  // No globals, tables, data, start function or unexported functions.
  const topLevel = new Set<string>();
  let functions = 0;
  for (const line of disassembly.split('\n')) {
    const m = /^\s*\((\w+)/.exec(line);
    if (!m) continue;
    topLevel.add(m[1]);
    if (m[1] === 'func') functions++;
  }
  assert.deepEqual([...topLevel].sort(), ['export', 'func', 'import', 'local', 'memory', 'module', 'type']);
  assert.equal(functions, HELPERS.length + I64_HELPERS.length);
});

test('helpers.wat uses only the machine instructions', async () => {
  const { disassembly } = await setup;
  const used = new Map<string, number>();
  for (const line of disassembly.split('\n')) {
    const word = line.trim().split(/\s+/)[0].replace(/\)+$/, '');
    if (!/^[a-z]/.test(word)) continue; // (module, (func, (local, ..., and closing parens
    used.set(word, (used.get(word) ?? 0) + 1);
  }
  const disallowed = [...used.keys()].filter((w) => !ALLOWED.has(w));
  assert.deepEqual(disallowed, [], `instructions the machine does not have: ${disallowed.join(', ')}`);
  assert.ok((used.get('i32.add') ?? 0) > 0, 'the disassembly was parsed');
});

test('helpers match the native i32 operations, traps included', async () => {
  const { helpers, oracle, memory } = await setup;
  const pairs = operandPairs();
  const scratch = new DataView(memory.buffer, 0, 8);
  const garbage = prngU32(0xbadc0de);
  const failures: string[] = [];
  let traps = 0;
  const check = (op: string, args: readonly number[]) => {
    // Helpers may not rely on what scratch memory holds between calls.
    scratch.setUint32(0, garbage());
    scratch.setUint32(4, garbage());
    const want = outcome(oracle[op], args);
    const got = outcome(helpers[op], args);
    if ('trap' in want) traps++;
    if (JSON.stringify(got) !== JSON.stringify(want) && failures.length < 20) {
      const hex = args.map((a) => `0x${(a >>> 0).toString(16)}`).join(', ');
      failures.push(`${op}(${hex}): got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
  };
  for (const op of BINARY) for (const [a, b] of pairs) check(op, [a, b]);
  const singles = [...new Set(pairs.flat())];
  for (const op of UNARY) for (const a of singles) check(op, [a]);
  assert.deepEqual(failures, []);
  assert.ok(traps > 0, 'the operands include trapping divisions');
  // Only bytes 0..7 are scratch: the rest of memory is untouched.
  const rest = new Uint8Array(memory.buffer, 8);
  assert.equal(
    rest.findIndex((b) => b !== 0),
    -1,
    'helpers wrote outside scratch bytes 0..7',
  );
});

test('helpers trap exactly where WebAssembly does', async () => {
  const { helpers } = await setup;
  const trapCode = (op: string, a: number, b: number) => {
    trapCodes.length = 0;
    return 'trap' in outcome(helpers[op], [a, b]) ? trapCodes[0] : undefined;
  };
  for (const op of ['div_s', 'div_u', 'rem_s', 'rem_u']) {
    for (const a of EDGE) assert.equal(trapCode(op, a, 0), TrapCode.divideByZero, `${op}(${a}, 0) traps`);
  }
  assert.equal(trapCode('div_s', -0x80000000, -1), TrapCode.integerOverflow, 'div_s(INT_MIN, -1) traps');
  assert.equal(helpers.rem_s(-0x80000000, -1), 0);
  assert.equal(helpers.div_u(-0x80000000, -1), 0);
  assert.equal(helpers.rem_s(-7, 2), -1, 'the remainder has the sign of the dividend');
  assert.equal(helpers.rem_s(7, -2), 1);
  assert.equal(helpers.clz(0), 32);
  assert.equal(helpers.ctz(0), 32);
  assert.equal(helpers.shl(1, 33), 2, 'shift counts are taken mod 32');
  assert.equal(helpers.shr_u(-1, -1), 1);
  assert.equal(helpers.rotl(0x12345678, 36), 0x23456781);
});

test('helpers.wat is what scripts/gen-lowering-helpers.mjs generates', async () => {
  const generator = join(__dirname, '..', '..', 'scripts', 'gen-lowering-helpers.mjs');
  const { helpersWat } = (await import(pathToFileURL(generator).href)) as { helpersWat: string };
  assert.equal(readFileSync(HELPERS_PATH, 'utf8'), helpersWat, 'run node scripts/gen-lowering-helpers.mjs');
});
