// A weight file small enough to fuzz: the token language's whole vocabulary (readers insist on
// it) over a 4-wide residual stream, one layer with a lookup head and an unused one, and a
// two-neuron one-hot group. It computes nothing useful; every structure a reader checks is there.
import { vocabulary } from '../../tokens/vocabulary';
import type { TransformerModel } from '../../weights/model';

export function tinyModel(): TransformerModel {
  const texts = vocabulary();
  const d = 4; // slots: one, position, position², value
  const V = texts.length;
  const embedding = new Float64Array(V * d);
  const unembedding = new Float64Array(V * d);
  for (let t = 0; t < V; t++) {
    embedding[t * d] = 1;
    embedding[t * d + 3] = t % 7;
    unembedding[t * d + 3] = t % 5 === 0 ? 1 : -1;
  }
  const rows = (n: number, values: number[][] = []) => {
    const a = new Float64Array(n * d);
    values.forEach((row, r) => {
      a.set(row, r * d);
    });
    return a;
  };
  return {
    vocabulary: texts,
    dModel: d,
    heads: 2,
    dFfn: 2,
    hardmaxScale: 1,
    positionSlot: 1,
    positionSquareSlot: 2,
    inputSlots: ['value'],
    meta: { mode: 'fuzz seed', layers: 1 },
    embedding,
    unembedding,
    selectors: [{ layer: 0, first: 0, count: 2, slot: 1, squareSlot: 2, oneSlot: 0 }],
    layers: [
      {
        // Head 0 looks up the latest position whose value matches; head 1 is unused (all zero).
        query: rows(4, [
          [0, 0, 0, 1],
          [1, 0, 0, 0],
        ]),
        key: rows(4, [
          [0, 0, 0, 1],
          [0, 1, 0, 0],
        ]),
        value: rows(4, [[0, 0, 0, 1]]),
        output: rows(4, [[0, 0, 0, 0.5]]),
        // Neuron i fires when position = i: gate 2i·x[1] − x[2] + (1 − i²)·x[0].
        gate: rows(2, [
          [1, 0, -1, 0],
          [0, 2, -1, 0],
        ]),
        up: rows(2, [
          [0, 0, 0, 1],
          [0, 0, 0, 1],
        ]),
        down: rows(2, [
          [0, 0, 0, 0.25],
          [0, 0, 0, -0.25],
        ]),
        heads: [
          { kind: 'lookup', tie: 'latest', lookup: 'value', values: ['value'] },
          { kind: 'unused', tie: 'latest', lookup: '', values: [] },
        ],
        slots: ['one', 'position', 'position_sq', 'value'],
      },
    ],
  };
}
