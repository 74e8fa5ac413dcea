// The oracle for the C view: gdb (an independent debugger) on the same C program built natively
// with `gcc -O0 -g`. Breakpoints come from `// @bp: NAME hits=1,3 globals=a,f::s` markers in the
// source; gdb-walk.py stops at every one, and at the wanted hits records the frame's locals and the
// chosen globals as structured values. `expectedDisplay` spells such a value the way the display
// contract says the adapter shows it (gdb-like), so the two can be compared value by value.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A value as gdb-walk.py records it. */
export type GdbValue =
  | { k: 'int'; v: string }
  /** float or double as gdb prints it. */
  | { k: 'float'; v: string }
  | { k: 'char'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'enum'; v: string; name: string | null }
  | { k: 'array'; char: boolean; elems: GdbValue[] }
  | { k: 'struct'; members: [string, GdbValue][] }
  | { k: 'null' }
  | { k: 'void' }
  | { k: 'function'; name: string | null }
  | { k: 'pointer'; string?: number[] | null; to?: GdbValue | null };

export interface BreakpointMarker {
  readonly name: string;
  readonly line: number;
  /** Which hits of this breakpoint to compare (1-based). */
  readonly hits: number[];
  /** Globals (and `fn::name` function statics) compared at those hits beside the locals. */
  readonly globals: string[];
}

export interface Snapshot {
  /** `NAME#HIT`. */
  readonly stop: string;
  readonly locals: [string, GdbValue][];
  readonly globals: [string, GdbValue][];
}

export interface GdbRun {
  /** Every stop in order, `NAME#HIT`, until the program exits. */
  readonly stops: string[];
  readonly snapshots: Snapshot[];
}

/** How many pointers deep values are followed (a linked list shows three nodes). */
export const POINTER_DEPTH = 3;

/** The `// @bp:` markers of a C file. */
export function breakpointMarkers(file: string): BreakpointMarker[] {
  const out: BreakpointMarker[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const m = /\/\/ @bp: (\w+)(.*)$/.exec(text);
      if (!m) return;
      const fields = new Map(
        m[2]
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((f) => f.split('=') as [string, string]),
      );
      const hits = (fields.get('hits') ?? '1').split(',').map(Number);
      assert.ok(
        hits.every((h) => Number.isInteger(h) && h > 0),
        `${file}:${i + 1}: bad hits= in marker`,
      );
      const globals = fields.get('globals')?.split(',') ?? [];
      out.push({ name: m[1], line: i + 1, hits, globals });
    });
  assert.ok(out.length > 0, `${file} has no // @bp: markers`);
  return out;
}

/** Whether gdb with its Python API is on this machine (CI installs it: .ci/run). */
export function gdbAvailable(): boolean {
  const r = spawnSync('gdb', ['-batch', '-nx', '-ex', 'python print(1)'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === '1';
}

/** Builds `file` with `gcc -O0 -g` and runs it under gdb to every breakpoint marker. */
export function runGdb(file: string, markers: readonly BreakpointMarker[]): GdbRun {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-gdb-'));
  try {
    const exe = join(dir, basename(file, '.c'));
    const cc = spawnSync('gcc', ['-O0', '-g', '-o', exe, file], { encoding: 'utf8' });
    assert.equal(cc.status, 0, `gcc -O0 -g ${file}: ${cc.stderr}`);
    const out = join(dir, 'out.json');
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({ exe, file: basename(file), out, depth: POINTER_DEPTH, breakpoints: markers }),
    );
    const r = spawnSync('gdb', ['-batch', '-nx', '-x', join(__dirname, 'gdb-walk.py')], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, TVM_GDB_SPEC: spec },
    });
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      throw new Error(`gdb on ${file} wrote no result (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    return JSON.parse(text) as GdbRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A character as C writes it between quotes (`q` is the quote that needs escaping). */
function escapeChar(code: number, q: string): string {
  const named: Record<number, string> = {
    0: '\\0',
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r',
    92: '\\\\',
  };
  if (named[code] !== undefined) return named[code];
  if (String.fromCharCode(code) === q) return `\\${q}`;
  if (code >= 32 && code < 127) return String.fromCharCode(code);
  return `\\${code.toString(8).padStart(3, '0')}`;
}

/** A C string's bytes as the display contract spells them: quoted, escaped, bounded. */
export function quoted(bytes: readonly number[], bound = 200): string {
  const shown = bytes.slice(0, bound).map((b) => escapeChar(b, '"'));
  return `"${shown.join('')}"${bytes.length > bound ? '...' : ''}`;
}

/** A char's display: `97 'a'` (the number is signed for char and signed char, as the type says). */
function charDisplay(v: string): string {
  const n = Number(v);
  return `${v} '${escapeChar(n & 0xff, "'")}'`;
}

/**
 * The adapter's Variable.value for a gdb value, or undefined where the display holds an address
 * (pointers, and aggregates containing one): those compare by what they point at instead.
 */
export function expectedDisplay(v: GdbValue): string | undefined {
  switch (v.k) {
    case 'int':
    case 'float':
      return v.v;
    case 'char':
      return charDisplay(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'enum':
      return v.name ?? v.v;
    case 'null':
      return '0x0';
    case 'array': {
      if (v.char) {
        const bytes = v.elems.map((e) => Number((e as { v: string }).v) & 0xff);
        const end = bytes.indexOf(0);
        return quoted(end < 0 ? bytes : bytes.slice(0, end));
      }
      const parts = v.elems.slice(0, 100).map(expectedDisplay);
      if (parts.some((p) => p === undefined)) return undefined;
      return `{${parts.join(', ')}${v.elems.length > 100 ? '...' : ''}}`;
    }
    case 'struct': {
      const parts = v.members.map(([n, m]) => [n, expectedDisplay(m)] as const);
      if (parts.some(([, p]) => p === undefined)) return undefined;
      return `{${parts.map(([n, p]) => `${n} = ${p}`).join(', ')}}`;
    }
    default:
      return undefined;
  }
}
