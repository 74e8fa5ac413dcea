// Runs a graph position by position with float64 arithmetic. Each lookup keeps its own attention
// over the rows of earlier positions (a hull, or a brute-force scan as the definition to compare
// against); the current position's row is inserted before the lookup is answered, as causal
// attention sees its own position. Lookup queries and keys must be integers: they are checked and
// snapped, which removes the rounding noise of averaged sums and makes ties exact.
//
// The graph's expressions are compiled once into flat arrays (dimension ids and coefficients), so
// a step is a few tight loops rather than map iterations.
import { snap } from '../attention/exact';
import { BruteAttention, HullAttention } from '../attention/hull';
import { PositionAttention } from '../attention/position';
import type { Expr } from './expr';
import type { Graph } from './graph';

export type AttentionMode = 'hull' | 'brute';

/** A lookup's query or key was not an integer: a bug in the graph, reported with where. */
export class GraphValueError extends Error {}

const TOLERANCE = 1e-6;
const NONE = -1;

/** Linear expressions packed into shared arrays; expression e spans [start[e], start[e + 1]). */
class LinearTable {
  private readonly ids: number[] = [];
  private readonly coefs: number[] = [];
  private readonly starts: number[] = [0];
  private packedIds = new Int32Array(0);
  private packedCoefs = new Float64Array(0);
  private packedStarts = new Int32Array(0);

  add(e: Expr): number {
    for (const [id, c] of e.terms) {
      this.ids.push(id);
      this.coefs.push(c);
    }
    this.starts.push(this.ids.length);
    return this.starts.length - 2;
  }

  pack(): void {
    this.packedIds = Int32Array.from(this.ids);
    this.packedCoefs = Float64Array.from(this.coefs);
    this.packedStarts = Int32Array.from(this.starts);
  }

  evaluate(e: number, v: Float64Array): number {
    const ids = this.packedIds;
    const coefs = this.packedCoefs;
    let s = 0;
    for (let i = this.packedStarts[e], end = this.packedStarts[e + 1]; i < end; i++)
      s += coefs[i] * v[ids[i]];
    return s;
  }
}

enum Kind {
  Input,
  Reglu,
  Persist,
  Lookup,
}

interface CompiledLookup {
  readonly name: string;
  readonly qx: number;
  readonly qy: number;
  readonly kx: number;
  readonly ky: number;
  readonly clear: number;
  readonly values: number[];
  readonly dims: readonly number[];
  readonly tie: 'latest' | 'average';
}

export class GraphEvaluator {
  private readonly heads: (HullAttention | BruteAttention | PositionAttention)[];
  private readonly results: Float64Array[];
  private readonly row: Float64Array[];
  private readonly linear = new LinearTable();
  private readonly kinds: Uint8Array;
  /** Per dimension: expression a (reglu value, persist expression) and b (reglu gate), or lookup index. */
  private readonly argA: Int32Array;
  private readonly argB: Int32Array;
  private readonly lookups: CompiledLookup[];
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
    const n = graph.dims.length;
    this.kinds = new Uint8Array(n);
    this.argA = new Int32Array(n).fill(NONE);
    this.argB = new Int32Array(n).fill(NONE);
    graph.dims.forEach((d) => {
      if (d.kind === 'reglu') {
        this.kinds[d.id] = Kind.Reglu;
        this.argA[d.id] = this.linear.add(d.a!);
        this.argB[d.id] = this.linear.add(d.b!);
      } else if (d.kind === 'persist') {
        this.kinds[d.id] = Kind.Persist;
        this.argA[d.id] = this.linear.add(d.e!);
      } else if (d.kind === 'lookup') {
        this.kinds[d.id] = Kind.Lookup;
        this.argA[d.id] = d.lookup!;
      }
    });
    this.lookups = graph.lookups.map((l) => ({
      name: l.name,
      qx: this.linear.add(l.query[0]),
      qy: this.linear.add(l.query[1]),
      kx: this.linear.add(l.key[0]),
      ky: this.linear.add(l.key[1]),
      clear: l.clear ? this.linear.add(l.clear) : NONE,
      values: l.values.map((e) => this.linear.add(e)),
      dims: l.dims,
      tie: l.tie,
    }));
    this.linear.pack();
    // Gather lookups (key = position, nothing cleared, latest) index rows by position directly.
    const gatherKey = [graph.position.times(2).key, graph.positionSq.times(-1).key];
    this.heads = graph.lookups.map((l, i) => {
      if (mode === 'brute') return new BruteAttention(l.values.length);
      const gather =
        !l.clear && l.tie === 'latest' && l.key[0].key === gatherKey[0] && l.key[1].key === gatherKey[1];
      return gather
        ? new PositionAttention(l.values.length)
        : new HullAttention(l.values.length, 0x1234567 + i);
    });
    this.results = graph.lookups.map((l) => new Float64Array(l.values.length));
    this.row = graph.lookups.map((l) => new Float64Array(l.values.length));
    this.positionId = graph.dimOf(graph.position).id;
    this.positionSqId = graph.dimOf(graph.positionSq).id;
    this.oneId = graph.dimOf(graph.one).id;
    this.values = new Float64Array(n);
  }

  /**
   * Computes every dimension at the next position, given the token's embedding (an expression
   * over input dimensions; the start token's is empty). Returns the values (valid until the next
   * call).
   */
  step(embedding: Expr): Float64Array {
    const v = this.values;
    const { graph, linear, kinds, argA, argB } = this;
    v.fill(0);
    for (const [id, c] of embedding.terms) {
      if (kinds[id] !== Kind.Input)
        throw new GraphValueError(`embedding uses non-input ${graph.dims[id].name}`);
      v[id] = c;
    }
    const p = this.position;
    if (p === 0 && v[this.oneId] !== 0)
      throw new GraphValueError('the token at position 0 must be the start token');
    v[this.positionId] = p;
    v[this.positionSqId] = p * p;
    let answered = -1;
    for (let d = 0; d < kinds.length; d++) {
      switch (kinds[d]) {
        case Kind.Reglu: {
          const gate = linear.evaluate(argB[d], v);
          v[d] = gate > 0 ? linear.evaluate(argA[d], v) * gate : 0;
          break;
        }
        case Kind.Persist:
          v[d] = linear.evaluate(argA[d], v);
          break;
        case Kind.Lookup: {
          // A lookup's value dimensions are consecutive: answer it at the first of them.
          const li = argA[d];
          if (li !== answered) {
            answered = li;
            this.answer(li, p);
          }
          break;
        }
      }
    }
    this.position++;
    return v;
  }

  /** Lookup names and tie-breaks, in the graph's order (the index selected() takes). */
  get lookupNames(): readonly string[] {
    return this.lookups.map((l) => l.name);
  }

  /**
   * What lookup `li` selected at the last position: the latest tied position ('latest' lookups)
   * or how many positions tied ('average'), as the transformer's head for it selects (a cleared
   * row is never selected: position 0's key is always there, and the weights' cleared rows score
   * below it).
   */
  selected(li: number): number {
    return this.heads[li].selected(this.lookups[li].tie);
  }

  /** A lookup's query or key coordinate: checked to be an integer, then snapped to it. */
  private integer(l: CompiledLookup, e: number, what: string, p: number): number {
    const x = this.linear.evaluate(e, this.values);
    const r = snap(x);
    if (Math.abs(x - r) > TOLERANCE * Math.max(1, Math.abs(x))) {
      throw new GraphValueError(`lookup ${l.name}: ${what} is ${x} at position ${p}, not an integer`);
    }
    return r;
  }

  private answer(li: number, p: number): void {
    const l = this.lookups[li];
    const v = this.values;
    const head = this.heads[li];
    const cleared = l.clear !== NONE && this.integer(l, l.clear, 'clear', p) !== 0;
    if (!cleared) {
      const row = this.row[li];
      for (let i = 0; i < row.length; i++) row[i] = this.linear.evaluate(l.values[i], v);
      head.insert(this.integer(l, l.kx, 'key x', p), this.integer(l, l.ky, 'key y', p), row, p);
    }
    const result = this.results[li];
    const tied = head.query(
      this.integer(l, l.qx, 'query x', p),
      this.integer(l, l.qy, 'query y', p),
      l.tie,
      result,
    );
    for (let i = 0; i < l.dims.length; i++) v[l.dims[i]] = tied ? result[i] : 0;
  }
}
