// Finding a clang that targets wasm32 and compiling C with our runtime header.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompileError } from './diagnostics';
import { runtimeHeaderPath } from './paths';

const CANDIDATES = [
  'clang-16',
  'clang-17',
  'clang-18',
  'clang-19',
  'clang-20',
  'clang-15',
  'clang-14',
  'clang',
];

let cached: string | undefined;

function targetsWasm(cc: string): boolean {
  const r = spawnSync(cc, ['--print-targets'], { encoding: 'utf8' });
  return r.status === 0 && /\bwasm32\b/.test(r.stdout);
}

/** `CLANG_PATH`, then clang-16 … clang on PATH: the first one with the wasm32 target. */
export function findClang(): string {
  if (cached) return cached;
  const fromEnv = process.env.CLANG_PATH;
  if (fromEnv) {
    if (!targetsWasm(fromEnv)) {
      throw new Error(
        `CLANG_PATH=${fromEnv} is not a clang with the wasm32 target (check: ${fromEnv} --print-targets)`,
      );
    }
    cached = fromEnv;
    return fromEnv;
  }
  for (const cc of CANDIDATES) {
    if (targetsWasm(cc)) {
      cached = cc;
      return cc;
    }
  }
  throw new Error(
    'no clang with the wasm32 target found (tried CLANG_PATH, ' +
      CANDIDATES.join(', ') +
      '). Install one, e.g. `apt-get install clang-16 lld-16`, or set CLANG_PATH.',
  );
}

/** Flags that make clang's output fit the machine; see README for why each is there. */
export const CLANG_FLAGS = [
  '--target=wasm32',
  '-mcpu=mvp', // newer clangs enable post-MVP features (sign-ext, bulk memory) by default
  '-O2',
  '-g', // DWARF line tables: the source map's C lines
  '-gdwarf-5', // version 5 line tables name files by absolute path
  '-nostdlib',
  '-ffreestanding',
  '-fno-builtin',
  '-fno-jump-tables', // a switch becomes compare-and-branch, not br_table
  // Without this, adjacent constant stores merge into one i64.store, and the machine has no i64.
  '-mllvm',
  '-combiner-store-merging=false',
  '-Wl,--no-entry',
  '-Wl,--export=compute',
  '-Wl,--export=__heap_base',
  '-Wl,-z,stack-size=65536',
];

/** Compiles a C file to a WebAssembly module. Clang's diagnostics are reported as clang printed them. */
export function compileC(cFile: string, extraFlags: readonly string[] = []): Uint8Array {
  const cc = findClang();
  const dir = mkdtempSync(join(tmpdir(), 'tvm-cc-'));
  try {
    const out = join(dir, 'out.wasm');
    const r = spawnSync(
      cc,
      [...CLANG_FLAGS, '-include', runtimeHeaderPath(), ...extraFlags, '-o', out, cFile],
      {
        encoding: 'utf8',
      },
    );
    if (r.error) throw new Error(`could not run ${cc}: ${r.error.message}`);
    if (r.status !== 0) {
      throw new CompileError(
        cFile,
        [],
        (r.stderr || r.stdout || `${cc} exited with status ${r.status}`).trimEnd(),
      );
    }
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
