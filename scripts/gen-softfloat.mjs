// Generates engine/compiler/lowering/softfloat.wat, the soft-float helpers: every WebAssembly float
// instruction the machine lacks as integer code, compiled by clang from
// engine/compiler/lowering/softfloat/*.c and written as text (names kept). Run
// `node scripts/gen-softfloat.mjs` after changing the C; `--check` exits 1 when the committed file
// is not what this script writes (a test runs it). The module must be pure scalar code: no memory
// access, no globals, no data, every function one of the exported helpers (the lowering links
// helpers by export name), and no import but tvm.trap; anything else fails loudly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'engine', 'compiler', 'lowering', 'softfloat');
const outPath = join(root, 'engine', 'compiler', 'lowering', 'softfloat.wat');

const ARITH = ['add', 'sub', 'mul', 'div', 'sqrt', 'min', 'max', 'ceil', 'floor', 'trunc', 'nearest'];
const COMPARE = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];
/** The helpers' names: the WebAssembly mnemonics with '.' replaced by '_' (contract of issue 14). */
export const SOFTFLOAT_HELPERS = [
  ...['f32', 'f64'].flatMap((t) => [...ARITH, ...COMPARE].map((op) => `${t}_${op}`)),
  ...['i32', 'i64'].flatMap((i) =>
    ['f32', 'f64'].flatMap((f) =>
      ['s', 'u'].flatMap((s) => [`${i}_trunc_${f}_${s}`, `${i}_trunc_sat_${f}_${s}`]),
    ),
  ),
  ...['f32', 'f64'].flatMap((f) =>
    ['i32', 'i64'].flatMap((i) => ['s', 'u'].map((s) => `${f}_convert_${i}_${s}`)),
  ),
  'f32_demote_f64',
  'f64_promote_f32',
];

function findClang() {
  const candidates = [process.env.CLANG_PATH, 'clang-16', 'clang'].filter(Boolean);
  for (const cc of candidates) {
    const r = spawnSync(cc, ['--print-targets'], { encoding: 'utf8' });
    if (r.status === 0 && /\bwasm32\b/.test(r.stdout)) return cc;
  }
  throw new Error(`no clang with the wasm32 target found (tried ${candidates.join(', ')})`);
}

function compile() {
  const sources = readdirSync(srcDir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => join(srcDir, f));
  const dir = mkdtempSync(join(tmpdir(), 'softfloat-'));
  try {
    const out = join(dir, 'softfloat.wasm');
    const args = [
      '--target=wasm32',
      '-mcpu=mvp',
      '-O2',
      '-nostdlib',
      '-ffreestanding',
      '-fno-builtin',
      '-Wall',
      '-Werror',
      '-Wl,--no-entry',
      ...SOFTFLOAT_HELPERS.map((n) => `-Wl,--export=${n}`),
      '-o',
      out,
      ...sources,
    ];
    const r = spawnSync(findClang(), args, { encoding: 'utf8', cwd: srcDir });
    if (r.status !== 0) throw new Error(`clang failed on ${srcDir}:\n${r.stderr}`);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails unless every function is an exported helper and no code touches memory or globals. */
function checkPure(text) {
  const problems = [];
  const exported = new Set();
  for (const m of text.matchAll(/\(export "([^"]+)" \(func \$([^)\s]+)\)\)/g)) exported.add(m[2]);
  for (const m of text.matchAll(/^\s*\(func \$(\S+)/gm)) {
    if (!exported.has(m[1])) problems.push(`function $${m[1]} is not an exported helper (mark it SF_INLINE)`);
  }
  for (const name of SOFTFLOAT_HELPERS) {
    if (!new RegExp(`\\(export "${name}" `).test(text)) problems.push(`helper ${name} is missing`);
  }
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const where = `softfloat.wasm text line ${i + 1}: ${l.trim()}`;
    if (/\b(i32|i64|f32|f64)\.(load|store)|\bmemory\.(grow|size)|\bglobal\.(get|set)\b/.test(l))
      problems.push(`${where}: memory or global access`);
    if (/^\s*\(data\b/.test(l)) problems.push(`${where}: data segment`);
    if (/\b(f32|f64)\./.test(l)) problems.push(`${where}: float instruction`);
    if (/^\s*\(import\b/.test(l) && !/\(import "tvm" "trap"/.test(l)) problems.push(`${where}: import`);
    if (/\bcall_indirect\b/.test(l)) problems.push(`${where}: indirect call`);
  });
  if (problems.length)
    throw new Error(`softfloat helpers are not pure integer code:\n  ${problems.join('\n  ')}`);
}

/** Drops the declarations wasm-ld adds regardless (memory, stack pointer, table) once unused. */
function stripUnused(text) {
  return text
    .split('\n')
    .filter((l) => !/^\s*\((memory|global|table)\b/.test(l) && !/^\s*\(export "(memory|__\w+)"/.test(l))
    .join('\n');
}

export async function generate() {
  const bytes = compile();
  const wabt = await require('wabt')();
  const module = wabt.readWasm(bytes, { readDebugNames: true });
  let text;
  try {
    module.generateNames();
    module.applyNames();
    text = module.toText({ foldExprs: false, inlineExport: false });
  } finally {
    module.destroy();
  }
  checkPure(text);
  text = stripUnused(text);
  const header = [
    ';; generated by scripts/gen-softfloat.mjs from softfloat/*.c; do not edit.',
    ';; The soft-float helpers: each WebAssembly float instruction the machine lacks, bit-exact',
    ';; (round to nearest even, subnormals, signed zeros, infinities, the NaN rules of',
    ';; docs/lowering.md), as integer code; truncations trap with code 7 through tvm.trap.',
  ];
  return `${header.join('\n')}\n${text.trimEnd()}\n`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(outPath, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(`${outPath} is out of date: run node scripts/gen-softfloat.mjs`);
      process.exit(1);
    }
    console.log(`${outPath} is up to date`);
  } else {
    writeFileSync(outPath, text);
    console.log(`wrote ${outPath} (${text.split('\n').length} lines)`);
  }
}
