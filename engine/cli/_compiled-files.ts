// The files of compiled programs: writing NAME.tvm, NAME_spec.tvm and NAME.map.json, and finding
// the programs a run command works on, with the trace they must produce.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CompiledProgram, compileFile } from '../compiler/compile';
import { loadManifest } from '../manifest';
import { formatProgram, formatSpecializedInput, type TokenProgram } from '../tokens/program-file';
import { runReference } from '../vm/reference';
import { DATA_DIR, outputPaths, readProgramFile } from './_common';

/** Writes the three files; returns the program file's path. */
export function writeCompiled(program: CompiledProgram, outBase: string): string {
  const paths = outputPaths(outBase);
  mkdirSync(dirname(paths.program), { recursive: true });
  writeFileSync(paths.program, formatProgram(program.instructions, program.input));
  writeFileSync(paths.spec, formatSpecializedInput(program.input));
  writeFileSync(paths.map, `${JSON.stringify(program.sourceMap.toJSON())}\n`);
  return paths.program;
}

/** The programs a run command works on: the files given, or every example (compiled when missing). */
export async function programsToRun(
  files: readonly string[],
): Promise<{ name: string; program: TokenProgram }[]> {
  if (files.length) {
    return files.map((f) => ({ name: basename(f).replace(/\.(tvm|txt)$/, ''), program: readProgramFile(f) }));
  }
  const out: { name: string; program: TokenProgram }[] = [];
  for (const ex of loadManifest()) {
    const file = join(DATA_DIR, `${ex.name}.tvm`);
    if (!existsSync(file))
      writeCompiled(await compileFile(ex.file, { args: ex.args }), join(DATA_DIR, ex.name));
    out.push({ name: ex.name, program: readProgramFile(file) });
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
  const trace = runReference(program, { input, maxTokens }).trace;
  return trace.subarray(input && program.instructions[0]?.op === 'input_base' ? input.length + 2 : 0);
}
