// What every command-line tool shares: argument parsing, error reporting without stack traces,
// and the names of the files a program's compilation produces.
import { basename, dirname, join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CompileError } from '../compiler/diagnostics';
import { TokenFileError } from '../tokens/program-file';
import { FileError } from '../util/files';
import { type IntegerRange, InvalidNumberError, integerIn, MAX_TOKEN_LIMIT } from '../util/numbers';
import { MachineError } from '../vm/reference';

/** A user-facing failure: printed as its message alone. */
export class UsageError extends Error {}

/** Errors whose message is complete for a user (it names the file or flag): printed alone. */
const KNOWN = [CompileError, TokenFileError, UsageError, FileError, InvalidNumberError];
const isKnown = (e: unknown): boolean => KNOWN.some((k) => e instanceof k);

/** Runs a command's main function; known errors print their message, others a short report. */
export function runMain(name: string, main: () => Promise<number | undefined> | number | undefined): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (e: unknown) => {
        if (isKnown(e)) {
          console.error((e as Error).message);
        } else if (e instanceof MachineError) {
          console.error(`${name}: ${e.message}`);
        } else if (e instanceof Error) {
          console.error(`${name}: ${e.message}`);
          if (process.env.TVM_DEBUG) console.error(e.stack);
        } else console.error(`${name}: ${String(e)}`);
        process.exitCode = 1;
      },
    );
}

/**
 * Parses argv: unknown flags, missing values and stray `-x` values are usage errors. Every flag
 * that takes a number is read afterwards with `integerOption`, and the usage line names it with
 * an upper-case placeholder (N, SECONDS): the CLI tests find the numeric flags there.
 */
export function parseCli<T extends ParseArgsConfig['options']>(usage: string, options: T) {
  try {
    return parseArgs({
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/** The range of every `--max-tokens`: a positive integer, at most MAX_TOKEN_LIMIT. */
export const MAX_TOKENS_RANGE: IntegerRange = { min: 1, max: MAX_TOKEN_LIMIT };

/** An integer flag in `range` (never clamped), or undefined when absent. */
export function integerOption(
  value: string | undefined,
  flag: string,
  range: IntegerRange,
  usage: string,
): number | undefined {
  if (value === undefined) return undefined;
  try {
    return integerIn(value, flag, range);
  } catch (e) {
    throw usageFor(e, usage);
  }
}

/** A flag whose value is one of `names`, or undefined when absent. */
export function choiceOption<N extends string>(
  value: string | undefined,
  flag: string,
  names: readonly N[],
  usage: string,
): N | undefined {
  if (value === undefined) return undefined;
  if (!(names as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${names.join(', ')}, not '${value}'\n${usage}`);
  return value as N;
}

function usageFor(e: unknown, usage: string): Error {
  return e instanceof InvalidNumberError ? new UsageError(`${e.message}\n${usage}`) : (e as Error);
}

/**
 * Runs `work` on every file in turn: a file that fails (missing, malformed, a machine fault) is
 * reported with its name and the others still run. Returns how many failed.
 */
export async function forEachFile<F>(
  name: string,
  files: readonly F[],
  fileName: (f: F) => string,
  work: (f: F) => Promise<boolean | undefined> | boolean | undefined,
): Promise<number> {
  let failures = 0;
  for (const f of files) {
    try {
      if ((await work(f)) === false) failures++;
    } catch (e) {
      failures++;
      console.error(describeFailure(name, fileName(f), e));
    }
  }
  return failures;
}

/** One line for a failed file, naming it once. */
export function describeFailure(name: string, file: string, e: unknown): string {
  if (!(e instanceof Error)) return `${name}: ${file}: ${String(e)}`;
  if (!isKnown(e) && process.env.TVM_DEBUG) console.error(e.stack);
  const message = e instanceof UsageError ? e.message.split('\n')[0] : e.message;
  return message.startsWith(file) ? message : `${file}: ${message}`;
}

/** Output files of compiling NAME: NAME.tvm, NAME_spec.tvm, NAME.map.json, NAME.debug.wasm. */
export function outputPaths(base: string) {
  const stem = base.replace(/\.(tvm|txt)$/, '');
  return {
    program: `${stem}.tvm`,
    spec: `${stem}_spec.tvm`,
    map: `${stem}.map.json`,
    /** The linked module: its DWARF gives the debugger the C variables of a .tvm. */
    debugWasm: `${stem}.debug.wasm`,
    ref: `${stem}_ref.tvm`,
  };
}

/** The reference trace file that belongs to a token program file. */
export function refPathFor(programFile: string): string {
  const ext = programFile.endsWith('.txt') ? '.txt' : '.tvm';
  return join(dirname(programFile), `${basename(programFile).replace(/\.(tvm|txt)$/, '')}_ref${ext}`);
}

/** The project's data folder (generated files), relative to the working directory. */
export const DATA_DIR = 'data';
