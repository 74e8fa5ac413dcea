// The files of compiled programs: writing NAME.tvm, NAME_spec.tvm and NAME.map.json, and finding
// the programs a run command works on, with the trace they must produce.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CompiledProgram, compileFile } from '../compiler/compile';
import { readSourceMapFile, type SourceMap } from '../compiler/source-map';
import { loadManifest } from '../manifest';
import { formatProgram, formatSpecializedInput, type TokenProgram } from '../tokens/program-file';
import { readProgramFile } from '../tokens/read-program';
import { assertNotInput, FileError, writeFilesAtomic } from '../util/files';
import { MachineError, type ReferenceRun, runReference } from '../vm/reference';
import { describeTrap, TRAP_EXIT_STATUS } from '../vm/traps';
import { DATA_DIR, outputPaths } from './_common';

/**
 * Writes the three files, all of them or none (a failure leaves the old ones); returns the program
 * file's path. A missing output folder is created; a path under a regular file is an error
 * naming it, and so is a base that names a folder (`dir/` would write the hidden `dir/.tvm`). None
 * of the three may be the compiled `source`.
 */
export function writeCompiled(program: CompiledProgram, outBase: string, source?: string): string {
  if (/[/\\]$/.test(outBase) || ['', '.', '..'].includes(basename(outBase)))
    throw new FileError(
      `${outBase}: is a folder; the output is named by its path without extension (${join(outBase, 'NAME')})`,
    );
  const paths = outputPaths(outBase);
  if (source) for (const p of [paths.program, paths.spec, paths.map]) assertNotInput(p, [source]);
  ensureFolder(dirname(paths.program), paths.program);
  writeFilesAtomic([
    { path: paths.program, data: formatProgram(program.instructions, program.input) },
    { path: paths.spec, data: formatSpecializedInput(program.input) },
    { path: paths.map, data: `${JSON.stringify(program.sourceMap.toJSON())}\n` },
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

/** A program a run command works on; `load` reads it (and may fail, for this file alone). */
export interface ProgramToRun {
  readonly name: string;
  readonly file: string;
  readonly load: () => TokenProgram;
}

/**
 * The programs a run command works on: the files given, or every example (compiled when missing).
 * Nothing is read yet, so one bad file fails alone.
 */
export async function programsToRun(files: readonly string[]): Promise<ProgramToRun[]> {
  if (files.length) {
    return files.map((file) => ({
      name: basename(file).replace(/\.(tvm|txt)$/, ''),
      file,
      load: () => readProgramFile(file),
    }));
  }
  const out: ProgramToRun[] = [];
  for (const ex of loadManifest()) {
    const file = join(DATA_DIR, `${ex.name}.tvm`);
    if (!existsSync(file))
      writeCompiled(await compileFile(ex.file, { args: ex.args }), join(DATA_DIR, ex.name));
    out.push({ name: ex.name, file, load: () => readProgramFile(file) });
  }
  return out;
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
): { run: ReferenceRun; generation: Int32Array } {
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
  return { run, generation: run.trace.subarray(skip) };
}

/**
 * The sentence for a run that trapped ("integer divide by zero in average() at stats.c:12"), or
 * undefined. The C function and line come from the program file's NAME.map.json when it belongs
 * to this program.
 */
function trapMessage(
  programFile: string,
  program: TokenProgram,
  run: Pick<ReferenceRun, 'haltPc' | 'callPcs' | 'trap'>,
): string | undefined {
  if (!run.trap) return undefined;
  const mapFile = outputPaths(programFile).map;
  let map: SourceMap | undefined;
  try {
    if (existsSync(mapFile)) map = readSourceMapFile(mapFile, program.instructions);
  } catch {
    map = undefined; // a map of another program only costs the C line
  }
  return describeTrap(program.instructions, run.haltPc, run.callPcs, map)?.description;
}

/**
 * The traps of a command's programs, each reported as `LABEL: trap: …` when its run ends, and the
 * command's exit status: 1 when a file failed, 134 (as wasmtime) when a program trapped, else 0;
 * with one program that is the program's own status.
 */
export class TrapReport {
  private trapped = false;

  /** Reports the run's trap, if it had one. */
  note(
    label: string,
    programFile: string,
    program: TokenProgram,
    run: Parameters<typeof trapMessage>[2],
  ): void {
    const trap = trapMessage(programFile, program, run);
    if (trap === undefined) return;
    console.error(`${label}: trap: ${trap}`);
    this.trapped = true;
  }

  exitStatus(failures: number): number {
    return failures ? 1 : this.trapped ? TRAP_EXIT_STATUS : 0;
  }
}
