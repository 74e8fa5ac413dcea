// The transformer's forward pass in TypeScript, one position at a time: the engine that runs
// everywhere. Read it top to bottom: embed, then per layer attention (every head reads the layer's
// input; each keeps its keys in a hull KV cache) and the ReGLU FFN, then the unembedding's argmax.
//
// Weights are mostly zero (`wasm-build` prints the nonzero share; 3.9% for the default model), so
// every matrix is kept as sparse rows. Queries and keys are integers by construction (see
// docs/machine-graph.md): they are unscaled and rounded before the hull sees them, which is what
// makes hard-max ties exact.
import { snap } from '../attention/exact';
import { HullAttention } from '../attention/hull';
import { PositionAttention, TokenLog } from '../attention/position';
import { RecordingEngine, recordedHeads, SelectionRecorder } from '../attention/selection-rows';
import type { HeadInfo, NeuronSelector, TransformerModel } from '../weights/model';
import { ArgmaxMemo } from './argmax-memo';
import { BoundedGates } from './bounded-gates';
import { GuardedNeurons } from './guarded-neurons';
import { type HeadProof, proveHeads } from './head-proofs';
import { OutputArgmax } from './output-argmax';

/** Rows of a matrix, keeping only nonzero entries. */
class SparseRows {
  readonly starts: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;

  constructor(dense: Float64Array, rows: number, width: number) {
    const cols: number[] = [];
    const vals: number[] = [];
    this.starts = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < width; c++) {
        const v = dense[r * width + c];
        if (v !== 0) {
          cols.push(c);
          vals.push(v);
        }
      }
      this.starts[r + 1] = cols.length;
    }
    this.cols = Int32Array.from(cols);
    this.vals = Float64Array.from(vals);
  }

  /** Row r · x. */
  dot(r: number, x: Float64Array): number {
    let s = 0;
    for (let i = this.starts[r], end = this.starts[r + 1]; i < end; i++) s += this.vals[i] * x[this.cols[i]];
    return s;
  }

  /** x += a · row r. */
  addScaled(r: number, a: number, x: Float64Array): void {
    for (let i = this.starts[r], end = this.starts[r + 1]; i < end; i++) x[this.cols[i]] += a * this.vals[i];
  }
}

interface Layer {
  readonly query: SparseRows;
  readonly key: SparseRows;
  readonly value: SparseRows;
  readonly output: SparseRows;
  readonly gate: SparseRows;
  readonly up: SparseRows;
  readonly down: SparseRows;
  readonly heads: readonly HeadInfo[];
  /** What the weights prove about each head (head-proofs.ts): which rows need not be computed. */
  readonly proofs: readonly HeadProof[];
  readonly caches: (HullAttention | PositionAttention | null)[];
  /** Neurons with a nonzero gate row (the others never fire) and in no guarded group, ascending. */
  readonly live: Int32Array;
  /** Groups of neurons of which only those for one value of a slot may fire (guarded-neurons.ts). */
  readonly guarded?: GuardedNeurons;
  /** The one-hot groups of this layer (model.ts: NeuronSelector). */
  readonly selectors: NeuronSelector[];
  /** The live neurons in no one-hot group: grouped where a bound may skip them (bounded-gates.ts). */
  readonly bounded: BoundedGates;
}

/**
 * A layer's neurons by how they are computed: `live` (a nonzero gate row, in no guarded group:
 * the one-hot groups' neurons among them), the guarded groups among the neurons no one-hot group
 * covers, and the rest of those as bounded gates.
 */
function planNeurons(
  model: TransformerModel,
  li: number,
  gate: SparseRows,
): { live: Int32Array; guarded?: GuardedNeurons; bounded: BoundedGates } {
  const d = model.dModel;
  const dense = model.layers[li].gate;
  const selected = new Uint8Array(model.dFfn);
  for (const sel of model.selectors) if (sel.layer === li) selected.fill(1, sel.first, sel.first + sel.count);
  let live = Int32Array.from(
    Array.from({ length: model.dFfn }, (_, j) => j).filter((j) =>
      dense.subarray(j * d, (j + 1) * d).some((v) => v !== 0),
    ),
  );
  const guarded = new GuardedNeurons(
    dense,
    d,
    live.filter((j) => !selected[j]),
  );
  live = live.filter((j) => !guarded.grouped(j));
  const bounded = new BoundedGates(
    gate,
    live.filter((j) => !selected[j]),
  );
  return guarded.groups > 0 ? { live, guarded, bounded } : { live, bounded };
}

/** Integers up to this square exactly in float64 (the one-hot shortcut's precondition). */
const EXACT_SQUARE = 2 ** 26;
/** A proven current query is (p, 1) while p·hardmaxScale stays below this (HeadProof). */
const EXACT_QUERY = 2 ** 53;

/**
 * feed() a token, predict() the next. Recording (RecordingEngine: recordSelections and the rest)
 * reports the lookup, gather and average heads, as the native engine does.
 */
export class JsEngine extends RecordingEngine {
  private readonly layers: Layer[];
  private readonly embedding: SparseRows;
  private readonly unembedding: SparseRows;
  private readonly output: OutputArgmax;
  /** Tokens of output keys seen before (argmax-memo.ts): the argmax's answers, sooner. */
  private readonly memo: ArgmaxMemo;
  private readonly argmaxOfX = (): number => this.output.argmax(this.x);
  private readonly x: Float64Array;
  /** Each head's two selected values, reused at every position. */
  private readonly headOut: Float64Array[];
  private readonly hidden: Float64Array;
  /** The neurons that fired at this layer, ascending. */
  private readonly firing: Int32Array;
  /** How many neurons fired at this layer so far (feedForward). */
  private fired = 0;
  /** The distinct loose gate rows' values at this layer (BoundedGates). */
  private readonly gates: Float64Array;
  private readonly kv = new Float64Array(2);
  /** Every token fed (token-only gather heads read their rows from it). */
  private readonly tokens = new TokenLog();
  position = 0;

  constructor(readonly model: TransformerModel) {
    super();
    const d = model.dModel;
    const V = model.vocabulary.length;
    this.embedding = new SparseRows(model.embedding, V, d);
    this.unembedding = new SparseRows(model.unembedding, V, d);
    this.output = new OutputArgmax(model.unembedding, V, d);
    this.memo = new ArgmaxMemo(this.output.slots);
    const proofs = proveHeads(model);
    this.layers = model.layers.map((l, li) => {
      const gate = new SparseRows(l.gate, model.dFfn, d);
      return {
        query: new SparseRows(l.query, model.heads * 2, d),
        key: new SparseRows(l.key, model.heads * 2, d),
        value: new SparseRows(l.value, model.heads * 2, d),
        output: new SparseRows(l.output, model.heads * 2, d),
        gate,
        up: new SparseRows(l.up, model.dFfn, d),
        down: new SparseRows(l.down, model.dFfn, d),
        heads: l.heads,
        proofs: proofs[li],
        caches: l.heads.map((h, hi) =>
          h.kind === 'unused'
            ? null
            : h.kind === 'passthrough'
              ? new PositionAttention(2, { kind: 'current' })
              : h.kind === 'gather'
                ? new PositionAttention(2, { kind: 'rows' })
                : new HullAttention(2, li * 64 + hi + 1),
        ),
        selectors: model.selectors.filter((sel) => sel.layer === li),
        ...planNeurons(model, li, gate),
      };
    });
    this.useTokenTables();
    this.gates = new Float64Array(Math.max(0, ...this.layers.map((l) => l.bounded.distinct.length)));
    this.x = new Float64Array(d);
    this.headOut = Array.from({ length: model.heads }, () => new Float64Array(2));
    this.hidden = new Float64Array(model.dFfn);
    this.firing = new Int32Array(model.dFfn);
  }

  /**
   * Gives every token-only gather head (HeadProof.tokenOnly) a table token → values instead of
   * rows, computed with the same sparse dot products, so the doubles are the ones its value rows
   * would give (the native engine does the same).
   */
  private useTokenTables(): void {
    const V = this.model.vocabulary.length;
    const x = new Float64Array(this.model.dModel);
    for (const layer of this.layers) {
      const { value } = layer;
      layer.proofs.forEach((proof, h) => {
        if (!proof.tokenOnly) return;
        const table = new Float64Array(2 * V);
        for (let t = 0; t < V; t++) {
          x.fill(0);
          this.embedding.addScaled(t, 1, x);
          table[2 * t] = value.dot(2 * h, x);
          table[2 * t + 1] = value.dot(2 * h + 1, x);
        }
        layer.caches[h] = new PositionAttention(2, { kind: 'tokens', tokens: this.tokens, table });
      });
    }
  }

  /**
   * Runs the forward pass for the next position with `token` as its input. `onLayer` sees the
   * residual stream after each layer (for inspection; it must not keep the array).
   */
  feed(token: number, onLayer?: (layer: number, x: Float64Array) => void): void {
    const { model, x } = this;
    const p = this.position;
    if (token < 0 || token >= model.vocabulary.length)
      throw new RangeError(`token id ${token} is not in the vocabulary`);
    // The token goes in first: a token-only gather head at p may select p itself.
    this.tokens.truncate(p);
    this.tokens.push(token);
    // Embedding and positional features.
    x.fill(0);
    this.embedding.addScaled(token, 1, x);
    x[model.positionSlot] += p;
    x[model.positionSquareSlot] += p * p;
    const scale = model.hardmaxScale;
    const currentQuery = p * scale < EXACT_QUERY;
    const kv = this.kv;
    for (let li = 0; li < this.layers.length; li++) {
      const layer = this.layers[li];
      // Attention: every head reads the layer's input, then all outputs are added. Rows whose
      // result the weights prove (HeadProof) are not computed: the values of a token-only head
      // (its table gives them), the key (2p, −p²) of a position key, the query (p, 1) of a
      // current query; what is computed is computed as before, so the doubles are the same.
      const out = this.headOut;
      for (let h = 0; h < layer.heads.length; h++) {
        const cache = layer.caches[h];
        if (!cache) continue;
        const proof = layer.proofs[h];
        if (!proof.tokenOnly) {
          kv[0] = layer.value.dot(2 * h, x);
          kv[1] = layer.value.dot(2 * h + 1, x);
        }
        if (proof.positionKey) {
          const position = cache as PositionAttention;
          position.insertPosition(kv, p);
          if (proof.currentQuery && currentQuery && x[proof.oneSlot] === 1) position.selectLatest(out[h]);
          else
            position.query(
              snap(layer.query.dot(2 * h, x) / scale),
              snap(layer.query.dot(2 * h + 1, x) / scale),
              layer.heads[h].tie,
              out[h],
            );
          continue;
        }
        const qx = snap(layer.query.dot(2 * h, x) / scale);
        const qy = snap(layer.query.dot(2 * h + 1, x) / scale);
        const kx = snap(layer.key.dot(2 * h, x));
        const ky = snap(layer.key.dot(2 * h + 1, x));
        cache.insert(kx, ky, kv, p);
        if (!cache.query(qx, qy, layer.heads[h].tie, out[h])) out[h].fill(0);
      }
      for (let h = 0; h < layer.heads.length; h++) {
        if (!layer.caches[h]) continue;
        layer.output.addScaled(2 * h, out[h][0], x);
        layer.output.addScaled(2 * h + 1, out[h][1], x);
      }
      this.feedForward(layer);
      onLayer?.(li, x);
    }
    if (this.recording) this.recordRow(p);
    this.position++;
  }

  /** One layer's ReGLU feed-forward on this.x (the neurons that fire, then their down rows). */
  private feedForward(layer: Layer): void {
    // ReGLU feed-forward: every neuron reads the post-attention residual; then the neurons that
    // fired add their down rows, in neuron order. In a one-hot group whose preconditions hold,
    // only the selected neuron can fire, so only it is computed (model.ts: NeuronSelector).
    const { live, bounded } = layer;
    const x = this.x;
    const hidden = this.hidden;
    const firing = this.firing;
    this.fired = 0;
    // The neurons outside one-hot groups: each distinct loose gate row once, then every group
    // that its bound does not show off, row by row.
    const gates = this.gates;
    for (let r = 0; r < bounded.distinct.length; r++) gates[r] = layer.gate.dot(bounded.distinct[r], x);
    for (let k = 0; k < bounded.loose.length; k++)
      this.fireWith(layer, bounded.loose[k], gates[bounded.looseRow[k]]);
    for (let g = 0; g < bounded.groups; g++) {
      if (bounded.off(g, x)) continue;
      const members = bounded.members[g];
      for (let k = 0; k < members.length; k++) this.fire(layer, members[k]);
    }
    for (const sel of layer.selectors) {
      const c = x[sel.slot];
      if (
        x[sel.oneSlot] === 1 &&
        Number.isInteger(c) &&
        Math.abs(c) < EXACT_SQUARE &&
        x[sel.squareSlot] === c * c
      ) {
        if (c >= 0 && c < sel.count) this.fire(layer, sel.first + c);
        continue;
      }
      // The precondition fails: every live neuron of the group.
      for (let k = 0; k < live.length; k++)
        if (live[k] >= sel.first && live[k] < sel.first + sel.count) this.fire(layer, live[k]);
    }
    // Guarded groups: the rows that may fire for this residual, or the whole group.
    const guarded = layer.guarded;
    if (guarded) {
      for (let g = 0; g < guarded.groups; g++) {
        const rows = guarded.select(g, x);
        for (let i = guarded.from; i < guarded.to; i++) this.fire(layer, rows[i]);
      }
    }
    const fired = this.fired;
    // Down rows in neuron order: a machine fires a few a layer (insertion); many, a sort.
    if (fired > 64) firing.subarray(0, fired).sort();
    else
      for (let a = 1; a < fired; a++)
        for (let b = a; b > 0 && firing[b - 1] > firing[b]; b--) {
          const t = firing[b - 1];
          firing[b - 1] = firing[b];
          firing[b] = t;
        }
    for (let a = 0; a < fired; a++) layer.down.addScaled(firing[a], hidden[firing[a]], x);
  }

  /**
   * Neuron j fires with gate g when g > 0 and its hidden value is not 0. Methods, not closures
   * made per layer: nothing is allocated per token.
   */
  private fireWith(layer: Layer, j: number, g: number): void {
    if (!(g > 0)) return;
    const h = layer.up.dot(j, this.x) * g;
    if (h === 0) return;
    this.hidden[j] = h;
    this.firing[this.fired++] = j;
  }

  /** The same with neuron j's own gate row. */
  private fire(layer: Layer, j: number): void {
    this.fireWith(layer, j, layer.gate.dot(j, this.x));
  }

  protected newRecorder(): SelectionRecorder {
    return new SelectionRecorder(recordedHeads(this.model.layers));
  }

  protected nextPosition(): number {
    return this.position;
  }

  /** The row of position p: per recorded head, p − the selected position, or the tie count. */
  private recordRow(p: number): void {
    const r = this.recorder!;
    r.heads.forEach(([layer, head], i) => {
      const cache = this.layers[layer].caches[head]!;
      const selected = cache.selected(this.layers[layer].heads[head].tie);
      r.row[i] = r.isAverage(i) ? selected : p - selected;
    });
    r.append();
  }

  /** Every token's output score (unembedding · x) at the last position, in token order. */
  scores(out = new Float64Array(this.model.vocabulary.length)): Float64Array {
    for (let t = 0; t < out.length; t++) out[t] = this.unembedding.dot(t, this.x);
    return out;
  }

  /** The highest-scoring next token (the first on ties): scores() then the first maximum, exactly. */
  predict(): number {
    return this.memo.get(this.x, this.argmaxOfX);
  }

  /** The token predict() gives for a given residual stream (what-if and tests). */
  predictFrom(residual: Float64Array): number {
    if (residual.length !== this.model.dModel)
      throw new RangeError(`predictFrom: expects ${this.model.dModel} values, not ${residual.length}`);
    return this.memo.get(residual, () => this.output.argmax(residual));
  }

  /** The residual stream after the last position (for inspection). */
  get residual(): Float64Array {
    return this.x;
  }
}
