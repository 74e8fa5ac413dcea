// Autoregressive generation for anything that reads a token and predicts the next one (the graph
// evaluator in engine/machine/, the JS engine in engine/model/; the native engine runs the same
// loop in C++): prefill the prompt, then take the predicted token and feed it back until `halt`,
// comparing with an expected trace when one is given. It lives with the tokens, below both users.
import { integerIn, MAX_TOKEN_LIMIT } from '../util/numbers';
import { T_HALT, tokenText } from './vocabulary';

export interface TokenModel {
  feed(token: number): void;
  predict(): number;
}

export interface Generation {
  /** Generated tokens (after the prompt), `halt` included when reached. */
  readonly tokens: Int32Array;
  readonly halted: boolean;
  /** When compared with an expected trace: the first generated index that differs. */
  readonly mismatch?: { readonly index: number; readonly expected: number; readonly actual: number };
  readonly seconds: number;
}

export interface GenerateOptions {
  readonly maxTokens?: number;
  /** The trace the generated tokens must equal; generation stops at the first difference. */
  readonly expected?: ArrayLike<number>;
  /** Sees every generated token that matched (all of them without `expected`). */
  readonly onToken?: (token: number) => void;
}

export function generate(model: TokenModel, prompt: ArrayLike<number>, o: GenerateOptions = {}): Generation {
  const start = performance.now();
  for (let i = 0; i < prompt.length; i++) model.feed(prompt[i]);
  const out: number[] = [];
  // A fractional or huge budget would make the loop's bound meaningless: refuse it up front.
  const max = integerIn(o.maxTokens ?? (o.expected ? o.expected.length : 50_000_000), 'maxTokens', {
    min: 0,
    max: MAX_TOKEN_LIMIT,
  });
  let mismatch: Generation['mismatch'];
  while (out.length < max) {
    const t = model.predict();
    out.push(t);
    if (o.expected && t !== o.expected[out.length - 1]) {
      mismatch = { index: out.length - 1, expected: o.expected[out.length - 1] ?? -1, actual: t };
      break;
    }
    o.onToken?.(t);
    if (t === T_HALT) break;
    model.feed(t);
  }
  return {
    tokens: Int32Array.from(out),
    halted: out[out.length - 1] === T_HALT && !mismatch,
    mismatch,
    seconds: (performance.now() - start) / 1000,
  };
}

/** How a continued generation stopped (the native engine's generate() names them alike). */
export interface ContinuedGeneration {
  readonly reason: 'halt' | 'budget' | 'mismatch';
  /** Tokens generated, the mismatching one included. */
  readonly count: number;
  /** At a mismatch: the expected token. */
  readonly expected: number;
}

/**
 * Continues a generation whose prompt (and earlier tokens) `model` was fed: at most
 * `expected.length` tokens, each compared with `expected`, written to `out` (the mismatching one
 * too). A matched token other than `halt` is fed, so a later call continues where this one
 * stopped: the windows of a long run are generated without holding the run.
 */
export function continueGeneration(
  model: TokenModel,
  expected: ArrayLike<number>,
  out: Int32Array,
): ContinuedGeneration {
  for (let i = 0; i < expected.length; i++) {
    const t = model.predict();
    out[i] = t;
    if (t !== expected[i]) return { reason: 'mismatch', count: i + 1, expected: expected[i] };
    if (t === T_HALT) return { reason: 'halt', count: i + 1, expected: -1 };
    model.feed(t);
  }
  return { reason: 'budget', count: expected.length, expected: -1 };
}

export function describeMismatch(m: NonNullable<Generation['mismatch']>, promptLength: number): string {
  const expected = m.expected >= 0 ? tokenText(m.expected) : '<end of trace>';
  return `first mismatch at token ${promptLength + m.index} (generated #${m.index}): expected '${expected}', got '${tokenText(m.actual)}'`;
}
