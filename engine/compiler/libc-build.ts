// The C library (engine/compiler/libc/: headers, sources, the C runtime start) compiled for the
// machine once and kept in the per-user cache, keyed by a hash of its sources, the compiler and the
// flags: an archive of the library, from which wasm-ld takes only the members a program uses (and
// drops unused functions), and the runtime start's object, which every `main` program links.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheDir } from '../util/cache-dir';
import { CLANG_FLAGS, findClang } from './clang';
import { packageRoot } from './paths';

export interface LibcBuild {
  /** The headers programs include (`-isystem`). */
  readonly includeDir: string;
  /** The runtime start (crt.c) compiled: `__tvm_start`, the machine services. */
  readonly crt: string;
  /** The library's archive. */
  readonly archive: string;
}

export const libcDir = () => join(packageRoot(), 'engine', 'compiler', 'libc');

/** Bumped when the way the library is built changes without its sources changing. */
const BUILD_VERSION = 1;

/** clang's flags for the library: the program's, less linking and debug info, one section per function. */
function libcFlags(includeDir: string): string[] {
  return [
    ...CLANG_FLAGS.filter((f) => !f.startsWith('-Wl,') && !f.startsWith('-g')),
    '-ffunction-sections',
    '-fdata-sections',
    '-isystem',
    includeDir,
  ];
}

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out.sort();
}

let built: LibcBuild | undefined;

/** The compiled library, built into the cache when it is not there. */
export function libcBuild(): LibcBuild {
  if (built) return built;
  const cc = findClang();
  const includeDir = join(libcDir(), 'include');
  const srcDir = join(libcDir(), 'src');
  const sources = filesUnder(srcDir, /\.c$/);
  const flags = libcFlags(includeDir);
  const hash = createHash('sha256');
  hash.update(`v${BUILD_VERSION}\0${cc}\0${spawnSync(cc, ['--version'], { encoding: 'utf8' }).stdout}\0`);
  hash.update(flags.join('\0'));
  for (const f of [...sources, ...filesUnder(includeDir, /\.h$/), ...filesUnder(srcDir, /\.h$/)]) {
    hash.update(`\0${f.slice(libcDir().length)}\0`);
    hash.update(readFileSync(f));
  }
  const dir = join(cacheDir(), 'libc', hash.digest('hex').slice(0, 16));
  const result = { includeDir, crt: join(dir, 'crt.o'), archive: join(dir, 'libtvmc.a') };
  if (!existsSync(result.archive)) buildInto(dir, cc, flags, sources);
  built = result;
  return result;
}

function run(cmd: string, args: string[], what: string, cwd?: string): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd });
  if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`building the C library failed (${what}):\n${(r.stderr || r.stdout).trimEnd()}`);
}

/** Compiles every source into a temporary folder, then renames it into place (concurrent builds race harmlessly). */
function buildInto(dir: string, cc: string, flags: string[], sources: string[]): void {
  mkdirSync(join(dir, '..'), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  try {
    // One clang for all sources (objects land in the folder, named after the sources): process
    // start-up dominates compiling many small files one at a time.
    const names = sources.map((src) => basename(src).replace(/\.c$/, '.o'));
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new Error(`the C library has two sources named ${twice.replace(/\.o$/, '.c')}`);
    run(cc, [...flags, '-c', ...sources], 'compiling', tmp);
    const objects = names.filter((n) => n !== 'crt.o').map((n) => join(tmp, n));
    const ar = spawnSync(cc, ['-print-prog-name=llvm-ar'], { encoding: 'utf8' }).stdout.trim() || 'llvm-ar';
    run(ar, ['rcs', join(tmp, 'libtvmc.a'), ...objects], 'llvm-ar');
    for (const o of objects) rmSync(o);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process built the same library first: theirs is as good as ours.
      if (!existsSync(join(dir, 'libtvmc.a'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
