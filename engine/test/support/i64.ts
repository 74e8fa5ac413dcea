// Shared by the i64 tests: WAT programs that print 64-bit values, run on the reference executor
// and on V8 (the oracle), and the native transformer engine on one of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, type CompiledProgram, compileWasm } from '../../compiler/compile';
import { watToWasm } from '../../compiler/wat';
import { buildMachineGraph } from '../../machine/interpreter';
import { generateNative, openNative } from '../../model/native-engine';
import { scheduleAsap } from '../../schedule/heuristic';
import { promptTokens } from '../../tokens/program-file';
import { runReference } from '../../vm/reference';
import { buildWeights, finalReads } from '../../weights/build';
import { writeModel } from '../../weights/file';
import { runInV8 } from './oracle';

/** The output import, a memory, and $print64: prints a value's 8 bytes, least significant first. */
export const PRINT64_WAT = `(import "env" "output_byte" (func $out (param i32)))
  (memory (export "memory") 1)
  (func $print64 (param $v i64)
    (i64.store (i32.const 512) (local.get $v))
    ${Array.from({ length: 8 }, (_, k) => `(call $out (i32.load8_u (i32.const ${512 + k})))`).join('\n    ')})`;

export interface Outcome {
  readonly program: CompiledProgram;
  /** Hex of the reference output and V8's output, and each side's trap (code, or V8's message). */
  readonly machine: { readonly output: string; readonly trap?: number; readonly steps: number };
  readonly v8: { readonly output: string; readonly trap?: string };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Compiles a WAT module and runs its `compute` on the reference executor and in V8. */
export async function runWat(wat: string, name = 'i64.wat'): Promise<Outcome> {
  const wasm = await watToWasm(wat, name);
  const program = await compileWasm(wasm, name);
  const run = runReference(asTokenProgram(program), { maxTokens: 200_000_000 });
  const v8 = runInV8(wasm, null, -1);
  return {
    program,
    machine: { output: hex(run.output), trap: run.trap?.code, steps: run.steps },
    v8: { output: hex(v8.output), trap: v8.trap },
  };
}

/** The universal model written once to a temporary file for the native engine. */
let modelFile: string | undefined;
function nativeModel(): string {
  if (!modelFile) {
    const dir = mkdtempSync(join(tmpdir(), 'tvm-i64-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const machine = buildMachineGraph('universal');
    modelFile = join(dir, 'model.tvmw');
    writeModel(modelFile, buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine))));
  }
  return modelFile;
}

/**
 * Generates a program's trace with the native transformer engine, checking each token against the
 * reference executor's; returns the mismatch (undefined when there is none) and the token count.
 */
export async function nativeMatchesReference(program: CompiledProgram) {
  const tp = asTokenProgram(program);
  const trace = runReference(tp).trace;
  const expected = Int32Array.from(trace.subarray(tp.input ? tp.input.length + 2 : 0));
  const r = await generateNative(openNative(nativeModel()), promptTokens(tp), { expected });
  return { mismatch: r.mismatch, halted: r.halted, tokens: r.tokens.length, expected: expected.length };
}
