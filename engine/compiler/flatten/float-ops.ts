// Floating point on an integer machine: an f32 is the word of its IEEE bits, an f64 the pair of
// its bits (low word below, like an i64). Loads, stores, constants and reinterpretations move
// those words; neg, abs and copysign touch only the sign bit, inline; every other float
// instruction calls the soft-float helper named after it (`f64.add` → `f64_add`,
// lowering/softfloat/*.c compiled into softfloat.wat), which takes and returns the words. So the
// machine computes every bit of every float itself.
import { wasmOpName } from '../../wasm/decoder';
import { i64Move } from './i64-pairs';
import type { Val } from './operand-stack';
import type { FunctionState } from './state';

const SIGN = 0x80000000;

/** [operand types, result type] of the float instructions done by a soft-float helper. */
const HELPER_SIGNATURES = new Map<number, readonly [readonly Val[], Val]>();
{
  const add = (ops: number[], params: Val[], result: Val) => {
    for (const op of ops) HELPER_SIGNATURES.set(op, [params, result]);
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  add(range(0x5b, 0x60), ['f32', 'f32'], 'i32'); // f32.eq … f32.ge
  add(range(0x61, 0x66), ['f64', 'f64'], 'i32'); // f64.eq … f64.ge
  add(range(0x8d, 0x91), ['f32'], 'f32'); // f32.ceil floor trunc nearest sqrt
  add(range(0x92, 0x97), ['f32', 'f32'], 'f32'); // f32.add sub mul div min max
  add(range(0x9b, 0x9f), ['f64'], 'f64'); // f64.ceil floor trunc nearest sqrt
  add(range(0xa0, 0xa5), ['f64', 'f64'], 'f64'); // f64.add sub mul div min max
  add([0xa8, 0xa9, 0xfc00, 0xfc01], ['f32'], 'i32'); // i32.trunc(_sat)_f32_s/u
  add([0xaa, 0xab, 0xfc02, 0xfc03], ['f64'], 'i32'); // i32.trunc(_sat)_f64_s/u
  add([0xae, 0xaf, 0xfc04, 0xfc05], ['f32'], 'i64'); // i64.trunc(_sat)_f32_s/u
  add([0xb0, 0xb1, 0xfc06, 0xfc07], ['f64'], 'i64'); // i64.trunc(_sat)_f64_s/u
  add([0xb2, 0xb3], ['i32'], 'f32'); // f32.convert_i32_s/u
  add([0xb4, 0xb5], ['i64'], 'f32'); // f32.convert_i64_s/u
  add([0xb6], ['f64'], 'f32'); // f32.demote_f64
  add([0xb7, 0xb8], ['i32'], 'f64'); // f64.convert_i32_s/u
  add([0xb9, 0xba], ['i64'], 'f64'); // f64.convert_i64_s/u
  add([0xbb], ['f32'], 'f64'); // f64.promote_f32
}

/** The soft-float helper of a float instruction: its WebAssembly name with `_` for `.`. */
export const softFloatHelperName = (op: number) => wasmOpName(op).replace('.', '_');

/** The names of every soft-float helper the flattener may call. */
export const SOFT_FLOAT_HELPERS: ReadonlySet<string> = new Set(
  [...HELPER_SIGNATURES.keys()].map(softFloatHelperName),
);

/** Reinterpretations: the same words, another type. */
const REINTERPRET = new Map<number, Val>([
  [0xbc, 'i32'], // i32.reinterpret_f32
  [0xbd, 'i64'], // i64.reinterpret_f64
  [0xbe, 'f32'], // f32.reinterpret_i32
  [0xbf, 'f64'], // f64.reinterpret_i64
]);

/** A float instruction; returns false for anything else. */
export function floatOp(s: FunctionState, op: number, imm: number, imm2: number): boolean {
  const { b, stack } = s;
  const signature = HELPER_SIGNATURES.get(op);
  if (signature) {
    for (let i = signature[0].length - 1; i >= 0; i--) stack.pop(signature[0][i]);
    b.as('lowered', () => b.emit('call', 0, { callee: { helper: softFloatHelperName(op) } }));
    stack.push(signature[1]);
    return true;
  }
  const reinterpreted = REINTERPRET.get(op);
  if (reinterpreted) {
    stack.pop();
    stack.push(reinterpreted);
    return true;
  }
  switch (op) {
    case 0x43: // f32.const: its bits
      b.emit('i32.const', imm);
      stack.push('f32');
      return true;
    case 0x44: // f64.const: the words of its bits
      b.as('lowered', () => {
        b.emit('i32.const', imm);
        b.emit('i32.const', imm2);
      });
      stack.push('f64');
      return true;
    case 0x2a: // f32.load
      stack.pop('i32');
      b.emit('i32.load', imm2);
      stack.push('f32');
      return true;
    case 0x38: // f32.store
      stack.pop('f32');
      stack.pop('i32');
      b.emit('i32.store', imm2);
      return true;
    case 0x2b: // f64.load: the i64 load of its two words
      i64Move(s, 0x29, imm, imm2);
      retag(s, 'f64');
      return true;
    case 0x39: // f64.store
      return i64Move(s, 0x37, imm, imm2);
    case 0x8c: // f32.neg
    case 0x9a: // f64.neg (the sign is in the high word, on top)
      b.as('lowered', () => flipSign(s));
      return true;
    case 0x8b: // f32.abs
    case 0x99: // f64.abs
      b.as('lowered', () => clearSign(s));
      return true;
    case 0x98: // f32.copysign
    case 0xa6: // f64.copysign
      b.as('lowered', () => copySign(s, op === 0xa6));
      return true;
  }
  return false;
}

function retag(s: FunctionState, type: Val): void {
  s.stack.pop();
  s.stack.push(type);
}

/** The top word's sign bit flipped: adding 2^31 wraps exactly to that. */
function flipSign(s: FunctionState): void {
  s.b.emit('i32.const', SIGN);
  s.b.emit('i32.add');
}

/** The top word's sign bit cleared: x − 2^31 when x is negative as an i32, else x. */
function clearSign(s: FunctionState): void {
  const { b } = s;
  const x = s.temp('float_sign');
  b.emit('local.tee', x);
  b.emit('i32.const', SIGN);
  b.emit('i32.sub');
  b.emit('local.get', x);
  b.emit('local.get', x);
  b.emit('i32.const', 0);
  b.emit('i32.lt_s');
  b.emit('select');
}

/** [a b] → a with b's sign: a's magnitude plus 2^31 when b is negative. */
function copySign(s: FunctionState, pair: boolean): void {
  const { b, stack } = s;
  const type = pair ? 'f64' : 'f32';
  stack.pop(type);
  const sign = s.temp('float_copysign');
  b.emit('local.set', sign); // b's sign word (an f64's high word; its low word is dropped)
  if (pair) b.emit('drop');
  clearSign(s);
  b.emit('i32.const', SIGN);
  b.emit('i32.const', 0);
  b.emit('local.get', sign);
  b.emit('i32.const', 0);
  b.emit('i32.lt_s');
  b.emit('select');
  b.emit('i32.add');
}
