// One program through the transformer as wasm-run runs it, in bounded memory: the reference
// executor makes the expected trace a window at a time, the engine generates that window (the
// native engine on its worker thread while the main thread makes the next window), and every
// generated token goes straight on to the output printer, the decoder that reads how the program
// ended, and the trace file. Nothing holds the whole trace. A scout (a second reference machine
// that keeps no tokens) runs ahead of the windows, so a program that does not halt within
// --max-tokens, or faults, is reported as soon as the reference gets there, before the far
// slower transformer has generated that far.
import type { SourceMap } from '../compiler/source-map';
import type { JsEngine } from '../model/js-engine';
import type { NativeEngine } from '../model/native-engine';
import { continueGeneration, type Generation } from '../tokens/generation';
import type { Instruction } from '../tokens/program-file';
import { T_HALT } from '../tokens/vocabulary';
import type { ProgramEnd } from '../vm/program-end';
import { MachineError } from '../vm/reference';
import { ReferenceScout, ReferenceStream } from '../vm/reference-stream';
import { TraceDecoder } from '../vm/trace-decoder';
import type { Interrupt } from './_interrupt';
import type { OutputPrinter } from './_output-printer';
import type { TraceFileWriter } from './_trace-file';

/** Expected tokens per window: 4 MiB as Int32, twice held (one generating, one being made). */
export const WINDOW_TOKENS = 1 << 20;
/** The first window: small, so that the transformer starts at once. */
const FIRST_WINDOW_TOKENS = 1 << 14;
/** Reference tokens made between two yields to the event loop (so output keeps flowing). */
const SLICE_TOKENS = 1 << 16;
/** Tokens the JS engine generates between two yields (a fraction of a second: Ctrl-C is seen). */
const JS_SLICE_TOKENS = 1 << 13;
/**
 * The scout's time beside the JS engine, as a share of the engine's (at least one slice per JS
 * slice): it runs far ahead (the reference is 50 to 500 times faster) until it halts, so this
 * costs at most one reference run in all.
 */
const SCOUT_SHARE = 0.25;

export type StreamEngine = { kind: 'native'; engine: NativeEngine } | { kind: 'js'; engine: JsEngine };

export interface StreamedRunOptions {
  readonly instructions: readonly Instruction[];
  /** The input the reference runs with. */
  readonly input: Uint8Array | null;
  /** Source lines of the instructions (the token file's), for the reference's messages. */
  readonly lines?: ArrayLike<number>;
  /** Leading reference tokens that are the prompt's input section (not generated). */
  readonly inputSection: number;
  readonly prompt: Int32Array;
  /** Trace tokens (input section included) the reference may make without `halt`. */
  readonly maxTokens: number;
  /** The flag that raises maxTokens, named in the limit error. */
  readonly limitFlag: string;
  readonly printer: OutputPrinter;
  readonly trace?: TraceFileWriter;
  readonly interrupt?: Interrupt;
  readonly sourceMap?: SourceMap;
  /** Tokens per window (tests make it small to cross many windows). */
  readonly window?: number;
}

export interface StreamedRun {
  /** Tokens generated that matched the reference (halt included). */
  readonly generated: number;
  readonly mismatch?: Generation['mismatch'];
  /** Every token matched and the transformer halted where the reference did. */
  readonly pass: boolean;
  readonly interrupted: boolean;
  /** How the program ended, decoded from the generated tokens (when it passed). */
  readonly end?: ProgramEnd;
  readonly seconds: number;
}

/** A window's generation, as both engines report it. */
interface WindowResult {
  readonly reason: 'halt' | 'budget' | 'mismatch' | 'cancelled';
  /** Tokens generated, a mismatching one included. */
  readonly count: number;
  /** At a mismatch: the expected token and the one generated. */
  readonly expected: number;
  readonly actual: number;
}

export async function streamedRun(engine: StreamEngine, o: StreamedRunOptions): Promise<StreamedRun> {
  const start = performance.now();
  const windowSize = o.window ?? WINDOW_TOKENS;
  const scout = withLimitFlag(
    () => new ReferenceScout(o.instructions, o.input, o.maxTokens, o.lines),
    o.limitFlag,
  );
  const stream = new ReferenceStream(o.instructions, o.input, 0);
  // Only the end state is read (end()): no output or step log grows with the run.
  const decoder = new TraceDecoder(o.instructions, undefined, { history: false });
  const inputSection = stream.take(o.inputSection);
  decoder.feedAll(inputSection);
  o.trace?.write(inputSection);

  // Windows start small (output appears at once) and double up to windowSize.
  let size = Math.min(FIRST_WINDOW_TOKENS, windowSize);
  /** The reference trace ended in the last window made. */
  let ended = false;
  const scoutSlice = () => withLimitFlag(() => scout.run(SLICE_TOKENS), o.limitFlag);

  /** The next window of the reference trace; the scout is first run past its end. */
  const nextWindow = async (): Promise<Int32Array> => {
    if (ended) return new Int32Array(0);
    const n = size;
    size = Math.min(windowSize, 2 * size);
    while (!scout.halted && scout.tokens < stream.position + n) {
      scoutSlice();
      await yieldToEvents();
    }
    const parts: Int32Array[] = [];
    let total = 0;
    while (total < n) {
      const part = stream.take(Math.min(SLICE_TOKENS, n - total));
      parts.push(part);
      total += part.length;
      if (part.length === 0) break;
      if (total < n) await yieldToEvents();
    }
    ended = total < n;
    // The scout ran this far without a fault, so the stream cannot have stopped on one.
    if (stream.failure !== undefined) throw new Error(`the reference stopped: ${stream.failure}`);
    return concat(parts, total);
  };

  /** Hands on the matched tokens of a chunk the engine generated. */
  const accept = (tokens: Int32Array, count: number) => {
    const matched = count === tokens.length ? tokens : tokens.subarray(0, count);
    o.printer.tokensGenerated(matched);
    decoder.feedAll(matched);
    o.trace?.write(matched);
  };

  if (engine.kind === 'native') engine.engine.feed(o.prompt);
  else for (let i = 0; i < o.prompt.length; i++) engine.engine.feed(o.prompt[i]);

  let generated = 0;
  let mismatch: Generation['mismatch'];
  let halted = false;
  let interrupted = false;
  let window = await nextWindow();
  const js = engine.kind === 'js' ? new Int32Array(JS_SLICE_TOKENS) : undefined;
  while (window.length > 0 && !o.interrupt?.requested) {
    let result: WindowResult;
    if (engine.kind === 'native') {
      const native = engine.engine;
      o.interrupt?.onRequest(() => native.cancel());
      const expected = window;
      let received = 0;
      let last = -1;
      const running = native.generate({ halt: T_HALT, budget: expected.length, expected }, (tokens) => {
        let upTo = 0;
        while (upTo < tokens.length && tokens[upTo] === expected[received + upTo]) upTo++;
        accept(tokens, upTo);
        received += tokens.length;
        last = tokens[tokens.length - 1];
      });
      // While this window generates, the main thread makes the next one, then runs the scout on
      // (to find a limit or fault early); a failure ahead cancels the engine.
      let generating = true;
      const done = running.finally(() => {
        generating = false;
      });
      const ahead = (async () => {
        try {
          const next = await nextWindow();
          while (generating && !scout.halted) {
            scoutSlice();
            await yieldToEvents();
          }
          return next;
        } catch (e) {
          native.cancel();
          throw e;
        }
      })();
      const [r, next] = await Promise.allSettled([done, ahead]);
      o.interrupt?.onRequest(undefined);
      // A window that ended the run (halt, mismatch) stands; otherwise the reference's failure is the result.
      const final = r.status === 'fulfilled' && (r.value.reason === 'halt' || r.value.reason === 'mismatch');
      if (next.status === 'rejected' && !final) throw next.reason;
      if (r.status === 'rejected') throw r.reason;
      const reason = r.value.reason;
      if (reason !== 'halt' && reason !== 'budget' && reason !== 'mismatch' && reason !== 'cancelled')
        throw new Error(`the native engine stopped unexpectedly ('${reason}')`);
      result = { reason, count: received, expected: r.value.expected, actual: last };
      window = next.status === 'fulfilled' ? next.value : new Int32Array(0);
    } else {
      // The scout runs a few slices ahead per slice the (far slower) JS engine generates.
      const between = (ms: number) => {
        const until = performance.now() + ms * SCOUT_SHARE;
        do scoutSlice();
        while (!scout.halted && performance.now() < until);
      };
      result = await generateJs(engine.engine, window, js!, accept, between, o.interrupt);
      if (result.reason === 'budget') window = await nextWindow();
    }
    const matched = result.reason === 'mismatch' ? result.count - 1 : result.count;
    if (result.reason === 'mismatch') {
      mismatch = { index: generated + matched, expected: result.expected, actual: result.actual };
    }
    generated += matched;
    if (result.reason === 'cancelled') interrupted = true;
    if (result.reason === 'halt') halted = true;
    if (result.reason !== 'budget') break;
  }
  if (o.interrupt?.requested) interrupted = true;
  o.printer.end();
  const pass = halted && !mismatch && !interrupted;
  return {
    generated,
    mismatch,
    pass,
    interrupted,
    end: pass ? decoder.end(o.sourceMap) : undefined,
    seconds: (performance.now() - start) / 1000,
  };
}

/** One window on the JS engine, a slice at a time, yielding between slices (so Ctrl-C is seen). */
async function generateJs(
  engine: JsEngine,
  window: Int32Array,
  out: Int32Array,
  accept: (tokens: Int32Array, count: number) => void,
  between: (lastSliceMs: number) => void,
  interrupt?: Interrupt,
): Promise<WindowResult> {
  let done = 0;
  let sliceMs = 0;
  while (done < window.length) {
    await yieldToEvents();
    between(sliceMs);
    const sliceStart = performance.now();
    if (interrupt?.requested) return { reason: 'cancelled', count: done, expected: -1, actual: -1 };
    const slice = window.subarray(done, Math.min(window.length, done + out.length));
    const r = continueGeneration(engine, slice, out);
    sliceMs = performance.now() - sliceStart;
    if (r.reason === 'mismatch') {
      accept(out, r.count - 1);
      return { reason: 'mismatch', count: done + r.count, expected: r.expected, actual: out[r.count - 1] };
    }
    accept(out, r.count);
    done += r.count;
    if (r.reason === 'halt') return { reason: 'halt', count: done, expected: -1, actual: -1 };
  }
  return { reason: 'budget', count: done, expected: -1, actual: -1 };
}

/** Runs `f`; a token-limit error names the flag that raises it, as wasm-run always did. */
function withLimitFlag<T>(f: () => T, limitFlag: string): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MachineError && e.message.includes('raise the limit'))
      throw new MachineError(
        e.message
          .replace('raise the limit', `raise ${limitFlag}`)
          .replace(/ \(instruction \d+, step \d+\)$/, ''),
        e.step,
        e.pc,
      );
    throw e;
  }
}

function concat(parts: Int32Array[], total: number): Int32Array {
  if (parts.length === 1) return parts[0];
  const out = new Int32Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
