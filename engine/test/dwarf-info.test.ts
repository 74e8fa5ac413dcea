// Tests for the DWARF reader (engine/wasm/dwarf-info.ts): every C test program, at -O0 and -O2,
// compiled by the project's compiler, read by readProgramInfo and checked against what
// llvm-dwarfdump-16 --debug-info prints for the same module: functions and their ranges, scopes,
// every variable and parameter with its type's name and location expression, statics, and the
// members of every named struct and union. Then hand-made checks: types by name, lookups,
// DWARF 4, and malformed input.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { compileC } from '../compiler/clang';
import type { CProgramInfo, CScope, CType, CVariable, LocationDescription } from '../debug-info/model';
import { resolved, typeName } from '../debug-info/types';
import { opsToString } from '../wasm/dwarf-expr';
import { readProgramInfo } from '../wasm/dwarf-info';
import { DwarfFormatError } from '../wasm/dwarf-line';
import { readSections } from '../wasm/reader';

const repo = path.resolve(__dirname, '../..');
const DWARFDUMP = 'llvm-dwarfdump-16';
const workDir = mkdtempSync(path.join(tmpdir(), 'dwarf-info-test-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

function cFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => path.join(dir, f));
}

const programs = [
  ...cFiles(path.join(repo, 'engine/test/programs')),
  ...cFiles(path.join(repo, 'engine/test/ordinary')),
  ...cFiles(path.join(repo, 'engine/test/programs/dwarf')),
];
// -O2 for every program. -O0 (whose DWARF is simpler: fbreg locations, no lists) for the fixtures
// and every fourth other program, which keeps the test near a minute on two cores; with
// DWARF_TEST_ALL=1 every program at both levels (all were checked so when this was written).
// DWARF_TEST_FILTER=text keeps the programs whose path contains text.
const onlyMatching = process.env.DWARF_TEST_FILTER;
const jobs = programs
  .filter((file) => !onlyMatching || file.includes(onlyMatching))
  .flatMap((file, i) => [
    ...(process.env.DWARF_TEST_ALL || onlyMatching || file.includes('/dwarf/') || i % 4 === 0
      ? [{ file, level: 'O0' }]
      : []),
    { file, level: 'O2' },
  ]);

/** Compiles every job with the project's compiler, in parallel batches (clang dominates the time). */
async function compileAll(): Promise<void> {
  const workers = 4;
  const batches: string[][] = Array.from({ length: workers }, () => []);
  for (const [i, j] of jobs.entries()) batches[i % workers].push(`${i}:${j.level}:${j.file}`);
  const script = path.join(repo, 'engine/test/support/dwarf-compile-batch.ts');
  await Promise.all(
    batches.map(
      (batch) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script, workDir, ...batch], {
            cwd: repo,
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`compile batch exited ${code}`)),
          );
        }),
    ),
  );
}

// ── llvm-dwarfdump's text, parsed ──

interface DumpDie {
  offset: number;
  tag: string;
  attrs: Map<string, string>;
  children: DumpDie[];
  parent?: DumpDie;
}

function parseDump(text: string): { dies: Map<number, DumpDie>; units: DumpDie[] } {
  const dies = new Map<number, DumpDie>();
  const units: DumpDie[] = [];
  const stack: DumpDie[] = [];
  let attr: { die: DumpDie; name: string; lines: string[] } | undefined;
  const flush = () => {
    if (!attr) return;
    const v = attr.lines.join('\n');
    attr.die.attrs.set(attr.name, v.endsWith(')') ? v.slice(0, -1) : v);
    attr = undefined;
  };
  for (const line of text.split('\n')) {
    const head = /^0x([0-9a-f]{8}):( +)(DW_TAG_\w+|NULL)/.exec(line);
    if (head) {
      flush();
      const depth = (head[2].length - 1) / 2;
      stack.length = Math.min(stack.length, depth);
      if (head[3] === 'NULL') continue;
      const die: DumpDie = {
        offset: Number.parseInt(head[1], 16),
        tag: head[3],
        attrs: new Map(),
        children: [],
      };
      dies.set(die.offset, die);
      if (depth === 0) units.push(die);
      else {
        die.parent = stack[depth - 1];
        stack[depth - 1]?.children.push(die);
      }
      stack[depth] = die;
      continue;
    }
    const at = /^\s+(DW_AT_\w+)\t\((.*)$/.exec(line);
    if (at && stack.length) {
      flush();
      attr = { die: stack[stack.length - 1], name: at[1], lines: [at[2]] };
    } else if (attr && /^\s+\S/.test(line)) attr.lines.push(line.trim());
    else flush();
  }
  flush();
  return { dies, units };
}

const quoted = (v: string | undefined): string | undefined =>
  v === undefined ? undefined : /"(.*)"/.exec(v)?.[1];
const refOf = (v: string | undefined): number | undefined =>
  v === undefined ? undefined : Number.parseInt(/^0x([0-9a-f]+)/.exec(v)?.[1] ?? 'x', 16);

/** An attribute of the DIE or of the DIEs its abstract_origin / specification name. */
function dumpAttr(dies: Map<number, DumpDie>, die: DumpDie, name: string): string | undefined {
  let d: DumpDie | undefined = die;
  for (let i = 0; i < 8 && d; i++) {
    const v = d.attrs.get(name);
    if (v !== undefined) return v;
    const next = refOf(d.attrs.get('DW_AT_abstract_origin') ?? d.attrs.get('DW_AT_specification'));
    d = next === undefined ? undefined : dies.get(next);
  }
  return undefined;
}

const TOMBSTONE = 0xfffffff0;

function dumpRanges(die: DumpDie): string {
  const low = die.attrs.get('DW_AT_low_pc');
  const high = die.attrs.get('DW_AT_high_pc');
  const out: [number, number][] = [];
  if (low !== undefined && high !== undefined) out.push([Number(low), Number(high)]);
  const ranges = die.attrs.get('DW_AT_ranges');
  if (ranges) {
    for (const m of ranges.matchAll(/\[(0x[0-9a-f]+), (0x[0-9a-f]+)\)/g))
      out.push([Number(m[1]), Number(m[2])]);
  }
  return JSON.stringify(out.filter(([a, b]) => a < b && a < TOMBSTONE).sort((x, y) => x[0] - y[0]));
}

/** The location as dwarfdump prints it, indexed addresses resolved through .debug_addr. */
function dumpLocation(v: string | undefined, addrs: number[]): string {
  if (v === undefined) return 'none';
  const fix = (ops: string) =>
    ops
      .replace(
        /DW_OP_addrx (0x[0-9a-f]+)/g,
        (_, i) => `DW_OP_addr 0x${(addrs[Number(i)] ?? -1).toString(16)}`,
      )
      .replace(/DW_OP_convert \(0x[0-9a-f]+\) "DW_ATE_(\w+)_(\d+)"(, )?/g, (_, enc, bits, comma) =>
        converted(enc, Number(bits), comma),
      )
      .replace(/, $/, '')
      .trim();
  if (!v.includes('[0x') && !v.includes('loclist') && !/^0x[0-9a-f]+:/.test(v)) return fix(v);
  const entries: string[] = [];
  for (const m of v.matchAll(/\[(0x[0-9a-f]+), (0x[0-9a-f]+)\): ([^\n]*)/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a < b && a < TOMBSTONE) entries.push(`[${a}, ${b}): ${fix(m[3].replace(/\)$/, ''))}`);
  }
  return entries.join('; ');
}

/**
 * What the reader turns DW_OP_convert into (dwarf-expr.ts selfContained): mask or sign-extend to
 * the base type's DW_AT_byte_size. LLVM names its types by bit width (`DW_ATE_unsigned_1` for an
 * i1) but gives them whole bytes (byte_size 1), and the byte size is what DWARF defines.
 */
function converted(encoding: string, bitWidth: number, comma: string | undefined): string {
  const bits = Math.ceil(bitWidth / 8) * 8;
  if (bits >= 64) return '';
  const shift = `DW_OP_constu 0x${(64 - bits).toString(16)}`;
  const ops = encoding.startsWith('signed')
    ? `${shift}, DW_OP_shl, ${shift}, DW_OP_shra`
    : `DW_OP_constu 0x${((1n << BigInt(bits)) - 1n).toString(16)}, DW_OP_and`;
  return ops + (comma ?? '');
}

function ourLocation(l: LocationDescription): string {
  if (l.kind === 'none') return 'none';
  if (l.kind === 'expression') return opsToString(l.ops);
  return l.entries.map((e) => `[${e.start}, ${e.end}): ${opsToString(e.ops)}`).join('; ');
}

/** Our type's name as dwarfdump spells it: no struct/union/enum keyword. */
function spelled(t: CType): string {
  return typeName(t).replace(/\b(struct|union|enum) (?!<)/g, '');
}

/**
 * dwarfdump's type name in our spelling: anonymous records as `struct <anonymous>`, and an
 * unprototyped-looking `()` as `(void)` (C function types here are all prototyped).
 */
function dumpType(name: string | undefined): string {
  if (name === undefined) return 'void';
  return name
    .replace(/\b[\w:]+::(?=(structure|union|enumeration) )/g, '')
    .replace(/\bstructure (?=[*[]|$)/g, 'struct <anonymous> ')
    .replace(/\bunion (?=[*[]|$)/g, 'union <anonymous> ')
    .replace(/\benumeration (?=[*[]|$)/g, 'enum <anonymous> ')
    .replace(/ +$/, '')
    .replace(/ \[/g, '[')
    .replace(/\(\)/g, '(void)');
}

function dumpVariable(dies: Map<number, DumpDie>, d: DumpDie, addrs: number[]): string | undefined {
  const name = quoted(dumpAttr(dies, d, 'DW_AT_name'));
  if (name === undefined) return undefined;
  const type = dumpType(quoted(dumpAttr(dies, d, 'DW_AT_type')));
  let loc = dumpLocation(d.attrs.get('DW_AT_location'), addrs);
  if (/^DW_OP_addr 0xffffffff$/.test(loc)) loc = 'none'; // dead-stripped: no storage
  const param = d.tag === 'DW_TAG_formal_parameter';
  return `${param ? 'param' : 'var'} ${name}: ${type} @ ${loc}`;
}

function ourVariable(v: CVariable): string {
  return `${v.isParameter ? 'param' : 'var'} ${v.name}: ${spelled(v.type)} @ ${ourLocation(v.location)}`;
}

/** A scope tree as lines: kind, name, ranges, then its variables, children indented. */
function dumpScope(
  dies: Map<number, DumpDie>,
  d: DumpDie,
  kind: string,
  ranges: string,
  addrs: number[],
  statics: string[],
  fn: string,
  indent: string,
): string[] {
  const name = kind === 'block' ? '' : ` ${quoted(dumpAttr(dies, d, 'DW_AT_name'))}`;
  const call = d.attrs.get('DW_AT_call_line');
  const out = [`${indent}${kind}${name} ${ranges}${call ? ` line ${Number(call)}` : ''}`];
  const kids: string[] = [];
  const seen = new Set<number>();
  for (const c of d.children) {
    if (c.tag === 'DW_TAG_formal_parameter' || c.tag === 'DW_TAG_variable') {
      const origin = refOf(c.attrs.get('DW_AT_abstract_origin'));
      if (origin !== undefined) seen.add(origin);
      if (c.attrs.has('DW_AT_declaration') && !c.attrs.has('DW_AT_location')) continue;
      const v = dumpVariable(dies, c, addrs);
      if (v === undefined) continue;
      if (c.tag === 'DW_TAG_variable' && /@ DW_OP_addr /.test(v)) statics.push(`${fn}::${v}`);
      else if (
        c.tag === 'DW_TAG_variable' &&
        /@ none$/.test(v) &&
        /DW_OP_addr/.test(c.attrs.get('DW_AT_location') ?? '')
      )
        statics.push(`${fn}::${v}`);
      else out.push(`${indent}  ${v}`);
    } else if (c.tag === 'DW_TAG_lexical_block') {
      const r = dumpRanges(c);
      kids.push(...dumpScope(dies, c, 'block', r === '[]' ? ranges : r, addrs, statics, fn, `${indent}  `));
    } else if (c.tag === 'DW_TAG_inlined_subroutine') {
      const r = dumpRanges(c);
      if (r !== '[]') kids.push(...dumpScope(dies, c, 'inlined', r, addrs, statics, fn, `${indent}  `));
    }
  }
  // The reader lists the abstract function's parameters this instance leaves out, as optimized out.
  const abstract = kind === 'block' ? undefined : refOf(d.attrs.get('DW_AT_abstract_origin'));
  const origin = abstract === undefined ? undefined : dies.get(abstract);
  if (origin) {
    let at = 1;
    for (const p of origin.children) {
      if (p.tag !== 'DW_TAG_formal_parameter') continue;
      if (!seen.has(p.offset)) {
        const v = dumpVariable(dies, p, addrs);
        if (v) out.splice(at, 0, `${indent}  ${v.replace(/ @ .*$/, ' @ none')}`);
      }
      at++;
    }
  }
  // The reader lists parameters first (the model's order); DIE order may put a variable earlier.
  const [header, ...vars] = out;
  const params = vars.filter((v) => v.trimStart().startsWith('param '));
  return [header, ...params, ...vars.filter((v) => !params.includes(v)), ...kids];
}

function ourScope(s: CScope, indent: string): string[] {
  const name = s.kind === 'block' ? '' : ` ${s.functionName}`;
  const out = [
    `${indent}${s.kind}${name} ${JSON.stringify(s.ranges)}${s.callLine !== undefined ? ` line ${s.callLine}` : ''}`,
  ];
  for (const v of s.variables) out.push(`${indent}  ${ourVariable(v)}`);
  for (const c of s.children) out.push(...ourScope(c, `${indent}  `));
  return out;
}

/** The addresses of `llvm-dwarfdump --debug-addr`'s table (the modules have one unit). */
function addrTable(text: string): number[] {
  return [...text.matchAll(/^0x([0-9a-f]{8})$/gm)].map((m) => Number.parseInt(m[1], 16));
}

/**
 * llvm-dwarfdump-16 cuts some declarator spellings short (`int (*const[3]` for an array of const
 * function pointers): where a dump line's type has unbalanced parentheses and ours, on the same
 * line otherwise, starts with it, the dump line takes our spelling.
 */
function untruncate(ours: string[], dump: string[]): void {
  for (let f = 0; f < dump.length && f < ours.length; f++) {
    const a = ours[f].split('\n');
    const b = dump[f].split('\n');
    if (a.length !== b.length) continue;
    for (let i = 0; i < b.length; i++) {
      const m = /^(\s*\w+ \w+: )(.*?)( @ .*)$/.exec(b[i]);
      const n = /^(\s*\w+ \w+: )(.*?)( @ .*)$/.exec(a[i]);
      if (!m || !n || m[1] !== n[1] || m[3] !== n[3]) continue;
      const open = (m[2].match(/\(/g) ?? []).length;
      const close = (m[2].match(/\)/g) ?? []).length;
      if (open > close && n[2].startsWith(m[2])) b[i] = a[i];
    }
    dump[f] = b.join('\n');
  }
}

function compare(info: CProgramInfo, dumpText: string, addrs: number[], label: string): void {
  const { dies, units } = parseDump(dumpText);
  const dumpFns: string[] = [];
  const dumpStatics: string[] = [];
  const dumpRecords = new Map<string, string>();
  for (const u of units) {
    for (const d of u.children) {
      if (d.tag === 'DW_TAG_subprogram' && !d.attrs.has('DW_AT_declaration')) {
        const r = dumpRanges(d);
        if (r === '[]') continue;
        const name = quoted(dumpAttr(dies, d, 'DW_AT_name')) ?? '<unnamed>';
        const rt = quoted(dumpAttr(dies, d, 'DW_AT_type')) ?? 'void';
        dumpFns.push(
          [
            `fn ${name} -> ${rt} fb=${dumpLocation(d.attrs.get('DW_AT_frame_base'), addrs)}`,
            ...dumpScope(dies, d, 'function', r, addrs, dumpStatics, name, '  '),
          ].join('\n'),
        );
      } else if (d.tag === 'DW_TAG_variable') {
        if (d.attrs.has('DW_AT_declaration') && !d.attrs.has('DW_AT_location')) continue;
        const v = dumpVariable(dies, d, addrs);
        if (v !== undefined) dumpStatics.push(`::${v}`);
      }
    }
    // Named records: their members with types and offsets.
    for (const d of dies.values()) {
      if (
        (d.tag !== 'DW_TAG_structure_type' && d.tag !== 'DW_TAG_union_type') ||
        d.attrs.has('DW_AT_declaration')
      )
        continue;
      const name = quoted(d.attrs.get('DW_AT_name'));
      if (name === undefined) continue;
      const kw = d.tag === 'DW_TAG_union_type' ? 'union' : 'struct';
      const members = d.children
        .filter((m) => m.tag === 'DW_TAG_member')
        .map((m) => {
          const bits = m.attrs.get('DW_AT_bit_size');
          const where = bits
            ? `bits ${Number(m.attrs.get('DW_AT_data_bit_offset'))}+${Number(bits)}`
            : `at ${Number(m.attrs.get('DW_AT_data_member_location') ?? 0)}`;
          return `${quoted(m.attrs.get('DW_AT_name')) ?? '<anonymous>'}: ${dumpType(quoted(m.attrs.get('DW_AT_type')))} ${where}`;
        });
      dumpRecords.set(`${kw} ${name}`, `${Number(d.attrs.get('DW_AT_byte_size'))}: ${members.join(', ')}`);
    }
  }

  const ourFns = info.functions.map((f) =>
    [
      `fn ${f.name} -> ${spelled(f.returns)} fb=${f.frameBase ? ourLocation(f.frameBase) : 'none'}`,
      ...ourScope(f.scope, '  '),
    ].join('\n'),
  );
  ourFns.sort();
  dumpFns.sort();
  untruncate(ourFns, dumpFns);
  assert.deepEqual(ourFns, dumpFns, `${label}: functions, scopes and variables`);
  const ourStatics = info.statics.map((s) => `${s.functionName ?? ''}::${ourVariable(s)}`);
  assert.deepEqual(ourStatics.sort(), dumpStatics.sort(), `${label}: statics`);
  for (const [key, expected] of dumpRecords) {
    const t = info.typeNamed(key);
    assert.ok(t, `${label}: typeNamed('${key}')`);
    const r = resolved(t);
    assert.ok(r.kind === 'struct' || r.kind === 'union', `${label}: ${key} is a record`);
    const members = r.members.map(
      (m) =>
        `${m.name ?? '<anonymous>'}: ${spelled(m.type)} ${m.bitSize !== undefined ? `bits ${m.bitOffset}+${m.bitSize}` : `at ${m.offset}`}`,
    );
    assert.equal(`${r.size}: ${members.join(', ')}`, expected, `${label}: members of ${key}`);
  }
}

describe('readProgramInfo against llvm-dwarfdump', { timeout: 240_000 }, () => {
  before(compileAll, { timeout: 200_000 });
  test(`every C test program at -O0 and -O2 (${jobs.length} modules)`, async () => {
    const run = promisify(execFile);
    let checked = 0;
    const failures: Error[] = [];
    // dwarfdump runs overlap with the checks of earlier modules.
    const dumps = jobs.map(async (_, i) => {
      const wasm = path.join(workDir, `${i}.wasm`);
      if (!existsSync(wasm)) return undefined;
      const [info, addr] = await Promise.all([
        run(DWARFDUMP, ['--debug-info', wasm], { maxBuffer: 64 << 20 }),
        run(DWARFDUMP, ['--debug-addr', wasm], { maxBuffer: 64 << 20 }),
      ]);
      return { info: info.stdout, addrs: addrTable(addr.stdout) };
    });
    for (let i = 0; i < jobs.length; i++) {
      const { file, level } = jobs[i];
      const label = `${path.relative(repo, file)} -${level}`;
      const wasmPath = path.join(workDir, `${i}.wasm`);
      const err = path.join(workDir, `${i}.err`);
      if (existsSync(err)) {
        // Programs that are meant not to compile (none among these directories today) are skipped.
        continue;
      }
      const dump = await dumps[i];
      assert.ok(dump !== undefined, `${label}: compiled`);
      const info = readProgramInfo(new Uint8Array(readFileSync(wasmPath)));
      assert.ok(info, `${label}: has DWARF`);
      try {
        compare(info, dump.info, dump.addrs, label);
      } catch (e) {
        failures.push(e as Error);
      }
      checked++;
    }
    // Every mismatching module is named; the first one's difference is shown in full.
    if (failures.length) {
      const names = failures.map((f) => f.message.split('\n')[0]).join('\n');
      assert.fail(
        `${failures.length} modules differ from llvm-dwarfdump:\n${names}\n\n${failures[0].message}`,
      );
    }
    assert.ok(checked >= jobs.length - 4, `checked ${checked} of ${jobs.length}`);
  });
});

describe('the model read from the types fixture', () => {
  const fixture = path.join(repo, 'engine/test/programs/dwarf/types.c');
  let info: CProgramInfo;
  before(() => {
    const read = readProgramInfo(compileC(fixture, { optimize: 'O0' }));
    assert.ok(read);
    info = read;
  });
  test('types by name: base types, typedefs, tags; shared objects close cycles', () => {
    const named = (n: string) => {
      const t = info.typeNamed(n);
      assert.ok(t, n);
      return t;
    };
    assert.deepEqual(named('unsigned int'), {
      kind: 'base',
      name: 'unsigned int',
      size: 4,
      encoding: 'unsigned',
    });
    assert.equal(typeName(named('uint32_t')), 'uint32_t');
    assert.equal(resolved(named('uint32_t')), named('unsigned int'));
    assert.equal(typeName(named('struct node *')), 'struct node *');
    const node = named('struct node');
    assert.ok(node.kind === 'struct' && node.size === 8);
    const next = node.members[1].type;
    assert.ok(next.kind === 'pointer' && next.target === node, 'struct node.next points at the same object');
    const opaque = named('struct opaque');
    assert.ok(opaque.kind === 'struct' && opaque.incomplete);
    const packet = named('struct packet');
    assert.ok(packet.kind === 'struct');
    assert.deepEqual(
      packet.members.map((m) => [m.name, typeName(m.type), m.offset]),
      [
        ['len', 'int', 0],
        ['data', 'unsigned char[]', 4],
      ],
    );
    assert.equal(typeName(named('binop')), 'binop');
    assert.equal(typeName(resolved(named('binop'))), 'int (*)(int, int)');
    assert.equal(typeName(named('cv_word')), 'cv_word');
    assert.equal(info.typeNamed('struct nothing'), undefined);
  });
  test('enums: signedness and values', () => {
    const color = info.typeNamed('enum color');
    assert.ok(color?.kind === 'enum');
    assert.equal(color.signed, true);
    assert.deepEqual(
      color.enumerators.map((e) => [e.name, e.value]),
      [
        ['RED', 0n],
        ['GREEN', 5n],
        ['BLUE', -3n],
      ],
    );
    const level = info.typeNamed('enum level');
    assert.ok(level?.kind === 'enum');
    assert.equal(level.signed, false);
    assert.deepEqual(level.enumerators.at(-1), { name: 'HIGH', value: 4000000000n });
  });
  test('bit-fields: width, first bit, and a storage unit that holds them', () => {
    const flags = info.typeNamed('struct flags');
    assert.ok(flags?.kind === 'struct');
    const m = new Map(flags.members.map((x) => [x.name, x]));
    assert.deepEqual([m.get('ready')?.bitOffset, m.get('ready')?.bitSize, m.get('ready')?.offset], [0, 1, 0]);
    assert.deepEqual([m.get('mode')?.bitOffset, m.get('mode')?.bitSize], [1, 3]);
    assert.deepEqual([m.get('delta')?.bitOffset, m.get('delta')?.bitSize], [4, 5]);
    assert.equal(m.get('tag')?.offset, 2);
    const wide = m.get('wide');
    assert.ok(wide?.bitOffset !== undefined && wide.bitSize === 40);
    // The storage unit read at `offset` (the type's size) covers the field.
    assert.ok(wide.bitOffset - wide.offset * 8 + 40 <= 64);
  });
  test('statics: globals, file statics, function statics', () => {
    const byName = new Map(info.statics.map((s) => [`${s.functionName ?? ''}::${s.name}`, s]));
    assert.equal(byName.get('::file_counter')?.external, false);
    assert.equal(byName.get('::frame')?.external, true);
    assert.equal(typeName(byName.get('::grid')?.type ?? { kind: 'void' }), 'int[3][4]');
    assert.ok(byName.get('counter::calls'));
    assert.equal(byName.get('counter::calls')?.location.kind, 'expression');
  });
  test('functionAt and scopesAt', () => {
    for (const fn of info.functions) {
      for (const [start, end] of fn.ranges) {
        assert.equal(info.functionAt(start), fn);
        assert.equal(info.functionAt(end - 1), fn);
      }
    }
    const main = info.functions.find((f) => f.name === 'main');
    assert.ok(main);
    const block = main.scope.children[0];
    assert.ok(block?.kind === 'block');
    const inner = info.scopesAt(block.ranges[0][0]);
    assert.deepEqual(
      inner.map((s) => s.kind),
      ['block', 'function'],
    );
    assert.deepEqual(
      block.variables.map((v) => v.name),
      ['r'],
    );
    assert.equal(info.functionAt(0), undefined);
    assert.deepEqual(info.scopesAt(0x7fffffff), []);
  });
});

describe('DWARF 4', () => {
  for (const name of ['types', 'inlined']) {
    test(`${name}.c with -gdwarf-4 at -O2 and -O0 matches llvm-dwarfdump`, async () => {
      const run = promisify(execFile);
      for (const level of ['O2', 'O0'] as const) {
        const file = path.join(repo, `engine/test/programs/dwarf/${name}.c`);
        const wasm = compileC(file, { optimize: level, extraFlags: ['-gdwarf-4'] });
        const out = path.join(workDir, `${name}-${level}-v4.wasm`);
        writeFileSync(out, wasm);
        const dump = (await run(DWARFDUMP, ['--debug-info', out], { maxBuffer: 64 << 20 })).stdout;
        assert.match(dump, /version = 0x0004/);
        const info = readProgramInfo(wasm);
        assert.ok(info);
        compare(info, dump, [], `${name}.c -${level} -gdwarf-4`);
      }
    });
  }
});

describe('malformed DWARF', () => {
  /** A small deterministic PRNG (xorshift32). */
  function rng(seed: number): () => number {
    let x = seed;
    return () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 2 ** 32;
    };
  }
  const wasm = compileC(path.join(repo, 'engine/test/programs/dwarf/inlined.c'), { optimize: 'O2' });
  const custom = new Map<string, [number, number]>();
  for (const s of readSections(wasm))
    if (s.id === 0 && s.name?.startsWith('.debug')) custom.set(s.name, [s.start, s.end]);

  test('a module without .debug_info has no program information', () => {
    assert.equal(readProgramInfo(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])), undefined);
  });
  test('corrupted bytes: a DwarfFormatError naming the section, or a model; never another error', () => {
    const random = rng(13);
    let errors = 0;
    for (let n = 0; n < 400; n++) {
      const names = [...custom.keys()].filter((k) => k !== '.debug_line');
      const [start, end] = custom.get(names[Math.floor(random() * names.length)]) as [number, number];
      const bad = wasm.slice();
      const count = 1 + Math.floor(random() * 4);
      for (let k = 0; k < count; k++)
        bad[start + Math.floor(random() * (end - start))] = Math.floor(random() * 256);
      try {
        const info = readProgramInfo(bad);
        // A model that reads: its lookups work too.
        for (const f of info?.functions ?? []) info?.scopesAt(f.ranges[0][0]);
      } catch (e) {
        if (!(e instanceof DwarfFormatError)) throw new Error(`mutation ${n}: ${(e as Error).stack}`);
        assert.match(e.message, /\(at \.debug_\w+ offset 0x[0-9a-f]+\)/);
        errors++;
      }
    }
    assert.ok(errors > 0, 'some corruptions are detected');
  });
  test('a truncated .debug_info is a DwarfFormatError', () => {
    const [start, end] = custom.get('.debug_info') as [number, number];
    const bad = wasm.slice();
    bad.fill(0xff, start + 11, end); // the abbreviation codes: none exists
    assert.throws(() => readProgramInfo(bad), DwarfFormatError);
  });
});
