// The C test programs, compiled for the command-line tools.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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
      '--args',
      argsOf(readFileSync(file, 'utf8')),
      '-o',
      join(dir, n),
    ]);
    assert.equal(r.code, 0, r.stderr);
    return join(dir, `${n}.tvm`);
  });
}
