// The native engine (native/, C++17 through node-addon-api), as TypeScript sees it. `npm install`
// builds it; when that was impossible (no C++ toolchain), loading says why once and callers fall
// back to the JS engine.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RecordedSelections, SelectionBlock } from '../attention/selection-rows';
import { packageRoot } from '../compiler/paths';
import type { GenerateOptions, Generation } from '../tokens/generation';
import { T_HALT } from '../tokens/vocabulary';
import { InvalidNumberError, integerIn, MAX_TOKEN_LIMIT, optionalIntegerIn } from '../util/numbers';

/** What a head selected at the last position: a position (latest tie) or a span and count. */
export interface HeadSelection {
  readonly position: number;
  readonly last: number;
  readonly count: number;
}

// What the selection log holds, shared with the TypeScript engines (defined below them all).
export type { RecordedSelections, SelectionBlock };

/** Bytes per structure of an engine's caches (capacities), for the memory report. */
export interface EngineMemory {
  /** The tokens fed, 2 bytes each. */
  readonly tokens: number;
  /** Rows kept by gather heads that are not token-only (16 bytes per head per position). */
  readonly gatherRows: number;
  /** Token-only gather heads' tables token → values (fixed). */
  readonly gatherTables: number;
  readonly hullNodes: number;
  readonly keyGroups: number;
  readonly keyIndex: number;
  /** The selection log's blocks the engine still holds (the one being written, those not taken). */
  readonly selectionLog: number;
  /** The output argmax's table of tokens by key (fixed: 2,048 entries of the output's slots + 1 words). */
  readonly argmaxMemo: number;
}

export type StopReason = 'halt' | 'budget' | 'mismatch' | 'paused' | 'cancelled' | 'stop-token';

export interface NativeGenerateOptions {
  readonly halt?: number;
  readonly budget?: number;
  /** Compared from the first generated token; generation stops at the first difference. */
  readonly expected?: Int32Array;
  /** Tokens after which generation stops (they are fed). */
  readonly stopTokens?: readonly number[];
  /** Largest chunk handed to onTokens (chunks also go out every 50 ms). */
  readonly chunk?: number;
}

/** The addon's engine: one sequence on one model. */
export interface NativeEngine {
  feed(tokens: number | Int32Array): void;
  predict(): number;
  /** The token predict() gives for this residual stream (dModel values). */
  predictFrom(residual: Float64Array): number;
  generate(
    o: NativeGenerateOptions,
    onTokens: (tokens: Int32Array) => void,
  ): Promise<{ reason: StopReason; count: number; expected: number }>;
  /** Stops a running generate() after the token in flight; a later generate() continues. */
  pause(): void;
  /** The same stop, reported as 'cancelled'. */
  cancel(): void;
  selections(): HeadSelection[][];
  /**
   * Records what the lookup, gather and average heads select at every position fed from now on,
   * a few bytes per position in blocks of `block` positions (default 16,384; native/src/
   * selection_log.h). The engine keeps the block being written and the finished blocks not taken
   * yet; SelectionLog (selection-log.ts) takes, compresses and keeps them.
   */
  recordSelections(on: boolean, options?: { readonly block?: number }): void;
  /** The finished blocks of the selection log, handed over in order (allowed while generating). */
  takeSelectionBlocks(): SelectionBlock[];
  /**
   * What the recorded heads (lookup, gather, average; [layer, head]) selected at a position the
   * engine's log still holds: the position (latest tie), or how many positions tied (average).
   */
  selectionsAt(position: number): RecordedSelections | undefined;
  /** The same from a block taken earlier: its bytes, and `start`, its first position. */
  decodeSelections(bytes: Uint8Array, start: number, position: number): RecordedSelections | undefined;
  residual(): Float64Array;
  /** Bytes held per structure (vector capacities). */
  memory(): EngineMemory;
  readonly position: number;
  readonly busy: boolean;
  readonly shape: { vocabulary: number; dModel: number; layers: number; heads: number; dFfn: number };
}

type Loaded = { ok: true; NativeEngine: new (file: string) => NativeEngine } | { ok: false; reason: string };
let loaded: Loaded | undefined;

export const nativeAddonPath = () => join(packageRoot(), 'native', 'build', 'Release', 'tvm_native.node');
/** Written by scripts/build-native.mjs when the addon could not be built. */
export const nativeFailurePath = () => join(packageRoot(), 'native', 'build', 'UNAVAILABLE.txt');

export function loadNative(): Loaded {
  if (loaded) return loaded;
  const file = nativeAddonPath();
  if (!existsSync(file)) {
    const why = existsSync(nativeFailurePath())
      ? readFileSync(nativeFailurePath(), 'utf8').trim()
      : 'it has not been built (run npm install)';
    loaded = { ok: false, reason: `the native engine is not available: ${why}` };
    return loaded;
  }
  try {
    const addon = createRequire(__filename)(file) as { NativeEngine: new (file: string) => NativeEngine };
    loaded = { ok: true, NativeEngine: addon.NativeEngine };
  } catch (e) {
    loaded = { ok: false, reason: `the native engine does not load: ${(e as Error).message}` };
  }
  return loaded;
}

/**
 * A native engine on a weight file; throws with the reason when the addon is unavailable. Its
 * generate() checks its options here too (the addon checks them again at the boundary), so a
 * caller's bad number is an InvalidNumberError naming it before anything reaches C++.
 */
export function openNative(modelFile: string): NativeEngine {
  const n = loadNative();
  if (!n.ok) throw new Error(n.reason);
  const engine = new n.NativeEngine(modelFile);
  const generate = engine.generate.bind(engine);
  // An own property: the addon's prototype methods are read-only.
  const checked: NativeEngine['generate'] = (o, onTokens) =>
    generate(checkGenerateOptions(o, engine.shape.vocabulary), onTokens);
  Object.defineProperty(engine, 'generate', { value: checked });
  return engine;
}

/** generate()'s options, each an integer in its range (token ids in the vocabulary). */
export function checkGenerateOptions(o: NativeGenerateOptions, vocabulary: number): NativeGenerateOptions {
  if (!o || typeof o !== 'object') throw new InvalidNumberError('generate: the options must be an object');
  const token = { min: 0, max: vocabulary - 1 };
  optionalIntegerIn(o.halt, 'generate: halt', { min: -1, max: vocabulary - 1 });
  optionalIntegerIn(o.budget, 'generate: budget', { min: 0, max: MAX_TOKEN_LIMIT });
  optionalIntegerIn(o.chunk, 'generate: chunk', { min: 1, max: 2 ** 30 });
  if (o.expected !== undefined && !(o.expected instanceof Int32Array))
    throw new InvalidNumberError('generate: expected must be an Int32Array');
  if (o.stopTokens !== undefined) {
    if (!Array.isArray(o.stopTokens))
      throw new InvalidNumberError('generate: stopTokens must be a list of token ids');
    for (const t of o.stopTokens) integerIn(t, 'generate: a stop token', token);
  }
  return o;
}

/**
 * Prefills `prompt` and generates until halt (or a mismatch, or maxTokens), off the main thread,
 * with the same result as generate() in generate.ts. onToken sees every matching token.
 */
export async function generateNative(
  engine: NativeEngine,
  prompt: Int32Array,
  o: GenerateOptions & { readonly onChunk?: (tokens: Int32Array) => void } = {},
): Promise<Generation> {
  const start = performance.now();
  const budget = optionalIntegerIn(o.maxTokens, 'maxTokens', { min: 0, max: MAX_TOKEN_LIMIT });
  engine.feed(prompt);
  const chunks: Int32Array[] = [];
  let received = 0;
  const expected = o.expected ? Int32Array.from(o.expected) : undefined;
  const r = await engine.generate(
    { halt: T_HALT, budget: budget ?? (expected ? expected.length : 50_000_000), expected },
    (tokens) => {
      chunks.push(tokens);
      o.onChunk?.(tokens);
      if (o.onToken) {
        // Every token that matched the expectation (all but a final mismatch).
        let upTo = 0;
        while (upTo < tokens.length && (!expected || tokens[upTo] === expected[received + upTo])) upTo++;
        for (let i = 0; i < upTo; i++) o.onToken(tokens[i]);
      }
      received += tokens.length;
    },
  );
  const tokens = new Int32Array(received);
  let at = 0;
  for (const c of chunks) {
    tokens.set(c, at);
    at += c.length;
  }
  const index = tokens.length - 1;
  const mismatch =
    r.reason === 'mismatch' ? { index, expected: r.expected, actual: tokens[index] } : undefined;
  return {
    tokens,
    halted: r.reason === 'halt',
    mismatch,
    seconds: (performance.now() - start) / 1000,
  };
}
