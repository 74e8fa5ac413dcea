// The files of compiled programs: writing NAME.tvm, NAME_spec.tvm and NAME.map.json, and finding
// the programs a run command works on, with the trace they must produce.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CompiledProgram, compileFile } from '../compiler/compile';
import { SourceMap } from '../compiler/source-map';
import { loadManifest } from '../manifest';
import { formatProgram, formatSpecializedInput, type TokenProgram } from '../tokens/program-file';
import { assertNotInput, FileError, writeFilesAtomic } from '../util/files';
import { type ReferenceRun, runReference } from '../vm/reference';
import { describeTrap } from '../vm/traps';
import { DATA_DIR, outputPaths, readProgramFile } from './_common';

/**
 * Writes the three files, all of them or none, never over the compiled source; returns the
 * program file's path. Missing folders are created.
 */
export function writeCompiled(program: CompiledProgram, outBase: string, source?: string): string {
  const paths = outputPaths(outBase);
  for (const p of [paths.program, paths.spec, paths.map]) if (source) assertNotInput(p, [source]);
  const dir = dirname(paths.program);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(
      `${paths.program}: cannot create the folder ${dir}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of that path is a file, not a folder' : (e as Error).message}`,
    );
  }
  writeFilesAtomic([
    { path: paths.program, data: formatProgram(program.instructions, program.input) },
    { path: paths.spec, data: formatSpecializedInput(program.input) },
    { path: paths.map, data: `${JSON.stringify(program.sourceMap.toJSON())}\n` },
  ]);
  return paths.program;
}

/** The programs a run command works on: the files given, or every example (compiled when missing). */
export async function programsToRun(
  files: readonly string[],
): Promise<{ name: string; file: string; program: TokenProgram }[]> {
  if (files.length) {
    return files.map((f) => ({
      name: basename(f).replace(/\.(tvm|txt)$/, ''),
      file: f,
      program: readProgramFile(f),
    }));
  }
  const out: { name: string; file: string; program: TokenProgram }[] = [];
  for (const ex of loadManifest()) {
    const file = join(DATA_DIR, `${ex.name}.tvm`);
    if (!existsSync(file))
      writeCompiled(await compileFile(ex.file, { args: ex.args }), join(DATA_DIR, ex.name));
    out.push({ name: ex.name, file, program: readProgramFile(file) });
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
): Int32Array {
  return expectedRun(program, input, maxTokens).generation;
}

/** The reference run of a program and what a model must generate for it (see expectedGeneration). */
export function expectedRun(
  program: TokenProgram,
  input: Uint8Array | null,
  maxTokens?: number,
): { run: ReferenceRun; generation: Int32Array } {
  const run = runReference(program, { input, maxTokens });
  const skip = input && program.instructions[0]?.op === 'input_base' ? input.length + 2 : 0;
  return { run, generation: run.trace.subarray(skip) };
}

/**
 * The sentence for a run that trapped ("integer divide by zero in average() at stats.c:12"), or
 * undefined. The C function and line come from the program file's NAME.map.json when it belongs
 * to this program.
 */
export function trapMessage(
  programFile: string,
  program: TokenProgram,
  run: ReferenceRun,
): string | undefined {
  if (!run.trap) return undefined;
  const mapFile = outputPaths(programFile).map;
  let map: SourceMap | undefined;
  try {
    if (existsSync(mapFile))
      map = SourceMap.parse(readFileSync(mapFile, 'utf8'), mapFile, program.instructions);
  } catch {
    map = undefined; // a map of another program only costs the C line
  }
  return describeTrap(program.instructions, run.haltPc, run.callPcs, map)?.description;
}
