// Running a compiled program through the transformer itself (the native engine on a universal
// model built once per test process) and decoding what it generated: the tests' proof that the
// tokens, the output and the exit status come from the transformer and equal the reference's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asTokenProgram, type CompiledProgram } from '../../compiler/compile';
import { buildMachineGraph } from '../../machine/interpreter';
import { generateNative, openNative } from '../../model/native-engine';
import { scheduleAsap } from '../../schedule/heuristic';
import { promptTokens } from '../../tokens/program-file';
import type { ProgramEnd } from '../../vm/program-end';
import { runReference } from '../../vm/reference';
import { TraceDecoder } from '../../vm/trace-decoder';
import { buildWeights, finalReads } from '../../weights/build';
import { writeModel } from '../../weights/file';

let modelFile: string | undefined;

/** A universal model (heuristic schedule: quick to build) in a temporary file for this process. */
function model(): string {
  if (modelFile) return modelFile;
  const dir = mkdtempSync(join(tmpdir(), 'tvm-model-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const machine = buildMachineGraph('universal');
  modelFile = join(dir, 'model.tvmw');
  writeModel(modelFile, buildWeights(machine, scheduleAsap(machine.graph, finalReads(machine))));
  return modelFile;
}

export interface TransformerRun {
  /** The first token where generation left the reference trace, if it did. */
  readonly mismatch?: unknown;
  readonly generated: number;
  readonly expected: number;
  /** Decoded from the generated tokens. */
  readonly output: Uint8Array;
  readonly end?: ProgramEnd;
}

/** Generates the program's trace with the native engine, checked against the reference executor. */
export async function runOnTransformer(
  program: CompiledProgram,
  maxTokens = 20_000_000,
): Promise<TransformerRun> {
  const tokens = asTokenProgram(program);
  const reference = runReference(tokens, { maxTokens });
  const inputSection = program.input ? program.input.length + 2 : 0;
  const expected = reference.trace.subarray(inputSection);
  const r = await generateNative(openNative(model()), promptTokens(tokens), { expected });
  const decoder = new TraceDecoder(program.instructions);
  decoder.feedAll(reference.trace.subarray(0, inputSection));
  decoder.feedAll(r.tokens);
  return {
    mismatch: r.mismatch,
    generated: r.tokens.length,
    expected: expected.length,
    output: Uint8Array.from(decoder.output),
    end: decoder.end(program.sourceMap),
  };
}
