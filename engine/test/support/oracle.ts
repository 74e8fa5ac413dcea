// The oracles the machine is tested against: V8 (Node's own WebAssembly) running the same .wasm,
// and the reference executor running the token program.
import {
  asTokenProgram,
  type CompiledProgram,
  type CompileOptions,
  compileFile,
} from '../../compiler/compile';
import { ABORT_EXIT_STATUS } from '../../vm/program-end';
import { runReference } from '../../vm/reference';
import { TRAP_EXIT_STATUS } from '../../vm/traps';

export interface V8Run {
  readonly output: Uint8Array;
  /** The trap message when the program trapped (our machine halts there instead). */
  readonly trap?: string;
  /** The exit status as a process would report it (exit(n) → n & 0xff, abort → 134, trap → 134). */
  readonly status: number;
}

/** How the C runtime's tvm.exit / tvm.abort / tvm.trap imports end a run in V8. */
class RunEnded {
  constructor(
    readonly status: number,
    readonly trap?: string,
  ) {}
}

/**
 * Runs a module in V8 with the machine's imports: `output_byte` collects bytes, `tvm.exit` and
 * `tvm.abort` end the run. The entry is `__tvm_start(input)` (a `main` program) or `compute`,
 * given the input at `inputAddress` as the token program's prologue does.
 */
export function runInV8(wasm: Uint8Array, input: Uint8Array | null, inputAddress: number): V8Run {
  const out: number[] = [];
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
    env: { output_byte: (b: number) => out.push(b & 0xff) },
    tvm: {
      exit: (status: number) => {
        throw new RunEnded(status & 0xff);
      },
      abort: () => {
        throw new RunEnded(ABORT_EXIT_STATUS);
      },
      trap: (code: number) => {
        throw new RunEnded(TRAP_EXIT_STATUS, `tvm.trap(${code})`);
      },
    },
  });
  const exports = instance.exports as {
    compute?: (p?: number) => unknown;
    __tvm_start?: (p: number) => unknown;
    memory?: WebAssembly.Memory;
  };
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
  const entry = exports.__tvm_start ?? exports.compute;
  if (!entry) throw new Error('the module exports neither __tvm_start nor compute');
  try {
    entry(...(args as [number]));
    return { output: Uint8Array.from(out), status: 0 };
  } catch (e) {
    if (e instanceof RunEnded) return { output: Uint8Array.from(out), trap: e.trap, status: e.status };
    if (e instanceof WebAssembly.RuntimeError)
      return { output: Uint8Array.from(out), trap: e.message, status: TRAP_EXIT_STATUS };
    throw e;
  }
}

export interface OracleComparison {
  readonly program: CompiledProgram;
  readonly v8: V8Run;
  readonly reference: ReturnType<typeof runReference>;
}

/** Compiles a source file and runs it on both oracles. */
export async function runBoth(
  file: string,
  args: CompileOptions['args'],
  options: Omit<CompileOptions, 'args'> = {},
): Promise<OracleComparison> {
  const program = await compileFile(file, { ...options, args });
  const reference = runReference(asTokenProgram(program), { maxTokens: 20_000_000 });
  return { program, v8: runInV8(program.wasm, program.input, program.inputAddress), reference };
}

export const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
