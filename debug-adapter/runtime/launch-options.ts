// The launch attributes, checked before any work is done: every attribute a user writes in
// launch.json is validated here, so a wrong one is refused with a sentence naming it instead of
// reaching the compiler, the engine or a generation loop (a fractional `maxTokens` once spun
// forever; `engine: "bogus"` once ran the graph evaluator).
import { statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { OPTIMIZE_LEVELS, type OptimizeLevel } from '../../engine/compiler/clang';
import { integerIn, MAX_TOKEN_LIMIT } from '../../engine/util/numbers';
import { DEFAULT_MAX_TOKENS } from '../../engine/vm/reference';
import type { EngineKind } from './token-source';

/** The program kinds the debugger reads (the extension decides how to load each). */
export const PROGRAM_EXTENSIONS = ['.c', '.wat', '.wasm', '.tvm', '.txt'] as const;
export const ENGINES: readonly EngineKind[] = ['native', 'js', 'graph'];

export interface LaunchOptions {
  /** A .c, .wat, .wasm, .tvm or .txt file. */
  readonly program: string;
  /**
   * A `main` program's arguments (argv[1..]): words, or one string split as a POSIX shell splits
   * words. For `compute`, the input string. Default: the token program's own input.
   */
  readonly args?: string | readonly string[];
  /** A `main` program's standard input, as text. */
  readonly stdin?: string;
  /** A file whose bytes are the standard input (absolute once validated). */
  readonly stdinFile?: string;
  /**
   * clang's optimization level for a C program (default DEBUG_OPTIMIZE_DEFAULT, -O0, or
   * RUN_OPTIMIZE_DEFAULT, -O2, for a run without debugging).
   */
  readonly optimize?: OptimizeLevel;
  /** VS Code's "Run Without Debugging" (and the Run code lens): nothing is inspected. */
  readonly noDebug?: boolean;
  readonly engine?: EngineKind;
  /** A weight file (default: the cached universal model, built when missing). */
  readonly model?: string;
  readonly maxTokens?: number;
  readonly stopOnEntry?: boolean;
}

/**
 * F5's clang level for a C program when launch.json names none: the debug build, at which every
 * C variable has a location for its whole scope (clang at -O1 and above leaves many
 * `<optimized out>`; docs/debugger.md has the measurement and the token cost). `wasm-run` and
 * `npm start` keep -O2.
 */
export const DEBUG_OPTIMIZE_DEFAULT: OptimizeLevel = 'O0';

/** The level of a run without debugging (`noDebug`): like `wasm-run`, every token is paid for and nothing inspected. */
export const RUN_OPTIMIZE_DEFAULT: OptimizeLevel = 'O2';

/** Largest standard input a launch takes (every byte is a prompt token and a byte of memory). */
export const MAX_STDIN_BYTES = 1 << 20;

/** A launch attribute that is not what it must be; the message names it. */
export class LaunchAttributeError extends Error {}

/**
 * The launch attributes of `raw` (a launch request's arguments), validated. Attributes this
 * debugger does not define (`type`, `name`, `cwd`, …) are ignored, as DAP clients add their own.
 */
export function launchOptions(raw: unknown): LaunchOptions & { maxTokens: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new LaunchAttributeError('the launch arguments must be an object with at least "program"');
  const a = raw as Record<string, unknown>;
  const program = programFile(a.program);
  const engine = a.engine;
  if (engine !== undefined && !ENGINES.includes(engine as EngineKind))
    throw new LaunchAttributeError(
      `"engine" must be one of ${ENGINES.map((e) => `"${e}"`).join(', ')}, not ${shown(engine)}`,
    );
  if (a.model !== undefined) regularFile(a.model, 'model', 'a weight file');
  if (
    a.args !== undefined &&
    typeof a.args !== 'string' &&
    !(Array.isArray(a.args) && a.args.every((w) => typeof w === 'string'))
  )
    throw new LaunchAttributeError(
      `"args" must be a string or an array of strings (the program's arguments), not ${shown(a.args)}`,
    );
  if (Array.isArray(a.args)) {
    const bad = (a.args as string[]).findIndex((w) => w.includes('\0'));
    if (bad >= 0)
      throw new LaunchAttributeError(`"args"[${bad}] contains a NUL character, which a C string cannot hold`);
  }
  if (a.stdin !== undefined && typeof a.stdin !== 'string')
    throw new LaunchAttributeError(
      `"stdin" must be a string (the program's standard input), not ${shown(a.stdin)}`,
    );
  if (a.stdin !== undefined && a.stdinFile !== undefined)
    throw new LaunchAttributeError('give "stdin" or "stdinFile", not both');
  const stdinFile = a.stdinFile === undefined ? undefined : inputFile(a.stdinFile, program, a.cwd);
  if (a.optimize !== undefined && !(OPTIMIZE_LEVELS as readonly unknown[]).includes(a.optimize))
    throw new LaunchAttributeError(
      `"optimize" must be one of ${OPTIMIZE_LEVELS.map((l) => `"${l}"`).join(', ')}, not ${shown(a.optimize)}`,
    );
  if (a.noDebug !== undefined && typeof a.noDebug !== 'boolean')
    throw new LaunchAttributeError(`"noDebug" must be true or false, not ${shown(a.noDebug)}`);
  if (a.stopOnEntry !== undefined && typeof a.stopOnEntry !== 'boolean')
    throw new LaunchAttributeError(`"stopOnEntry" must be true or false, not ${shown(a.stopOnEntry)}`);
  let maxTokens = DEFAULT_MAX_TOKENS;
  if (a.maxTokens !== undefined) {
    try {
      maxTokens = integerIn(a.maxTokens, '"maxTokens"', { min: 1, max: MAX_TOKEN_LIMIT });
    } catch (e) {
      throw new LaunchAttributeError((e as Error).message);
    }
  }
  return {
    program,
    args: Array.isArray(a.args) ? [...(a.args as string[])] : (a.args as string | undefined),
    stdin: a.stdin as string | undefined,
    stdinFile,
    optimize: a.optimize as OptimizeLevel | undefined,
    noDebug: a.noDebug as boolean | undefined,
    engine: engine as EngineKind | undefined,
    model: a.model as string | undefined,
    stopOnEntry: a.stopOnEntry as boolean | undefined,
    maxTokens,
  };
}

function programFile(value: unknown): string {
  if (value === undefined)
    throw new LaunchAttributeError('"program" is missing: name a .c, .wat, .wasm or .tvm file');
  const file = regularFile(value, 'program', 'the program');
  const ext = extname(file).toLowerCase();
  if (!(PROGRAM_EXTENSIONS as readonly string[]).includes(ext))
    throw new LaunchAttributeError(
      `"program" ${file}: unknown kind of file '${ext || '(no extension)'}'; expected one of ${PROGRAM_EXTENSIONS.join(', ')}`,
    );
  return file;
}

/**
 * The standard input file: a relative path is taken from `cwd` when the client gives one (VS Code
 * does: the workspace folder), else from the program's folder. Its size is checked here, before
 * any work; it is read when the program is compiled.
 */
function inputFile(value: unknown, program: string, cwd: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new LaunchAttributeError(`"stdinFile" must be a file name, not ${shown(value)}`);
  const base = typeof cwd === 'string' && cwd !== '' ? cwd : dirname(resolve(program));
  const file = isAbsolute(value) ? value : resolve(base, value);
  regularFile(file, 'stdinFile', 'the standard input');
  const size = statSync(file).size;
  if (size > MAX_STDIN_BYTES)
    throw new LaunchAttributeError(
      `"stdinFile" ${file}: ${size.toLocaleString('en-US')} bytes, more than the ${MAX_STDIN_BYTES.toLocaleString('en-US')} allowed`,
    );
  return file;
}

/** A path naming an existing regular file (not a folder, device or FIFO, which never end). */
function regularFile(value: unknown, attribute: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new LaunchAttributeError(`"${attribute}" must be a file name, not ${shown(value)}`);
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(value);
  } catch {
    throw new LaunchAttributeError(`"${attribute}" ${value}: no such file`);
  }
  if (!st.isFile()) throw new LaunchAttributeError(`"${attribute}" ${value}: ${what} is not a regular file`);
  return value;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
