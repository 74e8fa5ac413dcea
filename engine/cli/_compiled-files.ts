// Writing a compilation's files: NAME.tvm, NAME_spec.tvm and NAME.map.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CompiledProgram } from '../compiler/compile';
import { formatProgram, formatSpecializedInput } from '../tokens/program-file';
import { outputPaths } from './_common';

/** Writes the three files; returns the program file's path. */
export function writeCompiled(program: CompiledProgram, outBase: string): string {
  const paths = outputPaths(outBase);
  mkdirSync(dirname(paths.program), { recursive: true });
  writeFileSync(paths.program, formatProgram(program.instructions, program.input));
  writeFileSync(paths.spec, formatSpecializedInput(program.input));
  writeFileSync(paths.map, `${JSON.stringify(program.sourceMap.toJSON())}\n`);
  return paths.program;
}
