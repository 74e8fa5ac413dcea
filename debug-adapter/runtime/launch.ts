// Starting a debug session's machine: the program compiled (C, WAT, WASM) or read (a token
// program, with its source map when one lies beside it), the model found or built, the engine
// opened and prefilled, and the reference executor set up to check every token as it is made
// (runtime/reference-stream.ts: no reference work here, so a launch never waits on a long run).
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { compileFile } from '../../engine/compiler/compile';
import { CompileError, type LocatedDiagnostic, locatedDiagnostics } from '../../engine/compiler/diagnostics';
import { decodeMainInput, type MainInput } from '../../engine/compiler/program-input';
import { moduleHash, readSourceMapFile, type SourceMap } from '../../engine/compiler/source-map';
import { loadNative } from '../../engine/model/native-engine';
import { type Instruction, promptTokens, type TokenProgram } from '../../engine/tokens/program-file';
import { readProgramFile } from '../../engine/tokens/read-program';
import { tokenText } from '../../engine/tokens/vocabulary';
import { readRegularFile } from '../../engine/util/files';
import { readModel } from '../../engine/weights/file';
import { bakedProgram } from '../../engine/weights/specialize';
import { universalModel } from '../../engine/weights/universal';
import {
  DEBUG_OPTIMIZE_DEFAULT,
  LaunchAttributeError,
  type LaunchOptions,
  launchOptions,
  MAX_STDIN_BYTES,
  RUN_OPTIMIZE_DEFAULT,
} from './launch-options';
import { ReferenceStream } from './reference-stream';
import { MachineRuntime } from './runtime';
import { type EngineKind, openSource } from './token-source';

export type { LaunchOptions } from './launch-options';

export interface Launched {
  readonly runtime: MachineRuntime;
  readonly instructions: readonly Instruction[];
  readonly sourceMap?: SourceMap;
  readonly engine: EngineKind;
  readonly modelFile: string;
  /** The prompt as token ids (the Residual stream's shadow engine replays it). */
  readonly prompt: Int32Array;
  readonly specialized: boolean;
  /** Things the user should know (an engine fallback, a check that could not be made). */
  readonly notices: string[];
}

/** A compile error, with its diagnostics located for the Problems panel. */
export class LaunchCompileError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly LocatedDiagnostic[],
  ) {
    super(message);
  }
}

export type LaunchProgress = (message: string) => void;

/** Launches a program; every attribute is checked first (launch-options.ts), before any work. */
export async function launch(options: LaunchOptions, progress: LaunchProgress = () => {}): Promise<Launched> {
  const o = launchOptions(options);
  const notices: string[] = [];
  progress(`compiling ${o.program}`);
  const { program, input, sourceMap, wasm } = await loadProgram(o, notices);
  const main = input && decodeMainInput(input);
  if (main) notices.push(describeMainInput(main));

  let modelFile = o.model;
  if (!modelFile) {
    progress('loading the transformer (building it on first use)');
    modelFile = (await universalModel()).file;
  }
  const model = readModel(modelFile); // checks the file and tells universal from specialized
  const baked = bakedProgram(model);
  const specialized = baked !== undefined;
  if (baked && JSON.stringify(baked) !== JSON.stringify(program.instructions))
    throw new Error(`${modelFile} is specialized to ${model.meta.specializedFor}, not to ${o.program}`);

  let engine: EngineKind = o.engine ?? 'native';
  if (engine === 'native' && !loadNative().ok) {
    const n = loadNative();
    notices.push(`${n.ok ? '' : n.reason}; using the JS engine`);
    engine = 'js';
  }
  const prompt = promptTokens({ ...program, specialized }, input);
  const promptLength = specialized ? 1 : program.instructions.length * 5 + 2;
  const maxTokens = o.maxTokens;
  // The reference trace's first tokens (the input section) are in the prompt, not generated.
  const reference = new ReferenceStream(program.instructions, input, prompt.length - promptLength);
  progress(`starting the ${engine} engine`);
  const source = openSource({
    kind: engine,
    modelFile,
    model,
    prompt,
    instructions: program.instructions,
    specialized,
  });
  const runtime = new MachineRuntime(source, {
    instructions: program.instructions,
    sourceMap,
    promptLength,
    inputSection: prompt.subarray(promptLength),
    reference,
    maxTokens,
    promptText: (p) => (p >= 0 && p < prompt.length ? tokenText(prompt[p]) : ''),
    wasm,
  });
  return {
    runtime,
    instructions: program.instructions,
    sourceMap,
    engine,
    modelFile,
    prompt,
    specialized,
    notices,
  };
}

/** The Debug Console line showing a `main` program's argv and standard input. */
function describeMainInput({ argv, stdin }: MainInput): string {
  const shownStdin = new TextDecoder().decode(stdin.subarray(0, 200));
  return (
    `argv: ${JSON.stringify(argv)}; stdin: ${stdin.length.toLocaleString('en-US')} bytes` +
    (stdin.length ? ` ${JSON.stringify(shownStdin)}${stdin.length > 200 ? '…' : ''}` : '')
  );
}

/** The standard input the attributes give (the file is read now; launchOptions checked it). */
function stdinOf(o: LaunchOptions): Uint8Array | undefined {
  if (o.stdinFile !== undefined)
    return new Uint8Array(readRegularFile(o.stdinFile, 'standard input file', MAX_STDIN_BYTES));
  return o.stdin !== undefined ? new TextEncoder().encode(o.stdin) : undefined;
}

/**
 * The input of a token program file under the attributes. Its input was compiled into it: a
 * `compute` program's input string may be replaced (`args`); a `main` program's argv and stdin
 * need its source, and so does `optimize`.
 */
function tokenFileInput(o: LaunchOptions, program: TokenProgram, notices: string[]): Uint8Array | null {
  if (o.optimize !== undefined)
    notices.push(`"optimize" applies to C sources; ${o.program} is already compiled`);
  const stdin = o.stdin !== undefined || o.stdinFile !== undefined;
  if (program.input && decodeMainInput(program.input)) {
    if (o.args !== undefined || stdin)
      throw new LaunchAttributeError(
        `${o.program}: the argv and stdin of a program with main() are compiled into it; launch its .c source to give "args" or "stdin"`,
      );
    return program.input;
  }
  if (stdin)
    throw new LaunchAttributeError(
      `${o.program}: "stdin" is for programs with main(); compute(const char *input) takes only "args"`,
    );
  if (o.args === undefined) return program.input;
  if (typeof o.args !== 'string' && o.args.length > 1)
    throw new LaunchAttributeError(
      `${o.program}: compute(const char *input) takes one input string, not a list of arguments`,
    );
  return new TextEncoder().encode(typeof o.args === 'string' ? o.args : (o.args[0] ?? ''));
}

async function loadProgram(
  o: LaunchOptions,
  notices: string[],
): Promise<{ program: TokenProgram; input: Uint8Array | null; sourceMap?: SourceMap; wasm?: Uint8Array }> {
  const ext = extname(o.program).toLowerCase();
  if (ext === '.tvm' || ext === '.txt') {
    const program = readProgramFile(o.program);
    if (program.specialized)
      throw new Error(`${o.program}: a specialized input has no program to debug; give the program's .tvm`);
    const mapFile = o.program.replace(/\.(tvm|txt)$/i, '.map.json');
    // A map must belong to this program (its hash): a stale or foreign one is an error, not used.
    const sourceMap = existsSync(mapFile) ? readSourceMapFile(mapFile, program.instructions) : undefined;
    const wasm = sourceMap ? debugModuleBeside(o.program, sourceMap, notices) : undefined;
    return { program, input: tokenFileInput(o, program, notices), sourceMap, wasm };
  }
  // -O is clang's: a .wat or .wasm is compiled as it is written.
  const level = o.optimize ?? (o.noDebug ? RUN_OPTIMIZE_DEFAULT : DEBUG_OPTIMIZE_DEFAULT);
  const optimize = ext === '.c' ? level : undefined;
  if (ext !== '.c' && o.optimize !== undefined)
    notices.push(`"optimize" applies to C sources; ${o.program} is compiled as it is written`);
  try {
    const compiled = await compileFile(o.program, { args: o.args, stdin: stdinOf(o), optimize });
    return {
      input: compiled.input,
      program: {
        instructions: compiled.instructions,
        input: compiled.input,
        specialized: false,
        trace: new Int32Array(0),
      },
      sourceMap: compiled.sourceMap,
      // Its DWARF gives the C view (read on the first stop that needs it). A token program file
      // has no module beside it: it is debugged at the machine level only.
      wasm: compiled.wasm,
    };
  } catch (e) {
    if (e instanceof CompileError) throw new LaunchCompileError(e.message, locatedDiagnostics(e, o.program));
    throw e;
  }
}

/** The largest NAME.debug.wasm read (a module with its DWARF; the compiler's are well under this). */
const MAX_DEBUG_MODULE_BYTES = 64 * 1024 * 1024;

/**
 * The module a .tvm was compiled from (NAME.debug.wasm beside it), whose DWARF gives the C view.
 * It must be the one the map names (its hash); otherwise the session is machine-level only and the
 * Debug Console says why.
 */
function debugModuleBeside(program: string, sourceMap: SourceMap, notices: string[]): Uint8Array | undefined {
  const expected = sourceMap.data.wasmHash;
  if (expected === undefined) return undefined; // a map from before modules were kept: nothing to look for
  const file = program.replace(/\.(tvm|txt)$/i, '.debug.wasm');
  const without = 'C variables are not shown (compile the program again to write it)';
  if (!existsSync(file)) {
    notices.push(`${file} is missing: ${without}`);
    return undefined;
  }
  let wasm: Uint8Array;
  try {
    wasm = readRegularFile(file, 'debug module', MAX_DEBUG_MODULE_BYTES);
  } catch (e) {
    notices.push(`${(e as Error).message}: ${without}`);
    return undefined;
  }
  if (moduleHash(wasm) !== expected) {
    notices.push(`${file} belongs to another build of the program: ${without}`);
    return undefined;
  }
  return wasm;
}
