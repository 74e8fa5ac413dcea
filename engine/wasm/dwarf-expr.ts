// DWARF expression operations (DWARF 5 section 2.5 and table 7.9, plus DW_OP_WASM_location from
// the WebAssembly DWARF convention): their names and operands, decoded one by one. The location
// evaluator (engine/debug-info/location.ts) runs them; the reader rewrites the unit-relative ones
// (addrx, constx, convert) so that an expression in the model stands on its own.

/** Operand encodings. */
type Operand = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'u64' | 'i64' | 'uleb' | 'sleb' | 'block';

export interface Op {
  readonly code: number;
  readonly name: string;
  /** Decoded operands; a block's bytes come as a Uint8Array. */
  readonly args: readonly (bigint | Uint8Array)[];
  /** Offset of the op within the expression, and of the next one. */
  readonly at: number;
  readonly next: number;
}

export class DwarfExpressionError extends Error {}

const OPS = new Map<number, [string, ...Operand[]]>([
  [0x03, ['DW_OP_addr', 'u32']],
  [0x06, ['DW_OP_deref']],
  [0x08, ['DW_OP_const1u', 'u8']],
  [0x09, ['DW_OP_const1s', 'i8']],
  [0x0a, ['DW_OP_const2u', 'u16']],
  [0x0b, ['DW_OP_const2s', 'i16']],
  [0x0c, ['DW_OP_const4u', 'u32']],
  [0x0d, ['DW_OP_const4s', 'i32']],
  [0x0e, ['DW_OP_const8u', 'u64']],
  [0x0f, ['DW_OP_const8s', 'i64']],
  [0x10, ['DW_OP_constu', 'uleb']],
  [0x11, ['DW_OP_consts', 'sleb']],
  [0x12, ['DW_OP_dup']],
  [0x13, ['DW_OP_drop']],
  [0x14, ['DW_OP_over']],
  [0x15, ['DW_OP_pick', 'u8']],
  [0x16, ['DW_OP_swap']],
  [0x17, ['DW_OP_rot']],
  [0x18, ['DW_OP_xderef']],
  [0x19, ['DW_OP_abs']],
  [0x1a, ['DW_OP_and']],
  [0x1b, ['DW_OP_div']],
  [0x1c, ['DW_OP_minus']],
  [0x1d, ['DW_OP_mod']],
  [0x1e, ['DW_OP_mul']],
  [0x1f, ['DW_OP_neg']],
  [0x20, ['DW_OP_not']],
  [0x21, ['DW_OP_or']],
  [0x22, ['DW_OP_plus']],
  [0x23, ['DW_OP_plus_uconst', 'uleb']],
  [0x24, ['DW_OP_shl']],
  [0x25, ['DW_OP_shr']],
  [0x26, ['DW_OP_shra']],
  [0x27, ['DW_OP_xor']],
  [0x28, ['DW_OP_bra', 'i16']],
  [0x29, ['DW_OP_eq']],
  [0x2a, ['DW_OP_ge']],
  [0x2b, ['DW_OP_gt']],
  [0x2c, ['DW_OP_le']],
  [0x2d, ['DW_OP_lt']],
  [0x2e, ['DW_OP_ne']],
  [0x2f, ['DW_OP_skip', 'i16']],
  [0x90, ['DW_OP_regx', 'uleb']],
  [0x91, ['DW_OP_fbreg', 'sleb']],
  [0x92, ['DW_OP_bregx', 'uleb', 'sleb']],
  [0x93, ['DW_OP_piece', 'uleb']],
  [0x94, ['DW_OP_deref_size', 'u8']],
  [0x95, ['DW_OP_xderef_size', 'u8']],
  [0x96, ['DW_OP_nop']],
  [0x97, ['DW_OP_push_object_address']],
  [0x98, ['DW_OP_call2', 'u16']],
  [0x99, ['DW_OP_call4', 'u32']],
  [0x9a, ['DW_OP_call_ref', 'u32']],
  [0x9b, ['DW_OP_form_tls_address']],
  [0x9c, ['DW_OP_call_frame_cfa']],
  [0x9d, ['DW_OP_bit_piece', 'uleb', 'uleb']],
  [0x9e, ['DW_OP_implicit_value', 'block']],
  [0x9f, ['DW_OP_stack_value']],
  [0xa0, ['DW_OP_implicit_pointer', 'u32', 'sleb']],
  [0xa1, ['DW_OP_addrx', 'uleb']],
  [0xa2, ['DW_OP_constx', 'uleb']],
  [0xa3, ['DW_OP_entry_value', 'block']],
  [0xa4, ['DW_OP_const_type', 'uleb', 'u8']], // followed by that many bytes: handled below
  [0xa5, ['DW_OP_regval_type', 'uleb', 'uleb']],
  [0xa6, ['DW_OP_deref_type', 'u8', 'uleb']],
  [0xa7, ['DW_OP_xderef_type', 'u8', 'uleb']],
  [0xa8, ['DW_OP_convert', 'uleb']],
  [0xa9, ['DW_OP_reinterpret', 'uleb']],
  [0xe0, ['DW_OP_GNU_push_tls_address']],
  [0xf3, ['DW_OP_GNU_entry_value', 'block']],
  [0xed, ['DW_OP_WASM_location']], // operands depend on the first: handled below
]);
for (let i = 0; i < 32; i++) {
  OPS.set(0x30 + i, [`DW_OP_lit${i}`]);
  OPS.set(0x50 + i, [`DW_OP_reg${i}`]);
  OPS.set(0x70 + i, [`DW_OP_breg${i}`, 'sleb']);
}

export const DW_OP_WASM_location = 0xed;

/** Reads the op at `at` of `ops`. Throws DwarfExpressionError when it is truncated or unknown. */
export function decodeOp(ops: Uint8Array, at: number): Op {
  let pos = at;
  const fail = (message: string): never => {
    throw new DwarfExpressionError(`${message} at byte ${at} of a location expression`);
  };
  const byte = (): number => (pos < ops.length ? ops[pos++] : fail('truncated operation'));
  const fixed = (n: number, signed: boolean): bigint => {
    let v = 0n;
    for (let i = 0; i < n; i++) v |= BigInt(byte()) << BigInt(8 * i);
    return signed ? BigInt.asIntN(8 * n, v) : v;
  };
  const leb = (signed: boolean): bigint => {
    let v = 0n;
    let shift = 0n;
    let b: number;
    do {
      b = byte();
      v |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (shift > 70n) fail('LEB128 operand too long');
    } while (b & 0x80);
    if (signed && b & 0x40) v -= 1n << shift;
    return signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
  };
  const code = byte();
  const spec = OPS.get(code);
  if (!spec) {
    // An unknown op's operand size is unknown, so nothing after it can be decoded.
    return { code, name: `DW_OP_0x${code.toString(16)}`, args: [], at, next: ops.length };
  }
  const [name, ...operands] = spec;
  const args: (bigint | Uint8Array)[] = [];
  if (code === DW_OP_WASM_location) {
    const kind = leb(false);
    args.push(kind);
    // 0 local, 1 global, 2 operand stack: ULEB index; 3 global with a fixed 4-byte index.
    args.push(kind === 3n ? fixed(4, false) : leb(false));
    return { code, name, args, at, next: pos };
  }
  for (const o of operands) {
    switch (o) {
      case 'u8':
        args.push(fixed(1, false));
        break;
      case 'i8':
        args.push(fixed(1, true));
        break;
      case 'u16':
        args.push(fixed(2, false));
        break;
      case 'i16':
        args.push(fixed(2, true));
        break;
      case 'u32':
        args.push(fixed(4, false));
        break;
      case 'i32':
        args.push(fixed(4, true));
        break;
      case 'u64':
        args.push(fixed(8, false));
        break;
      case 'i64':
        args.push(fixed(8, true));
        break;
      case 'uleb':
        args.push(leb(false));
        break;
      case 'sleb':
        args.push(leb(true));
        break;
      case 'block': {
        const n = Number(leb(false));
        if (pos + n > ops.length) fail('truncated block operand');
        args.push(ops.slice(pos, pos + n));
        pos += n;
        break;
      }
    }
  }
  if (code === 0xa4) {
    const n = Number(args[1]);
    if (pos + n > ops.length) fail('truncated DW_OP_const_type value');
    args.push(ops.slice(pos, pos + n));
    pos += n;
  }
  return { code, name, args, at, next: pos };
}

/** All ops of an expression, in order. */
export function decodeOps(ops: Uint8Array): Op[] {
  const out: Op[] = [];
  for (let at = 0; at < ops.length; ) {
    const op = decodeOp(ops, at);
    out.push(op);
    at = op.next;
  }
  return out;
}

/** `DW_OP_fbreg +12`-style text of an expression, as llvm-dwarfdump prints it (for tests and messages). */
export function opsToString(ops: Uint8Array): string {
  return decodeOps(ops)
    .map((op) => {
      const args = op.args.map((a) => {
        // a block: its length, then each byte (DW_OP_implicit_value 0x8 0x00 … 0x40 for 2.0)
        if (a instanceof Uint8Array)
          return [
            `0x${a.length.toString(16)}`,
            ...[...a].map((b) => `0x${b.toString(16).padStart(2, '0')}`),
          ].join(' ');
        if (op.name === 'DW_OP_fbreg' || op.name === 'DW_OP_consts' || op.name.startsWith('DW_OP_breg'))
          return a < 0n ? `${a}` : `+${a}`;
        return `0x${a.toString(16)}`;
      });
      return [op.name, ...args].join(' ');
    })
    .join(', ');
}

function uleb(v: bigint): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x !== 0n) b |= 0x80;
    out.push(b);
  } while (x !== 0n);
  return out;
}

/** What the reader knows of a unit that an expression may refer to. */
export interface ExpressionUnit {
  /** The address at index `i` of the unit's .debug_addr table. */
  address(i: number): number;
  /** The base type at unit offset `offset` (DW_OP_convert): its size and signedness. */
  baseType(offset: number): { size: number; signed: boolean } | undefined;
}

/**
 * The expression with its unit-relative operations replaced by self-contained equivalents:
 * DW_OP_addrx → DW_OP_addr, DW_OP_constx → DW_OP_const4u, and DW_OP_convert to an N-byte base
 * type → masking (unsigned) or sign extension by shifts (signed) of the 64-bit stack value,
 * which is what converting to that type means for integers. Other ops are copied unchanged.
 */
export function selfContained(ops: Uint8Array, unit: ExpressionUnit): Uint8Array {
  let needed = false;
  const decoded = decodeOps(ops);
  for (const op of decoded) if (op.code === 0xa1 || op.code === 0xa2 || op.code === 0xa8) needed = true;
  if (!needed) return ops;
  const out: number[] = [];
  for (const op of decoded) {
    if (op.code === 0xa1 || op.code === 0xa2) {
      const a = unit.address(Number(op.args[0]));
      out.push(op.code === 0xa1 ? 0x03 : 0x0c, a & 0xff, (a >>> 8) & 0xff, (a >>> 16) & 0xff, a >>> 24);
    } else if (op.code === 0xa8) {
      const offset = Number(op.args[0]);
      const t = offset === 0 ? undefined : unit.baseType(offset);
      if (offset !== 0 && !t)
        throw new DwarfExpressionError(`DW_OP_convert to 0x${offset.toString(16)}, which is not a base type`);
      if (t && t.size < 8) {
        const bits = BigInt(64 - t.size * 8);
        if (t.signed) out.push(0x10, ...uleb(bits), 0x24, 0x10, ...uleb(bits), 0x26);
        else out.push(0x10, ...uleb((1n << BigInt(t.size * 8)) - 1n), 0x1a);
      }
    } else {
      for (let i = op.at; i < op.next; i++) out.push(ops[i]);
    }
  }
  return new Uint8Array(out);
}
