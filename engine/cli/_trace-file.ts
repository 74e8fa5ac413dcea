// `wasm-run --trace FILE`: the run's trace written while it runs, in the format of the reference
// file wasm-reference writes (NAME_ref.tvm: the program section, then the trace, input section
// first, one instruction per line), so that the two files of one program are byte-identical.
// Tokens arrive in chunks cut anywhere; they are written a chunk at a time, cut at an
// instruction's end, so the text equals formatTrace of the whole trace and memory stays constant.
import { endsInstruction, formatProgram, formatTrace, type Instruction } from '../tokens/program-file';
import { AtomicFileWriter } from '../util/files';
import { TokenBuffer } from '../vm/token-buffer';

/** Tokens collected before they are formatted and written (as wasm-reference's chunks). */
const CHUNK_TOKENS = 1 << 16;

export class TraceFileWriter {
  private readonly file: AtomicFileWriter;
  private pending = new TokenBuffer(CHUNK_TOKENS + 1024);
  /** Tokens written so far (the input section is formatted as input bytes). */
  private written = 0;

  /** Opens `path` (a temporary beside it until commit) and writes the program section. */
  constructor(
    readonly path: string,
    instructions: readonly Instruction[],
    private readonly inputSection: number,
  ) {
    this.file = new AtomicFileWriter(path);
    this.file.write(formatProgram(instructions, null));
  }

  /** Appends trace tokens (the input section first). */
  write(tokens: ArrayLike<number>): void {
    for (let i = 0; i < tokens.length; i++) this.pending.push(tokens[i]);
    if (this.pending.length >= CHUNK_TOKENS) this.flush(false);
  }

  /** Writes what is left and puts the file in place. */
  commit(): void {
    this.flush(true);
    this.file.commit();
  }

  /** Leaves no file (a run that failed or was interrupted). */
  abort(): void {
    this.file.abort();
  }

  /** Writes the pending tokens up to the last instruction's end (all of them at the end). */
  private flush(all: boolean): void {
    let end = this.pending.length;
    if (!all) while (end > 0 && !endsInstruction(this.pending.at(end - 1))) end--;
    if (end === 0) return;
    const text = formatTrace(this.pending.view(0, end), Math.max(0, this.inputSection - this.written));
    this.file.write(text);
    this.written += end;
    const rest = new TokenBuffer(CHUNK_TOKENS + 1024);
    for (let i = end; i < this.pending.length; i++) rest.push(this.pending.at(i));
    this.pending = rest;
  }
}
