// The C program model (engine/debug-info/model.ts) read from a WebAssembly module's DWARF:
// types, functions with their lexical and inlined scopes, variables with their locations, statics.
// The DIE tree comes from dwarf-die.ts; this file gives it C meaning (DWARF 5 chapters 3 to 5).

import type {
  BaseEncoding,
  CEnumerator,
  CFunction,
  CMember,
  CodeRange,
  CProgramInfo,
  CQualifiedType,
  CScope,
  CStaticVariable,
  CType,
  CVariable,
  LocationDescription,
} from '../debug-info/model';
import {
  type AttrValue,
  addressAtIndex,
  addressOf,
  type Die,
  DW_AT,
  type DwarfSections,
  locationList,
  rangeList,
  readUnits,
  stringOf,
  type Unit,
} from './dwarf-die';
import { DwarfExpressionError, selfContained } from './dwarf-expr';
import { DwarfFormatError } from './dwarf-line';
import { readSections } from './reader';

// Tags (DWARF 5 table 7.3).
const TAG = {
  array_type: 0x01,
  class_type: 0x02,
  enumeration_type: 0x04,
  formal_parameter: 0x05,
  lexical_block: 0x0b,
  member: 0x0d,
  pointer_type: 0x0f,
  reference_type: 0x10,
  compile_unit: 0x11,
  structure_type: 0x13,
  subroutine_type: 0x15,
  typedef: 0x16,
  union_type: 0x17,
  unspecified_parameters: 0x18,
  inlined_subroutine: 0x1d,
  subrange_type: 0x21,
  base_type: 0x24,
  const_type: 0x26,
  enumerator: 0x28,
  subprogram: 0x2e,
  variable: 0x34,
  volatile_type: 0x35,
  restrict_type: 0x37,
  unspecified_type: 0x3b,
  partial_unit: 0x3c,
  atomic_type: 0x47,
} as const;

const VOID: CType = { kind: 'void' };
/** Addresses at or above this are wasm-ld's tombstones for dead-stripped code. */
const TOMBSTONE = 0xfffffff0;

/** The module's C program information, or undefined when it has no .debug_info. */
export function readProgramInfo(wasm: Uint8Array): CProgramInfo | undefined {
  const sections = dwarfSectionsOf(wasm);
  return sections && new ProgramReader(sections).read();
}

/** The DWARF sections of a module; undefined when it has no .debug_info. */
export function dwarfSectionsOf(wasm: Uint8Array): DwarfSections | undefined {
  const spans = readSections(wasm);
  const get = (name: string): Uint8Array | undefined => {
    const s = spans.find((x) => x.id === 0 && x.name === name);
    return s && wasm.subarray(s.start, s.end);
  };
  const debugInfo = get('.debug_info');
  if (!debugInfo) return undefined;
  return {
    debugInfo,
    debugLine: get('.debug_line') ?? new Uint8Array(0),
    debugLineStr: get('.debug_line_str'),
    debugStr: get('.debug_str'),
    debugAbbrev: get('.debug_abbrev'),
    debugStrOffsets: get('.debug_str_offsets'),
    debugAddr: get('.debug_addr'),
    debugLoclists: get('.debug_loclists'),
    debugRnglists: get('.debug_rnglists'),
    debugLoc: get('.debug_loc'),
    debugRanges: get('.debug_ranges'),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class ProgramReader {
  private readonly dies = new Map<number, Die>();
  private readonly types = new Map<number, CType>();
  private readonly functions: CFunction[] = [];
  private readonly statics: CStaticVariable[] = [];
  /** Named type DIEs, by C spelling (`int`, `uint32_t`, `struct node`). */
  private readonly namedTypes = new Map<string, Die[]>();

  constructor(private readonly s: DwarfSections) {}

  read(): CProgramInfo {
    const units = readUnits(this.s);
    for (const u of units) this.index(u.root);
    for (const u of units) {
      if (u.root.tag !== TAG.compile_unit && u.root.tag !== TAG.partial_unit) continue;
      for (const die of u.root.children) this.topLevel(die);
    }
    return new Program(this.functions, this.statics, (name) => this.typeNamed(name));
  }

  /** Records every DIE by offset (for references) and every named type by its C spelling. */
  private index(root: Die): void {
    const stack = [root];
    while (stack.length) {
      const die = stack.pop() as Die;
      this.dies.set(die.offset, die);
      const keyword =
        die.tag === TAG.structure_type || die.tag === TAG.class_type
          ? 'struct '
          : die.tag === TAG.union_type
            ? 'union '
            : die.tag === TAG.enumeration_type
              ? 'enum '
              : die.tag === TAG.typedef || die.tag === TAG.base_type
                ? ''
                : undefined;
      if (keyword !== undefined) {
        const name = this.str(die, DW_AT.name);
        if (name !== undefined) {
          const key = keyword + name;
          const list = this.namedTypes.get(key);
          if (list) list.push(die);
          else this.namedTypes.set(key, [die]);
        }
      }
      for (const c of die.children) stack.push(c);
    }
  }

  private typeNamed(name: string): CType | undefined {
    const text = name.trim().replace(/\s+/g, ' ');
    const star = /^(.*?)\s*\*$/.exec(text);
    if (star) {
      const target = this.typeNamed(star[1]);
      return target && { kind: 'pointer', size: 4, target };
    }
    const candidates = this.namedTypes.get(text);
    if (!candidates) return undefined;
    // A definition wins over a declaration (`struct FILE;`).
    const die = candidates.find((d) => !this.flag(d, DW_AT.declaration)) ?? candidates[0];
    return this.type(die.offset);
  }

  // ── Attribute access ──

  private fail(die: Die, message: string): never {
    throw new DwarfFormatError(message, '.debug_info', die.offset);
  }

  private str(die: Die, at: number): string | undefined {
    return stringOf(die, die.attrs.get(at), this.s);
  }

  private flag(die: Die, at: number): boolean {
    const v = die.attrs.get(at);
    return v !== undefined && (v.cls === 'flag' ? v.value : v.cls === 'const' ? v.value !== 0n : false);
  }

  private num(die: Die, at: number): number | undefined {
    const v = die.attrs.get(at);
    if (v?.cls !== 'const') return undefined;
    return Number(v.signed ? v.value : BigInt.asUintN(64, v.value));
  }

  private ref(die: Die, at: number): Die | undefined {
    const v = die.attrs.get(at);
    if (v?.cls !== 'ref') return undefined;
    const target = this.dies.get(v.offset);
    if (!target) this.fail(die, `reference to 0x${v.offset.toString(16)}, where no DIE starts`);
    return target;
  }

  /** The DIE itself, then the DIEs it completes or instantiates (abstract origin, specification). */
  private origins(die: Die): Die[] {
    const chain = [die];
    let d: Die | undefined = die;
    for (let i = 0; i < 8 && d; i++) {
      d = this.ref(d, DW_AT.abstract_origin) ?? this.ref(d, DW_AT.specification);
      if (d) chain.push(d);
    }
    return chain;
  }

  /** An attribute from the DIE or, when it lacks it, from its origins. */
  private inherited(die: Die, at: number): { die: Die; value: AttrValue } | undefined {
    for (const d of this.origins(die)) {
      const value = d.attrs.get(at);
      if (value) return { die: d, value };
    }
    return undefined;
  }

  private inheritedName(die: Die): string | undefined {
    const found = this.inherited(die, DW_AT.name);
    return found && stringOf(found.die, found.value, this.s);
  }

  private inheritedType(die: Die): CType {
    const found = this.inherited(die, DW_AT.type);
    return found ? this.typeOfRef(found.die, found.value) : VOID;
  }

  private typeOfRef(die: Die, v: AttrValue): CType {
    if (v.cls !== 'ref') return VOID; // DW_FORM_ref_sig8 (type units) is not read
    if (!this.dies.has(v.offset))
      this.fail(die, `type reference to 0x${v.offset.toString(16)}, where no DIE starts`);
    return this.type(v.offset);
  }

  private declPosition(die: Die): { declFile?: string; declLine?: number } {
    const file = this.inherited(die, DW_AT.decl_file);
    const line = this.inherited(die, DW_AT.decl_line);
    const out: { declFile?: string; declLine?: number } = {};
    if (file?.value.cls === 'const') {
      const name = file.die.unit.fileNames[Number(file.value.value)];
      if (name) out.declFile = name;
    }
    if (line?.value.cls === 'const') out.declLine = Number(line.value.value);
    return out;
  }

  /** Code ranges of a DIE: low_pc/high_pc or DW_AT_ranges; dead-stripped ranges dropped, sorted. */
  private ranges(die: Die): CodeRange[] {
    const out: [number, number][] = [];
    const low = die.attrs.get(DW_AT.low_pc);
    const ranges = die.attrs.get(DW_AT.ranges);
    if (low) {
      const start = addressOf(die.unit, low, die.offset, this.s);
      const high = die.attrs.get(DW_AT.high_pc);
      if (high) {
        // A constant high_pc is the length (DWARF 4+); an address is the end.
        const end =
          high.cls === 'const' ? start + Number(high.value) : addressOf(die.unit, high, die.offset, this.s);
        out.push([start, end]);
      } else {
        out.push([start, start + 1]);
      }
    } else if (ranges) {
      out.push(...rangeList(die, ranges, this.s));
    }
    return out.filter(([a, b]) => a < b && a < TOMBSTONE).sort((x, y) => x[0] - y[0]);
  }

  // ── Locations ──

  private expressionUnit(unit: Unit) {
    return {
      address: (i: number) => addressAtIndex(unit, i, this.s),
      baseType: (offset: number) => {
        const die = this.dies.get(unit.offset + offset);
        if (die?.tag !== TAG.base_type) return undefined;
        const enc = this.num(die, DW_AT.encoding);
        return { size: this.num(die, DW_AT.byte_size) ?? 4, signed: enc === 0x05 || enc === 0x06 };
      },
    };
  }

  private ops(die: Die, bytes: Uint8Array): Uint8Array {
    try {
      return selfContained(bytes, this.expressionUnit(die.unit));
    } catch (e) {
      if (e instanceof DwarfExpressionError) this.fail(die, e.message);
      throw e;
    }
  }

  private location(die: Die, at: number): LocationDescription | undefined {
    const v = die.attrs.get(at);
    if (!v) return undefined;
    if (v.cls === 'block') return { kind: 'expression', ops: this.ops(die, v.bytes) };
    const entries = locationList(die, v, this.s).map((e) => ({
      start: e.start,
      end: e.end,
      ops: this.ops(die, e.ops),
    }));
    return { kind: 'list', entries };
  }

  // ── Types ──

  /** The type at a DIE offset; each DIE gets one object, created before its parts so cycles close. */
  private type(offset: number): CType {
    const cached = this.types.get(offset);
    if (cached) return cached;
    const die = this.dies.get(offset) as Die;
    const target = (): CType => {
      const v = die.attrs.get(DW_AT.type);
      return v ? this.typeOfRef(die, v) : VOID;
    };
    const name = this.str(die, DW_AT.name);
    switch (die.tag) {
      case TAG.base_type: {
        const t: CType = {
          kind: 'base',
          name: name ?? '<unnamed>',
          size: this.num(die, DW_AT.byte_size) ?? 0,
          encoding: baseEncoding(this.num(die, DW_AT.encoding)),
        };
        this.types.set(offset, t);
        return t;
      }
      case TAG.pointer_type:
      case TAG.reference_type: {
        const t: Mutable<Extract<CType, { kind: 'pointer' }>> = { kind: 'pointer', size: 4, target: VOID };
        this.types.set(offset, t);
        t.size = this.num(die, DW_AT.byte_size) ?? 4;
        t.target = target();
        return t;
      }
      case TAG.typedef: {
        const t: Mutable<Extract<CType, { kind: 'typedef' }>> = {
          kind: 'typedef',
          name: name ?? '',
          target: VOID,
        };
        this.types.set(offset, t);
        t.target = target();
        return t;
      }
      case TAG.const_type:
      case TAG.volatile_type:
      case TAG.restrict_type:
      case TAG.atomic_type: {
        const kind =
          die.tag === TAG.const_type
            ? 'const'
            : die.tag === TAG.volatile_type
              ? 'volatile'
              : die.tag === TAG.restrict_type
                ? 'restrict'
                : 'atomic';
        const t: Mutable<CQualifiedType> = { kind, target: VOID };
        this.types.set(offset, t);
        t.target = target();
        return t;
      }
      case TAG.structure_type:
      case TAG.class_type:
      case TAG.union_type: {
        const members: CMember[] = [];
        const t: CType = {
          kind: die.tag === TAG.union_type ? 'union' : 'struct',
          name,
          size: this.num(die, DW_AT.byte_size) ?? 0,
          members,
          incomplete: this.flag(die, DW_AT.declaration),
        };
        this.types.set(offset, t);
        for (const m of die.children) if (m.tag === TAG.member) members.push(this.member(m));
        return t;
      }
      case TAG.enumeration_type: {
        const enumerators: CEnumerator[] = [];
        const t: Mutable<Extract<CType, { kind: 'enum' }>> = {
          kind: 'enum',
          name,
          size: this.num(die, DW_AT.byte_size) ?? 4,
          signed: false,
          enumerators,
        };
        this.types.set(offset, t);
        const under = die.attrs.has(DW_AT.type) ? target() : undefined;
        const r = under && resolvedBase(under);
        const values = die.children.filter((c) => c.tag === TAG.enumerator);
        // Without an underlying type, an enumerator written as a signed constant makes the enum signed.
        t.signed = r
          ? r.encoding === 'signed' || r.encoding === 'signed_char'
          : values.some((c) => {
              const v = c.attrs.get(DW_AT.const_value);
              return v?.cls === 'const' && v.signed && v.value < 0n;
            });
        for (const c of values) {
          const v = c.attrs.get(DW_AT.const_value);
          if (v?.cls !== 'const') this.fail(c, 'enumerator without a constant DW_AT_const_value');
          const value = v.signed ? v.value : t.signed ? BigInt.asIntN(v.size * 8, v.value) : v.value;
          enumerators.push({ name: this.str(c, DW_AT.name) ?? '', value });
        }
        return t;
      }
      case TAG.array_type: {
        // One array object per dimension; the outermost is this DIE's.
        const dims = die.children.filter((c) => c.tag === TAG.subrange_type);
        const counts = dims.map((d) => this.subrangeCount(d));
        if (counts.length === 0) counts.push(undefined);
        const outer: Mutable<Extract<CType, { kind: 'array' }>> = {
          kind: 'array',
          element: VOID,
          count: counts[0],
        };
        this.types.set(offset, outer);
        let element = target();
        for (let i = counts.length - 1; i >= 1; i--) element = { kind: 'array', element, count: counts[i] };
        outer.element = element;
        return outer;
      }
      case TAG.subroutine_type:
      case TAG.subprogram: {
        const params: CType[] = [];
        const t: Mutable<Extract<CType, { kind: 'function' }>> = {
          kind: 'function',
          returns: VOID,
          params,
          variadic: false,
        };
        this.types.set(offset, t);
        t.returns = target();
        for (const c of die.children) {
          if (c.tag === TAG.formal_parameter) params.push(this.inheritedType(c));
          else if (c.tag === TAG.unspecified_parameters) t.variadic = true;
        }
        return t;
      }
      case TAG.unspecified_type:
        this.types.set(offset, VOID);
        return VOID;
      default:
        return this.fail(die, `DIE with tag 0x${die.tag.toString(16)} used as a type`);
    }
  }

  private subrangeCount(d: Die): number | undefined {
    const count = this.num(d, DW_AT.count);
    if (count !== undefined) return count;
    const upper = this.num(d, DW_AT.upper_bound);
    if (upper === undefined) return undefined; // unknown bound (`int a[]`) or a variable length
    const lower = this.num(d, DW_AT.lower_bound) ?? 0;
    return upper - lower + 1;
  }

  private member(m: Die): CMember {
    const type = this.inheritedType(m);
    const loc = m.attrs.get(DW_AT.data_member_location);
    let byteOffset = 0;
    if (loc?.cls === 'const') byteOffset = Number(loc.value);
    else if (loc?.cls === 'block') byteOffset = this.memberOffsetExpression(m, loc.bytes);
    const bitSize = this.num(m, DW_AT.bit_size);
    const name = this.str(m, DW_AT.name);
    if (bitSize === undefined) return { name, type, offset: byteOffset };
    // The storage unit: the member type's size (DW_AT_byte_size in DWARF 2-4).
    const unitSize = this.num(m, DW_AT.byte_size) ?? resolvedSize(type) ?? 4;
    let bitOffset: number;
    const dataBitOffset = this.num(m, DW_AT.data_bit_offset);
    if (dataBitOffset !== undefined) bitOffset = dataBitOffset;
    else {
      // DWARF 2-4: DW_AT_bit_offset counts from the most significant bit of the storage unit at
      // data_member_location; on a little-endian machine bit 0 of the record is the least significant.
      const fromMsb = this.num(m, DW_AT.bit_offset) ?? 0;
      bitOffset = byteOffset * 8 + unitSize * 8 - fromMsb - bitSize;
    }
    // The storage unit holding the field: aligned to its type's size when the field fits in one,
    // else the byte holding its first bit, so that reading the type's size covers the field.
    const aligned = Math.floor(bitOffset / (unitSize * 8)) * unitSize;
    const offset = bitOffset - aligned * 8 + bitSize <= unitSize * 8 ? aligned : Math.floor(bitOffset / 8);
    return { name, type, offset, bitSize, bitOffset };
  }

  /** A member location given as an expression: clang and gcc only use DW_OP_plus_uconst N. */
  private memberOffsetExpression(m: Die, ops: Uint8Array): number {
    if (ops.length >= 2 && ops[0] === 0x23) {
      let v = 0;
      let shift = 0;
      for (let i = 1; i < ops.length && shift < 35; i++, shift += 7) {
        v += (ops[i] & 0x7f) * 2 ** shift;
        if ((ops[i] & 0x80) === 0) return v;
      }
    }
    return this.fail(m, 'DW_AT_data_member_location expression other than DW_OP_plus_uconst');
  }

  // ── Program structure ──

  private topLevel(die: Die): void {
    if (die.tag === TAG.subprogram) this.subprogram(die);
    else if (die.tag === TAG.variable) this.fileVariable(die);
  }

  private staticAddressOf(location: LocationDescription): boolean {
    return location.kind === 'expression' && location.ops.length > 0 && location.ops[0] === 0x03;
  }

  private fileVariable(die: Die): void {
    if (this.flag(die, DW_AT.declaration) && !die.attrs.has(DW_AT.location)) return;
    const v = this.variable(die, false);
    if (!v) return;
    this.statics.push({ ...v, external: this.origins(die).some((d) => this.flag(d, DW_AT.external)) });
  }

  private subprogram(die: Die): void {
    if (this.flag(die, DW_AT.declaration)) return;
    const ranges = this.ranges(die);
    if (ranges.length === 0) return; // abstract instance (inlined only) or dead-stripped
    const name = this.inheritedName(die) ?? '<unnamed>';
    const fnType = this.inherited(die, DW_AT.type);
    const scope = this.scope(die, 'function', ranges, name);
    this.functions.push({
      name,
      ranges,
      frameBase: this.location(die, DW_AT.frame_base),
      returns: fnType ? this.typeOfRef(fnType.die, fnType.value) : VOID,
      scope,
      ...this.declPosition(die),
    });
  }

  private scope(
    die: Die,
    kind: CScope['kind'],
    ranges: readonly CodeRange[],
    functionName: string | undefined,
  ): CScope {
    const variables: CVariable[] = [];
    const children: CScope[] = [];
    const seen = new Set<number>(); // abstract DIEs already given a concrete instance here
    for (const c of die.children) {
      if (c.tag === TAG.formal_parameter || c.tag === TAG.variable) {
        const origin = this.ref(c, DW_AT.abstract_origin);
        if (origin) seen.add(origin.offset);
        if (this.flag(c, DW_AT.declaration) && !c.attrs.has(DW_AT.location)) continue; // `extern int x;`
        const v = this.variable(c, c.tag === TAG.formal_parameter);
        if (!v) continue;
        if (this.staticAddressOf(v.location) && !v.isParameter) {
          this.statics.push({ ...v, functionName, external: false });
        } else {
          variables.push(v);
        }
      } else if (c.tag === TAG.lexical_block) {
        const own = this.ranges(c);
        // A block without code of its own (no ranges) stands for its parent's code.
        children.push(this.scope(c, 'block', own.length ? own : ranges, functionName));
      } else if (c.tag === TAG.inlined_subroutine) {
        const own = this.ranges(c);
        if (own.length === 0) continue;
        const callFile = this.num(c, DW_AT.call_file);
        const callLine = this.num(c, DW_AT.call_line);
        const inner = this.scope(c, 'inlined', own, this.inheritedName(c));
        const file = callFile === undefined ? undefined : c.unit.fileNames[callFile];
        children.push({
          ...inner,
          ...(file !== undefined ? { callFile: file } : {}),
          ...(callLine !== undefined ? { callLine } : {}),
        });
      }
    }
    // Parameters of the abstract function that this concrete instance leaves out are optimized out
    // entirely; a C debugger still lists them.
    const abstract = kind !== 'block' ? this.ref(die, DW_AT.abstract_origin) : undefined;
    if (abstract) {
      let at = 0;
      for (const p of abstract.children) {
        if (p.tag !== TAG.formal_parameter) continue;
        if (!seen.has(p.offset)) {
          const v = this.variable(p, true);
          if (v) variables.splice(at, 0, { ...v, location: { kind: 'none' } });
        }
        at++;
      }
    }
    variables.sort((a, b) => Number(b.isParameter) - Number(a.isParameter));
    return { kind, ranges, variables, children, ...(functionName !== undefined ? { functionName } : {}) };
  }

  private variable(die: Die, isParameter: boolean): CVariable | undefined {
    const name = this.inheritedName(die);
    if (name === undefined) return undefined; // compiler-made (string literals) or anonymous
    const type = this.inheritedType(die);
    let location = this.location(die, DW_AT.location) ?? { kind: 'none' as const };
    // wasm-ld gives a dead-stripped variable the tombstone address: it has no storage.
    if (this.staticAddressOf(location) && staticAddress(location) >= TOMBSTONE) location = { kind: 'none' };
    const cv = this.inherited(die, DW_AT.const_value);
    let constValue: bigint | Uint8Array | undefined;
    if (cv?.value.cls === 'const') {
      const r = resolvedBase(type);
      const signed = r !== undefined && (r.encoding === 'signed' || r.encoding === 'signed_char');
      constValue =
        cv.value.signed || !signed ? cv.value.value : BigInt.asIntN(cv.value.size * 8, cv.value.value);
    } else if (cv?.value.cls === 'block') constValue = cv.value.bytes;
    else if (cv?.value.cls === 'string') constValue = new TextEncoder().encode(`${cv.value.value}\0`);
    return {
      name,
      type,
      location,
      ...(constValue !== undefined ? { constValue } : {}),
      isParameter,
      ...this.declPosition(die),
    };
  }
}

/** The address of a `DW_OP_addr A` expression. */
function staticAddress(l: LocationDescription): number {
  const ops = l.kind === 'expression' ? l.ops : new Uint8Array(5);
  return (ops[1] | (ops[2] << 8) | (ops[3] << 16) | (ops[4] << 24)) >>> 0;
}

function baseEncoding(enc: number | undefined): BaseEncoding {
  switch (enc) {
    case 0x02:
      return 'bool';
    case 0x03:
      return 'complex_float';
    case 0x04:
      return 'float';
    case 0x05:
      return 'signed';
    case 0x06:
      return 'signed_char';
    case 0x08:
      return 'unsigned_char';
    default:
      return 'unsigned'; // DW_ATE_unsigned, DW_ATE_UTF, DW_ATE_address, vendor encodings
  }
}

/** The base type under typedefs, qualifiers and enums' underlying types, if it is one. */
function resolvedBase(t: CType): Extract<CType, { kind: 'base' }> | undefined {
  let r: CType = t;
  for (let i = 0; i < 64; i++) {
    if (r.kind === 'base') return r;
    if (
      r.kind === 'typedef' ||
      r.kind === 'const' ||
      r.kind === 'volatile' ||
      r.kind === 'restrict' ||
      r.kind === 'atomic'
    )
      r = r.target;
    else return undefined;
  }
  return undefined;
}

function resolvedSize(t: CType): number | undefined {
  const b = resolvedBase(t);
  if (b) return b.size;
  let r: CType = t;
  for (let i = 0; i < 64 && (r.kind === 'typedef' || r.kind === 'const' || r.kind === 'volatile'); i++)
    r = r.target;
  return r.kind === 'enum' ? r.size : undefined;
}

/** Interval lookups over the functions and their scopes, built once. */
class Program implements CProgramInfo {
  private readonly starts: number[] = [];
  private readonly intervals: { start: number; end: number; fn: CFunction }[] = [];

  constructor(
    readonly functions: readonly CFunction[],
    readonly statics: readonly CStaticVariable[],
    private readonly named: (name: string) => CType | undefined,
  ) {
    for (const fn of functions) for (const [start, end] of fn.ranges) this.intervals.push({ start, end, fn });
    this.intervals.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const i of this.intervals) this.starts.push(i.start);
  }

  functionAt(offset: number): CFunction | undefined {
    // The last interval starting at or before offset; functions do not overlap.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const i = this.intervals[lo - 1];
    return i && offset < i.end ? i.fn : undefined;
  }

  scopesAt(offset: number): CScope[] {
    const fn = this.functionAt(offset);
    if (!fn) return [];
    const out: CScope[] = [fn.scope];
    let scope: CScope | undefined = fn.scope;
    // Children are few per scope; nesting depth is bounded by the DIE tree's.
    while (scope) {
      scope = scope.children.find((c) => c.ranges.some(([a, b]) => a <= offset && offset < b));
      if (scope) out.push(scope);
    }
    return out.reverse();
  }

  typeNamed(name: string): CType | undefined {
    return this.named(name);
  }
}
