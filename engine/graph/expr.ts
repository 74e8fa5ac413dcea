// Expressions: sparse linear combinations of graph dimensions. Constants are multiples of the
// graph's `one` input (a transformer has no biases: every constant rides on a dimension that is 1
// on every token but the start token).

export class Expr {
  /** Dimension id → coefficient; no zero coefficients. */
  readonly terms: ReadonlyMap<number, number>;

  constructor(terms: Iterable<[number, number]> = []) {
    const m = new Map<number, number>();
    for (const [id, c] of terms) {
      const v = (m.get(id) ?? 0) + c;
      if (v === 0) m.delete(id);
      else m.set(id, v);
    }
    this.terms = m;
  }

  static of(id: number, coefficient = 1): Expr {
    return new Expr([[id, coefficient]]);
  }

  plus(...others: Expr[]): Expr {
    return new Expr([this, ...others].flatMap((e) => [...e.terms]));
  }

  minus(other: Expr): Expr {
    return this.plus(other.times(-1));
  }

  times(k: number): Expr {
    if (k === 0) return new Expr();
    return new Expr([...this.terms].map(([id, c]) => [id, c * k] as [number, number]));
  }

  get isZero(): boolean {
    return this.terms.size === 0;
  }

  /** The coefficient of one dimension (0 when absent). */
  coefficient(id: number): number {
    return this.terms.get(id) ?? 0;
  }

  /** A canonical string: equal expressions have equal keys (for memoization). */
  get key(): string {
    return [...this.terms]
      .sort((a, b) => a[0] - b[0])
      .map(([id, c]) => `${id}:${c}`)
      .join(',');
  }

  /** Value given each dimension's value. */
  evaluate(values: ArrayLike<number>): number {
    let s = 0;
    for (const [id, c] of this.terms) s += c * values[id];
    return s;
  }
}

/** Sum of expressions, each scaled. */
export function linear(...parts: [number, Expr][]): Expr {
  return new Expr(parts.flatMap(([k, e]) => [...e.times(k).terms]));
}
