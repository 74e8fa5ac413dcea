// What a model's weights prove about its attention heads, checked once at load so the JS engine
// can skip rows whose result is known (the native engine proves the same in native/src/model.cc,
// markTokenOnlyHeads and markPositionHeads). Only the weights are read, never a program.
//
// Both proofs rest on one fact: a residual slot that no earlier layer writes (no nonzero in an
// earlier attention output or FFN down row) holds, at a layer's input, exactly what the input put
// there: the embedding's entry (0 + 1·e = e) plus, in the two position slots, p and p·p.
import type { TransformerModel } from '../weights/model';

export interface HeadProof {
  /**
   * A gather head whose value rows read only slots the embedding alone sets (never written, not a
   * position slot): its values are value·embedding[token], the same sums in the same order, so a
   * table by token gives them bit for bit. Never for a vocabulary above 65,536 (the engines keep
   * tokens in 16 bits).
   */
  readonly tokenOnly: boolean;
  /**
   * A gather or passthrough head whose key rows are exactly 2·x[position] and −x[position²], slots
   * the embedding leaves 0 and no earlier layer writes: its key is (2p, −p²) at every position p,
   * integers rounding leaves alone, so it need not be computed nor checked.
   */
  readonly positionKey: boolean;
  /**
   * A passthrough head with a position key whose query rows are exactly hardmaxScale·x[position]
   * and hardmaxScale·x[oneSlot] (not a position slot): at a position where x[oneSlot] is exactly
   * 1 (the engine checks it each time: the machine's start token leaves its constant slot 0) and
   * p·hardmaxScale < 2^53, its query is (p, 1), which selects position p itself, so it need not
   * be computed.
   */
  readonly currentQuery: boolean;
  /** The current query's second slot, or −1. */
  readonly oneSlot: number;
}

const NOTHING: HeadProof = { tokenOnly: false, positionKey: false, currentQuery: false, oneSlot: -1 };

/** Per layer, per head, what the weights prove (NOTHING for lookup, average and unused heads). */
export function proveHeads(model: TransformerModel): HeadProof[][] {
  const d = model.dModel;
  const V = model.vocabulary.length;
  const pos = model.positionSlot;
  const square = model.positionSquareSlot;
  // Per slot: the embedding leaves it 0 for every token (−0 counts: the engines keep no zero
  // entries).
  const zero = new Uint8Array(d).fill(1);
  for (let t = 0; t < V; t++) for (let c = 0; c < d; c++) if (model.embedding[t * d + c] !== 0) zero[c] = 0;
  /** Whether row r of a [rows, d] matrix is exactly coefficient·x[slot] (one nonzero entry). */
  const single = (m: Float64Array, r: number, slot: number, coefficient: number) => {
    for (let c = 0; c < d; c++) {
      const v = m[r * d + c];
      if (c === slot ? v !== coefficient : v !== 0) return false;
    }
    return true;
  };
  /** The only nonzero column of row r, or −1 (none, or more than one). */
  const onlyColumn = (m: Float64Array, r: number) => {
    let found = -1;
    for (let c = 0; c < d; c++) {
      if (m[r * d + c] === 0) continue;
      if (found >= 0) return -1;
      found = c;
    }
    return found;
  };
  const written = new Uint8Array(d);
  return model.layers.map((layer) => {
    // The position features are intact at this layer's input: p and p·p alone.
    const features = zero[pos] === 1 && zero[square] === 1 && written[pos] === 0 && written[square] === 0;
    const proofs = layer.heads.map((head, h): HeadProof => {
      if (head.kind !== 'gather' && head.kind !== 'passthrough') return NOTHING;
      let tokenOnly = head.kind === 'gather' && V <= 0x10000;
      for (let r = 2 * h; tokenOnly && r < 2 * h + 2; r++)
        for (let c = 0; c < d; c++)
          if (layer.value[r * d + c] !== 0 && (written[c] || c === pos || c === square)) tokenOnly = false;
      const positionKey =
        features && single(layer.key, 2 * h, pos, 2) && single(layer.key, 2 * h + 1, square, -1);
      const o = onlyColumn(layer.query, 2 * h + 1);
      const currentQuery =
        positionKey &&
        head.kind === 'passthrough' &&
        single(layer.query, 2 * h, pos, model.hardmaxScale) &&
        o >= 0 &&
        o !== pos &&
        o !== square &&
        layer.query[(2 * h + 1) * d + o] === model.hardmaxScale;
      return tokenOnly || positionKey
        ? { tokenOnly, positionKey, currentQuery, oneSlot: currentQuery ? o : -1 }
        : NOTHING;
    });
    for (const m of [layer.output, layer.down])
      for (let i = 0; i < m.length; i++) if (m[i] !== 0) written[i % d] = 1;
    return proofs;
  });
}
