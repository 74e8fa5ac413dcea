// Running a token program through a machine graph: prefill the prompt, then repeatedly take the
// highest-scoring token and feed it back, until `halt`.

import {
  type HeadKindAndTie,
  RecordingEngine,
  recordedHeads,
  SelectionRecorder,
} from '../attention/selection-rows';
import { type AttentionMode, GraphEvaluator } from '../graph/evaluator';
import { Expr } from '../graph/expr';
import { describeMismatch, type GenerateOptions, type Generation, generate } from '../tokens/generation';
import { VOCAB_SIZE } from '../tokens/vocabulary';
import type { MachineGraph } from './interpreter';

/**
 * A head of the model built from the graph, as far as recording needs it (engine/weights/model.ts
 * HeadInfo, not imported: engine/weights is built from this folder).
 */
interface ModelHead extends HeadKindAndTie {
  /** The graph lookup it realizes ('' when unused). */
  readonly lookup: string;
}

/** The scores of all tokens as one sparse matrix over dimensions (rows = tokens). */
class ScoreMatrix {
  private readonly rowStart: Int32Array;
  private readonly dims: Int32Array;
  private readonly coefficients: Float64Array;

  constructor(scores: readonly Expr[]) {
    const dims: number[] = [];
    const coefficients: number[] = [];
    this.rowStart = new Int32Array(scores.length + 1);
    scores.forEach((e, t) => {
      for (const [d, c] of e.terms) {
        dims.push(d);
        coefficients.push(c);
      }
      this.rowStart[t + 1] = dims.length;
    });
    this.dims = Int32Array.from(dims);
    this.coefficients = Float64Array.from(coefficients);
  }

  /** The first token with the highest score. */
  argmax(values: Float64Array): number {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < this.rowStart.length - 1; t++) {
      let s = 0;
      for (let i = this.rowStart[t]; i < this.rowStart[t + 1]; i++)
        s += this.coefficients[i] * values[this.dims[i]];
      if (s > bestScore) {
        bestScore = s;
        best = t;
      }
    }
    return best;
  }
}

/**
 * Recording (RecordingEngine) reports what every lookup selects as the heads of the model given
 * to the constructor (a lookup with more than two values is several heads, all with the same
 * selection), in the native engine's encoding.
 */
export class MachineRunner extends RecordingEngine {
  private readonly evaluator: GraphEvaluator;
  private readonly scores: ScoreMatrix;
  /** Per recorded head, the graph lookup it realizes. */
  private headLookups?: Int32Array;
  /** Tokens consumed so far. */
  length = 0;

  /**
   * `heads`: the layers of the model built from this graph (HeadInfo.lookup names the graph
   * lookup a head realizes), needed to record selections as that model's heads.
   */
  constructor(
    readonly machine: MachineGraph,
    attention: AttentionMode = 'hull',
    private readonly heads?: readonly { readonly heads: readonly ModelHead[] }[],
  ) {
    super();
    if (machine.embeddings.length !== VOCAB_SIZE || machine.scores.length !== VOCAB_SIZE) {
      throw new Error('the machine graph does not cover the vocabulary');
    }
    this.evaluator = new GraphEvaluator(machine.graph, attention);
    this.scores = new ScoreMatrix(machine.scores);
  }

  /** Consumes one token; returns the values of every dimension at its position. */
  feed(token: number): Float64Array {
    const embedding = this.machine.embeddings[token] ?? new Expr();
    this.length++;
    const values = this.evaluator.step(embedding);
    if (this.recording) this.recordRow();
    return values;
  }

  protected nextPosition(): number {
    return this.evaluator.position;
  }

  protected newRecorder(): SelectionRecorder {
    if (!this.heads)
      throw new Error("the graph evaluator records selections as a model's heads: give it the model");
    const names = this.evaluator.lookupNames;
    const heads = recordedHeads(this.heads);
    const lookups = heads.map((h) => {
      const info = this.heads![h.layer].heads[h.head];
      const li = names.indexOf(info.lookup);
      if (li < 0)
        throw new Error(
          `layer ${h.layer} head ${h.head} realizes lookup '${info.lookup}', which this graph lacks`,
        );
      return li;
    });
    this.headLookups = Int32Array.from(lookups);
    return new SelectionRecorder(heads);
  }

  /** The row of the position just fed: per recorded head, p − the selected position, or the tie count. */
  private recordRow(): void {
    const r = this.recorder!;
    const lookups = this.headLookups!;
    const p = this.evaluator.position - 1;
    for (let i = 0; i < lookups.length; i++) {
      const selected = this.evaluator.selected(lookups[i]);
      r.row[i] = r.isAverage(i) ? selected : p - selected;
    }
    r.append();
  }

  /** The token the graph predicts after the last token fed. */
  predict(): number {
    return this.scores.argmax(this.evaluator.values);
  }

  /** Value of a named quantity at the last position. */
  value(name: string): number {
    const e = this.machine.named.get(name);
    if (!e) throw new Error(`no named quantity '${name}'`);
    return e.evaluate(this.evaluator.values);
  }
}

export type GraphRun = Generation;

export interface GraphRunOptions extends GenerateOptions {
  readonly attention?: AttentionMode;
}

/** Prefills `prompt` and generates with the graph until halt (or a mismatch, or `maxTokens`). */
export function runGraph(
  machine: MachineGraph,
  prompt: ArrayLike<number>,
  o: GraphRunOptions = {},
): GraphRun {
  return generate(new MachineRunner(machine, o.attention ?? 'hull'), prompt, o);
}

export { describeMismatch };
