// Runs the reference executor and writes its trace file as it goes: a chunk of trace text at a
// time, so memory stays constant at any token limit (a 1e9-token trace is ~4 GB as an array and
// more as one string, which V8 cannot even make). The program's output is handed on as it comes.
import { formatProgram, formatTrace, type TokenProgram } from '../tokens/program-file';
import { AtomicFileWriter } from '../util/files';
import { MachineError, ReferenceMachine, type ReferenceRun } from '../vm/reference';
import { TokenBuffer } from '../vm/token-buffer';
import { type TrapSourceMap, whereInUserCode } from '../vm/traps';

/** Trace tokens formatted and written at a time (a few hundred KiB of text). */
const CHUNK_TOKENS = 1 << 16;

export interface ReferenceFileRun extends Pick<ReferenceRun, 'haltPc' | 'callPcs' | 'trap' | 'end'> {
  readonly tokens: number;
  readonly steps: number;
}

/**
 * Executes `program` until `halt`, writing the reference file `refFile` (the program section,
 * then the trace) atomically: a run that fails leaves no file. `onOutput` sees the output bytes.
 * Throws MachineError on a fault, or when more than `maxTokens` tokens pass without `halt`
 * (naming `limitFlag`, the option that raises the limit). `sourceMap` places a trap in C.
 */
export function writeReferenceFile(
  program: TokenProgram,
  refFile: string,
  maxTokens: number,
  limitFlag: string,
  onOutput: (bytes: Uint8Array) => void,
  sourceMap?: TrapSourceMap,
): ReferenceFileRun {
  if (program.specialized)
    throw new Error('a specialized input (`start` …) has no program to execute; give the universal .tvm');
  const machine = new ReferenceMachine(program.instructions, program.input);
  const writer = new AtomicFileWriter(refFile);
  try {
    writer.write(formatProgram(program.instructions, null));
    let inputSection = program.input ? program.input.length + 2 : 0;
    let out = new TokenBuffer(CHUNK_TOKENS + 64);
    let tokens = 0;
    const flush = () => {
      writer.write(formatTrace(out.view(), inputSection));
      inputSection = 0;
      tokens += out.length;
      out = new TokenBuffer(CHUNK_TOKENS + 64);
      if (machine.output.length) {
        onOutput(Uint8Array.from(machine.output));
        machine.output.length = 0;
      }
    };
    while (!machine.halted) {
      machine.step(out);
      if (tokens + out.length > maxTokens && !machine.halted) {
        throw new MachineError(
          `no 'halt' after ${maxTokens.toLocaleString('en-US')} trace tokens: the program does not halt (raise ${limitFlag} if it should)`,
          machine.steps,
          machine.pc,
        );
      }
      // Flushed at an instruction's end, so that every line of the file is one instruction.
      if (out.length >= CHUNK_TOKENS) flush();
    }
    flush();
    writer.commit();
    return {
      tokens,
      steps: machine.steps,
      haltPc: machine.pc,
      callPcs: machine.frames.map((f) => f.callPc),
      trap: machine.trap(),
      end: machine.end(sourceMap)!,
    };
  } catch (e) {
    writer.abort();
    // A machine limit (call depth, memory) names the C function and line it was reached in.
    if (e instanceof MachineError && sourceMap) {
      e.message += whereInUserCode(
        machine.pc,
        machine.frames.map((f) => f.callPc),
        sourceMap,
      ).where;
    }
    if (machine.output.length) onOutput(Uint8Array.from(machine.output)); // what it printed before failing
    throw e;
  }
}
