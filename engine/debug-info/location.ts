// Evaluates a DWARF location description (DWARF 5 section 2.5/2.6) against one stopped frame:
// a bounded stack machine over LocationContext, giving the Place where a variable's bytes are.
//
// DW_OP_WASM_location (0xed) names a WebAssembly local (0), global (1, 3) or operand-stack entry
// (2). The operand-stack index counts from the BOTTOM of the function's operand stack: LLVM's
// WebAssemblyDebugFixup pass computes it as the entry's distance from Stack[0], the oldest value
// the function has pushed (not from the top). Used alone it is a register-like location (the
// object is the slot's content); followed by more ops it pushes the slot's value.

import { DW_OP_WASM_location, DwarfExpressionError, decodeOp } from '../wasm/dwarf-expr';
import { bytesOf, integerOf } from './bytes';
import type { LocationContext, LocationDescription, Place } from './model';

/** More operations than any real expression runs (DW_OP_skip/bra can loop). */
const MAX_STEPS = 10_000;
const MAX_STACK = 1_000;
const MASK64 = (1n << 64n) - 1n;

class Unavailable extends Error {}

/** Where the object described by `desc` is at `ctx.offset`. Never throws. */
export function evaluateLocation(
  desc: LocationDescription,
  ctx: LocationContext,
  frameBase?: LocationDescription,
): Place {
  let ops: Uint8Array;
  switch (desc.kind) {
    case 'none':
      return { kind: 'optimized-out' };
    case 'expression':
      ops = desc.ops;
      break;
    case 'list': {
      const entry = desc.entries.find((e) => e.start <= ctx.offset && ctx.offset < e.end);
      if (!entry) return { kind: 'optimized-out' };
      ops = entry.ops;
      break;
    }
  }
  try {
    return run(ops, ctx, frameBase, 0);
  } catch (e) {
    if (e instanceof Unavailable || e instanceof DwarfExpressionError)
      return { kind: 'unavailable', reason: e.message };
    throw e;
  }
}

/** One stack entry: a 64-bit value; `bytes` keeps the raw slot a DW_OP_WASM_location read. */
interface Entry {
  value: bigint;
  bytes?: Uint8Array;
}

function run(
  ops: Uint8Array,
  ctx: LocationContext,
  frameBase: LocationDescription | undefined,
  depth: number,
): Place {
  const stack: Entry[] = [];
  const pieces: { size: number; place: Place | undefined }[] = [];
  /** The current piece's location when it is not "the address on top of the stack". */
  let current: Place | undefined;
  /** The stack entry a lone DW_OP_WASM_location pushed, while it is still the whole expression state. */
  let register: Entry | undefined;
  const pop = (name: string): bigint => {
    const e = stack.pop();
    if (!e) throw new Unavailable(`${name} on an empty DWARF stack`);
    return e.value;
  };
  const push = (value: bigint, bytes?: Uint8Array): void => {
    if (stack.length >= MAX_STACK) throw new Unavailable('DWARF expression stack overflow');
    stack.push(bytes ? { value: BigInt.asUintN(64, value), bytes } : { value: BigInt.asUintN(64, value) });
  };
  const signed = (v: bigint): bigint => BigInt.asIntN(64, v);
  const read = (address: bigint, size: number): bigint => {
    const a = Number(BigInt.asUintN(32, address));
    const bytes = ctx.memory(a, size);
    if (!bytes) throw new Unavailable(`cannot read ${size} bytes of memory at 0x${a.toString(16)}`);
    return integerOf(bytes, false);
  };
  /** The place the expression so far describes (at DW_OP_piece or the end). */
  const finish = (): Place | undefined => {
    if (current) return current;
    if (register && stack.length === 1 && stack[0] === register && register.bytes) {
      return { kind: 'value', bytes: register.bytes };
    }
    const top = stack[stack.length - 1];
    if (!top) return undefined; // an empty piece: optimized out
    return { kind: 'memory', address: Number(BigInt.asUintN(32, top.value)) };
  };

  let pc = 0;
  for (let steps = 0; pc < ops.length; steps++) {
    if (steps >= MAX_STEPS) throw new Unavailable(`DWARF expression runs more than ${MAX_STEPS} operations`);
    const op = decodeOp(ops, pc);
    const arg = (i: number): bigint => op.args[i] as bigint;
    pc = op.next;
    const wasRegister = register;
    register = undefined;
    if (current && op.code !== 0x93 && op.code !== 0x9d) {
      throw new Unavailable(`${op.name} after a complete location (expected DW_OP_piece)`);
    }
    const c = op.code;
    if (c >= 0x30 && c <= 0x4f) {
      push(BigInt(c - 0x30)); // DW_OP_lit0..31
      continue;
    }
    if ((c >= 0x50 && c <= 0x6f) || (c >= 0x70 && c <= 0x8f) || c === 0x90 || c === 0x92 || c === 0xa5) {
      throw new Unavailable(`${op.name} is not supported (WebAssembly has no registers)`);
    }
    switch (c) {
      case 0x03: // addr
      case 0x08: // const1u … const8s, constu, consts: operands already sign- or zero-extended
      case 0x09:
      case 0x0a:
      case 0x0b:
      case 0x0c:
      case 0x0d:
      case 0x0e:
      case 0x0f:
      case 0x10:
      case 0x11:
        push(arg(0));
        break;
      case DW_OP_WASM_location: {
        const kind = arg(0);
        const index = Number(arg(1));
        const what = kind === 0n ? 'local' : kind === 2n ? 'operand stack entry' : 'global';
        const bytes =
          kind === 0n
            ? ctx.wasmLocal(index)
            : kind === 1n || kind === 3n
              ? ctx.wasmGlobal(index)
              : kind === 2n
                ? ctx.wasmOperand(index)
                : undefined;
        if (kind > 3n) throw new Unavailable(`DW_OP_WASM_location kind ${kind} is not supported`);
        if (!bytes) throw new Unavailable(`WebAssembly ${what} ${index} is not available here`);
        push(integerOf(bytes, false), bytes);
        register = stack.length === 1 ? stack[0] : undefined;
        break;
      }
      case 0x91: {
        // fbreg: the frame base's value (a register-like or stack value, or a memory address) + offset.
        if (!frameBase) throw new Unavailable('DW_OP_fbreg without a frame base');
        if (depth > 0) throw new Unavailable('DW_OP_fbreg inside the frame base');
        const fb =
          frameBase.kind === 'expression' || frameBase.kind === 'list'
            ? evaluateFrameBase(frameBase, ctx)
            : undefined;
        if (fb === undefined) throw new Unavailable('the frame base is not available here');
        push(fb + arg(0));
        break;
      }
      case 0x06: // deref
        push(read(pop(op.name), 4));
        break;
      case 0x94: {
        // deref_size
        const n = Number(arg(0));
        if (n < 1 || n > 8) throw new Unavailable(`DW_OP_deref_size ${n}`);
        push(read(pop(op.name), n));
        break;
      }
      case 0xa6: {
        // deref_type: the size is what matters for integers
        const n = Number(arg(0));
        if (n < 1 || n > 8) throw new Unavailable(`DW_OP_deref_type of ${n} bytes`);
        push(read(pop(op.name), n));
        break;
      }
      case 0x12: {
        // dup
        const v = pop(op.name);
        push(v);
        push(v);
        break;
      }
      case 0x13:
        pop(op.name);
        break;
      case 0x14: {
        // over
        if (stack.length < 2) throw new Unavailable('DW_OP_over with fewer than 2 entries');
        push(stack[stack.length - 2].value);
        break;
      }
      case 0x15: {
        // pick
        const i = Number(arg(0));
        if (i >= stack.length) throw new Unavailable(`DW_OP_pick ${i} with ${stack.length} entries`);
        push(stack[stack.length - 1 - i].value);
        break;
      }
      case 0x16: {
        // swap
        const a = pop(op.name);
        const b = pop(op.name);
        push(a);
        push(b);
        break;
      }
      case 0x17: {
        // rot: top three entries rotate, the top going third
        const a = pop(op.name);
        const b = pop(op.name);
        const d = pop(op.name);
        push(a);
        push(d);
        push(b);
        break;
      }
      case 0x19: {
        const v = signed(pop(op.name));
        push(v < 0n ? -v : v);
        break;
      }
      case 0x1f:
        push(-pop(op.name));
        break;
      case 0x20:
        push(~pop(op.name) & MASK64);
        break;
      case 0x23:
        push(pop(op.name) + arg(0));
        break;
      case 0x1a:
      case 0x1b:
      case 0x1c:
      case 0x1d:
      case 0x1e:
      case 0x21:
      case 0x22:
      case 0x24:
      case 0x25:
      case 0x26:
      case 0x27:
      case 0x29:
      case 0x2a:
      case 0x2b:
      case 0x2c:
      case 0x2d:
      case 0x2e: {
        const b = pop(op.name);
        const a = pop(op.name);
        push(binary(c, a, b, op.name));
        break;
      }
      case 0x2f: // skip
      case 0x28: {
        // bra: branch when the popped value is nonzero
        const taken = c === 0x2f || pop(op.name) !== 0n;
        if (taken) {
          const target = pc + Number(arg(0));
          if (target < 0 || target > ops.length) throw new Unavailable(`${op.name} outside the expression`);
          pc = target;
        }
        break;
      }
      case 0x96: // nop
        break;
      case 0x9f: {
        // stack_value: the object is the value on top, not at it
        const top = stack[stack.length - 1];
        if (!top) throw new Unavailable('DW_OP_stack_value on an empty DWARF stack');
        // A slot read by DW_OP_WASM_location keeps its own width (i32: 4 bytes, i64: 8).
        current = {
          kind: 'value',
          bytes: wasRegister === top && top.bytes ? top.bytes : bytesOf(top.value, 8),
        };
        break;
      }
      case 0x9e: // implicit_value
        current = { kind: 'value', bytes: op.args[0] as Uint8Array };
        break;
      case 0x93: {
        // piece
        pieces.push({ size: Number(arg(0)), place: current ?? finishPiece() });
        current = undefined;
        stack.length = 0;
        break;
      }
      case 0xa3:
      case 0xf3:
        throw new Unavailable(`${op.name} is not supported (the caller's values are not kept)`);
      default:
        throw new Unavailable(`${op.name} is not supported`);
    }
  }
  if (pieces.length > 0) {
    if (current || stack.length > 0)
      throw new Unavailable('DWARF expression ends after its last DW_OP_piece with a location');
    return { kind: 'pieces', pieces };
  }
  return finish() ?? { kind: 'optimized-out' };

  function finishPiece(): Place | undefined {
    // Like finish(), but `register` was reset by the DW_OP_piece itself.
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    if (stack.length === 1 && top.bytes) return { kind: 'value', bytes: top.bytes };
    return { kind: 'memory', address: Number(BigInt.asUintN(32, top.value)) };
  }
}

/** The frame base as a number: the content of a local/global it names, or the address it computes. */
function evaluateFrameBase(desc: LocationDescription, ctx: LocationContext): bigint | undefined {
  let ops: Uint8Array;
  if (desc.kind === 'expression') ops = desc.ops;
  else if (desc.kind === 'list') {
    const e = desc.entries.find((x) => x.start <= ctx.offset && ctx.offset < x.end);
    if (!e) return undefined;
    ops = e.ops;
  } else return undefined;
  const place = run(ops, ctx, undefined, 1);
  if (place.kind === 'memory') return BigInt(place.address);
  if (place.kind === 'value') return integerOf(place.bytes, false);
  return undefined;
}

function binary(code: number, a: bigint, b: bigint, name: string): bigint {
  const sa = BigInt.asIntN(64, a);
  const sb = BigInt.asIntN(64, b);
  switch (code) {
    case 0x1a:
      return a & b;
    case 0x1b:
      if (sb === 0n) throw new Unavailable('DW_OP_div by zero');
      return sa / sb; // signed, truncating (DWARF 5: operands of the generic type divide as signed)
    case 0x1c:
      return a - b;
    case 0x1d:
      if (b === 0n) throw new Unavailable('DW_OP_mod by zero');
      return a % b;
    case 0x1e:
      return a * b;
    case 0x21:
      return a | b;
    case 0x22:
      return a + b;
    case 0x24:
      return b >= 64n ? 0n : a << b;
    case 0x25:
      return b >= 64n ? 0n : a >> b;
    case 0x26:
      return sa >> (b >= 64n ? 63n : b);
    case 0x27:
      return a ^ b;
    case 0x29:
      return sa === sb ? 1n : 0n;
    case 0x2a:
      return sa >= sb ? 1n : 0n;
    case 0x2b:
      return sa > sb ? 1n : 0n;
    case 0x2c:
      return sa <= sb ? 1n : 0n;
    case 0x2d:
      return sa < sb ? 1n : 0n;
    case 0x2e:
      return sa !== sb ? 1n : 0n;
    default:
      throw new Unavailable(`${name} is not supported`);
  }
}
