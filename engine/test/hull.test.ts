// Property tests: the hull answers every query exactly as scanning all keys does, tie-breaks
// included, on point sets built to produce ties, duplicate keys, collinear hull edges, cleared rows
// and products beyond 2^53.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareExactProducts, exactDifference } from '../attention/exact';
import { BruteAttention, HullAttention, type TieBreak } from '../attention/hull';
import { PositionAttention } from '../attention/position';
import { prng } from './support/prng';

type PointMaker = (rnd: () => number, seq: number) => [number, number];

const int = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const CLEAR = -(2 ** 60);

/** Point families: each stresses a different part of the hull. */
const FAMILIES: Record<string, { point: PointMaker; query: (rnd: () => number) => [number, number] }> = {
  // A tiny grid: many duplicates, collinear points and exact ties.
  grid: { point: (r) => [int(r, -3, 3), int(r, -3, 3)], query: (r) => [int(r, -3, 3), int(r, -3, 3)] },
  // Nearest-key lookups: key (2k, −k²) for a 1-D key k, query (q, 1); repeated keys overwrite.
  nearest: {
    point: (r) => {
      const k = int(r, 0, 40);
      return [2 * k, -k * k];
    },
    query: (r) => [int(r, -5, 45), 1],
  },
  // Nearest-key lookups where some rows are cleared: they must never beat an active key.
  cleared: {
    point: (r) => {
      const k = int(r, 0, 20);
      return [2 * k, -k * k + (r() < 0.4 ? CLEAR : 0)];
    },
    query: (r) => [int(r, 0, 22), 1],
  },
  // Position keys: one new key per step, growing, as a gather head sees them.
  positions: { point: (_r, seq) => [2 * seq, -seq * seq], query: (r) => [int(r, 0, 300), 1] },
  // Large coordinates: products pass 2^53 and need the exact fallback.
  large: {
    point: (r) => {
      const k = int(r, 2 ** 24 - 20, 2 ** 24);
      return [2 * k, -k * k];
    },
    query: (r) => [int(r, 2 ** 24 - 25, 2 ** 24 + 5), 1],
  },
  // Arbitrary directions, including qy = 0 and qx = 0.
  random: {
    point: (r) => [int(r, -1000, 1000), int(r, -1000, 1000)],
    query: (r) => [int(r, -2, 2) * int(r, 0, 50), int(r, -2, 2) * int(r, 0, 50)],
  },
  // Queries that repeat and drift, as a head's consecutive queries do: the hull's finger (the last
  // answer, tried first) is right, next to the answer, or far from it.
  drifting: (() => {
    let q: [number, number] = [0, 1];
    const parabola = (k: number): [number, number] => [2 * k, -k * k];
    return {
      point: (r: () => number): [number, number] =>
        r() < 0.5 ? parabola(int(r, 0, 60)) : [int(r, -40, 40), int(r, -40, 40)],
      query: (r: () => number): [number, number] => {
        const u = r();
        if (u < 0.15) q = [int(r, -60, 60), int(r, -3, 3)];
        else if (u < 0.5) q = [q[0] + int(r, -1, 1), q[1]];
        return q;
      },
    };
  })(),
  // Averaging heads: every key is the same point, so every insertion ties.
  average: { point: () => [0, 1], query: () => [0, 1] },
};

for (const [family, { point, query }] of Object.entries(FAMILIES)) {
  test(`hull = brute force on ${family} keys, both tie-breaks, after every insertion`, () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = prng(seed * 31 + family.length);
      const values = 2;
      const hull = new HullAttention(values, seed);
      const brute = new BruteAttention(values);
      const a = new Float64Array(values);
      const b = new Float64Array(values);
      const n = family === 'positions' ? 300 : 150;
      for (let seq = 0; seq < n; seq++) {
        const [x, y] = point(rnd, seq);
        const v = [int(rnd, -100, 100), seq];
        hull.insert(x, y, v, seq);
        brute.insert(x, y, v, seq);
        for (let k = 0; k < 3; k++) {
          const [qx, qy] = query(rnd);
          for (const tie of ['latest', 'average'] as TieBreak[]) {
            const ch = hull.query(qx, qy, tie, a);
            const cb = brute.query(qx, qy, tie, b);
            assert.equal(ch, cb, `${family} seed ${seed} step ${seq}: tie count for (${qx}, ${qy}) ${tie}`);
            assert.deepEqual(a, b, `${family} seed ${seed} step ${seq}: values for (${qx}, ${qy}) ${tie}`);
          }
        }
      }
    }
  });
}

test('nearest-key lookups: latest write to the key wins; cleared rows only when nothing else is there', () => {
  const h = new HullAttention(1);
  const out = new Float64Array(1);
  const put = (k: number, v: number, seq: number, cleared = false) =>
    h.insert(2 * k, -k * k + (cleared ? CLEAR : 0), [v], seq);
  put(0, 0, 0); // the start position: key 0, value 0
  put(5, 50, 1);
  put(7, 70, 2);
  put(5, 51, 3);
  put(6, 99, 4, true);
  h.query(5, 1, 'latest', out);
  assert.equal(out[0], 51, 'the latest write to key 5');
  h.query(6, 1, 'latest', out);
  assert.equal(out[0], 51, 'key 6 is cleared: 5 and 7 are equally near, 5 was written later');
  h.query(7, 1, 'latest', out);
  assert.equal(out[0], 70);
  assert.equal(h.query(6, 1, 'average', out), 3, 'average over the two writes to 5 and the one to 7');
  assert.equal(out[0], (50 + 51 + 70) / 3);
});

test('interior keys are dropped for good and the answers stay exact, re-inserted keys included', () => {
  for (let seed = 1; seed <= 8; seed++) {
    const rnd = prng(seed * 977);
    const hull = new HullAttention(2, seed);
    const brute = new BruteAttention(2);
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    // A few far corners early, then thousands of keys mostly inside them (some repeating, so an
    // interior key comes back after its group was dropped), and now and then a key outside.
    const corners: [number, number][] = [
      [-500, -500],
      [500, -500],
      [-500, 500],
      [500, 500],
    ];
    for (let seq = 0; seq < 3000; seq++) {
      const [x, y]: [number, number] =
        seq < 4
          ? corners[seq]
          : rnd() < 0.01
            ? [int(rnd, -900, 900), int(rnd, -900, 900)]
            : rnd() < 0.5
              ? [int(rnd, -20, 20), int(rnd, -20, 20)]
              : [int(rnd, -499, 499), int(rnd, -499, 499)];
      const values = [seq, int(rnd, -9, 9)];
      hull.insert(x, y, values, seq);
      brute.insert(x, y, values, seq);
      for (let k = 0; k < 3; k++) {
        const qx = int(rnd, -3, 3) * int(rnd, 0, 9);
        const qy = int(rnd, -3, 3) * int(rnd, 0, 9);
        for (const tie of ['latest', 'average'] as TieBreak[]) {
          assert.equal(
            hull.query(qx, qy, tie, a),
            brute.query(qx, qy, tie, b),
            `seed ${seed} step ${seq} count`,
          );
          assert.deepEqual(a, b, `seed ${seed} step ${seq}: query (${qx}, ${qy}) ${tie}`);
        }
      }
    }
    assert.ok(hull.liveGroups < 200, `seed ${seed}: ${hull.liveGroups} key groups kept of 3000 insertions`);
  }
});

test('hull stays small for nearest-key heads and the treap handles a million position keys', () => {
  const h = new HullAttention(1);
  const out = new Float64Array(1);
  for (let k = 0; k < 1000; k++) h.insert(2 * (k % 10), -(k % 10) * (k % 10), [k], k);
  assert.ok(h.hullSize <= 20, `${h.hullSize} points on the hulls for 10 distinct keys`);
  const big = new HullAttention(1);
  for (let p = 0; p < 1_000_000; p++) big.insert(2 * p, -p * p, [p], p);
  for (const q of [0, 1, 12345, 999_999]) {
    big.query(q, 1, 'latest', out);
    assert.equal(out[0], q);
  }
});

test('position attention (gather heads) = brute force for every query direction', () => {
  const rnd = prng(99);
  const fast = new PositionAttention(1);
  const brute = new BruteAttention(1);
  const a = new Float64Array(1);
  const b = new Float64Array(1);
  for (let p = 0; p < 400; p++) {
    fast.insert(2 * p, -p * p, [p * 7 + 1], p);
    brute.insert(2 * p, -p * p, [p * 7 + 1], p);
    for (let k = 0; k < 4; k++) {
      const qy = [1, 1, 2, 0, -1, 3][int(rnd, 0, 5)];
      const qx = int(rnd, -20, 2 * p + 20);
      fast.query(qx, qy, 'latest', a);
      brute.query(qx, qy, 'latest', b);
      assert.deepEqual(a, b, `step ${p}: query (${qx}, ${qy})`);
    }
  }
  assert.throws(() => fast.insert(0, 0, [0], 400), /got key/);
});

test('a point within rounding of a hull edge whose keys mix 2^100 and small coordinates is placed exactly', () => {
  // a = (0, 3), c = (2, −2^100), b = (1, −2^99): b lies 1.5 below the edge a–c, which the
  // differences in doubles miss (−2^99 − 3 and −2^100 − 3 both round to their powers of two, so
  // b looked on the edge). Exactly, b is strictly below the upper hull and on the lower one.
  const hull = new HullAttention(1);
  hull.insert(0, 3, [1], 0);
  hull.insert(2, -(2 ** 100), [2], 1);
  hull.insert(1, -(2 ** 99), [3], 2);
  assert.equal(hull.hullSize, 2 + 3, 'upper hull a, c; lower hull a, b, c');
  // The same with the insertion order reversed, and mirrored in x.
  const mirrored = new HullAttention(1);
  mirrored.insert(-1, -(2 ** 99), [3], 0);
  mirrored.insert(-2, -(2 ** 100), [2], 1);
  mirrored.insert(0, 3, [1], 2);
  assert.equal(mirrored.hullSize, 2 + 3);
});

test('exactDifference and compareExactProducts agree with BigInt on keys from 1 to 2^110', () => {
  const r = prng(17);
  const key = () => {
    const v = Math.round((r() - 0.5) * 2 ** (1 + Math.floor(r() * 110)));
    return v === 0 ? 0 : v; // no −0
  };
  let inexact = 0;
  for (let i = 0; i < 20_000; i++) {
    const [u, v, w, z] = [key(), key(), key(), key()];
    const d = exactDifference(u, v);
    assert.equal(BigInt(d), BigInt(u) - BigInt(v), `${u} − ${v}`);
    if (typeof d === 'bigint') inexact++;
    else assert.equal(BigInt(u - v), BigInt(u) - BigInt(v), `a number only when exact: ${u} − ${v}`);
    const e = exactDifference(w, z);
    const exact = BigInt(d) * BigInt(e) - BigInt(u) * BigInt(w);
    assert.equal(compareExactProducts(d, e, u, w), exact > 0n ? 1 : exact < 0n ? -1 : 0);
  }
  assert.ok(inexact > 1000 && inexact < 19_000, `${inexact} inexact differences: both paths ran`);
});
