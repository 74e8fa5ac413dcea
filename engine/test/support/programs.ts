// The C test programs, compiled for the command-line tools.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './cli';

export const programsDir = join(__dirname, '..', 'programs');

/** The `// args: ...` header of a test program. */
export function argsOf(source: string): string {
  const m = /^\/\/ args:(.*)$/m.exec(source);
  return m ? m[1].trim() : '';
}

export function programNames(): string[] {
  return readdirSync(programsDir)
    .filter((f) => f.endsWith('.c'))
    .map((f) => f.replace(/\.c$/, ''))
    .sort();
}

/** Compiles each program with its args into `dir`; returns the .tvm paths. */
export function compilePrograms(names: string[], dir: string): string[] {
  return names.map((n) => {
    const file = join(programsDir, `${n}.c`);
    const r = runTool('wasm-compile', [
      file,
      // one argument, so that args starting with '-' are not taken for options
      `--args=${argsOf(readFileSync(file, 'utf8'))}`,
      '-o',
      join(dir, n),
    ]);
    assert.equal(r.code, 0, r.stderr);
    return join(dir, `${n}.tvm`);
  });
}

/**
 * Runs every `halves`-th test program (starting at `half`) through wasm-eval and asserts each
 * passes: the test files call this with their own half so that node runs them on both cores.
 */
export function evalProgramsHalf(half: number, halves: number): void {
  const work = mkdtempSync(join(tmpdir(), 'tvm-programs-'));
  try {
    const names = programNames().filter((_, i) => i % halves === half);
    const r = runTool('wasm-eval', compilePrograms(names, work));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const n of names) assert.match(r.stdout, new RegExp(`^${n}: PASS `, 'm'), r.stdout);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
