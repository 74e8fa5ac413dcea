// Decoder for the DWARF line-number program (.debug_line), versions 2 to 5, 32-bit DWARF format.
// Written from the DWARF 4 and DWARF 5 standards (section 6.2, "Line Number Information").
//
// For a WebAssembly module produced by clang/wasm-ld, the addresses in the line table are byte
// offsets relative to the start of the Code section's payload.

import { ByteReader, readSections } from './reader';

/** One row of the line-number matrix. */
export interface LineRow {
  address: number;
  /** The row's file, resolved to a path (directory joined with the file name). */
  file: string;
  line: number;
  column: number;
  isStmt: boolean;
  endSequence: boolean;
}

/** The raw payloads of the DWARF sections the line table needs. */
export interface DebugSections {
  debugLine: Uint8Array;
  debugLineStr?: Uint8Array;
  debugStr?: Uint8Array;
}

/** Malformed DWARF: says what is wrong and at which byte offset of which section. */
export class DwarfFormatError extends Error {
  constructor(
    message: string,
    readonly section: string,
    readonly offset: number,
  ) {
    super(`${message} (at ${section} offset 0x${offset.toString(16)})`);
    this.name = 'DwarfFormatError';
  }
}

/** A ByteReader whose failures name the DWARF section (and context, e.g. the unit) being read. */
export class SectionReader extends ByteReader {
  constructor(
    bytes: Uint8Array,
    start: number,
    end: number,
    readonly section: string,
    readonly context = '',
  ) {
    super(bytes, start, end);
  }

  override fail(message: string): never {
    return this.failAt(message, this.pos);
  }

  failAt(message: string, offset: number): never {
    throw new DwarfFormatError(this.context + message, this.section, offset);
  }

  /** A reader over [start, end) of the same bytes, with the same section and context. */
  sub(start: number, end: number): SectionReader {
    return new SectionReader(this.bytes, start, end, this.section, this.context);
  }

  s8(): number {
    return (this.u8() << 24) >> 24;
  }

  /** Little-endian 64-bit unsigned value as a number (exact below 2^53). */
  u64le(): number {
    const lo = this.u32le();
    const hi = this.u32le();
    return hi * 2 ** 32 + lo;
  }

  /** Little-endian unsigned value of 1, 2, 4 or 8 bytes. */
  uN(size: number): number {
    switch (size) {
      case 1:
        return this.u8();
      case 2:
        return this.u16();
      case 4:
        return this.u32le();
      case 8:
        return this.u64le();
      default:
        return this.fail(`unsupported value size ${size}`);
    }
  }
}

// Standard opcodes (DWARF 5 table 7.25).
const DW_LNS_copy = 1;
const DW_LNS_advance_pc = 2;
const DW_LNS_advance_line = 3;
const DW_LNS_set_file = 4;
const DW_LNS_set_column = 5;
const DW_LNS_negate_stmt = 6;
const DW_LNS_set_basic_block = 7;
const DW_LNS_const_add_pc = 8;
const DW_LNS_fixed_advance_pc = 9;
const DW_LNS_set_prologue_end = 10;
const DW_LNS_set_epilogue_begin = 11;
const DW_LNS_set_isa = 12;

// Extended opcodes (table 7.26).
const DW_LNE_end_sequence = 1;
const DW_LNE_set_address = 2;
const DW_LNE_define_file = 3; // DWARF 2-4 only; reserved in DWARF 5
const DW_LNE_set_discriminator = 4;

// Line number header entry formats (table 7.27).
const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;

// Attribute forms that may appear in entry formats (table 7.6).
const DW_FORM_block2 = 0x03;
const DW_FORM_block4 = 0x04;
const DW_FORM_data2 = 0x05;
const DW_FORM_data4 = 0x06;
const DW_FORM_data8 = 0x07;
const DW_FORM_string = 0x08;
const DW_FORM_block = 0x09;
const DW_FORM_block1 = 0x0a;
const DW_FORM_data1 = 0x0b;
const DW_FORM_flag = 0x0c;
const DW_FORM_sdata = 0x0d;
const DW_FORM_strp = 0x0e;
const DW_FORM_udata = 0x0f;
const DW_FORM_sec_offset = 0x17;
const DW_FORM_strx = 0x1a;
const DW_FORM_data16 = 0x1e;
const DW_FORM_line_strp = 0x1f;
const DW_FORM_strx1 = 0x25;
const DW_FORM_strx2 = 0x26;
const DW_FORM_strx3 = 0x27;
const DW_FORM_strx4 = 0x28;

interface FileEntry {
  name: string;
  dirIndex: number;
}

interface LineHeader {
  /** Offset of the unit (its unit_length field) in .debug_line. */
  offset: number;
  version: number;
  minInstLength: number;
  maxOpsPerInst: number;
  defaultIsStmt: boolean;
  lineBase: number;
  lineRange: number;
  opcodeBase: number;
  /** standardOpcodeLengths[op] = number of ULEB operands of standard opcode op (index 0 unused). */
  standardOpcodeLengths: number[];
  /** Directory table. Index 0 is the compilation directory: given in DWARF 5, unknown ('') before. */
  dirs: string[];
  /** File table in index order; index 0 is files[0] in DWARF 5, index 1 is files[0] before. */
  files: FileEntry[];
  programStart: number;
  unitEnd: number;
}

function isAbsolutePath(p: string): boolean {
  return /^([/\\]|[A-Za-z]:[/\\])/.test(p);
}

/** Joins a directory and a file name (unless the name is absolute); drops `.` segments and doubled separators. */
function joinPath(dir: string, name: string): string {
  let path = name;
  if (dir !== '' && !isAbsolutePath(name)) {
    const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
    path = /[/\\]$/.test(dir) ? dir + name : dir + sep + name;
  }
  let prev: string;
  do {
    prev = path;
    path = path.replace(/([/\\])\.(?=[/\\])/g, '').replace(/(?<!^)([/\\])[/\\]+/g, '$1');
  } while (path !== prev);
  while (path.startsWith('./') || path.startsWith('.\\')) path = path.slice(2);
  return path;
}

type FormValue = string | number | undefined;

/** A string from a string section (.debug_line_str or .debug_str) at `offset`. */
function stringAt(
  r: SectionReader,
  section: Uint8Array | undefined,
  name: string,
  offset: number,
  at: number,
): string {
  if (section === undefined) return r.failAt(`string form refers to ${name}, which the module lacks`, at);
  if (offset >= section.length) {
    return r.failAt(
      `string offset 0x${offset.toString(16)} is past the end of ${name} (${section.length} bytes)`,
      at,
    );
  }
  const end = section.indexOf(0, offset);
  if (end < 0) return r.failAt(`string at ${name} offset 0x${offset.toString(16)} is not NUL-terminated`, at);
  return new TextDecoder().decode(section.subarray(offset, end));
}

/** Reads one attribute value of the given form; strings resolve, constants are numbers, the rest undefined. */
function readForm(r: SectionReader, form: number, sections: DebugSections): FormValue {
  const at = r.pos;
  switch (form) {
    case DW_FORM_string:
      return r.cstring();
    case DW_FORM_line_strp:
      return stringAt(r, sections.debugLineStr, '.debug_line_str', r.u32le(), at);
    case DW_FORM_strp:
      return stringAt(r, sections.debugStr, '.debug_str', r.u32le(), at);
    case DW_FORM_udata:
      return r.leb();
    case DW_FORM_data1:
      return r.u8();
    case DW_FORM_data2:
      return r.u16();
    case DW_FORM_data4:
      return r.u32le();
    case DW_FORM_data8:
      return r.u64le();
    case DW_FORM_data16:
      r.bytesN(16);
      return undefined;
    case DW_FORM_sdata:
      r.sleb64();
      return undefined;
    case DW_FORM_flag:
      r.u8();
      return undefined;
    case DW_FORM_sec_offset:
      r.u32le();
      return undefined;
    case DW_FORM_block:
      r.bytesN(r.leb());
      return undefined;
    case DW_FORM_block1:
      r.bytesN(r.u8());
      return undefined;
    case DW_FORM_block2:
      r.bytesN(r.u16());
      return undefined;
    case DW_FORM_block4:
      r.bytesN(r.u32le());
      return undefined;
    // String-offset-table references: readable, but resolving them needs .debug_str_offsets and the
    // unit's base from .debug_info. Skipped; a path given this way is reported below.
    case DW_FORM_strx:
      r.leb();
      return undefined;
    case DW_FORM_strx1:
    case DW_FORM_strx2:
    case DW_FORM_strx3:
    case DW_FORM_strx4:
      r.bytesN(form - DW_FORM_strx1 + 1);
      return undefined;
    default:
      return r.failAt(`unsupported attribute form 0x${form.toString(16)} in an entry format`, at);
  }
}

/** DWARF 5 directory or file-name table: an entry format, then `count` entries in that format. */
function readEntryTable(
  r: SectionReader,
  sections: DebugSections,
  what: string,
): { path: string; dirIndex: number }[] {
  const formatCount = r.u8();
  const format: [number, number][] = [];
  for (let i = 0; i < formatCount; i++) format.push([r.leb(), r.leb()]);
  const countAt = r.pos;
  const count = r.leb();
  if (count > 0 && formatCount === 0) r.failAt(`${count} ${what} entries but an empty entry format`, countAt);
  // Every supported form takes at least one byte, so this bounds the loop by the header size.
  if (count > r.end - r.pos) r.failAt(`${what} count ${count} exceeds the remaining header bytes`, countAt);
  const entries: { path: string; dirIndex: number }[] = [];
  for (let i = 0; i < count; i++) {
    const entryAt = r.pos;
    let path: string | undefined;
    let dirIndex = 0;
    for (const [contentType, form] of format) {
      const valueAt = r.pos;
      const value = readForm(r, form, sections);
      if (contentType === DW_LNCT_path) {
        if (typeof value !== 'string') {
          r.failAt(
            `${what} path has form 0x${form.toString(16)}, which this decoder cannot read as a string`,
            valueAt,
          );
        }
        path = value;
      } else if (contentType === DW_LNCT_directory_index) {
        if (typeof value !== 'number') {
          r.failAt(`${what} directory index has non-constant form 0x${form.toString(16)}`, valueAt);
        }
        dirIndex = value;
      }
      // DW_LNCT_timestamp, DW_LNCT_size, DW_LNCT_MD5 and vendor content types: read and ignored.
    }
    if (path === undefined) r.failAt(`${what} entry ${i} has no DW_LNCT_path`, entryAt);
    entries.push({ path, dirIndex });
  }
  return entries;
}

/** Reads the header of the line-program unit whose unit_length field is at `offset`. */
function readHeader(bytes: Uint8Array, offset: number, sections: DebugSections): LineHeader {
  const context = `line table at 0x${offset.toString(16)}: `;
  const r = new SectionReader(bytes, offset, bytes.length, '.debug_line', context);
  const unitLength = r.u32le();
  if (unitLength === 0xffffffff) {
    r.failAt('64-bit DWARF (unit_length 0xffffffff) is not supported; only 32-bit DWARF is', offset);
  }
  if (unitLength >= 0xfffffff0) r.failAt(`reserved unit_length value 0x${unitLength.toString(16)}`, offset);
  const unitEnd = r.pos + unitLength;
  if (unitEnd > bytes.length) {
    r.failAt(
      `unit_length 0x${unitLength.toString(16)} runs past the end of .debug_line (${bytes.length - r.pos} bytes left)`,
      offset,
    );
  }
  const u = r.sub(r.pos, unitEnd);
  const versionAt = u.pos;
  const version = u.u16();
  if (version < 2 || version > 5)
    u.failAt(`unsupported line table version ${version} (expected 2 to 5)`, versionAt);
  if (version >= 5) {
    const addressSizeAt = u.pos;
    const addressSize = u.u8();
    if (addressSize !== 4 && addressSize !== 8)
      u.failAt(`unsupported address_size ${addressSize}`, addressSizeAt);
    u.u8(); // segment_selector_size
  }
  const headerLengthAt = u.pos;
  const headerLength = u.u32le();
  const programStart = u.pos + headerLength;
  if (programStart > unitEnd) {
    u.failAt(
      `header_length 0x${headerLength.toString(16)} runs past the end of the unit (which ends at 0x${unitEnd.toString(16)})`,
      headerLengthAt,
    );
  }
  const h = u.sub(u.pos, programStart);
  const minInstLength = h.u8();
  let maxOpsPerInst = 1;
  if (version >= 4) {
    const at = h.pos;
    maxOpsPerInst = h.u8();
    if (maxOpsPerInst === 0) h.failAt('maximum_operations_per_instruction is 0', at);
  }
  const defaultIsStmt = h.u8() !== 0;
  const lineBase = h.s8();
  const lineRangeAt = h.pos;
  const lineRange = h.u8();
  if (lineRange === 0) h.failAt('line_range is 0', lineRangeAt);
  const opcodeBaseAt = h.pos;
  const opcodeBase = h.u8();
  if (opcodeBase === 0) h.failAt('opcode_base is 0', opcodeBaseAt);
  const standardOpcodeLengths = [0];
  for (let op = 1; op < opcodeBase; op++) standardOpcodeLengths.push(h.u8());

  const dirs: string[] = [];
  const files: FileEntry[] = [];
  if (version >= 5) {
    for (const d of readEntryTable(h, sections, 'directory')) dirs.push(d.path);
    const filesAt = h.pos;
    for (const f of readEntryTable(h, sections, 'file name')) {
      if (f.dirIndex >= dirs.length) {
        h.failAt(
          `file "${f.path}" has directory index ${f.dirIndex} but there are ${dirs.length} directories`,
          filesAt,
        );
      }
      files.push({ name: f.path, dirIndex: f.dirIndex });
    }
  } else {
    dirs.push(''); // directory 0: the compilation directory, which only .debug_info knows
    for (;;) {
      const dir = h.cstring();
      if (dir === '') break;
      dirs.push(dir);
    }
    for (;;) {
      const at = h.pos;
      const name = h.cstring();
      if (name === '') break;
      const dirIndex = h.leb();
      h.leb(); // modification time
      h.leb(); // file length
      if (dirIndex >= dirs.length) {
        h.failAt(
          `file "${name}" has directory index ${dirIndex} but there are ${dirs.length - 1} directories`,
          at,
        );
      }
      files.push({ name, dirIndex });
    }
  }
  // Bytes between the tables and the program (padding or extensions) are skipped, as header_length allows.
  return {
    offset,
    version,
    minInstLength,
    maxOpsPerInst,
    defaultIsStmt,
    lineBase,
    lineRange,
    opcodeBase,
    standardOpcodeLengths,
    dirs,
    files,
    programStart,
    unitEnd,
  };
}

/** Runs one unit's line-number program, appending its rows. */
function runProgram(bytes: Uint8Array, h: LineHeader, rows: LineRow[]): void {
  const r = new SectionReader(
    bytes,
    h.programStart,
    h.unitEnd,
    '.debug_line',
    `line table at 0x${h.offset.toString(16)}: `,
  );
  const fileBase = h.version >= 5 ? 0 : 1;
  const fileNames: (string | undefined)[] = [];
  const dirPath = (index: number): string => {
    const dir = h.dirs[index];
    return index === 0 ? dir : joinPath(h.dirs[0], dir);
  };
  const fileName = (index: number, at: number): string => {
    const cached = fileNames[index];
    if (cached !== undefined) return cached;
    const entry = h.files[index - fileBase];
    if (entry === undefined) {
      const valid =
        h.files.length === 0
          ? 'the file table is empty'
          : `valid: ${fileBase} to ${h.files.length - 1 + fileBase}`;
      return r.failAt(`row refers to file index ${index} (${valid})`, at);
    }
    const name = joinPath(dirPath(entry.dirIndex), entry.name);
    fileNames[index] = name;
    return name;
  };

  // State machine registers (DWARF 5 table 6.4).
  let address = 0;
  let opIndex = 0;
  let file = 1;
  let line = 1;
  let column = 0;
  let isStmt = h.defaultIsStmt;
  const reset = (): void => {
    address = 0;
    opIndex = 0;
    file = 1;
    line = 1;
    column = 0;
    isStmt = h.defaultIsStmt;
  };
  const emit = (endSequence: boolean, at: number): void => {
    rows.push({ address, file: fileName(file, at), line, column, isStmt, endSequence });
  };
  const advance = (operationAdvance: number): void => {
    if (h.maxOpsPerInst === 1) {
      address += h.minInstLength * operationAdvance;
    } else {
      const ops = opIndex + operationAdvance;
      address += h.minInstLength * Math.floor(ops / h.maxOpsPerInst);
      opIndex = ops % h.maxOpsPerInst;
    }
  };
  const skipOperands = (count: number): void => {
    for (let i = 0; i < count; i++) r.leb();
  };

  while (!r.atEnd) {
    const at = r.pos;
    const op = r.u8();
    if (op >= h.opcodeBase) {
      // Special opcode: advance address and line, then append a row.
      const adjusted = op - h.opcodeBase;
      advance(Math.floor(adjusted / h.lineRange));
      line = (line + h.lineBase + (adjusted % h.lineRange)) >>> 0;
      emit(false, at);
      continue;
    }
    if (op === 0) {
      runExtended(at);
      continue;
    }
    const hasV3Opcodes = h.version >= 3;
    switch (op) {
      case DW_LNS_copy:
        emit(false, at);
        break;
      case DW_LNS_advance_pc:
        advance(r.leb());
        break;
      case DW_LNS_advance_line:
        line = (line + r.sleb32()) >>> 0;
        break;
      case DW_LNS_set_file:
        file = r.leb();
        break;
      case DW_LNS_set_column:
        column = r.leb();
        break;
      case DW_LNS_negate_stmt:
        isStmt = !isStmt;
        break;
      case DW_LNS_set_basic_block:
        break;
      case DW_LNS_const_add_pc:
        advance(Math.floor((255 - h.opcodeBase) / h.lineRange));
        break;
      case DW_LNS_fixed_advance_pc:
        address += r.u16();
        opIndex = 0;
        break;
      case DW_LNS_set_prologue_end:
      case DW_LNS_set_epilogue_begin:
        if (!hasV3Opcodes) skipOperands(h.standardOpcodeLengths[op]);
        break;
      case DW_LNS_set_isa:
        skipOperands(hasV3Opcodes ? 1 : h.standardOpcodeLengths[op]);
        break;
      default:
        // A standard opcode this decoder does not know: the header says how many ULEB operands it has.
        skipOperands(h.standardOpcodeLengths[op]);
    }
  }

  function runExtended(at: number): void {
    const length = r.leb();
    if (length === 0) r.failAt('extended opcode with length 0', at);
    const end = r.pos + length;
    if (end > r.end) {
      r.failAt(
        `extended opcode length ${length} runs past the end of the unit (0x${r.end.toString(16)})`,
        at,
      );
    }
    const x = r.sub(r.pos, end);
    const sub = x.u8();
    let name: string | undefined;
    switch (sub) {
      case DW_LNE_end_sequence:
        name = 'DW_LNE_end_sequence';
        emit(true, at);
        reset();
        break;
      case DW_LNE_set_address: {
        name = 'DW_LNE_set_address';
        const size = end - x.pos;
        if (size !== 4 && size !== 8)
          x.failAt(`DW_LNE_set_address with a ${size}-byte address (expected 4 or 8)`, at);
        address = x.uN(size);
        opIndex = 0;
        break;
      }
      case DW_LNE_define_file: {
        if (h.version >= 5) break; // reserved in DWARF 5: skipped like an unknown opcode
        name = 'DW_LNE_define_file';
        const fileName = x.cstring();
        const dirIndex = x.leb();
        x.leb(); // modification time
        x.leb(); // file length
        if (dirIndex >= h.dirs.length) {
          x.failAt(
            `DW_LNE_define_file "${fileName}" has directory index ${dirIndex} but there are ${h.dirs.length - 1} directories`,
            at,
          );
        }
        h.files.push({ name: fileName, dirIndex });
        break;
      }
      case DW_LNE_set_discriminator:
        name = 'DW_LNE_set_discriminator';
        x.leb();
        break;
      default:
      // Unknown (e.g. vendor) extended opcode: skipped by its length.
    }
    if (name !== undefined && x.pos !== end) {
      x.failAt(`${name} operands end before its length ${length} says they do`, at);
    }
    r.pos = end;
  }
}

/**
 * The file names of the line table at `offset` (a unit's DW_AT_stmt_list), indexed as
 * DW_AT_decl_file / DW_AT_call_file count them: from 0 in DWARF 5, from 1 before (index 0 empty).
 */
export function lineTableFileNames(sections: DebugSections, offset: number): string[] {
  const h = readHeader(sections.debugLine, offset, sections);
  const fileBase = h.version >= 5 ? 0 : 1;
  const dirPath = (index: number): string => {
    const dir = h.dirs[index];
    return index === 0 ? dir : joinPath(h.dirs[0], dir);
  };
  const names: string[] = fileBase ? [''] : [];
  for (const f of h.files) names.push(joinPath(dirPath(f.dirIndex), f.name));
  return names;
}

/** Decodes every line table in .debug_line: all sequences of all compilation units, rows in program order. */
export function parseDebugLine(sections: DebugSections): LineRow[] {
  const bytes = sections.debugLine;
  const rows: LineRow[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const header = readHeader(bytes, offset, sections);
    runProgram(bytes, header, rows);
    offset = header.unitEnd;
  }
  return rows;
}

/** The DWARF sections of a module; undefined when it has no .debug_line. */
export function debugSectionsOf(wasm: Uint8Array): DebugSections | undefined {
  const sections = readSections(wasm);
  const get = (name: string): Uint8Array | undefined => {
    const s = sections.find((x) => x.id === 0 && x.name === name);
    return s && wasm.subarray(s.start, s.end);
  };
  const debugLine = get('.debug_line');
  if (debugLine === undefined) return undefined;
  return { debugLine, debugLineStr: get('.debug_line_str'), debugStr: get('.debug_str') };
}

interface Sequence {
  low: number;
  high: number;
  /** Rows of the sequence sorted by address, without the end_sequence row. */
  rows: LineRow[];
}

/** Address → source position lookup over the rows of one or more line programs. */
export class LineTable {
  private readonly sequences: Sequence[] = [];
  /** maxHigh[i] = the largest `high` among sequences[0..i]; lets lookups handle overlapping sequences. */
  private readonly maxHigh: number[] = [];

  constructor(rows: LineRow[]) {
    let current: LineRow[] = [];
    for (const row of rows) {
      if (!row.endSequence) {
        current.push(row);
        continue;
      }
      // Stable sort: rows at equal addresses keep program order, so the last one wins on lookup.
      const sorted = current
        .map((r, i) => ({ r, i }))
        .sort((a, b) => a.r.address - b.r.address || a.i - b.i)
        .map((x) => x.r);
      if (sorted.length > 0 && sorted[0].address < row.address) {
        this.sequences.push({ low: sorted[0].address, high: row.address, rows: sorted });
      }
      current = [];
    }
    // Rows after the last end_sequence have no end address and cover nothing.
    this.sequences.sort((a, b) => a.low - b.low);
    let max = -Infinity;
    for (const s of this.sequences) {
      max = Math.max(max, s.high);
      this.maxHigh.push(max);
    }
  }

  /** The row covering `address`, or undefined outside every sequence or when that row has line 0. */
  lookup(address: number): LineRow | undefined {
    const seqs = this.sequences;
    // Last sequence with low <= address; then walk back over any that overlap it.
    let i = lastIndexAtOrBelow(seqs.length, (k) => seqs[k].low, address);
    for (; i >= 0 && this.maxHigh[i] > address; i--) {
      const s = seqs[i];
      if (address >= s.high) continue;
      const j = lastIndexAtOrBelow(s.rows.length, (k) => s.rows[k].address, address);
      const row = s.rows[j];
      return row.line === 0 ? undefined : row;
    }
    return undefined;
  }
}

/** Largest index k in [0, n) with key(k) <= value (keys non-decreasing), or -1. */
function lastIndexAtOrBelow(n: number, key: (k: number) => number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
