// The files of compiled programs: writing NAME.tvm, NAME_spec.tvm, NAME.map.json and NAME.debug.wasm, finding
// (or compiling) the programs a run command works on, the trace they must produce, and how each
// run ended (the exit status a command returns).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { asTokenProgram, type CompiledProgram, compileFile } from '../compiler/compile';
import { readSourceMapFile, type SourceMap } from '../compiler/source-map';
import { loadManifest } from '../manifest';
import {
  formatProgram,
  formatSpecializedInput,
  type Instruction,
  type TokenProgram,
} from '../tokens/program-file';
import { readProgramFile } from '../tokens/read-program';
import { assertNotInput, FileError, writeFilesAtomic } from '../util/files';
import type { ProgramEnd } from '../vm/program-end';
import { MachineError, type ReferenceRun, runReference } from '../vm/reference';
import { TraceDecoder } from '../vm/trace-decoder';
import { DATA_DIR, outputPaths } from './_common';
import { compileOptionsFor, isSourceFile, type ProgramInputFlags, tokenProgramInput } from './_program-input';

/**
 * Writes the four files, all of them or none (a failure leaves the old ones); returns the program
 * file's path. A missing output folder is created; a path under a regular file is an error
 * naming it, and so is a base that names a folder (`dir/` would write the hidden `dir/.tvm`). None
 * of them may be the compiled `source`.
 */
export function writeCompiled(program: CompiledProgram, outBase: string, source?: string): string {
  if (/[/\\]$/.test(outBase) || ['', '.', '..'].includes(basename(outBase)))
    throw new FileError(
      `${outBase}: is a folder; the output is named by its path without extension (${join(outBase, 'NAME')})`,
    );
  const paths = outputPaths(outBase);
  const written = [paths.program, paths.spec, paths.map, paths.debugWasm];
  if (source) for (const p of written) assertNotInput(p, [source]);
  ensureFolder(dirname(paths.program), paths.program);
  writeFilesAtomic([
    { path: paths.program, data: formatProgram(program.instructions, program.input) },
    { path: paths.spec, data: formatSpecializedInput(program.input) },
    { path: paths.map, data: `${JSON.stringify(program.sourceMap.toJSON())}\n` },
    { path: paths.debugWasm, data: program.wasm },
  ]);
  return paths.program;
}

/** Creates `dir` (and its parents) for `file`, with a clear error when a part is not a folder. */
export function ensureFolder(dir: string, file: string): void {
  for (let d = dir; ; d = dirname(d)) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(d);
    } catch {}
    if (st && !st.isDirectory()) throw new FileError(`${file}: ${d} is not a folder`);
    if (st || dirname(d) === d) break;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new FileError(`${file}: cannot create the folder ${dir}: ${(e as Error).message}`);
  }
}

/** A program a run command works on, ready to run: the input under the flags, and its source map. */
export interface LoadedProgram {
  readonly program: TokenProgram;
  /** The input to run with (the program file's own, or the one the flags give). */
  readonly input: Uint8Array | null;
  /** Places traps in C: the compiled source's map, or the program file's NAME.map.json. */
  readonly sourceMap?: SourceMap;
}

/** A program a run command works on; `load` reads or compiles it (and may fail, for this file alone). */
export interface ProgramToRun {
  readonly name: string;
  readonly file: string;
  readonly load: () => Promise<LoadedProgram>;
}

/**
 * The programs a run command works on: the files given, or every example (compiled when missing).
 * A .c, .wat or .wasm file is compiled in memory with the flags (nothing is written next to it);
 * a .tvm or .txt file is read. Nothing is read yet, so one bad file fails alone.
 */
export async function programsToRun(
  files: readonly string[],
  flags: ProgramInputFlags = {},
): Promise<ProgramToRun[]> {
  if (files.length) return files.map((file) => programToRun(file, flags));
  const out: ProgramToRun[] = [];
  // The examples are compiled every time: a data/NAME.tvm left from an earlier compiler, C library
  // or version of the example would otherwise run in its place.
  for (const ex of loadManifest()) {
    const file = join(DATA_DIR, `${ex.name}.tvm`);
    writeCompiled(await compileFile(ex.file, { args: ex.args }), join(DATA_DIR, ex.name));
    out.push({ ...programToRun(file, flags), name: ex.name });
  }
  return out;
}

/** One program file (source or token program) as a run command takes it. */
export function programToRun(file: string, flags: ProgramInputFlags): ProgramToRun {
  if (isSourceFile(file)) {
    return {
      name: basename(file).replace(/\.[^.]*$/, ''),
      file,
      load: async () => {
        const compiled = await compileFile(file, compileOptionsFor(file, flags));
        return { program: asTokenProgram(compiled), input: compiled.input, sourceMap: compiled.sourceMap };
      },
    };
  }
  return {
    name: basename(file).replace(/\.(tvm|txt)$/, ''),
    file,
    load: async () => {
      const program = readProgramFile(file);
      const input = tokenProgramInput(file, program, flags);
      return { program, input, sourceMap: sourceMapOf(file, program) };
    },
  };
}

/** The program file's NAME.map.json when it belongs to this program (else no C lines, no failure). */
function sourceMapOf(programFile: string, program: TokenProgram): SourceMap | undefined {
  const mapFile = outputPaths(programFile).map;
  try {
    return existsSync(mapFile) ? readSourceMapFile(mapFile, program.instructions) : undefined;
  } catch {
    return undefined; // a map of another program only costs the C line
  }
}

/**
 * What a model must generate for a program: the reference trace after the prompt (the input
 * section is the prompt's, the trace of `input_base`).
 */
export function expectedGeneration(
  program: TokenProgram,
  input: Uint8Array | null,
  maxTokens?: number,
  limitFlag = '--max-tokens',
): Int32Array {
  return expectedRun(program, input, maxTokens, limitFlag).generation;
}

/** The reference run of a program and what a model must generate for it (see expectedGeneration). */
export function expectedRun(
  program: TokenProgram,
  input: Uint8Array | null,
  maxTokens?: number,
  limitFlag = '--max-tokens',
): { run: ReferenceRun; generation: Int32Array; inputSection: Int32Array } {
  let run: ReferenceRun;
  try {
    run = runReference(program, { input, maxTokens });
  } catch (e) {
    // The executor's own message says "raise the limit": a user needs the flag that does.
    if (e instanceof MachineError && e.message.includes('raise the limit'))
      throw new MachineError(
        e.message
          .replace('raise the limit', `raise ${limitFlag}`)
          .replace(/ \(instruction \d+, step \d+\)$/, ''),
        e.step,
        e.pc,
      );
    throw e;
  }
  const skip = input && program.instructions[0]?.op === 'input_base' ? input.length + 2 : 0;
  return { run, generation: run.trace.subarray(skip), inputSection: run.trace.subarray(0, skip) };
}

/**
 * How a generated trace ends, decoded from the tokens alone (TraceDecoder): the exit status is
 * the operand stack's top at `halt 0x100` as the tokens carry it, not the reference's. The input
 * section (the prompt's tail, which the decoder needs to start from) comes first.
 */
export function decodedEnd(
  instructions: readonly Instruction[],
  inputSection: ArrayLike<number>,
  generated: ArrayLike<number>,
  sourceMap?: SourceMap,
): ProgramEnd | undefined {
  const decoder = new TraceDecoder(instructions);
  decoder.feedAll(inputSection);
  decoder.feedAll(generated);
  return decoder.end(sourceMap);
}

/**
 * How the programs of a command ended, reported as each run ends — `LABEL: exit status N`,
 * `LABEL: aborted`, `LABEL: trap: …` (a normal end with status 0 says nothing) — and the command's
 * exit status (../shared/spec/interfaces.md): with one program its own status (134 after abort or
 * a trap), 1 when a file failed; with several, 0 only when every program passed and exited 0.
 */
export class EndReport {
  private readonly statuses: number[] = [];

  /** Reports how one program that ran correctly ended. */
  note(label: string, end: ProgramEnd): void {
    this.statuses.push(end.status);
    if (end.how === 'trap') console.error(`${label}: ${end.description}`);
    else if (end.how === 'abort') console.error(`${label}: aborted`);
    else if (end.status !== 0) console.error(`${label}: exit status ${end.status}`);
  }

  /** The command's exit status after `programs` programs of which `failures` failed. */
  exitStatus(failures: number, programs: number): number {
    if (failures) return 1;
    if (programs === 1 && this.statuses.length === 1) return this.statuses[0];
    return this.statuses.every((s) => s === 0) ? 0 : 1;
  }
}
