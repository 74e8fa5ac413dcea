// What every command-line tool shares: argument parsing, error reporting without stack traces,
// and the names of the files a program's compilation produces.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CompileError } from '../compiler/diagnostics';
import { parseProgram, TokenFileError, type TokenProgram } from '../tokens/program-file';
import { MachineError } from '../vm/reference';

/** A user-facing failure: printed as its message alone. */
export class UsageError extends Error {}

/** Runs a command's main function; known errors print their message, others a short report. */
export function runMain(name: string, main: () => Promise<number | undefined> | number | undefined): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (e: unknown) => {
        if (e instanceof CompileError || e instanceof TokenFileError || e instanceof UsageError) {
          console.error(e.message);
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

/** A numeric option that must be positive, or undefined when absent. */
export function positiveOption(value: string | undefined, flag: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number, not '${value}'\n${usage}`);
  return n;
}

/** Output files of compiling NAME: NAME.tvm, NAME_spec.tvm, NAME.map.json. */
export function outputPaths(base: string) {
  const stem = base.replace(/\.(tvm|txt)$/, '');
  return {
    program: `${stem}.tvm`,
    spec: `${stem}_spec.tvm`,
    map: `${stem}.map.json`,
    ref: `${stem}_ref.tvm`,
  };
}

/** The reference trace file that belongs to a token program file. */
export function refPathFor(programFile: string): string {
  const ext = programFile.endsWith('.txt') ? '.txt' : '.tvm';
  return join(dirname(programFile), `${basename(programFile).replace(/\.(tvm|txt)$/, '')}_ref${ext}`);
}

export function readProgramFile(file: string): TokenProgram {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  return parseProgram(readFileSync(file, 'utf8'), file);
}

/** The project's data folder (generated files), relative to the working directory. */
export const DATA_DIR = 'data';
