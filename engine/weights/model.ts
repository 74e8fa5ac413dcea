// A transformer's weights, as the engines run them and the weight file stores them.
//
// Residual stream of width dModel; no biases, no normalization. Per layer: attention with
// `heads` heads of dimension 2 (hard-max, each head with its own tie-break), then a ReGLU FFN of
// width dFfn. Token t enters as embedding row t plus the positional features (position and
// position² in their slots); the next token is the argmax of unembedding · x.
//
// Matrices are row-major Float64Arrays. Projections that read the residual have one row of
// length dModel per output (q, k, v: [heads·2, dModel]; gate and up: [dFfn, dModel]); those that
// write it have one row of length dModel per input (attention output: [heads·2, dModel], FFN
// down: [dFfn, dModel]), so a head's or neuron's contribution is `value · row`.

/**
 * lookup: keyed hard-max (hull); gather: key = position, read one known position; average: all
 * positions tie; passthrough: reads the current position (copies sums into slots); unused: zero.
 */
export type HeadKind = 'lookup' | 'gather' | 'average' | 'passthrough' | 'unused';

export interface HeadInfo {
  readonly kind: HeadKind;
  readonly tie: 'latest' | 'average';
  /** The graph lookup it realizes ('' when unused). */
  readonly lookup: string;
  /** Names of the (up to two) values it returns. */
  readonly values: readonly string[];
}

export interface LayerWeights {
  readonly query: Float64Array;
  readonly key: Float64Array;
  readonly value: Float64Array;
  readonly output: Float64Array;
  readonly gate: Float64Array;
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly heads: readonly HeadInfo[];
  /** Name of the value each residual slot holds after this layer ('' when free). */
  readonly slots: readonly string[];
}

/**
 * A one-hot neuron group (Graph.oneHot): neuron first + i of the layer has gate row
 * 2i·x[slot] − x[squareSlot] + (1 − i²)·x[oneSlot], which is 1 when x = i and ≤ 0 otherwise. When
 * x[oneSlot] = 1, x[slot] is an integer and x[squareSlot] equals its square, only neuron x[slot]
 * can be nonzero, so an engine may compute that one alone and get the same sums.
 */
export interface NeuronSelector {
  readonly layer: number;
  readonly first: number;
  readonly count: number;
  readonly slot: number;
  readonly squareSlot: number;
  readonly oneSlot: number;
}

export interface TransformerModel {
  /** Token texts by id. */
  readonly vocabulary: readonly string[];
  readonly dModel: number;
  readonly heads: number;
  readonly dFfn: number;
  /** Queries are scaled by this (a power of two): softmax at this temperature is hard-max. */
  readonly hardmaxScale: number;
  /** Slots of the positional features. */
  readonly positionSlot: number;
  readonly positionSquareSlot: number;
  /** [vocabulary, dModel] */
  readonly embedding: Float64Array;
  /** [vocabulary, dModel] */
  readonly unembedding: Float64Array;
  readonly layers: readonly LayerWeights[];
  /** One-hot neuron groups engines may evaluate in O(1) (empty for the universal model). */
  readonly selectors: readonly NeuronSelector[];
  /** Names of the slots the embedding fills. */
  readonly inputSlots: readonly string[];
  /** Free-form description: graph hash, schedule, builder. */
  readonly meta: Readonly<Record<string, string | number>>;
}

/** Nonzero entries, for reports. */
export function nonzeros(m: TransformerModel): { nonzero: number; total: number } {
  let nonzero = 0;
  let total = 0;
  const count = (a: Float64Array) => {
    total += a.length;
    for (const v of a) if (v !== 0) nonzero++;
  };
  count(m.embedding);
  count(m.unembedding);
  for (const l of m.layers) [l.query, l.key, l.value, l.output, l.gate, l.up, l.down].forEach(count);
  return { nonzero, total };
}
