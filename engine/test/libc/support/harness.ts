// Differential harness for the C library: a C test program is built twice, to WebAssembly with
// our libc (run by V8 with the test crt's imports) and natively with gcc against glibc, and the
// two runs must print the same bytes (stdout and stderr merged in order) and exit the same way.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findClang } from '../../../compiler/clang';
import { packageRoot } from '../../../compiler/paths';

const libcDir = () => join(packageRoot(), 'engine', 'compiler', 'libc');
const crtPath = () => join(packageRoot(), 'engine', 'test', 'libc', 'support', 'test-crt.c');

/** The flags the compiler uses for programs and the library (task: issue 12's plumbing). */
export const libcFlags = () => [
  '--target=wasm32',
  '-mcpu=mvp',
  '-O2',
  '-g',
  '-nostdlib',
  '-ffreestanding',
  '-fno-builtin',
  '-mllvm',
  '-combiner-store-merging=false',
  '-isystem',
  join(libcDir(), 'include'),
];

/** Memory the test modules get: fixed (no growth), so the heap's end is known. */
export const TEST_MEMORY = 32 << 20;

let work: string | undefined;
function workDir(): string {
  if (!work) {
    work = mkdtempSync(join(tmpdir(), 'tvm-libc-test-'));
    const dir = work;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return work;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed:\n${err}`)),
    );
  });
}

let objects: Promise<string[]> | undefined;
/** The library's sources and the test crt as object files, compiled once per process. */
export function libcObjects(): Promise<string[]> {
  if (!objects) {
    const src = join(libcDir(), 'src');
    const files = readdirSync(src)
      // The runtime start and the machine services are replaced by the test crt's.
      .filter((f) => f.endsWith('.c') && f !== 'crt.c' && f !== 'sys.c')
      .map((f) => join(src, f));
    files.push(crtPath());
    objects = Promise.all(
      files.map(async (file, i) => {
        const obj = join(workDir(), `libc-${i}.o`);
        await run(findClang(), [
          ...libcFlags(),
          '-ffunction-sections',
          '-fdata-sections',
          '-Wall',
          '-Wextra',
          '-c',
          '-o',
          obj,
          file,
        ]);
        return obj;
      }),
    );
  }
  return objects;
}

let counter = 0;

/** A fresh folder holding the program as prog.c (both builds compile that path, so __FILE__ agrees). */
function caseDir(source: string): { dir: string; c: string } {
  const dir = join(workDir(), `case-${counter++}`);
  mkdirSync(dir);
  const c = join(dir, 'prog.c');
  writeFileSync(c, source);
  return { dir, c };
}

/** Compiles and links a C program with the library and the test crt. */
export async function buildWasm(source: string, where = caseDir(source)): Promise<Uint8Array> {
  const { dir, c } = where;
  const out = join(dir, 'prog.wasm');
  await run(findClang(), [
    ...libcFlags(),
    '-Wl,--no-entry',
    '-Wl,--export=run',
    '-Wl,-z,stack-size=1048576',
    `-Wl,--initial-memory=${TEST_MEMORY}`,
    `-Wl,--max-memory=${TEST_MEMORY}`,
    '-o',
    out,
    c,
    ...(await libcObjects()),
  ]);
  return new Uint8Array(readFileSync(out));
}

export interface RunResult {
  output: Buffer;
  status: number;
}

class Exit {
  constructor(readonly status: number) {}
}

/** Runs a module built by buildWasm in V8 with `stdin` as its standard input. */
export async function runWasm(wasm: Uint8Array, stdin = ''): Promise<RunResult> {
  const input = Buffer.from(stdin, 'latin1');
  let pos = 0;
  const out: number[] = [];
  const { instance } = await WebAssembly.instantiate(wasm, {
    env: {
      write_byte: (b: number) => {
        out.push(b);
      },
      read_byte: () => (pos < input.length ? input[pos++] : -1),
      exit: (s: number) => {
        throw new Exit(s);
      },
      abort: () => {
        throw new Exit(134);
      },
    },
  });
  let status = 0;
  try {
    (instance.exports.run as () => void)();
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    status = e.status;
  }
  return { output: Buffer.from(out), status: status & 0xff };
}

/** Makes glibc's stdout unbuffered, so stdout and stderr interleave as they do on the machine. */
const UNBUFFERED = `#include <stdio.h>
__attribute__((constructor)) static void tvm_unbuffered(void) { setvbuf(stdout, 0, _IONBF, 0); }
`;

/** Compiles the program natively with gcc against glibc; the executable is named libc-test. */
export async function buildNative(source: string, where = caseDir(source)): Promise<string> {
  const { dir, c } = where;
  const u = join(dir, 'unbuffered.c');
  writeFileSync(u, UNBUFFERED);
  const exe = join(dir, 'libc-test');
  await run('gcc', ['-O1', '-fwrapv', '-w', '-o', exe, c, u]);
  return exe;
}

/** Runs a native build with stdout and stderr in one pipe; a signal becomes 128 + its number. */
export function runNative(exe: string, stdin = ''): RunResult {
  // exec: the shell becomes the program, so it does not print "Aborted" for a signal.
  const r = spawnSync('sh', ['-c', 'exec "$0" 2>&1', exe], {
    input: Buffer.from(stdin, 'latin1'),
    env: {}, // getenv finds nothing, as on the machine
    maxBuffer: 1 << 28,
  });
  if (r.error) throw r.error;
  const signals: Record<string, number> = { SIGABRT: 6, SIGSEGV: 11 };
  const status = r.status ?? 128 + (signals[r.signal ?? ''] ?? 0);
  return { output: r.stdout, status };
}

/** Builds both ways once; `run(stdin)` runs both and returns the two results. */
export async function differential(source: string) {
  const where = caseDir(source);
  const [wasm, exe] = await Promise.all([buildWasm(source, where), buildNative(source, where)]);
  return {
    wasm,
    run: async (stdin = '') => ({ ours: await runWasm(wasm, stdin), glibc: runNative(exe, stdin) }),
  };
}

/** The first line where two outputs differ, for a readable assertion message. */
export function firstDifference(a: Buffer, b: Buffer): string {
  const la = a.toString('latin1').split('\n');
  const lb = b.toString('latin1').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i])
      return `line ${i + 1}:\n  ours:  ${JSON.stringify(la[i])}\n  glibc: ${JSON.stringify(lb[i])}`;
  }
  return 'no difference';
}
