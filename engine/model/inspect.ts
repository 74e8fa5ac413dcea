// The transformer's internal state at one position, for the debugger's Residual stream scope:
// the residual stream as the embedding leaves it and after every layer, and the output scores
// with the winner and the runner-up. It feeds one token to a JsEngine with a per-layer snapshot,
// so only an inspected position pays for the copies; generation (feed without `onLayer`) pays
// nothing. The values are the engine's own float64s, not recomputed.
import type { TransformerModel } from '../weights/model';
import type { JsEngine } from './js-engine';

export interface PositionState {
  /** The position fed and its token. */
  readonly position: number;
  readonly token: number;
  /** The residual stream before layer 0: embedding[token] plus the positional features. */
  readonly embedding: Float64Array;
  /** The residual stream after each layer. */
  readonly layers: readonly Float64Array[];
  /** Every token's output score (unembedding · residual after the last layer). */
  readonly scores: Float64Array;
  /** The argmax (the first on ties, as JsEngine.predict) and the best score of any other token. */
  readonly best: number;
  readonly runnerUp: number;
}

/** The residual stream a token enters with at a position (what JsEngine.feed starts from). */
export function embedded(model: TransformerModel, token: number, position: number): Float64Array {
  const d = model.dModel;
  // 0 + e is e, and 1·e is e: the same float64s as the engine's sparse add.
  const x = model.embedding.slice(token * d, (token + 1) * d);
  x[model.positionSlot] += position;
  x[model.positionSquareSlot] += position * position;
  return x;
}

/** Feeds `token` at the engine's next position and returns the state that forward pass made. */
export function feedInspected(engine: JsEngine, token: number): PositionState {
  const position = engine.position;
  const embedding = embedded(engine.model, token, position);
  const layers: Float64Array[] = [];
  engine.feed(token, (_, x) => layers.push(x.slice()));
  const scores = engine.scores();
  let best = 0;
  for (let t = 1; t < scores.length; t++) if (scores[t] > scores[best]) best = t;
  let runnerUp = best === 0 ? 1 : 0;
  for (let t = 0; t < scores.length; t++) if (t !== best && scores[t] > scores[runnerUp]) runnerUp = t;
  return { position, token, embedding, layers, scores, best, runnerUp };
}
