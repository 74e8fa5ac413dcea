// Finding a clang that targets wasm32 and compiling C with our runtime header.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMORY_SIZE } from '../tokens/limits';
import { type DataSymbol, dataSymbols } from '../wasm/linking';
import { CompileError, type Diagnostic } from './diagnostics';
import { libcBuild, libcIncludeDir } from './libc-build';
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

/** Bytes of C stack a compiled program gets. */
export const C_STACK_SIZE = 1 << 20;

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
  // Memory grows to at most the machine's 16 MiB, so that V8 refuses memory.grow where it does.
  '-Wl,--max-memory=16777216',
  // Without this, adjacent constant stores merge into one i64.store, and the machine has no i64.
  '-mllvm',
  '-combiner-store-merging=false',
  '-Wl,--no-entry',
  '-Wl,--export=__heap_base',
  // The lowest address of the C stack: every stack-pointer write is checked against it.
  '-Wl,--export=__stack_low',
  // 1 MiB of C stack (docs/token-programs.md, memory layout); it lies above the static data.
  `-Wl,-z,stack-size=${C_STACK_SIZE}`,
];

export type OptimizeLevel = 'O0' | 'O1' | 'O2' | 'Os';
export const OPTIMIZE_LEVELS: readonly OptimizeLevel[] = ['O0', 'O1', 'O2', 'Os'];

/**
 * How a C file is built. `main`: an ordinary C program (it defines `main`), linked with the C
 * library and the runtime start, which passes it argv and stdin; the machine's memory is all its
 * own (16 MiB, so `memory.size` is the machine's). `compute`: a program written for the machine
 * (`void compute(const char *input)`), with the runtime header force-included as before.
 */
export type CProgramKind = 'main' | 'compute';

/**
 * Whether C source text defines `main` (comments, strings and character constants are skipped, so
 * a `main(` in them does not count). The choice is made on the text because it decides how the
 * file is compiled: a `compute` program relies on the force-included runtime header.
 */
export function definesMain(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, ' ');
  return /(^|[^\w$])main\s*\(/.test(code);
}

export interface CCompileOptions {
  readonly optimize?: OptimizeLevel;
  /** More clang flags, after ours (a later -O wins). */
  readonly extraFlags?: readonly string[];
}

/** Compiles a C file to a WebAssembly module. Clang's diagnostics are reported as clang printed them. */
export function compileC(cFile: string, options: CCompileOptions | readonly string[] = {}): Uint8Array {
  const opts: CCompileOptions = Array.isArray(options)
    ? { extraFlags: options as readonly string[] }
    : (options as CCompileOptions);
  const cc = findClang();
  const kind: CProgramKind = definesMain(readFileSync(cFile, 'latin1')) ? 'main' : 'compute';
  // A `compute` program links the C library only when it calls into it (most use tvm.h alone), so
  // that it is built only for programs that need it.
  const includeDir = libcIncludeDir();
  const library = () => {
    const built = libcBuild();
    return kind === 'main' ? [built.crt, built.archive] : [built.archive];
  };
  let libs = kind === 'main' ? library() : [];
  const modeFlags =
    kind === 'main'
      ? [
          '-Wl,--export=__tvm_start',
          `-Wl,--initial-memory=${MEMORY_SIZE}`,
          `-Wl,--max-memory=${MEMORY_SIZE}`,
          '-isystem',
          includeDir,
        ]
      : ['-Wl,--export=compute', '-isystem', includeDir, '-include', runtimeHeaderPath()];
  // printf's and scanf's float conversions are weak references in the C library: linked only
  // when the program has floating point (it can print no double otherwise), so that an integer
  // program's printf stays small.
  if (usesFloatingPoint(cc, cFile, [...modeFlags, ...(opts.extraFlags ?? [])]))
    modeFlags.push(...FLOAT_CONVERSIONS.map((symbol) => `-Wl,--undefined=${symbol}`));
  const dir = mkdtempSync(join(tmpdir(), 'tvm-cc-'));
  try {
    const out = join(dir, 'out.wasm');
    // clang's temporary object files go to our folder, so that linker messages can name the C file.
    const link = (flags: string[]) =>
      spawnSync(
        cc,
        [
          ...flags,
          ...(opts.optimize ? [`-${opts.optimize}`] : []),
          ...(opts.extraFlags ?? []),
          '-o',
          out,
          cFile,
          ...libs,
        ],
        { encoding: 'utf8', env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir } },
      );
    let r = link([...CLANG_FLAGS, ...modeFlags]);
    if (kind === 'compute' && r.status !== 0 && /undefined symbol/.test(r.stderr ?? '')) {
      libs = library();
      r = link([...CLANG_FLAGS, ...modeFlags]);
    }
    if (r.status !== 0 && /(maximum|initial) memory too small/.test(r.stderr ?? '')) {
      // The data does not fit in the machine's memory: link without the memory sizes, so that the
      // compiler's own check (compile.ts checkMemory) names the sizes and the largest variables.
      r = link([...CLANG_FLAGS, ...modeFlags].filter((f) => !/^-Wl,--(max|initial)-memory=/.test(f)));
    }
    if (r.error) throw new Error(`could not run ${cc}: ${r.error.message}`);
    if (r.status !== 0) {
      const message = (r.stderr || r.stdout || `${cc} exited with status ${r.status}`).trimEnd();
      // clang's temporary object in our folder (dir/NAME-abc123.o) is the C file to the user.
      const temporaryObject = new RegExp(
        `${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\s:]+\\.o\\b`,
        'g',
      );
      if (/symbol exported via --export not found: compute/.test(message)) {
        throw new CompileError(cFile, [
          {
            message:
              'no main(): an ordinary C program defines int main(void) or int main(int argc, char **argv) (a program written for the machine defines void compute(const char *input) instead)',
          },
        ]);
      }
      const longDouble = longDoubleError(cFile, message);
      if (longDouble) throw longDouble;
      throw new CompileError(cFile, [], message.replace(temporaryObject, cFile));
    }
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The C library's float conversions for printf and scanf (weak references there). */
const FLOAT_CONVERSIONS = ['__tvm_fmt_float', '__tvm_strtod_bits'];

/**
 * Whether the C file has a floating-point type anywhere, read from clang's LLVM IR (not the
 * WebAssembly: `printf("%f", 1.5)` stores the constant's bits with i64.store, and no float
 * instruction is left to see). The IR is typed: a double argument, constant, variable, cast or
 * table says `double` (`float`, `half`, `fp128`), and unused declarations from headers are not
 * in it. False when clang fails: the real compile reports that.
 */
function usesFloatingPoint(cc: string, cFile: string, programFlags: readonly string[]): boolean {
  const compileOnly = (f: string) => !f.startsWith('-Wl,') && f !== '-g' && !f.startsWith('-gdwarf');
  const flags = [...CLANG_FLAGS, ...programFlags].filter(compileOnly);
  const r = spawnSync(cc, [...flags, '-O0', '-g0', '-w', '-S', '-emit-llvm', '-o', '-', cFile], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) return false;
  // Only the IR's types count: comments (the module's file name), quoted strings (C string
  // literals, metadata) and names (`%float_count`, `@my_double`, `%struct.float_pair`) go first.
  const types = r.stdout
    .replace(/;[^\n]*/g, ' ')
    .replace(/"(?:\\.|[^"\\])*"/g, ' ')
    .replace(/[@%!#$][-\w.$]*/g, ' ');
  return /\b(half|bfloat|float|double|fp128|x86_fp80|ppc_fp128)\b/.test(types);
}

/**
 * clang's `long double` on WebAssembly is IEEE binary128, done by compiler-rt functions
 * (`__addtf3`, `__extenddftf2`, …: `tf` is the 128-bit float mode) that the machine's library does
 * not have; wasm-ld then reports them undefined. That becomes one error per line of the file that
 * names `long double` (or the file alone when the type came from elsewhere, e.g. a macro).
 */
function longDoubleError(cFile: string, linkerMessage: string): CompileError | undefined {
  const symbols = [...linkerMessage.matchAll(/undefined symbol: (__\w*tf\d?)\b/g)].map((m) => m[1]);
  if (!symbols.length) return undefined;
  const message = `long double is not supported: on WebAssembly it is 128-bit (binary128), which the machine cannot compute (it needs ${[...new Set(symbols)].slice(0, 3).join(', ')}); use double`;
  const code = readFileSync(cFile, 'latin1')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*|"(?:\\.|[^"\\\n])*"/g, ' ');
  const diagnostics: Diagnostic[] = code.split('\n').flatMap((text, i) => {
    const at = text.search(/\blong\s+double\b|\b\d[\d.]*(?:[eE][+-]?\d+)?[lL]\b/);
    return at < 0 ? [] : [{ message, location: { file: cFile, line: i + 1, column: at + 1 } }];
  });
  if (!diagnostics.length) diagnostics.push({ message });
  return new CompileError(cFile, diagnostics);
}

/**
 * The C file's data symbols (initialized and zero-initialized variables), largest first, for
 * messages about memory: the file is compiled again to an object file, whose symbol table has
 * their sizes. Empty when that fails; this only runs on the error path.
 */
export function dataSymbolsOf(cFile: string): DataSymbol[] {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-sym-'));
  try {
    const obj = join(dir, 'out.o');
    const flags = CLANG_FLAGS.filter((f) => !f.startsWith('-Wl,'));
    const main = definesMain(readFileSync(cFile, 'latin1'));
    const include = ['-isystem', libcIncludeDir(), ...(main ? [] : ['-include', runtimeHeaderPath()])];
    const r = spawnSync(findClang(), [...flags, '-c', ...include, '-o', obj, cFile]);
    return r.status === 0 ? dataSymbols(new Uint8Array(readFileSync(obj))) : [];
  } catch {
    return [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
