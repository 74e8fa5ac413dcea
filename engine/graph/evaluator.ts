// Runs a graph position by position with float64 arithmetic. Each lookup keeps its own attention
// over the rows of earlier positions (a hull, or a brute-force scan as the definition to compare
// against); the current position's row is inserted before the lookup is answered, as causal
// attention sees its own position. Lookup queries and keys must be integers: they are checked and
// snapped, which removes the rounding noise of averaged sums and makes ties exact.
import { snap } from '../attention/exact';
import { BruteAttention, HullAttention } from '../attention/hull';
import type { Expr } from './expr';
import type { Graph } from './graph';

export type AttentionMode = 'hull' | 'brute';

/** A lookup's query or key was not an integer: a bug in the graph, reported with where. */
export class GraphValueError extends Error {}

const TOLERANCE = 1e-6;

export class GraphEvaluator {
  private readonly heads: (HullAttention | BruteAttention)[];
  private readonly results: Float64Array[];
  private readonly positionId: number;
  private readonly positionSqId: number;
  private readonly oneId: number;
  /** Values of every dimension at the current position. */
  readonly values: Float64Array;
  position = 0;

  constructor(
    readonly graph: Graph,
    readonly mode: AttentionMode = 'hull',
  ) {
    this.heads = graph.lookups.map((l, i) =>
      mode === 'hull'
        ? new HullAttention(l.values.length, 0x1234567 + i)
        : new BruteAttention(l.values.length),
    );
    this.results = graph.lookups.map((l) => new Float64Array(l.values.length));
    this.positionId = graph.dimOf(graph.position).id;
    this.positionSqId = graph.dimOf(graph.positionSq).id;
    this.oneId = graph.dimOf(graph.one).id;
    this.values = new Float64Array(graph.dims.length);
  }

  /**
   * Computes every dimension at the next position, given the token's embedding (an expression
   * over input dimensions; the start token's is empty). Returns the values (valid until the next
   * call).
   */
  step(embedding: Expr): Float64Array {
    const v = this.values;
    const { graph } = this;
    v.fill(0);
    for (const [id, c] of embedding.terms) {
      if (graph.dims[id].kind !== 'input')
        throw new GraphValueError(`embedding uses non-input ${graph.dims[id].name}`);
      v[id] = c;
    }
    const p = this.position;
    if (p === 0 && v[this.oneId] !== 0)
      throw new GraphValueError('the token at position 0 must be the start token');
    v[this.positionId] = p;
    v[this.positionSqId] = p * p;
    const answered = new Uint8Array(graph.lookups.length);
    for (const d of graph.dims) {
      switch (d.kind) {
        case 'input':
          break;
        case 'reglu': {
          const gate = d.b!.evaluate(v);
          v[d.id] = gate > 0 ? d.a!.evaluate(v) * gate : 0;
          break;
        }
        case 'persist':
          v[d.id] = d.e!.evaluate(v);
          break;
        case 'lookup': {
          const li = d.lookup!;
          if (answered[li]) break;
          answered[li] = 1;
          const l = graph.lookups[li];
          const head = this.heads[li];
          const at = (e: Expr, what: string) => {
            const x = e.evaluate(v);
            const r = snap(x);
            if (Math.abs(x - r) > TOLERANCE * Math.max(1, Math.abs(x))) {
              throw new GraphValueError(`lookup ${l.name}: ${what} is ${x} at position ${p}, not an integer`);
            }
            return r;
          };
          const cleared = l.clear ? at(l.clear, 'clear') !== 0 : false;
          if (!cleared) {
            head.insert(
              at(l.key[0], 'key x'),
              at(l.key[1], 'key y'),
              l.values.map((e) => e.evaluate(v)),
              p,
            );
          }
          const result = this.results[li];
          const tied = head.query(at(l.query[0], 'query x'), at(l.query[1], 'query y'), l.tie, result);
          l.dims.forEach((id, i) => {
            v[id] = tied ? result[i] : 0;
          });
          break;
        }
      }
    }
    this.position++;
    return v;
  }
}
