// Tests for the DWARF .debug_line decoder: real clang output cross-checked against llvm-dwarfdump,
// hand-built line programs for features clang does not emit, and malformed input.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  type DebugSections,
  DwarfFormatError,
  debugSectionsOf,
  type LineRow,
  LineTable,
  parseDebugLine,
} from '../wasm/dwarf-line';

// ---------------------------------------------------------------------------------------------
// Toolchain discovery

const workDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'dwarf-line-test-')));
after(() => rmSync(workDir, { recursive: true, force: true }));

function errorText(e: unknown): string {
  const err = e as { stderr?: Buffer | string; message?: string };
  const stderr = err.stderr?.toString().trim();
  return stderr || err.message || String(e);
}

let clangCache: { path: string } | { error: string } | undefined;

/** A clang that can compile and link for wasm32: $CLANG_PATH, else clang-16, else clang. */
function clang(): string {
  if (clangCache === undefined) {
    const candidates = [process.env.CLANG_PATH, 'clang-16', 'clang'].filter((c): c is string => !!c);
    const probeDir = path.join(workDir, 'probe');
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(path.join(probeDir, 'p.c'), 'int probe(int x) { return x + 1; }\n');
    const failures: string[] = [];
    for (const candidate of candidates) {
      try {
        execFileSync(
          candidate,
          [...baseFlags('wasm32'), '-g', '-o', path.join(probeDir, 'p.wasm'), path.join(probeDir, 'p.c')],
          { stdio: 'pipe' },
        );
        clangCache = { path: candidate };
        break;
      } catch (e) {
        failures.push(`${candidate}: ${errorText(e).split('\n')[0]}`);
      }
    }
    clangCache ??= {
      error:
        'no clang able to compile and link C for --target=wasm32 was found (set CLANG_PATH); tried:\n  ' +
        failures.join('\n  '),
    };
  }
  if ('error' in clangCache) throw new Error(clangCache.error);
  return clangCache.path;
}

let dwarfdumpCache: string | undefined;

/** llvm-dwarfdump: $LLVM_DWARFDUMP_PATH, else next to $CLANG_PATH, else llvm-dwarfdump-16, else llvm-dwarfdump. */
function dwarfdump(): string {
  if (dwarfdumpCache !== undefined) return dwarfdumpCache;
  const candidates = [
    process.env.LLVM_DWARFDUMP_PATH,
    process.env.CLANG_PATH && path.join(path.dirname(process.env.CLANG_PATH), 'llvm-dwarfdump'),
    'llvm-dwarfdump-16',
    'llvm-dwarfdump',
  ].filter((c): c is string => !!c);
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'pipe' });
      dwarfdumpCache = candidate;
      return candidate;
    } catch (e) {
      failures.push(`${candidate}: ${errorText(e).split('\n')[0]}`);
    }
  }
  throw new Error(`llvm-dwarfdump not found (set LLVM_DWARFDUMP_PATH); tried:\n  ${failures.join('\n  ')}`);
}

function baseFlags(target: 'wasm32' | 'wasm64'): string[] {
  return [
    `--target=${target}`,
    '-mcpu=mvp',
    '-nostdlib',
    '-fno-builtin',
    '-w',
    '-Wl,--no-entry',
    '-Wl,--export-all',
  ];
}

// ---------------------------------------------------------------------------------------------
// C sources: two compilation units, one including a header with a non-inlined and an inlined function.

const SOURCES: Record<string, string> = {
  'inc/h.h': `__attribute__((noinline)) static int scale(int x) {
  return x * 3 + 1; /* @mark */
}

static inline void bump(volatile int *p, int v) {
  *p += v; /* @mark */
}
`,
  'a.c': `#include "inc/h.h"

volatile int counter;
int helper(int);

int entry(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += scale(i); /* @mark */
    bump(&counter, i);
  }
  return helper(s); /* @mark */
}
`,
  'b.c': `int helper(int x) {
  if (x > 100) /* @mark */
    return x / 7;
  return x * 5 + 2; /* @mark */
}
`,
};

/** (relative path, 1-based line) of every line carrying a `@mark` comment. */
function markers(): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  for (const [file, text] of Object.entries(SOURCES)) {
    text.split('\n').forEach((l, i) => {
      if (l.includes('/* @mark */')) out.push({ file, line: i + 1 });
    });
  }
  return out;
}

interface Build {
  name: string;
  dir: string;
  wasm: Uint8Array;
}

const builds = new Map<string, Build>();

/** Compiles a.c and b.c in a fresh directory (relative paths, so the DWARF comp dir is that directory). */
function build(target: 'wasm32' | 'wasm64', dwarf: number, opt: string): Build {
  const name = `${target}-dwarf${dwarf}${opt}`;
  const cached = builds.get(name);
  if (cached) return cached;
  const cc = clang();
  const dir = path.join(workDir, name);
  mkdirSync(path.join(dir, 'inc'), { recursive: true });
  for (const [file, text] of Object.entries(SOURCES)) writeFileSync(path.join(dir, file), text);
  try {
    execFileSync(cc, [...baseFlags(target), opt, '-g', `-gdwarf-${dwarf}`, '-o', 'out.wasm', 'a.c', 'b.c'], {
      cwd: dir,
      stdio: 'pipe',
    });
  } catch (e) {
    throw new Error(`${cc} failed to build ${name}:\n${errorText(e)}`);
  }
  const result = { name, dir, wasm: readFileSync(path.join(dir, 'out.wasm')) };
  builds.set(name, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// llvm-dwarfdump --debug-line parsing

interface DumpRow {
  address: number;
  line: number;
  column: number;
  fileIndex: number;
  isStmt: boolean;
  endSequence: boolean;
}

interface DumpUnit {
  offset: number;
  version: number;
  format: string;
  addressSize?: number;
  dirs: Map<number, string>;
  files: Map<number, { name: string; dirIndex: number }>;
  rows: DumpRow[];
}

function parseDump(text: string): DumpUnit[] {
  const units: DumpUnit[] = [];
  let unit: DumpUnit | undefined;
  let fileIndex = -1;
  const cur = (): DumpUnit => {
    assert.ok(unit, 'llvm-dwarfdump output: content before the first debug_line[...] header');
    return unit;
  };
  const handlers: [RegExp, (m: RegExpMatchArray) => void][] = [
    [
      /^debug_line\[0x([0-9a-f]+)\]$/,
      (m) => {
        unit = {
          offset: parseInt(m[1], 16),
          version: 0,
          format: '',
          dirs: new Map(),
          files: new Map(),
          rows: [],
        };
        units.push(unit);
      },
    ],
    [
      /^version: (\d+)$/,
      (m) => {
        cur().version = Number(m[1]);
      },
    ],
    [
      /^format: (\S+)$/,
      (m) => {
        cur().format = m[1];
      },
    ],
    [
      /^address_size: (\d+)$/,
      (m) => {
        cur().addressSize = Number(m[1]);
      },
    ],
    [/^include_directories\[\s*(\d+)\] = "(.*)"$/, (m) => void cur().dirs.set(Number(m[1]), m[2])],
    [
      /^file_names\[\s*(\d+)\]:$/,
      (m) => {
        fileIndex = Number(m[1]);
        cur().files.set(fileIndex, { name: '', dirIndex: 0 });
      },
    ],
    [
      /^name: "(.*)"$/,
      (m) => {
        cur().files.get(fileIndex)!.name = m[1];
      },
    ],
    [
      /^dir_index: (\d+)$/,
      (m) => {
        cur().files.get(fileIndex)!.dirIndex = Number(m[1]);
      },
    ],
    [
      /^0x([0-9a-f]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*(.*)$/,
      (m) => {
        const flags = m[7].split(/\s+/);
        cur().rows.push({
          address: parseInt(m[1], 16),
          line: Number(m[2]),
          column: Number(m[3]),
          fileIndex: Number(m[4]),
          isStmt: flags.includes('is_stmt'),
          endSequence: flags.includes('end_sequence'),
        });
      },
    ],
  ];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const [re, handle] of handlers) {
      const m = line.match(re);
      if (m) {
        handle(m);
        break;
      }
    }
  }
  return units;
}

/** The path a file index should resolve to, computed from the dump's prologue with node's path module. */
function expectedPath(unit: DumpUnit, fileIndex: number): string {
  const file = unit.files.get(fileIndex);
  assert.ok(file, `dump unit 0x${unit.offset.toString(16)} has no file ${fileIndex}`);
  if (path.posix.isAbsolute(file.name)) return file.name;
  let dir: string;
  if (unit.version < 5 && file.dirIndex === 0) {
    dir = ''; // the compilation directory, not recorded in a DWARF 2-4 line table
  } else {
    const d = unit.dirs.get(file.dirIndex);
    assert.ok(d !== undefined, `dump unit 0x${unit.offset.toString(16)} has no directory ${file.dirIndex}`);
    dir = d;
    if (unit.version >= 5 && file.dirIndex !== 0 && !path.posix.isAbsolute(dir)) {
      dir = path.posix.join(unit.dirs.get(0)!, dir);
    }
  }
  return dir === '' ? path.posix.normalize(file.name) : path.posix.join(dir, file.name);
}

function dumpOf(b: Build): DumpUnit[] {
  const file = path.join(b.dir, 'out.wasm');
  const text = execFileSync(dwarfdump(), ['--debug-line', file], { encoding: 'utf8' });
  const units = parseDump(text);
  assert.ok(units.length > 0, `llvm-dwarfdump found no line tables in ${b.name}:\n${text}`);
  return units;
}

function plain(r: LineRow): LineRow {
  return {
    address: r.address,
    file: r.file,
    line: r.line,
    column: r.column,
    isStmt: r.isStmt,
    endSequence: r.endSequence,
  };
}

/** Brute-force lookup over rows in the obvious (linear) way, for comparison with LineTable. */
function naiveLookup(rows: LineRow[], address: number): LineRow | undefined {
  let seq: LineRow[] = [];
  for (const row of rows) {
    if (!row.endSequence) {
      seq.push(row);
      continue;
    }
    if (seq.length > 0 && seq[0].address <= address && address < row.address) {
      let found: LineRow | undefined;
      for (const r of seq) if (r.address <= address) found = r;
      return found && found.line !== 0 ? found : undefined;
    }
    seq = [];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Real clang output

const VARIANTS: { target: 'wasm32' | 'wasm64'; dwarf: number; opt: string }[] = [];
for (const dwarf of [2, 3, 4, 5]) {
  for (const opt of ['-O0', '-O2']) VARIANTS.push({ target: 'wasm32', dwarf, opt });
}
VARIANTS.push({ target: 'wasm64', dwarf: 4, opt: '-O2' }, { target: 'wasm64', dwarf: 5, opt: '-O1' });

describe('clang output cross-checked against llvm-dwarfdump', () => {
  for (const { target, dwarf, opt } of VARIANTS) {
    test(`${target} -gdwarf-${dwarf} ${opt}`, () => {
      const b = build(target, dwarf, opt);
      const sections = debugSectionsOf(b.wasm);
      assert.ok(sections, 'module has a .debug_line section');
      const rows = parseDebugLine(sections);
      const units = dumpOf(b);

      assert.equal(units.length, 2, 'two compilation units, two line tables');
      for (const u of units) {
        assert.equal(u.version, dwarf);
        assert.equal(u.format, 'DWARF32');
        if (dwarf >= 5) assert.equal(u.addressSize, target === 'wasm64' ? 8 : 4);
      }
      const expected: LineRow[] = units.flatMap((u) =>
        u.rows.map((r) => ({
          address: r.address,
          file: expectedPath(u, r.fileIndex),
          line: r.line,
          column: r.column,
          isStmt: r.isStmt,
          endSequence: r.endSequence,
        })),
      );
      assert.ok(expected.length > 5);
      assert.deepEqual(rows.map(plain), expected);

      // Several files appear: both sources and the header; paths resolve as the standard says.
      const compRelative = (rel: string): string => (dwarf >= 5 ? path.join(b.dir, rel) : rel);
      const files = new Set(rows.map((r) => r.file));
      for (const rel of ['a.c', 'b.c', 'inc/h.h']) {
        assert.ok(
          files.has(compRelative(rel)),
          `rows mention ${compRelative(rel)}; got ${[...files].join(', ')}`,
        );
      }

      // Every marked source line has a row.
      for (const mark of markers()) {
        assert.ok(
          rows.some((r) => r.file === compRelative(mark.file) && r.line === mark.line),
          `no row for marked line ${mark.file}:${mark.line}`,
        );
      }

      // LineTable agrees with a linear scan at every address around the code, and sees every row.
      const table = new LineTable(rows);
      const maxAddress = Math.max(...rows.map((r) => r.address));
      for (let a = 0; a <= maxAddress + 4; a++) {
        assert.deepEqual(table.lookup(a), naiveLookup(rows, a), `lookup(0x${a.toString(16)})`);
      }
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const next = rows[i + 1];
        if (r.endSequence || r.line === 0 || (next && next.address === r.address && !next.endSequence))
          continue;
        assert.equal(table.lookup(r.address), r);
      }
    });
  }

  test('addresses are offsets into the Code section payload', () => {
    const b = build('wasm32', 4, '-O0');
    const rows = parseDebugLine(debugSectionsOf(b.wasm)!);
    // Locate the code section's payload size, then check every address lies inside it and that each
    // sequence starts at a function body (after its size LEB and local declarations, so past 0).
    let pos = 8;
    let codeSize = -1;
    while (pos < b.wasm.length) {
      const id = b.wasm[pos++];
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = b.wasm[pos++];
        size += (byte & 0x7f) * 2 ** shift;
        if (!(byte & 0x80)) break;
      }
      if (id === 10) codeSize = size;
      pos += size;
    }
    assert.ok(codeSize > 0);
    for (const r of rows) {
      assert.ok(
        r.address > 0 && r.address <= codeSize,
        `address 0x${r.address.toString(16)} in code payload`,
      );
    }
  });

  test('debugSectionsOf reads the custom sections', () => {
    const v5 = debugSectionsOf(build('wasm32', 5, '-O2').wasm);
    assert.ok(v5?.debugLineStr, 'DWARF 5 module has .debug_line_str');
    assert.ok(v5?.debugStr);
    const v4 = debugSectionsOf(build('wasm32', 4, '-O2').wasm);
    assert.ok(v4 && v4.debugLine.length > 0);
    assert.equal(v4.debugLineStr, undefined);
    const b = path.join(workDir, 'nodebug');
    mkdirSync(b, { recursive: true });
    writeFileSync(path.join(b, 'n.c'), 'int f(int x) { return x * 2; }\n');
    execFileSync(clang(), [...baseFlags('wasm32'), '-O2', '-o', 'n.wasm', 'n.c'], { cwd: b, stdio: 'pipe' });
    assert.equal(debugSectionsOf(readFileSync(path.join(b, 'n.wasm'))), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-built line programs

const uleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return out;
};
const sleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(byte & 0x40)) || (v === -1 && byte & 0x40)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
};
const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v: number): number[] => [...u32(v % 2 ** 32), ...u32(Math.floor(v / 2 ** 32))];
const cstr = (s: string): number[] => [...Buffer.from(s, 'utf8'), 0];

const STD_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

interface HeaderOptions {
  version?: number;
  minInst?: number;
  maxOps?: number;
  defaultIsStmt?: boolean;
  lineBase?: number;
  lineRange?: number;
  opcodeBase?: number;
  stdLengths?: number[];
}

function fixedHeader(o: HeaderOptions): number[] {
  const version = o.version ?? 4;
  const opcodeBase = o.opcodeBase ?? 13;
  const stdLengths = o.stdLengths ?? STD_LENGTHS.slice(0, opcodeBase - 1);
  return [
    o.minInst ?? 1,
    ...(version >= 4 ? [o.maxOps ?? 1] : []),
    o.defaultIsStmt === false ? 0 : 1,
    (o.lineBase ?? -5) & 0xff,
    o.lineRange ?? 14,
    opcodeBase,
    ...stdLengths,
  ];
}

/** A DWARF 2-4 unit: unit_length and header_length computed. */
function unitV4(
  o: HeaderOptions & { dirs?: string[]; files?: { name: string; dir: number }[] },
  program: number[],
): number[] {
  const version = o.version ?? 4;
  const tables = [
    ...(o.dirs ?? []).flatMap(cstr),
    0,
    ...(o.files ?? [{ name: 'a.c', dir: 0 }]).flatMap((f) => [...cstr(f.name), ...uleb(f.dir), 0, 0]),
    0,
  ];
  const afterLength = [...fixedHeader({ ...o, version }), ...tables];
  const body = [...u16(version), ...u32(afterLength.length), ...afterLength, ...program];
  return [...u32(body.length), ...body];
}

/** A DWARF 5 unit with caller-encoded directory and file tables. */
function unitV5(
  o: HeaderOptions & {
    addressSize?: number;
    dirFormat: [number, number][];
    dirs: number[][];
    fileFormat: [number, number][];
    files: number[][];
  },
  program: number[],
): number[] {
  const table = (format: [number, number][], entries: number[][]): number[] => [
    format.length,
    ...format.flatMap(([type, form]) => [...uleb(type), ...uleb(form)]),
    ...uleb(entries.length),
    ...entries.flat(),
  ];
  const afterLength = [
    ...fixedHeader({ ...o, version: 5 }),
    ...table(o.dirFormat, o.dirs),
    ...table(o.fileFormat, o.files),
  ];
  const body = [5, 0, o.addressSize ?? 4, 0, ...u32(afterLength.length), ...afterLength, ...program];
  return [...u32(body.length), ...body];
}

const op = {
  copy: [1],
  advancePc: (n: number) => [2, ...uleb(n)],
  advanceLine: (n: number) => [3, ...sleb(n)],
  setFile: (n: number) => [4, ...uleb(n)],
  setColumn: (n: number) => [5, ...uleb(n)],
  negateStmt: [6],
  basicBlock: [7],
  constAddPc: [8],
  fixedAdvancePc: (n: number) => [9, ...u16(n)],
  prologueEnd: [10],
  epilogueBegin: [11],
  setIsa: (n: number) => [12, ...uleb(n)],
  endSequence: [0, 1, 1],
  setAddress: (a: number) => [0, 5, 2, ...u32(a)],
  setAddress8: (a: number) => [0, 9, 2, ...u64(a)],
  setDiscriminator: (n: number) => [0, 1 + uleb(n).length, 4, ...uleb(n)],
  defineFile: (name: string, dir: number) => {
    const payload = [3, ...cstr(name), ...uleb(dir), 0, 0];
    return [0, ...uleb(payload.length), ...payload];
  },
  /** Special opcode for the default line_base -5, line_range 14. */
  special: (addr: number, line: number, opcodeBase = 13, lineBase = -5, lineRange = 14) => {
    const code = line - lineBase + lineRange * addr + opcodeBase;
    assert.ok(line - lineBase >= 0 && line - lineBase < lineRange && code <= 255, 'special opcode in range');
    return [code];
  },
};

const parse = (bytes: number[], extra: Partial<DebugSections> = {}): LineRow[] =>
  parseDebugLine({ debugLine: Uint8Array.from(bytes), ...extra });

const row = (
  address: number,
  file: string,
  line: number,
  column: number,
  isStmt = true,
  endSequence = false,
) => ({
  address,
  file,
  line,
  column,
  isStmt,
  endSequence,
});

// Forms and content types used below.
const FORM = {
  block2: 0x03,
  data2: 0x05,
  data4: 0x06,
  data8: 0x07,
  string: 0x08,
  block: 0x09,
  block1: 0x0a,
  data1: 0x0b,
  sdata: 0x0d,
  strp: 0x0e,
  udata: 0x0f,
  data16: 0x1e,
  line_strp: 0x1f,
  strx1: 0x25,
};
const LNCT = { path: 1, directory_index: 2, timestamp: 3, size: 4, MD5: 5 };

describe('hand-built line programs', () => {
  test('DWARF 2 with opcode_base 10: opcodes 10-12 are special; define_file; directories', () => {
    const program = [
      ...op.setAddress(0x100),
      ...op.special(0, 2, 10), // line 3
      10, // special: adjusted 0 → address +0, line -5
      ...op.advanceLine(20),
      12, // special: adjusted 2 → line -3
      ...op.defineFile('gen.c', 2),
      ...op.setFile(3),
      ...op.special(1, 1, 10),
      ...op.setFile(2),
      ...op.special(2, 0, 10),
      ...op.advancePc(3),
      ...op.endSequence,
    ];
    const rows = parse(
      unitV4(
        {
          version: 2,
          opcodeBase: 10,
          dirs: ['/usr/include', 'gen/'],
          files: [
            { name: 'main.c', dir: 0 },
            { name: 'stdio.h', dir: 1 },
          ],
        },
        program,
      ),
    );
    assert.deepEqual(rows, [
      row(0x100, 'main.c', 3, 0),
      row(0x100, 'main.c', 0xfffffffe, 0), // 3 - 5 wraps like the unsigned line register
      row(0x100, 'main.c', 15, 0),
      row(0x101, 'gen/gen.c', 16, 0),
      row(0x103, '/usr/include/stdio.h', 16, 0),
      row(0x106, '/usr/include/stdio.h', 16, 0, true, true),
    ]);
  });

  test('DWARF 3: min_inst_length scales advances; const_add_pc; fixed_advance_pc; v3 opcodes', () => {
    const program = [
      ...op.setAddress(0x40),
      ...op.setColumn(7),
      ...op.prologueEnd,
      ...op.copy,
      ...op.advancePc(2), // 2 * 4 bytes
      ...op.negateStmt,
      ...op.basicBlock,
      ...op.setIsa(3),
      ...op.copy,
      ...op.constAddPc, // (255 - 13) / 14 = 17 operations = 68 bytes
      ...op.epilogueBegin,
      ...op.special(1, 0),
      ...op.fixedAdvancePc(3), // not scaled
      ...op.advanceLine(-1),
      ...op.copy,
      ...op.endSequence,
    ];
    const rows = parse(unitV4({ version: 3, minInst: 4, defaultIsStmt: false }, program));
    assert.deepEqual(rows, [
      row(0x40, 'a.c', 1, 7, false),
      row(0x48, 'a.c', 1, 7, true),
      row(0x48 + 68 + 4, 'a.c', 1, 7, true),
      row(0x48 + 68 + 4 + 3, 'a.c', 0, 7, true),
      row(0x48 + 68 + 4 + 3, 'a.c', 0, 7, true, true),
    ]);
  });

  test('DWARF 4: unknown standard and extended opcodes are skipped; 8-byte set_address; discriminator', () => {
    const program = [
      ...op.setAddress8(0x1234),
      13, // unknown standard opcode with two ULEB operands
      ...uleb(300),
      ...uleb(5),
      14, // unknown standard opcode without operands
      0,
      4,
      0x80,
      1,
      2,
      3, // vendor extended opcode, 3 bytes of payload
      ...op.setDiscriminator(9),
      ...op.special(0, 1, 15),
      ...op.setAddress(0x2000), // a new sequence can follow in the same unit
      ...op.endSequence,
      ...op.setAddress(0x10),
      ...op.copy,
      ...op.advancePc(1),
      ...op.endSequence,
    ];
    const rows = parse(unitV4({ opcodeBase: 15, stdLengths: [...STD_LENGTHS, 2, 0] }, program));
    assert.deepEqual(rows, [
      row(0x1234, 'a.c', 2, 0),
      row(0x2000, 'a.c', 2, 0, true, true),
      row(0x10, 'a.c', 1, 0),
      row(0x11, 'a.c', 1, 0, true, true),
    ]);
  });

  test('DWARF 4: maximum_operations_per_instruction > 1 (VLIW op_index)', () => {
    const program = [
      ...op.setAddress(0x100),
      ...op.advancePc(7), // op_index 0 + 7 = 7 → address += 2 * 2, op_index 1
      ...op.copy,
      ...op.advancePc(2), // op_index 3 → address += 2, op_index 0
      ...op.copy,
      ...op.special(4, 0), // op_index 4 → address += 2, op_index 1
      ...op.fixedAdvancePc(1), // op_index reset
      ...op.special(2, 0), // op_index 2 → no address change
      ...op.endSequence,
    ];
    const rows = parse(unitV4({ minInst: 2, maxOps: 3 }, program));
    assert.deepEqual(
      rows.map((r) => r.address),
      [0x104, 0x106, 0x108, 0x109, 0x109],
    );
  });

  test('DWARF 5: entry formats with string, strp, line_strp, udata, data1/2/4/8/16, block forms', () => {
    // .debug_str offsets: junk 0, x.h 5, /root/z.h 9, /srv 19, lib 24.
    const debugStr = Uint8Array.from([
      ...cstr('junk'),
      ...cstr('x.h'),
      ...cstr('/root/z.h'),
      ...cstr('/srv'),
      ...cstr('lib'),
    ]);
    const debugLineStr = Uint8Array.from([...cstr('main.c'), ...cstr('y.h')]);
    const rows = parse(
      unitV5(
        {
          dirFormat: [[LNCT.path, FORM.string]],
          dirs: [cstr('/comp'), cstr('sub'), cstr('/abs/inc/')],
          fileFormat: [
            [LNCT.timestamp, FORM.data4],
            [LNCT.path, FORM.line_strp],
            [0x2001, FORM.block], // vendor content type: skipped by form
            [LNCT.directory_index, FORM.udata],
            [LNCT.MD5, FORM.data16],
            [LNCT.size, FORM.data8],
            [0x2002, FORM.sdata],
          ],
          files: [
            [...u32(0), ...u32(0), 2, 0xaa, 0xbb, 0, ...new Array(16).fill(7), ...u64(99), ...sleb(-3)],
            [...u32(0), ...u32(7), 0, ...uleb(2), ...new Array(16).fill(0), ...u64(0), 0],
          ],
        },
        [
          ...op.setFile(0),
          ...op.setAddress(8),
          ...op.copy,
          ...op.setFile(1),
          ...op.special(3, 1),
          ...op.advancePc(1),
          ...op.endSequence,
        ],
      ).concat(
        unitV5(
          {
            dirFormat: [
              [LNCT.path, FORM.strp],
              [0x2003, FORM.block1],
            ],
            dirs: [
              [...u32(19), 2, 1, 1],
              [...u32(24), 0],
            ],
            fileFormat: [
              [LNCT.directory_index, FORM.data2],
              [LNCT.path, FORM.strp],
              [LNCT.size, FORM.data1],
              [0x2004, FORM.block2],
            ],
            files: [
              [...u16(1), ...u32(5), 3, ...u16(1), 9],
              [...u16(1), ...u32(9), 3, ...u16(0)],
            ],
          },
          [
            ...op.setFile(0),
            ...op.setAddress(0x20),
            ...op.copy,
            ...op.setFile(1),
            ...op.advancePc(2),
            ...op.copy,
            ...op.endSequence,
          ],
        ),
      ),
      { debugStr, debugLineStr },
    );
    assert.deepEqual(rows, [
      row(8, '/comp/main.c', 1, 0),
      row(11, '/abs/inc/y.h', 2, 0),
      row(12, '/abs/inc/y.h', 2, 0, true, true),
      row(0x20, '/srv/lib/x.h', 1, 0), // directory 1 "lib" is relative to directory 0 "/srv"
      row(0x22, '/root/z.h', 1, 0),
      row(0x22, '/root/z.h', 1, 0, true, true),
    ]);
  });

  test('DWARF 5 directory relative to the compilation directory; DWARF 4 directory 0 is left unresolved', () => {
    const v5 = unitV5(
      {
        dirFormat: [[LNCT.path, FORM.string]],
        dirs: [cstr('/home/u/proj'), cstr('./inc/./sub')],
        fileFormat: [
          [LNCT.path, FORM.string],
          [LNCT.directory_index, FORM.data1],
        ],
        files: [
          [...cstr('m.c'), 0],
          [...cstr('k.h'), 1],
        ],
      },
      [...op.setFile(1), ...op.setAddress(1), ...op.copy, ...op.endSequence],
    );
    const v4 = unitV4({ dirs: ['./inc'], files: [{ name: './m.c', dir: 0 }] }, [
      ...op.setAddress(1),
      ...op.copy,
      ...op.endSequence,
    ]);
    assert.deepEqual(
      parse([...v5, ...v4]).map((r) => r.file),
      ['/home/u/proj/inc/sub/k.h', '/home/u/proj/inc/sub/k.h', 'm.c', 'm.c'],
    );
  });

  test('DWARF 5 define_file is reserved: skipped like an unknown extended opcode', () => {
    const rows = parse(
      unitV5(
        {
          dirFormat: [[LNCT.path, FORM.string]],
          dirs: [cstr('/d')],
          fileFormat: [[LNCT.path, FORM.string]],
          files: [cstr('f.c')],
        },
        [
          ...op.defineFile('ignored.c', 0),
          ...op.setFile(0),
          ...op.setAddress(4),
          ...op.copy,
          ...op.endSequence,
        ],
      ),
    );
    assert.deepEqual(
      rows.map((r) => r.file),
      ['/d/f.c', '/d/f.c'],
    );
  });

  test('an empty .debug_line has no rows', () => {
    assert.deepEqual(parse([]), []);
  });
});

describe('LineTable', () => {
  const rows = [
    row(0x10, 'a.c', 1, 1),
    row(0x14, 'a.c', 0, 0), // line 0: compiler-generated code
    row(0x18, 'a.c', 3, 1),
    row(0x18, 'a.c', 4, 2), // same address: the later row wins
    row(0x20, 'a.c', 4, 2, true, true),
    // A second sequence, listed out of address order.
    row(0x08, 'b.c', 7, 1),
    row(0x0c, 'b.c', 8, 1, true, true),
    // A sequence overlapping the first one (e.g. a discarded function's code not tombstoned).
    row(0x12, 'c.c', 9, 9),
    row(0x13, 'c.c', 9, 9, true, true),
    // Trailing rows without end_sequence cover nothing.
    row(0x40, 'd.c', 1, 1),
  ];
  const table = new LineTable(rows);

  test('finds the last row at or below the address within its sequence', () => {
    assert.equal(table.lookup(0x10), rows[0]);
    assert.equal(table.lookup(0x11), rows[0]);
    assert.equal(table.lookup(0x18), rows[3]);
    assert.equal(table.lookup(0x1f), rows[3]);
    assert.equal(table.lookup(0x08), rows[5]);
    assert.equal(table.lookup(0x0b), rows[5]);
  });

  test('undefined outside sequences, at end addresses and for line 0', () => {
    for (const a of [0, 7, 0x0c, 0x0f, 0x20, 0x21, 0x40, 0x1000])
      assert.equal(table.lookup(a), undefined, `0x${a.toString(16)}`);
    assert.equal(table.lookup(0x14), undefined);
    assert.equal(table.lookup(0x17), undefined);
  });

  test('overlapping sequences: the one starting closest below the address wins', () => {
    assert.equal(table.lookup(0x12), rows[7]);
    assert.equal(table.lookup(0x13), rows[0]);
  });

  test('an empty table finds nothing', () => {
    assert.equal(new LineTable([]).lookup(0), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed input

function assertDwarfError(fn: () => unknown, message: RegExp, offset?: number): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DwarfFormatError, `expected DwarfFormatError, got ${String(e)}`);
    assert.match(e.message, message);
    assert.match(e.message, /\(at \.debug_line offset 0x[0-9a-f]+\)$/);
    if (offset !== undefined) assert.equal(e.offset, offset, e.message);
    return true;
  });
}

const simpleProgram = [...op.setAddress(4), ...op.copy, ...op.advancePc(2), ...op.endSequence];

describe('malformed .debug_line', () => {
  test('truncated unit_length', () => {
    assertDwarfError(() => parse([0x10, 0]), /unexpected end of data/);
  });

  test('unit_length past the end of the section', () => {
    const unit = unitV4({}, simpleProgram);
    assertDwarfError(
      () => parse(unit.slice(0, 20)),
      /unit_length 0x[0-9a-f]+ runs past the end of \.debug_line/,
      0,
    );
    // The second unit is the broken one: the offset says so.
    assertDwarfError(
      () => parse([...unit, ...unit.slice(0, unit.length - 1)]),
      /line table at 0x([0-9a-f]+): unit_length/,
      unit.length,
    );
  });

  test('truncated inside the header', () => {
    const unit = unitV4({ dirs: ['/some/dir'] }, []);
    // Keep header_length but cut the unit inside the directory table.
    const cut = unit.slice(0, 20);
    cut.splice(0, 4, ...u32(cut.length - 4));
    assertDwarfError(() => parse(cut), /header_length 0x[0-9a-f]+ runs past the end of the unit/, 6);
    // header_length shorter than the tables: the tables run out of header bytes.
    const short = [...unit];
    short.splice(6, 4, ...u32(12));
    assertDwarfError(() => parse(short), /unexpected end of data/);
  });

  test('bad version', () => {
    const unit = unitV4({}, simpleProgram);
    for (const version of [0, 1, 6, 0xffff]) {
      const bad = [...unit];
      bad.splice(4, 2, ...u16(version));
      assertDwarfError(() => parse(bad), new RegExp(`unsupported line table version ${version}\\b`), 4);
    }
  });

  test('64-bit DWARF marker', () => {
    const unit64 = [0xff, 0xff, 0xff, 0xff, ...u64(30), 4, 0, ...u64(20), ...new Array(30).fill(0)];
    assertDwarfError(() => parse(unit64), /64-bit DWARF .*not supported/, 0);
    assertDwarfError(() => parse([0xf0, 0xff, 0xff, 0xff, 0, 0]), /reserved unit_length value 0xfffffff0/, 0);
  });

  test('header_length past the end of the unit', () => {
    const unit = unitV4({}, simpleProgram);
    unit.splice(6, 4, ...u32(0x1000));
    assertDwarfError(() => parse(unit), /header_length 0x1000 runs past the end of the unit/, 6);
  });

  test('header fields that would break the state machine', () => {
    assertDwarfError(() => parse(unitV4({ lineRange: 0 }, simpleProgram)), /line_range is 0/, 14);
    assertDwarfError(
      () => parse(unitV4({ maxOps: 0 }, simpleProgram)),
      /maximum_operations_per_instruction is 0/,
      11,
    );
    assertDwarfError(
      () => parse(unitV4({ opcodeBase: 0, stdLengths: [] }, simpleProgram)),
      /opcode_base is 0/,
      15,
    );
    assertDwarfError(
      () => parse(unitV4({ files: [{ name: 'a.c', dir: 3 }] }, simpleProgram)),
      /directory index 3 but there are 0 directories/,
    );
  });

  test('bad opcodes in the program', () => {
    assertDwarfError(() => parse(unitV4({}, [0, 0])), /extended opcode with length 0/);
    assertDwarfError(
      () => parse(unitV4({}, [0, 9, 2, 1, 2])),
      /extended opcode length 9 runs past the end of the unit/,
    );
    assertDwarfError(() => parse(unitV4({}, [0, 4, 2, 1, 2, 3])), /DW_LNE_set_address with a 3-byte address/);
    assertDwarfError(() => parse(unitV4({}, [0, 2, 4, 0x80, 1])), /unexpected end of data/);
    assertDwarfError(
      () => parse(unitV4({}, [0, 3, 4, 1, 1])),
      /DW_LNE_set_discriminator operands end before/,
    );
    assertDwarfError(() => parse(unitV4({}, [2, 0x80])), /unexpected end of data/);
    assertDwarfError(
      () => parse(unitV4({}, [...op.setFile(2), ...op.copy])),
      /row refers to file index 2 \(valid: 1 to 1\)/,
    );
    assertDwarfError(
      () => parse(unitV4({ files: [] }, [...op.copy])),
      /file index 1 \(the file table is empty\)/,
    );
  });

  test('bad DWARF 5 tables', () => {
    const v5 = (
      dirFormat: [number, number][],
      dirs: number[][],
      fileFormat: [number, number][] = [[LNCT.path, FORM.string]],
      files: number[][] = [cstr('f.c')],
    ) => unitV5({ dirFormat, dirs, fileFormat, files }, simpleProgram);
    assertDwarfError(
      () => parse(v5([[LNCT.path, FORM.line_strp]], [u32(0)])),
      /refers to \.debug_line_str, which the module lacks/,
    );
    assertDwarfError(
      () => parse(v5([[LNCT.path, FORM.strp]], [u32(50)]), { debugStr: Uint8Array.from(cstr('abc')) }),
      /string offset 0x32 is past the end of \.debug_str/,
    );
    assertDwarfError(
      () => parse(v5([[LNCT.path, FORM.strp]], [u32(0)]), { debugStr: Uint8Array.from([0x61, 0x62]) }),
      /not NUL-terminated/,
    );
    assertDwarfError(() => parse(v5([[LNCT.path, 0x99]], [[1]])), /unsupported attribute form 0x99/);
    assertDwarfError(() => parse(v5([[LNCT.path, FORM.udata]], [[1]])), /directory path has form 0xf/);
    assertDwarfError(() => parse(v5([[LNCT.path, FORM.strx1]], [[1]])), /directory path has form 0x25/);
    assertDwarfError(() => parse(v5([], [[], []])), /2 directory entries but an empty entry format/);
    assertDwarfError(
      () => parse(v5([[LNCT.path, FORM.string]], [cstr('/d')], [[LNCT.size, FORM.udata]], [[1]])),
      /file name entry 0 has no DW_LNCT_path/,
    );
    assertDwarfError(
      () =>
        parse(
          v5(
            [[LNCT.path, FORM.string]],
            [cstr('/d')],
            [
              [LNCT.path, FORM.string],
              [LNCT.directory_index, FORM.udata],
            ],
            [[...cstr('f.c'), 4]],
          ),
        ),
      /file "f\.c" has directory index 4 but there are 1 directories/,
    );
    const huge = unitV5(
      { dirFormat: [[LNCT.path, FORM.string]], dirs: [], fileFormat: [], files: [] },
      simpleProgram,
    );
    // Replace the directory count 0 with a count far larger than the header.
    const countAt = 4 + 2 + 2 + 4 + 6 + 12 + 1 + 2;
    assert.equal(huge[countAt], 0);
    huge.splice(countAt, 1, 0xff, 0xff, 0x03);
    huge.splice(0, 4, ...u32(huge.length - 4));
    huge.splice(8, 4, ...u32(u32le(huge, 8) + 2));
    assertDwarfError(() => parse(huge), /directory count 65535 exceeds the remaining header bytes/);
  });

  test('every truncation and many corruptions of real clang output fail cleanly', () => {
    for (const [dwarf, opt] of [
      [4, '-O2'],
      [5, '-O0'],
    ] as const) {
      const sections = debugSectionsOf(build('wasm32', dwarf, opt).wasm)!;
      const line = sections.debugLine;
      const full = parseDebugLine(sections);
      const unitEnds = new Set<number>([0]);
      for (let at = 0; at < line.length; ) {
        at += 4 + u32le([...line.subarray(at, at + 4)], 0);
        unitEnds.add(at);
      }
      for (let n = 0; n < line.length; n++) {
        const sub = { ...sections, debugLine: line.subarray(0, n) };
        if (unitEnds.has(n)) {
          const rows = parseDebugLine(sub);
          assert.deepEqual(rows, full.slice(0, rows.length));
        } else {
          assertDwarfError(() => parseDebugLine(sub), /./);
        }
      }
      // Deterministic pseudo-random byte corruption: parse or DwarfFormatError, never anything else.
      let seed = 12345 + dwarf;
      const rand = (k: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed % k;
      };
      for (let trial = 0; trial < 3000; trial++) {
        const bytes = Uint8Array.from(line);
        const flips = 1 + rand(3);
        for (let f = 0; f < flips; f++) bytes[rand(bytes.length)] = rand(256);
        try {
          parseDebugLine({ ...sections, debugLine: bytes });
        } catch (e) {
          assert.ok(e instanceof DwarfFormatError, `trial ${trial}: ${String(e)}`);
        }
      }
    }
  });
});

function u32le(bytes: number[], at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}
