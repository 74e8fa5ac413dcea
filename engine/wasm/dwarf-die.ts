// The debugging information entries (DIEs) of .debug_info as a tree, with attribute values decoded
// by form and resolved through the unit's string, address, range-list and location-list tables.
// Written from the DWARF 5 standard (sections 7.5 "Format of Debugging Information", 7.25-7.29
// for range and location lists); DWARF 2-4 units (.debug_ranges, .debug_loc) are read too.
// engine/wasm/dwarf-info.ts turns the tree into the C program model.

import { type DebugSections, DwarfFormatError, lineTableFileNames, SectionReader } from './dwarf-line';

/** The raw payloads of the DWARF sections, by name without the dot (`debug_info`). */
export interface DwarfSections extends DebugSections {
  readonly debugInfo: Uint8Array;
  readonly debugAbbrev?: Uint8Array;
  readonly debugStrOffsets?: Uint8Array;
  readonly debugAddr?: Uint8Array;
  readonly debugLoclists?: Uint8Array;
  readonly debugRnglists?: Uint8Array;
  readonly debugLoc?: Uint8Array;
  readonly debugRanges?: Uint8Array;
}

/** An attribute value, classified by its form (DWARF 5 section 7.5.5). */
export type AttrValue =
  | { readonly cls: 'const'; readonly value: bigint; readonly size: number; readonly signed: boolean }
  | { readonly cls: 'addr'; readonly value: number }
  | { readonly cls: 'addrx'; readonly index: number }
  | { readonly cls: 'string'; readonly value: string }
  | { readonly cls: 'strx'; readonly index: number }
  | { readonly cls: 'block'; readonly bytes: Uint8Array; readonly exprloc: boolean }
  /** A reference, as an offset in .debug_info. */
  | { readonly cls: 'ref'; readonly offset: number }
  | { readonly cls: 'flag'; readonly value: boolean }
  | { readonly cls: 'secoffset'; readonly value: number }
  /** DW_FORM_loclistx / DW_FORM_rnglistx: an index into the unit's offset table. */
  | { readonly cls: 'listx'; readonly index: number }
  /** Forms this reader skips without meaning (type signatures, supplementary-file references). */
  | { readonly cls: 'other' };

export interface Die {
  /** Offset in .debug_info. */
  readonly offset: number;
  readonly tag: number;
  readonly attrs: ReadonlyMap<number, AttrValue>;
  readonly children: Die[];
  readonly unit: Unit;
}

export interface Unit {
  readonly offset: number;
  readonly version: number;
  readonly addressSize: number;
  readonly root: Die;
  strOffsetsBase: number;
  addrBase: number;
  rnglistsBase: number;
  loclistsBase: number;
  /** The unit's base address for location and range lists (DW_AT_low_pc of the unit). */
  baseAddress: number;
  /** File names of the unit's line table, for DW_AT_decl_file and DW_AT_call_file. */
  fileNames: string[];
}

// Forms (DWARF 5 table 7.6, plus the GNU forms clang may use before DWARF 5).
export const DW_FORM = {
  addr: 0x01,
  block2: 0x03,
  block4: 0x04,
  data2: 0x05,
  data4: 0x06,
  data8: 0x07,
  string: 0x08,
  block: 0x09,
  block1: 0x0a,
  data1: 0x0b,
  flag: 0x0c,
  sdata: 0x0d,
  strp: 0x0e,
  udata: 0x0f,
  ref_addr: 0x10,
  ref1: 0x11,
  ref2: 0x12,
  ref4: 0x13,
  ref8: 0x14,
  ref_udata: 0x15,
  indirect: 0x16,
  sec_offset: 0x17,
  exprloc: 0x18,
  flag_present: 0x19,
  strx: 0x1a,
  addrx: 0x1b,
  ref_sup4: 0x1c,
  strp_sup: 0x1d,
  data16: 0x1e,
  line_strp: 0x1f,
  ref_sig8: 0x20,
  implicit_const: 0x21,
  loclistx: 0x22,
  rnglistx: 0x23,
  ref_sup8: 0x24,
  strx1: 0x25,
  strx2: 0x26,
  strx3: 0x27,
  strx4: 0x28,
  addrx1: 0x29,
  addrx2: 0x2a,
  addrx3: 0x2b,
  addrx4: 0x2c,
  GNU_addr_index: 0x1f01,
  GNU_str_index: 0x1f02,
  GNU_ref_alt: 0x1f20,
  GNU_strp_alt: 0x1f21,
} as const;

// Attributes this reader needs (DWARF 5 table 7.5).
export const DW_AT = {
  location: 0x02,
  name: 0x03,
  byte_size: 0x0b,
  bit_offset: 0x0c,
  bit_size: 0x0d,
  stmt_list: 0x10,
  low_pc: 0x11,
  high_pc: 0x12,
  comp_dir: 0x1b,
  const_value: 0x1c,
  inline: 0x20,
  lower_bound: 0x22,
  prototyped: 0x27,
  abstract_origin: 0x31,
  count: 0x37,
  upper_bound: 0x2f,
  data_member_location: 0x38,
  decl_file: 0x3a,
  decl_line: 0x3b,
  declaration: 0x3c,
  encoding: 0x3e,
  external: 0x3f,
  frame_base: 0x40,
  specification: 0x47,
  type: 0x49,
  ranges: 0x55,
  call_file: 0x58,
  call_line: 0x59,
  data_bit_offset: 0x6b,
  str_offsets_base: 0x72,
  addr_base: 0x73,
  rnglists_base: 0x74,
  loclists_base: 0x8c,
} as const;

interface AbbrevSpec {
  readonly tag: number;
  readonly hasChildren: boolean;
  /** [attribute, form, implicit constant] */
  readonly attrs: readonly (readonly [number, number, bigint])[];
}

/** Every unit of .debug_info, each with its DIE tree. */
export function readUnits(s: DwarfSections): Unit[] {
  const units: Unit[] = [];
  const info = s.debugInfo;
  const abbrevCache = new Map<number, Map<number, AbbrevSpec>>();
  let offset = 0;
  while (offset < info.length) {
    const unit = readUnit(s, offset, abbrevCache);
    units.push(unit.unit);
    offset = unit.end;
  }
  return units;
}

function readUnit(
  s: DwarfSections,
  offset: number,
  abbrevCache: Map<number, Map<number, AbbrevSpec>>,
): { unit: Unit; end: number } {
  const info = s.debugInfo;
  const head = new SectionReader(
    info,
    offset,
    info.length,
    '.debug_info',
    `unit at 0x${offset.toString(16)}: `,
  );
  const unitLength = head.u32le();
  if (unitLength === 0xffffffff) head.failAt('64-bit DWARF is not supported; only 32-bit DWARF is', offset);
  if (unitLength >= 0xfffffff0) head.failAt(`reserved unit_length 0x${unitLength.toString(16)}`, offset);
  const end = head.pos + unitLength;
  if (end > info.length)
    head.failAt(`unit_length 0x${unitLength.toString(16)} runs past the end of .debug_info`, offset);
  const r = head.sub(head.pos, end);
  const versionAt = r.pos;
  const version = r.u16();
  if (version < 2 || version > 5)
    r.failAt(`unsupported DWARF version ${version} (expected 2 to 5)`, versionAt);
  let unitType = 0x01; // DW_UT_compile
  let addressSize: number;
  let abbrevOffset: number;
  if (version >= 5) {
    unitType = r.u8();
    addressSize = r.u8();
    abbrevOffset = r.u32le();
    // DW_UT_skeleton, DW_UT_split_compile: dwo_id; DW_UT_type, DW_UT_split_type: signature and type offset.
    if (unitType === 0x04 || unitType === 0x05) r.bytesN(8);
    else if (unitType === 0x02 || unitType === 0x06) r.bytesN(12);
  } else {
    abbrevOffset = r.u32le();
    addressSize = r.u8();
  }
  if (addressSize !== 4) {
    r.failAt(`address_size ${addressSize} is not supported (wasm32 addresses are 4 bytes)`, versionAt);
  }
  let abbrevs = abbrevCache.get(abbrevOffset);
  if (!abbrevs) {
    abbrevs = readAbbrevs(s.debugAbbrev, abbrevOffset);
    abbrevCache.set(abbrevOffset, abbrevs);
  }
  const unit: { -readonly [K in keyof Unit]: Unit[K] } = {
    offset,
    version,
    addressSize,
    root: undefined as unknown as Die,
    strOffsetsBase: 8, // DWARF 5 section 7.26: the first table's entries follow its 8-byte header
    addrBase: 8,
    rnglistsBase: 12,
    loclistsBase: 12,
    baseAddress: 0,
    fileNames: [],
  };
  const ctx: ReadContext = { r, s, unit, abbrevs, dieCount: 0 };
  const root = readDie(ctx, 0) ?? r.failAt('unit has no DIEs', r.pos);
  unit.root = root;
  // The bases the root names apply to the whole unit, its own attributes included.
  const base = (at: number): number | undefined => {
    const v = root.attrs.get(at);
    return v?.cls === 'secoffset' || v?.cls === 'const'
      ? Number(v.cls === 'const' ? v.value : v.value)
      : undefined;
  };
  unit.strOffsetsBase = base(DW_AT.str_offsets_base) ?? unit.strOffsetsBase;
  unit.addrBase = base(DW_AT.addr_base) ?? unit.addrBase;
  unit.rnglistsBase = base(DW_AT.rnglists_base) ?? unit.rnglistsBase;
  unit.loclistsBase = base(DW_AT.loclists_base) ?? unit.loclistsBase;
  const low = root.attrs.get(DW_AT.low_pc);
  if (low) unit.baseAddress = addressOf(unit, low, offset, s);
  const stmt = root.attrs.get(DW_AT.stmt_list);
  if (stmt && (stmt.cls === 'secoffset' || stmt.cls === 'const') && s.debugLine.length > 0) {
    unit.fileNames = lineTableFileNames(s, Number(stmt.cls === 'const' ? stmt.value : stmt.value));
  }
  return { unit, end };
}

interface ReadContext {
  readonly r: SectionReader;
  readonly s: DwarfSections;
  readonly unit: Unit;
  readonly abbrevs: Map<number, AbbrevSpec>;
  dieCount: number;
}

function readAbbrevs(section: Uint8Array | undefined, offset: number): Map<number, AbbrevSpec> {
  if (!section)
    throw new DwarfFormatError('the module has .debug_info but no .debug_abbrev', '.debug_abbrev', 0);
  const r = new SectionReader(section, offset, section.length, '.debug_abbrev');
  if (offset >= section.length)
    r.failAt(`abbreviation table offset 0x${offset.toString(16)} is past the end`, offset);
  const map = new Map<number, AbbrevSpec>();
  for (;;) {
    const codeAt = r.pos;
    const code = r.leb();
    if (code === 0) break;
    if (map.has(code)) r.failAt(`abbreviation code ${code} defined twice`, codeAt);
    const tag = r.leb();
    const hasChildren = r.u8() !== 0;
    const attrs: [number, number, bigint][] = [];
    for (;;) {
      const at = r.leb();
      const form = r.leb();
      if (at === 0 && form === 0) break;
      const implicit = form === DW_FORM.implicit_const ? r.sleb64() : 0n;
      attrs.push([at, form, implicit]);
    }
    map.set(code, { tag, hasChildren, attrs });
  }
  return map;
}

/** Reads the DIE at the reader's position and its children; undefined for a null entry. */
function readDie(ctx: ReadContext, depth: number): Die | undefined {
  const { r } = ctx;
  const at = r.pos;
  const code = r.leb();
  if (code === 0) return undefined;
  const spec = ctx.abbrevs.get(code);
  if (!spec) return r.failAt(`DIE uses abbreviation code ${code}, which the unit's table lacks`, at);
  if (depth > 256) r.failAt('DIEs nested more than 256 deep', at);
  const attrs = new Map<number, AttrValue>();
  for (const [name, form, implicit] of spec.attrs) attrs.set(name, readForm(ctx, form, implicit, 0));
  const die: Die = { offset: at, tag: spec.tag, attrs, children: [], unit: ctx.unit };
  if (spec.hasChildren) {
    // Each child takes at least one byte, so the unit's size bounds this loop.
    while (!r.atEnd) {
      const child = readDie(ctx, depth + 1);
      if (!child) break;
      die.children.push(child);
    }
  }
  return die;
}

function readForm(ctx: ReadContext, form: number, implicit: bigint, indirections: number): AttrValue {
  const { r, unit } = ctx;
  const at = r.pos;
  const cnst = (value: bigint, size: number, signed = false): AttrValue => ({
    cls: 'const',
    value,
    size,
    signed,
  });
  switch (form) {
    case DW_FORM.addr:
      return { cls: 'addr', value: r.u32le() };
    case DW_FORM.addrx:
    case DW_FORM.GNU_addr_index:
      return { cls: 'addrx', index: r.leb() };
    case DW_FORM.addrx1:
    case DW_FORM.addrx2:
    case DW_FORM.addrx3:
    case DW_FORM.addrx4:
      return { cls: 'addrx', index: uN(r, form - DW_FORM.addrx1 + 1) };
    case DW_FORM.data1:
      return cnst(BigInt(r.u8()), 1);
    case DW_FORM.data2:
      return cnst(BigInt(r.u16()), 2);
    case DW_FORM.data4:
      return cnst(BigInt(r.u32le()), 4);
    case DW_FORM.data8: {
      const lo = BigInt(r.u32le());
      return cnst((BigInt(r.u32le()) << 32n) | lo, 8);
    }
    case DW_FORM.data16:
      return { cls: 'block', bytes: r.bytesN(16), exprloc: false };
    case DW_FORM.sdata:
      return cnst(r.sleb64(), 8, true);
    case DW_FORM.udata:
      return cnst(uleb64(r), 8);
    case DW_FORM.implicit_const:
      return cnst(implicit, 8, true);
    case DW_FORM.string:
      return { cls: 'string', value: r.cstring() };
    case DW_FORM.strp:
      return { cls: 'string', value: stringAt(ctx.s.debugStr, '.debug_str', r.u32le(), r, at) };
    case DW_FORM.line_strp:
      return { cls: 'string', value: stringAt(ctx.s.debugLineStr, '.debug_line_str', r.u32le(), r, at) };
    case DW_FORM.strx:
    case DW_FORM.GNU_str_index:
      return { cls: 'strx', index: r.leb() };
    case DW_FORM.strx1:
    case DW_FORM.strx2:
    case DW_FORM.strx3:
    case DW_FORM.strx4:
      return { cls: 'strx', index: uN(r, form - DW_FORM.strx1 + 1) };
    case DW_FORM.exprloc:
      return { cls: 'block', bytes: r.bytesN(r.leb()), exprloc: true };
    case DW_FORM.block:
      return { cls: 'block', bytes: r.bytesN(r.leb()), exprloc: false };
    case DW_FORM.block1:
      return { cls: 'block', bytes: r.bytesN(r.u8()), exprloc: false };
    case DW_FORM.block2:
      return { cls: 'block', bytes: r.bytesN(r.u16()), exprloc: false };
    case DW_FORM.block4:
      return { cls: 'block', bytes: r.bytesN(r.u32le()), exprloc: false };
    case DW_FORM.flag:
      return { cls: 'flag', value: r.u8() !== 0 };
    case DW_FORM.flag_present:
      return { cls: 'flag', value: true };
    case DW_FORM.ref1:
      return { cls: 'ref', offset: unit.offset + r.u8() };
    case DW_FORM.ref2:
      return { cls: 'ref', offset: unit.offset + r.u16() };
    case DW_FORM.ref4:
      return { cls: 'ref', offset: unit.offset + r.u32le() };
    case DW_FORM.ref8:
      return { cls: 'ref', offset: unit.offset + uN(r, 8) };
    case DW_FORM.ref_udata:
      return { cls: 'ref', offset: unit.offset + r.leb() };
    case DW_FORM.ref_addr:
      // An offset in .debug_info: address-sized in DWARF 2, offset-sized (4 in 32-bit DWARF) after.
      return { cls: 'ref', offset: unit.version <= 2 ? uN(r, unit.addressSize) : r.u32le() };
    case DW_FORM.sec_offset:
      return { cls: 'secoffset', value: r.u32le() };
    case DW_FORM.loclistx:
    case DW_FORM.rnglistx:
      return { cls: 'listx', index: r.leb() };
    case DW_FORM.ref_sig8:
    case DW_FORM.ref_sup8:
      r.bytesN(8);
      return { cls: 'other' };
    case DW_FORM.ref_sup4:
    case DW_FORM.strp_sup:
    case DW_FORM.GNU_ref_alt:
    case DW_FORM.GNU_strp_alt:
      r.bytesN(4);
      return { cls: 'other' };
    case DW_FORM.indirect: {
      if (indirections > 4) r.failAt('DW_FORM_indirect chain too long', at);
      const actual = r.leb();
      return readForm(
        ctx,
        actual,
        actual === DW_FORM.implicit_const ? r.sleb64() : implicit,
        indirections + 1,
      );
    }
    default:
      return r.failAt(`unknown attribute form 0x${form.toString(16)}`, at);
  }
}

function uN(r: SectionReader, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v += r.u8() * 2 ** (8 * i);
  return v;
}

function uleb64(r: SectionReader): bigint {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const b = r.u8();
    result |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if ((b & 0x80) === 0) break;
    if (shift > 70n) r.fail('LEB128 integer too long');
  }
  return BigInt.asUintN(64, result);
}

function stringAt(
  section: Uint8Array | undefined,
  name: string,
  offset: number,
  r: SectionReader,
  at: number,
): string {
  if (!section) return r.failAt(`string form refers to ${name}, which the module lacks`, at);
  if (offset >= section.length)
    return r.failAt(`string offset 0x${offset.toString(16)} is past the end of ${name}`, at);
  const end = section.indexOf(0, offset);
  if (end < 0) return r.failAt(`string at ${name} offset 0x${offset.toString(16)} is not NUL-terminated`, at);
  return new TextDecoder().decode(section.subarray(offset, end));
}

// ── Resolving indexed values through the unit's tables ──

/** A 4-byte entry of an offsets/address table: the `index`-th after `base`. */
function tableEntry(
  section: Uint8Array | undefined,
  name: string,
  base: number,
  index: number,
  what: string,
): number {
  if (!section) throw new DwarfFormatError(`${what} index ${index} but the module has no ${name}`, name, 0);
  const at = base + index * 4;
  if (at + 4 > section.length || at < 0) {
    throw new DwarfFormatError(
      `${what} index ${index} (base 0x${base.toString(16)}) is past the end`,
      name,
      at,
    );
  }
  return (section[at] | (section[at + 1] << 8) | (section[at + 2] << 16) | (section[at + 3] << 24)) >>> 0;
}

/** The address at index `index` of the unit's .debug_addr table. */
export function addressAtIndex(unit: Unit, index: number, s: DwarfSections): number {
  return tableEntry(s.debugAddr, '.debug_addr', unit.addrBase, index, 'address');
}

export function addressOf(unit: Unit, v: AttrValue, at: number, s?: DwarfSections): number {
  if (v.cls === 'addr') return v.value;
  if (v.cls === 'addrx') {
    if (!s) throw new DwarfFormatError('indexed address before the unit is read', '.debug_info', at);
    return addressAtIndex(unit, v.index, s);
  }
  if (v.cls === 'const') return Number(BigInt.asUintN(32, v.value));
  throw new DwarfFormatError(`expected an address, found a ${v.cls} value`, '.debug_info', at);
}

/** Resolves a string attribute (inline, strp, line_strp or strx); undefined for other classes. */
export function stringOf(die: Die, v: AttrValue | undefined, s: DwarfSections): string | undefined {
  if (!v) return undefined;
  if (v.cls === 'string') return v.value;
  if (v.cls !== 'strx') return undefined;
  const offset = tableEntry(
    s.debugStrOffsets,
    '.debug_str_offsets',
    die.unit.strOffsetsBase,
    v.index,
    'string',
  );
  const r = new SectionReader(s.debugInfo, die.offset, s.debugInfo.length, '.debug_info');
  return stringAt(s.debugStr, '.debug_str', offset, r, die.offset);
}

/** A range-list or location-list entry's covered addresses and (for locations) expression. */
export interface ListEntry {
  readonly start: number;
  readonly end: number;
  readonly ops: Uint8Array;
}

const MAX_LIST_ENTRIES = 1 << 16;

/** The address ranges of DW_AT_ranges (a .debug_rnglists offset or index, or a .debug_ranges offset). */
export function rangeList(die: Die, v: AttrValue, s: DwarfSections): [number, number][] {
  const unit = die.unit;
  if (unit.version < 5) {
    if (v.cls !== 'secoffset' && v.cls !== 'const') badForm(die, 'DW_AT_ranges', v);
    return legacyList(s.debugRanges, '.debug_ranges', Number(v.value), unit, false).map((e) => [
      e.start,
      e.end,
    ]);
  }
  const section = s.debugRnglists;
  let offset: number;
  if (v.cls === 'listx') {
    offset =
      unit.rnglistsBase + tableEntry(section, '.debug_rnglists', unit.rnglistsBase, v.index, 'range list');
  } else if (v.cls === 'secoffset' || v.cls === 'const') offset = Number(v.value);
  else return badForm(die, 'DW_AT_ranges', v);
  return listV5(section, '.debug_rnglists', offset, unit, s, false).map((e) => [e.start, e.end]);
}

/** The entries of a location list (DW_FORM_loclistx, or a section offset). */
export function locationList(die: Die, v: AttrValue, s: DwarfSections): ListEntry[] {
  const unit = die.unit;
  if (unit.version < 5) {
    if (v.cls !== 'secoffset' && v.cls !== 'const') badForm(die, 'DW_AT_location', v);
    return legacyList(s.debugLoc, '.debug_loc', Number(v.value), unit, true);
  }
  const section = s.debugLoclists;
  let offset: number;
  if (v.cls === 'listx') {
    offset =
      unit.loclistsBase + tableEntry(section, '.debug_loclists', unit.loclistsBase, v.index, 'location list');
  } else if (v.cls === 'secoffset' || v.cls === 'const') offset = Number(v.value);
  else return badForm(die, 'DW_AT_location', v);
  return listV5(section, '.debug_loclists', offset, unit, s, true);
}

function badForm(die: Die, what: string, v: AttrValue): never {
  throw new DwarfFormatError(`${what} has a ${v.cls} value`, '.debug_info', die.offset);
}

/** A reader at a range or location list, which must lie inside its section. */
function listReader(section: Uint8Array | undefined, name: string, offset: number): SectionReader {
  if (!section)
    throw new DwarfFormatError(
      `list at offset 0x${offset.toString(16)} but the module has no ${name}`,
      name,
      0,
    );
  const r = new SectionReader(section, offset, section.length, name);
  if (offset >= section.length) r.failAt('list offset past the end of the section', offset);
  return r;
}

/** A DWARF 5 range list (DW_RLE_*) or location list (DW_LLE_*). */
function listV5(
  section: Uint8Array | undefined,
  name: string,
  offset: number,
  unit: Unit,
  s: DwarfSections,
  locations: boolean,
): ListEntry[] {
  const r = listReader(section, name, offset);
  const out: ListEntry[] = [];
  let base = unit.baseAddress;
  const addrx = (): number => addressAtIndex(unit, r.leb(), s);
  const empty = new Uint8Array(0);
  // The kinds are numbered alike in both, except that DW_LLE_default_location (5) shifts the
  // location-list numbering of base_address/start_end/start_length by one.
  for (let n = 0; n < MAX_LIST_ENTRIES; n++) {
    const at = r.pos;
    const kind = r.u8();
    let start: number | undefined;
    let end = 0;
    switch (locations ? kind : kind <= 4 ? kind : kind + 1) {
      case 0: // end_of_list
        return out;
      case 1: // base_addressx
        base = addrx();
        continue;
      case 2: // startx_endx
        start = addrx();
        end = addrx();
        break;
      case 3: // startx_length
        start = addrx();
        end = start + r.leb();
        break;
      case 4: // offset_pair
        start = base + r.leb();
        end = base + r.leb();
        break;
      case 5: // default_location (location lists only)
        start = 0;
        end = 0x1_0000_0000;
        break;
      case 6: // base_address
        base = r.u32le();
        continue;
      case 7: // start_end
        start = r.u32le();
        end = r.u32le();
        break;
      case 8: // start_length
        start = r.u32le();
        end = start + r.leb();
        break;
      default:
        return r.failAt(`unknown ${locations ? 'DW_LLE' : 'DW_RLE'} entry kind 0x${kind.toString(16)}`, at);
    }
    const ops = locations ? r.bytesN(r.leb()) : empty;
    if (start >= end) continue; // empty range, or a tombstoned (dead-stripped) one
    out.push({ start, end, ops });
  }
  return r.failAt(`list has more than ${MAX_LIST_ENTRIES} entries`, offset);
}

/** A DWARF 2-4 .debug_ranges or .debug_loc list: address pairs relative to the base address. */
function legacyList(
  section: Uint8Array | undefined,
  name: string,
  offset: number,
  unit: Unit,
  locations: boolean,
): ListEntry[] {
  const r = listReader(section, name, offset);
  const out: ListEntry[] = [];
  let base = unit.baseAddress;
  const empty = new Uint8Array(0);
  for (let n = 0; n < MAX_LIST_ENTRIES; n++) {
    const a = r.u32le();
    const b = r.u32le();
    if (a === 0 && b === 0) return out;
    if (a === 0xffffffff) {
      base = b; // base address selection entry
      continue;
    }
    const ops = locations ? r.bytesN(r.u16()) : empty;
    const start = base + a;
    const end = base + b;
    // wasm-ld marks dead-stripped code with tombstone addresses (-1, -2): such entries cover nothing.
    if (start >= end || a >= 0xfffffffe) continue;
    out.push({ start, end, ops });
  }
  return r.failAt(`list has more than ${MAX_LIST_ENTRIES} entries`, offset);
}
