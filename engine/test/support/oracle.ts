// The oracles the machine is tested against: V8 (Node's own WebAssembly) running the same .wasm,
// and the reference executor running the token program.
import { asTokenProgram, type CompiledProgram, compileFile } from '../../compiler/compile';
import { runReference } from '../../vm/reference';

export interface V8Run {
  readonly output: Uint8Array;
  /** The trap message when the program trapped (our machine halts there instead). */
  readonly trap?: string;
}

/** Runs a module's `compute` in V8 with `output_byte` collecting bytes, input at `inputAddress`. */
export function runInV8(wasm: Uint8Array, input: Uint8Array | null, inputAddress: number): V8Run {
  const out: number[] = [];
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
    env: { output_byte: (b: number) => out.push(b & 0xff) },
  });
  const exports = instance.exports as { compute: (p?: number) => unknown; memory?: WebAssembly.Memory };
  let args: number[] = [];
  if (input) {
    const memory = exports.memory;
    if (!memory) throw new Error('the module exports no memory to put the input in');
    const needed = inputAddress + input.length + 1;
    if (needed > memory.buffer.byteLength)
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
    const bytes = new Uint8Array(memory.buffer);
    bytes.set(input, inputAddress);
    bytes[inputAddress + input.length] = 0;
    args = [inputAddress];
  }
  try {
    exports.compute(...args);
    return { output: Uint8Array.from(out) };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return { output: Uint8Array.from(out), trap: e.message };
    throw e;
  }
}

export interface OracleComparison {
  readonly program: CompiledProgram;
  readonly v8: V8Run;
  readonly reference: ReturnType<typeof runReference>;
}

/** Compiles a source file and runs it on both oracles. */
export async function runBoth(file: string, args: string): Promise<OracleComparison> {
  const program = await compileFile(file, { args });
  const reference = runReference(asTokenProgram(program), { maxTokens: 20_000_000 });
  return { program, v8: runInV8(program.wasm, program.input, program.inputAddress), reference };
}

export const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
