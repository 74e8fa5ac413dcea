// Measures what a debug build costs and what it buys, per optimization level: the trace tokens the
// reference executor generates for every example and every C-view test program, and how much of
// each C variable's scope DWARF gives a location for (llvm-dwarfdump's own statistics; a variable
// without a location at an instruction is `<optimized out>` there). Run with
// `npx tsx scripts/debug-build-cost.ts`; docs/debugger.md quotes its output, which decides F5's
// default `optimize`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { compileC, OPTIMIZE_LEVELS, type OptimizeLevel } from '../engine/compiler/clang';
import { asTokenProgram, compileFile } from '../engine/compiler/compile';
import { loadManifest } from '../engine/manifest';
import { runReference } from '../engine/vm/reference';

const root = join(__dirname, '..');
const programsDir = join(root, 'debug-adapter', 'test', 'programs', 'c-view');

interface Row {
  readonly name: string;
  readonly tokens: Map<OptimizeLevel, number>;
  readonly coverage: Map<OptimizeLevel, string>;
}

/** Percent of the variables' scope bytes that DWARF covers with a location, and how many have none. */
function coverage(file: string, level: OptimizeLevel, dir: string): string {
  const wasm = join(dir, `${basename(file)}.${level}.wasm`);
  writeFileSync(wasm, compileC(file, { optimize: level }));
  const r = spawnSync('llvm-dwarfdump-16', ['--statistics', wasm], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`llvm-dwarfdump-16 --statistics ${wasm}: ${r.stderr}`);
  const s = JSON.parse(r.stdout) as Record<string, number>;
  const scope = s['sum_all_variables(#bytes in parent scope)'];
  const covered = s['sum_all_variables(#bytes in parent scope covered by DW_AT_location)'];
  const none = s['#variables with 0% of parent scope covered by DW_AT_location'];
  const all = s['#variables processed by location statistics'];
  const pct = scope === 0 ? 100 : (100 * covered) / scope;
  return `${pct.toFixed(0)}% (${none}/${all} none)`;
}

async function measure(name: string, file: string, args: string, dir: string): Promise<Row> {
  const tokens = new Map<OptimizeLevel, number>();
  const cov = new Map<OptimizeLevel, string>();
  for (const level of OPTIMIZE_LEVELS) {
    const compiled = await compileFile(file, { args, optimize: level });
    tokens.set(level, runReference(asTokenProgram(compiled)).trace.length);
    cov.set(level, coverage(file, level, dir));
  }
  return { name, tokens, coverage: cov };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-debug-cost-'));
  try {
    const rows: Row[] = [];
    for (const ex of loadManifest()) rows.push(await measure(ex.name, ex.file, ex.args ?? '', dir));
    for (const f of readdirSync(programsDir)
      .filter((x) => x.endsWith('.c'))
      .sort())
      rows.push(await measure(`c-view/${f}`, join(programsDir, f), '', dir));
    const levels = OPTIMIZE_LEVELS;
    console.log(`| program | ${levels.map((l) => `tokens -${l}`).join(' | ')} | -O0/-O2 |`);
    console.log(`|---|${levels.map(() => '---:').join('|')}|---:|`);
    for (const r of rows) {
      const ratio = (r.tokens.get('O0') ?? 0) / (r.tokens.get('O2') ?? 1);
      console.log(
        `| ${r.name} | ${levels.map((l) => r.tokens.get(l)?.toLocaleString('en-US')).join(' | ')} | ${ratio.toFixed(2)}× |`,
      );
    }
    console.log('');
    console.log(`| program | ${levels.map((l) => `located -${l}`).join(' | ')} |`);
    console.log(`|---|${levels.map(() => '---:').join('|')}|`);
    for (const r of rows) console.log(`| ${r.name} | ${levels.map((l) => r.coverage.get(l)).join(' | ')} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
