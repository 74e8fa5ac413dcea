// The program-input flags every command that compiles or runs programs shares: `--args`,
// `--stdin TEXT`, `--stdin-file FILE` and `-O0|-O1|-O2|-Os`, checked once before any work, and
// how they apply to a source file (compiled with them) or to a token program file (whose input
// is already baked in: only a `compute` program's input string may be replaced, as before).

import { OPTIMIZE_LEVELS, type OptimizeLevel } from '../compiler/clang';
import type { CompileOptions } from '../compiler/compile';
import { decodeMainInput } from '../compiler/program-input';
import type { TokenProgram } from '../tokens/program-file';
import { readRegularFile } from '../util/files';
import { UsageError } from './_common';

/** Largest standard input a run takes (every byte is a prompt token and a byte of memory). */
export const MAX_STDIN_BYTES = 1 << 20;

/** The parseArgs options of the program-input flags (`-O2` is `optimize: '2'`). */
export const PROGRAM_INPUT_OPTIONS = {
  args: { type: 'string' },
  stdin: { type: 'string' },
  'stdin-file': { type: 'string' },
  optimize: { type: 'string', short: 'O' },
} as const;

/** The usage text of the program-input flags. */
export const PROGRAM_INPUT_USAGE = '[--args STR] [--stdin TEXT | --stdin-file FILE] [-O0|-O1|-O2|-Os]';

export interface ProgramInputFlags {
  readonly args?: string;
  readonly stdin?: Uint8Array;
  readonly optimize?: OptimizeLevel;
}

/** Source files the runners compile first; everything else is read as a token program. */
export const SOURCE_EXTENSIONS = ['.c', '.wat', '.wast', '.wasm'];

export function isSourceFile(file: string): boolean {
  const dot = file.lastIndexOf('.');
  return dot >= 0 && SOURCE_EXTENSIONS.includes(file.slice(dot).toLowerCase());
}

/** Reads and checks the flags: both stdin forms, an unknown -O level and an unreadable file are errors. */
export function programInputFlags(
  values: { args?: string; stdin?: string; 'stdin-file'?: string; optimize?: string },
  usage: string,
): ProgramInputFlags {
  if (values.stdin !== undefined && values['stdin-file'] !== undefined)
    throw new UsageError(`give --stdin or --stdin-file, not both\n${usage}`);
  let optimize: OptimizeLevel | undefined;
  if (values.optimize !== undefined) {
    const level = `O${values.optimize}`;
    if (!(OPTIMIZE_LEVELS as readonly string[]).includes(level))
      throw new UsageError(
        `-${level}: unknown optimization level; use one of ${OPTIMIZE_LEVELS.map((l) => `-${l}`).join(', ')}\n${usage}`,
      );
    optimize = level as OptimizeLevel;
  }
  let stdin: Uint8Array | undefined;
  if (values.stdin !== undefined) stdin = new TextEncoder().encode(values.stdin);
  else if (values['stdin-file'] !== undefined) {
    if (values['stdin-file'] === '') throw new UsageError(`--stdin-file needs a file name\n${usage}`);
    stdin = new Uint8Array(readRegularFile(values['stdin-file'], 'standard input file', MAX_STDIN_BYTES));
  }
  return { args: values.args, stdin, optimize };
}

/** The compile options of a source file under `flags`; -O on a .wat or .wasm is an error naming it. */
export function compileOptionsFor(file: string, flags: ProgramInputFlags): CompileOptions {
  if (flags.optimize !== undefined && !file.toLowerCase().endsWith('.c'))
    throw new UsageError(
      `${file}: -${flags.optimize} applies to C only (a .wat or .wasm file is compiled as it is written)`,
    );
  return { args: flags.args, stdin: flags.stdin, optimize: flags.optimize };
}

/** Whether a token program's input is an ordinary C program's argv and stdin (program-input.ts). */
export function isMainInput(input: Uint8Array | null): boolean {
  return input !== null && decodeMainInput(input) !== undefined;
}

/**
 * The input a token program file runs with under `flags`. Its input is baked in when it was
 * compiled: `--args` replaces a `compute` program's input string (as always); a `main` program's
 * argv and stdin, and -O, need its source (errors naming the file say so).
 */
export function tokenProgramInput(
  file: string,
  program: TokenProgram,
  flags: ProgramInputFlags,
): Uint8Array | null {
  if (flags.optimize !== undefined)
    throw new UsageError(
      `${file}: -${flags.optimize} applies to a source file; this one is already compiled`,
    );
  const main = isMainInput(program.input);
  if (main && (flags.args !== undefined || flags.stdin !== undefined))
    throw new UsageError(
      `${file}: the argv and stdin of a program with main() are compiled into it; run its .c source with --args/--stdin, or recompile it with wasm-compile`,
    );
  if (flags.stdin !== undefined)
    throw new UsageError(
      `${file}: standard input is for programs with main(); compute(const char *input) takes only --args`,
    );
  return flags.args !== undefined ? new TextEncoder().encode(flags.args) : program.input;
}
