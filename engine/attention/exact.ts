// Exact integer arithmetic for attention geometry. Keys and queries of the machine's lookups are
// integers by construction; scores and orientation tests are products of them, which can pass
// 2^53, where doubles stop being exact. These helpers fall back to BigInt only then.

const SAFE = 2 ** 52;

/** Sign of a·b − c·d, exactly. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const ab = a * b;
  const cd = c * d;
  if (Math.abs(ab) < SAFE && Math.abs(cd) < SAFE) return Math.sign(ab - cd);
  const diff = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/**
 * u − v exactly, for integer-valued u and v: a number when the double subtraction is exact, else a
 * bigint. Keys mix cleared ones (about 2^101) with small ones, and then a difference rounds (the
 * ulp at 2^100 is 2^48): Knuth's TwoSum gives the subtraction's rounding error exactly, and the
 * difference is exact when that error is 0.
 */
export function exactDifference(u: number, v: number): number | bigint {
  const d = u - v;
  const vv = u - d; // TwoSum of u and −v: the parts of d that came from each operand
  const err = u - (d + vv) + (vv - v);
  return err === 0 ? d : BigInt(u) - BigInt(v);
}

/** Sign of a·b − c·d, exactly, for exact integers as numbers or bigints. */
export function compareExactProducts(
  a: number | bigint,
  b: number | bigint,
  c: number | bigint,
  d: number | bigint,
): number {
  if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number')
    return compareProducts(a, b, c, d);
  const diff = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** The score qx·x + qy·y as an exact value: a number when it fits, else a bigint. */
export function exactScore(qx: number, qy: number, x: number, y: number): number | bigint {
  const s1 = qx * x;
  const s2 = qy * y;
  if (Math.abs(s1) < SAFE && Math.abs(s2) < SAFE && Math.abs(s1 + s2) < SAFE) return s1 + s2;
  return BigInt(qx) * BigInt(x) + BigInt(qy) * BigInt(y);
}

/** Sign of s − t for exact scores. */
export function compareScores(s: number | bigint, t: number | bigint): number {
  if (typeof s === 'number' && typeof t === 'number') return Math.sign(s - t);
  const d = BigInt(s) - BigInt(t);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** Rounds a computed coordinate to the integer the graph guarantees it to be. */
export function snap(v: number): number {
  const r = Math.round(v);
  return r === 0 ? 0 : r; // no negative zero
}
