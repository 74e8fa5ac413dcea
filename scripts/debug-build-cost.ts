// Measures what a debug build costs and what it buys, per optimization level: the trace tokens the
// reference executor generates for every example and every C-view test program, and how much of
// each C variable's scope DWARF gives a location for (llvm-dwarfdump's own statistics; a variable
// without a location at an instruction is `<optimized out>` there). Run with
// `npx tsx scripts/debug-build-cost.ts`; docs/debugger.md quotes its output, which decides F5's
// default `optimize`. With `--breakpoints` it also runs every C-view program under the debug adapter
// (dist/, `npm run build` first) at each level to the first hit of each `// @bp:` marker and counts
// the Locals shown `<optimized out>` (or unavailable) there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { scopeVariables } from '../debug-adapter/test/support/c-view';
import { startSession } from '../debug-adapter/test/support/dap';
import { breakpointMarkers } from '../debug-adapter/test/support/gdb';
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

/** Locals at the first hit of each marker: how many, and how many have no value there. */
async function lostAtBreakpoints(file: string, level: OptimizeLevel) {
  const markers = breakpointMarkers(file);
  const byLine = new Map(markers.map((m) => [m.line, m.name]));
  const { dc, first } = await startSession(
    { program: file, optimize: level },
    { lines: { path: file, breakpoints: markers.map((m) => ({ line: m.line })) } },
  );
  const seen = new Set<string>();
  let shown = 0;
  let lost = 0;
  try {
    let event = first as { event: string };
    while (event.event === 'stopped') {
      const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
      const name = byLine.get(frame.line);
      if (name && !seen.has(name)) {
        seen.add(name);
        for (const v of await scopeVariables(dc, 'Locals', frame.id)) {
          shown++;
          if (/^<(optimized out|unavailable)/.test(v.value)) lost++;
        }
      }
      const next = Promise.race([dc.waitForEvent('stopped'), dc.waitForEvent('terminated')]);
      await dc.continueRequest({ threadId: 1 });
      event = await next;
    }
  } finally {
    await dc.stop();
  }
  return `${lost}/${shown} (${seen.size}/${markers.length} bp)`;
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
    if (process.argv.includes('--breakpoints')) {
      console.log('');
      console.log(`| program | ${levels.map((l) => `lost -${l}`).join(' | ')} |`);
      console.log(`|---|${levels.map(() => '---:').join('|')}|`);
      for (const f of readdirSync(programsDir)
        .filter((x) => x.endsWith('.c'))
        .sort()) {
        const cells: string[] = [];
        for (const l of levels) cells.push(await lostAtBreakpoints(join(programsDir, f), l));
        console.log(`| c-view/${f} | ${cells.join(' | ')} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
