// The transformer's internal state at the current token, on demand (the Residual stream scope).
// The engine that generates the trace may be native, and may have run ahead of the stop, so a
// SHADOW JsEngine over the same weight file is fed the prompt and the recorded trace up to the
// asked position, and the forward pass at that position is run with per-layer snapshots
// (engine/model/inspect.ts). The shadow is kept between requests: a later position feeds it
// forward from where it is, an earlier one rebuilds it from the start. Answers are cached for a
// few positions, so stepping back and forth over them costs nothing.
//
// Replay runs on the adapter's thread at JS-engine speed, so a request that would replay more
// than `limit` tokens is refused with what it would cost (docs/debugger.md, "Residual stream").
import { feedInspected, type PositionState } from '../../engine/model/inspect';
import { JsEngine } from '../../engine/model/js-engine';
import { readModel } from '../../engine/weights/file';
import type { TransformerModel } from '../../engine/weights/model';
import { ResidualMap } from './residual-map';

/**
 * Most tokens one request replays: 5–8 s on the JS engine (measured in docs/debugger.md). The
 * environment variable TVM_RESIDUAL_REPLAY_LIMIT overrides it (tests use a small one).
 */
export const DEFAULT_REPLAY_LIMIT = 300_000;
/** Tokens per second the estimate in a refusal assumes until a replay has been timed. */
const NOMINAL_RATE = 60_000;
/** Positions whose answers are kept. */
const CACHED_POSITIONS = 32;

/** A request that would replay more tokens than the limit. */
export class ResidualRefusal extends Error {}

export interface ResidualSource {
  readonly modelFile: string;
  /** The prompt (program section and input section) as token ids. */
  readonly prompt: Int32Array;
  /** Where the trace starts in the sequence (the input section is both prompt and trace). */
  readonly promptLength: number;
  /** Recorded trace tokens so far, and the one at an index. */
  readonly traceLength: () => number;
  readonly traceToken: (index: number) => number;
  /** Most tokens one request may replay (default: the environment's, else DEFAULT_REPLAY_LIMIT). */
  readonly limit?: number;
}

/** A position's state with what the names of its slots are. */
export interface ResidualAnswer {
  readonly state: PositionState;
  readonly map: ResidualMap;
  /** The token the trace holds at position + 1 (the one this forward pass chose), if made yet. */
  readonly recorded?: number;
  /** Tokens replayed to answer (0 from the cache). */
  readonly replayed: number;
  readonly seconds: number;
}

export function replayLimit(): number {
  const env = process.env.TVM_RESIDUAL_REPLAY_LIMIT;
  const n = env === undefined ? Number.NaN : Number(env);
  return Number.isSafeInteger(n) && n >= 0 ? n : DEFAULT_REPLAY_LIMIT;
}

export class ResidualProbe {
  private model?: TransformerModel;
  private mapOf?: ResidualMap;
  private engine?: JsEngine;
  private readonly cache = new Map<number, PositionState>();
  private rate = NOMINAL_RATE;
  readonly limit: number;

  constructor(private readonly o: ResidualSource) {
    this.limit = o.limit ?? replayLimit();
  }

  /** The token at a position of the sequence (prompt, then the recorded trace). */
  tokenAt(position: number): number | undefined {
    const { prompt, promptLength } = this.o;
    if (position < 0) return undefined;
    if (position < prompt.length) return prompt[position];
    const i = position - promptLength;
    return i < this.o.traceLength() ? this.o.traceToken(i) : undefined;
  }

  /** Tokens a request for `position` would feed the shadow engine now. */
  cost(position: number): number {
    if (this.cache.has(position)) return 0;
    const at = this.engine?.position ?? 0;
    return at <= position ? position + 1 - at : position + 1;
  }

  /** The state of the forward pass at `position` (it chose the token at position + 1). */
  at(position: number): ResidualAnswer {
    if (this.tokenAt(position) === undefined)
      throw new RangeError(`position ${position} is not in the recorded sequence`);
    const cost = this.cost(position);
    if (cost > this.limit) {
      const seconds = cost / this.rate;
      throw new ResidualRefusal(
        `not computed: it needs replaying ${cost.toLocaleString('en-US')} tokens on the JS engine ` +
          `(about ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s at ${Math.round(this.rate).toLocaleString('en-US')} tokens/s), ` +
          `more than the limit of ${this.limit.toLocaleString('en-US')} (TVM_RESIDUAL_REPLAY_LIMIT)`,
      );
    }
    const start = performance.now();
    let state = this.cache.get(position);
    if (!state) {
      this.model ??= readModel(this.o.modelFile);
      if (!this.engine || this.engine.position > position) this.engine = new JsEngine(this.model);
      const engine = this.engine;
      while (engine.position < position) engine.feed(this.tokenAt(engine.position)!);
      state = feedInspected(engine, this.tokenAt(position)!);
      this.cache.set(position, state);
      if (this.cache.size > CACHED_POSITIONS) this.cache.delete(this.cache.keys().next().value!);
    }
    const seconds = (performance.now() - start) / 1000;
    if (cost >= 10_000) this.rate = cost / seconds;
    return { state, map: this.map(), recorded: this.tokenAt(position + 1), replayed: cost, seconds };
  }

  /** The slot names of the model (built on first use). */
  map(): ResidualMap {
    this.model ??= readModel(this.o.modelFile);
    this.mapOf ??= new ResidualMap(this.model);
    return this.mapOf;
  }
}
