// An example compiled and run on the reference executor: the prompt a model reads and the tokens
// it must generate.
import { asTokenProgram, compileFile } from '../../compiler/compile';
import { loadManifest } from '../../manifest';
import { promptTokens, type TokenProgram } from '../../tokens/program-file';
import { runReference } from '../../vm/reference';

export interface ExampleRun {
  readonly program: TokenProgram;
  readonly prompt: Int32Array;
  /** The reference trace after the prompt: what generation must produce, halt included. */
  readonly expected: Int32Array;
}

export async function exampleRun(name: string): Promise<ExampleRun> {
  const ex = loadManifest().find((e) => e.name === name);
  if (!ex) throw new Error(`no example '${name}'`);
  const program = asTokenProgram(await compileFile(ex.file, { args: ex.args }));
  const trace = runReference(program).trace;
  const expected = trace.subarray(program.input ? program.input.length + 2 : 0);
  return { program, prompt: promptTokens(program), expected: Int32Array.from(expected) };
}
