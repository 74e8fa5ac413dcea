// The graph DSL: a computation over token positions built from the five primitives a transformer
// realizes. A Graph is a value: build one, inspect it, hand it to the evaluator or the scheduler.
//
//   input    a value of the token's embedding, or a positional input (position, position²)
//   reglu    a·max(0, b): one feed-forward neuron (gate row b, value row a)
//   persist  a linear combination given its own residual slot
//   lookup   hard-max attention: at position p, over positions j ≤ p (p included) whose clear
//            value is 0, the j maximizing query(p)·key(j) (2-D); ties give the latest j's values
//            or the mean over all tied j. Queries and keys must be integer-valued.
//   cumsum   realized as a lookup that averages over every position, times the position
//
// Position 0 holds the start token, whose embedding is all zeros (even `one`): every dimension is
// 0 there, so it is a key (0, 0) with values 0 that every lookup sees. A lookup whose best active
// key scores below 0 therefore returns 0, the default of empty stacks and unwritten memory.
import type { TieBreak } from '../attention/hull';
import { Expr } from './expr';

export type DimKind = 'input' | 'reglu' | 'persist' | 'lookup';

export interface Dim {
  readonly id: number;
  readonly name: string;
  readonly kind: DimKind;
  /** reglu: value row and gate row. */
  readonly a?: Expr;
  readonly b?: Expr;
  /** persist: the expression stored. */
  readonly e?: Expr;
  /** lookup: which lookup and which of its values. */
  readonly lookup?: number;
  readonly valueIndex?: number;
}

export interface Lookup {
  readonly id: number;
  readonly name: string;
  readonly query: readonly [Expr, Expr];
  readonly key: readonly [Expr, Expr];
  /** Rows where this is nonzero are never selected (always 0 or 1 at runtime). */
  readonly clear?: Expr;
  readonly values: readonly Expr[];
  readonly tie: TieBreak;
  /** The lookup dimensions holding the values, in order. */
  readonly dims: readonly number[];
}

/**
 * Neurons i = 0..n−1 computing relu(1 − (x − i)²) = [x = i] for an integer x, given x and x² as
 * single dimensions: a one-hot selector. At most one is nonzero, which engines may use (the
 * weight file lists such groups; docs/weight-file.md).
 */
export interface Selector {
  readonly dims: readonly number[];
  readonly x: number;
  readonly xSquared: number;
}

export interface FetchOptions {
  /** The 1-D query: rows whose key is nearest to it are selected. */
  readonly query: Expr;
  readonly key: Expr;
  readonly clear?: Expr;
  readonly name: string;
}

export class Graph {
  readonly dims: Dim[] = [];
  readonly lookups: Lookup[] = [];
  readonly selectors: Selector[] = [];
  readonly one: Expr;
  readonly position: Expr;
  readonly positionSq: Expr;
  private readonly memo = new Map<string, Expr>();
  private readonly names = new Set<string>();

  constructor() {
    this.one = this.input('one');
    this.position = this.input('position');
    this.positionSq = this.input('position_sq');
  }

  private add(dim: Omit<Dim, 'id'>): Expr {
    if (this.names.has(dim.name)) throw new Error(`graph: the name '${dim.name}' is used twice`);
    this.names.add(dim.name);
    const id = this.dims.length;
    this.dims.push({ ...dim, id });
    return Expr.of(id);
  }

  private unique(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}#${i}`;
    return name;
  }

  private memoized(key: string, build: () => Expr): Expr {
    const hit = this.memo.get(key);
    if (hit) return hit;
    const e = build();
    this.memo.set(key, e);
    return e;
  }

  input(name: string): Expr {
    return this.add({ name, kind: 'input' });
  }

  /** The constant k (k·one). */
  c(k: number): Expr {
    return this.one.times(k);
  }

  /** The id of a dimension wrapped as an expression of one term. */
  dimOf(e: Expr): Dim {
    if (e.terms.size !== 1) throw new Error('graph: expected a single dimension');
    const [[id, c]] = [...e.terms];
    if (c !== 1) throw new Error('graph: expected a single dimension with coefficient 1');
    return this.dims[id];
  }

  /** a·max(0, b): one neuron. */
  reglu(a: Expr, b: Expr, name?: string): Expr {
    return this.memoized(`reglu|${a.key}|${b.key}`, () =>
      this.add({ name: this.unique(name ?? `reglu${this.dims.length}`), kind: 'reglu', a, b }),
    );
  }

  /** The expression in a residual slot of its own. */
  persist(e: Expr, name?: string): Expr {
    return this.memoized(`persist|${e.key}`, () =>
      this.add({ name: this.unique(name ?? `persist${this.dims.length}`), kind: 'persist', e }),
    );
  }

  /** a·[b ≥ 0] for integer-valued b: a·relu(b+1) − a·relu(b), two neurons and a persist. */
  stepglu(a: Expr, b: Expr, name?: string): Expr {
    return this.memoized(`stepglu|${a.key}|${b.key}`, () => {
      const base = name ?? `step${this.dims.length}`;
      const up = this.reglu(a, b.plus(this.one), this.unique(`${base}+`));
      const down = this.reglu(a, b, this.unique(`${base}-`));
      return this.persist(up.minus(down), this.unique(base));
    });
  }

  /** a·b exactly, whatever the sign of b: a·relu(b) − a·relu(−b). */
  multiply(a: Expr, b: Expr, name?: string): Expr {
    return this.memoized(`mul|${a.key}|${b.key}`, () => {
      const base = name ?? `mul${this.dims.length}`;
      const pos = this.reglu(a, b, this.unique(`${base}+`));
      const neg = this.reglu(a, b.times(-1), this.unique(`${base}-`));
      return this.persist(pos.minus(neg), this.unique(base));
    });
  }

  /** e², without neurons when e is a multiple of `one` or of `position`. */
  square(e: Expr, name?: string): Expr {
    const oneId = this.dimOf(this.one).id;
    const posId = this.dimOf(this.position).id;
    if (e.terms.size === 1) {
      const [[id, c]] = [...e.terms];
      if (id === oneId) return this.one.times(c * c);
      if (id === posId) return this.positionSq.times(c * c);
    }
    if (e.isZero) return new Expr();
    return this.multiply(e, e, name);
  }

  /** n neurons [x = i] for i < n (x an integer dimension, xSquared its square). */
  oneHot(x: Expr, xSquared: Expr, n: number, name: string): Expr[] {
    const [xd, sd] = [this.dimOf(x).id, this.dimOf(xSquared).id];
    const neurons = Array.from({ length: n }, (_, i) =>
      this.reglu(
        this.one,
        x
          .times(2 * i)
          .minus(xSquared)
          .plus(this.c(1 - i * i)),
        `${name}_${i}`,
      ),
    );
    this.selectors.push({ dims: neurons.map((e) => this.dimOf(e).id), x: xd, xSquared: sd });
    return neurons;
  }

  /** A 2-D hard-max lookup. Returns one expression per value. */
  lookup(spec: Omit<Lookup, 'id' | 'dims'>): Expr[] {
    const id = this.lookups.length;
    const dims: number[] = [];
    const exprs = spec.values.map((_, i) => {
      const e = this.add({
        name: this.unique(spec.values.length === 1 ? spec.name : `${spec.name}[${i}]`),
        kind: 'lookup',
        lookup: id,
        valueIndex: i,
      });
      dims.push(this.dimOf(e).id);
      return e;
    });
    this.lookups.push({ ...spec, id, dims });
    return exprs;
  }

  /**
   * Nearest-key fetch: query (q, 1) against keys (2k, −k²) scores 2qk − k² = q² − (q − k)², so the
   * active row with the key nearest to q wins, the latest such row on ties.
   */
  fetch(values: Expr[], o: FetchOptions): Expr[] {
    const k2 = this.square(o.key, `${o.name}.key²`);
    return this.lookup({
      name: o.name,
      query: [o.query, this.one],
      key: [o.key.times(2), k2.times(-1)],
      clear: o.clear,
      values,
      tie: 'latest',
    });
  }

  /** Prefix sums Σ_{j ≤ p} v(j): one averaging lookup over all positions, times the position. */
  fetchSum(values: Expr[], name: string): Expr[] {
    const zero = new Expr();
    const means = this.lookup({
      name: `${name}.mean`,
      query: [zero, this.one],
      key: [zero, this.one],
      values,
      tie: 'average',
    });
    return means.map((m, i) => this.reglu(m, this.position, values.length === 1 ? name : `${name}[${i}]`));
  }

  /** How big the graph is, by kind. */
  stats() {
    const count = (k: DimKind) => this.dims.filter((d) => d.kind === k).length;
    return {
      inputs: count('input'),
      reglu: count('reglu'),
      persist: count('persist'),
      lookupValues: count('lookup'),
      lookups: this.lookups.length,
      dims: this.dims.length,
    };
  }
}
