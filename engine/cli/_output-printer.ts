// What wasm-run shows while a program runs: its output line by line as the transformer emits it
// on stdout, and, on a terminal, live progress on stderr (tokens, tok/s, elapsed) that is
// cleared before each line of output. Piped output stays clean.
import { isOut, OUT_BASE } from '../tokens/vocabulary';

/** Bytes of one line held before they are printed anyway. */
const MAX_LINE_BYTES = 1 << 16;

export class OutputPrinter {
  private line: number[] = [];
  private tokens = 0;
  private readonly start = performance.now();
  private readonly live = process.stderr.isTTY === true;
  private shown = false;
  /** A long line was printed in part, without its end. */
  private midLine = false;

  /** Takes generated tokens (matching the reference): their output bytes are printed by line. */
  tokensGenerated(tokens: ArrayLike<number>): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!isOut(t)) continue;
      this.line.push(t - OUT_BASE);
      // A line ends at a newline, or (output that never ends a line) at a bounded length.
      if (t - OUT_BASE === 10 || this.line.length >= MAX_LINE_BYTES) {
        this.clear();
        process.stdout.write(Buffer.from(this.line));
        this.midLine = t - OUT_BASE !== 10;
        this.line = [];
      }
    }
    this.progress(tokens.length);
  }

  /** Ends the last line of output (a program's output need not end in a newline). */
  end(): void {
    this.clear();
    if (this.line.length || this.midLine)
      process.stdout.write(`${Buffer.from(this.line).toString('latin1')}\n`);
    this.midLine = false;
    this.line = [];
  }

  private progress(count: number): void {
    this.tokens += count;
    const seconds = (performance.now() - this.start) / 1000;
    if (!this.live || seconds < 1) return;
    const rate = Math.round(this.tokens / seconds);
    process.stderr.write(
      `\r\x1b[2K  ${this.tokens.toLocaleString('en-US')} tokens, ${rate.toLocaleString('en-US')} tok/s, ${elapsed(seconds)}`,
    );
    this.shown = true;
  }

  private clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** Elapsed time as people read it: 42 s, 3 min 05 s. */
export function elapsed(seconds: number): string {
  const s = Math.floor(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
