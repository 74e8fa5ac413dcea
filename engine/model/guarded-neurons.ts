// Guarded neurons: FFN neurons that can fire for one value of an integer slot only, found in the
// gate weights at load (the native engine's native/src/guarded_neurons.cc, the same rule and the
// same bound), so that a layer evaluates the few that may fire instead of all of them:
//
//   gate_j·x = S·(2k_j·x[c] − x[q]) + w_j·x[o] + rest_j·x        (c, q, o, S shared by a group)
//            = −S·(x[c] − k_j)² + B_j + rest_j·x                  when x[q] = x[c]², x[o] = 1
//   with B_j = w_j + k_j²·S:  for x[c] ≠ k_j the gate is ≤ −S + B_j + rest_j·x
//
// Per token a group checks that x[c] is an integer, x[q] its square and x[o] one, and bounds
// max_j (B_j + rest_j·x), rounding included: when that stays at or below S, no row with
// k_j ≠ x[c] can have a computed gate above 0, so only the rows with k_j = x[c] are computed (by
// the ordinary dot products); otherwise the whole group is. Why the margin is safe: the computed
// gate is within n·2^−53·T of the exact one (n < 2^12 terms, T ≥ the sum of the terms'
// magnitudes), and bMax, U and T are computed within the same relative error, so 2^−40·T + 2^−1000
// covers every rounding. An integral group (integer weights, no rest columns) computes its gates
// exactly while their products stay below 2^49, and then B_j ≤ S (checked here) is the condition.

const MAX_K = 2 ** 20;
const MAX_ROWS = 65536;
const MAX_ENTRIES = 16;
const KEY_ROWS = 4096;
const COMBOS = 64;
const MAX_KEYS = 32;
const MAX_GROUPS = 8;
/** |x[c]| below this: x[c]² is exact. */
const MAX_C = 2 ** 24;

interface Entry {
  readonly column: number;
  readonly weight: number;
}

interface Key {
  readonly c: number;
  readonly q: number;
  /** −1: no o column. */
  readonly o: number;
  readonly s: number;
  /** Rest columns with a weight ≥ S/1024: rows that differ here differ in B + rest. */
  readonly heavy: readonly number[];
}

interface Group {
  readonly c: number;
  readonly q: number;
  readonly o: number;
  readonly s: number;
  readonly kMin: number;
  /** Rows with k = kMin + i are rows[byK[i] .. byK[i + 1]). */
  readonly byK: Int32Array;
  /** By k, then ascending. */
  readonly rows: Int32Array;
  /** Ascending. */
  readonly all: Int32Array;
  readonly restColumn: Int32Array;
  readonly restHigh: Float64Array;
  readonly restLow: Float64Array;
  readonly restMagnitude: Float64Array;
  readonly bMax: number;
  /** max_j (|w_j| + k_j²·S): bounds the rounding of B_j and of the o term. */
  readonly magnitude: number;
  readonly kAbs: number;
  readonly integral: boolean;
  readonly weightMax: number;
}

/** Whether |v| has at most 32 significant bits (v finite and nonzero). */
function fewBits(v: number): boolean {
  let m = Math.abs(v);
  if (!(m > 0) || !Number.isFinite(m)) return false;
  while (!Number.isInteger(m)) m *= 2; // exact: scaling by 2
  while (m >= 2 ** 32 && m % 2 === 0) m /= 2;
  return m < 2 ** 32;
}

function weightAt(row: readonly Entry[], column: number): number {
  for (const e of row) if (e.column === column) return e.weight;
  return 0;
}

function heavyColumns(row: readonly Entry[], key: Omit<Key, 'heavy'>): number[] {
  return row
    .filter((e) => e.column !== key.c && e.column !== key.q && e.column !== key.o && e.weight >= key.s / 1024)
    .map((e) => e.column);
}

/** k and B when the row has the key's form with B ≤ S and the key's heavy columns, else null. */
function matches(row: readonly Entry[], key: Key): { k: number; b: number } | null {
  if (weightAt(row, key.q) !== -key.s) return null;
  const wc = weightAt(row, key.c);
  const half = wc / (2 * key.s);
  if (!(Math.abs(half) < MAX_K) || !Number.isInteger(half)) return null;
  // 2k·S is w_c exactly: with |2k| ≤ 2^21 and S of at most 32 significant bits the product is exact.
  if (!fewBits(key.s) || 2 * half * key.s !== wc) return null;
  const w = key.o >= 0 ? weightAt(row, key.o) : 0;
  const b = w + half * half * key.s;
  if (!(b <= key.s)) return null;
  const heavy = heavyColumns(row, key);
  if (heavy.length !== key.heavy.length || heavy.some((c, i) => c !== key.heavy[i])) return null;
  return { k: half, b };
}

export class GuardedNeurons {
  private readonly groupList: Group[] = [];
  private readonly inGroup: Uint8Array;
  /** The rows select() chose: its result's [from, to). */
  from = 0;
  to = 0;

  /**
   * Finds groups among `candidates` (ascending neuron ids with nonzero gate rows) of the gate
   * matrix [neurons, width], row-major; `minimum` rows or more make a group.
   */
  constructor(gate: Float64Array, width: number, candidates: ArrayLike<number>, minimum = 4) {
    const neurons = gate.length / width;
    this.inGroup = new Uint8Array(neurons);
    // Load stays bounded whatever the weights (the native limits): at most MAX_ROWS candidates,
    // rows of at most MAX_ENTRIES weights, COMBOS guesses per row from the first KEY_ROWS rows,
    // the MAX_KEYS keys most rows suggest, MAX_GROUPS groups.
    if (candidates.length === 0 || candidates.length > MAX_ROWS || width > 4096) return; // 2^−40 assumes < 2^12 terms
    const rows: Entry[][] = Array.from(candidates, (j) => {
      const row: Entry[] = [];
      for (let c = 0; c < width; c++)
        if (gate[j * width + c] !== 0) row.push({ column: c, weight: gate[j * width + c] });
      return row.length <= MAX_ENTRIES ? row : []; // an empty row matches no key
    });
    // The keys rows suggest: q a column of negative weight −S, c one whose weight is 2k·S (k ≠ 0),
    // o another column or none; counted by how many rows suggest each.
    const suggested = new Map<string, { key: Key; count: number }>();
    for (const row of rows.slice(0, KEY_ROWS)) {
      let combos = 0;
      for (const q of row) {
        if (!(q.weight < 0) || !Number.isFinite(q.weight)) continue;
        for (const c of row) {
          if (c.column === q.column) continue;
          for (let o = -1; o < row.length && combos < COMBOS; o++) {
            const oc = o < 0 ? -1 : row[o].column;
            if (oc === q.column || oc === c.column) continue;
            combos++;
            const base = { c: c.column, q: q.column, o: oc, s: -q.weight };
            const key: Key = { ...base, heavy: heavyColumns(row, base) };
            if (!matches(row, key)) continue;
            const name = `${key.c},${key.q},${key.o},${key.s},${key.heavy.join(' ')}`;
            const seen = suggested.get(name);
            if (seen) seen.count++;
            else suggested.set(name, { key, count: 1 });
          }
        }
      }
    }
    // The most suggested keys, ties in the native engine's std::map order, and in that order.
    const byOrder = (a: Key, b: Key) =>
      a.c - b.c || a.q - b.q || a.o - b.o || a.s - b.s || compareLists(a.heavy, b.heavy);
    const ordered = [...suggested.values()]
      .sort((a, b) => b.count - a.count || byOrder(a.key, b.key))
      .slice(0, MAX_KEYS)
      .map((e) => e.key)
      .sort(byOrder);
    const taken = new Uint8Array(rows.length);
    for (let formed = 0; formed < MAX_GROUPS; formed++) {
      let best: Key | undefined;
      let bestCount = 0;
      for (const key of ordered) {
        let count = 0;
        for (let r = 0; r < rows.length; r++) if (!taken[r] && matches(rows[r], key)) count++;
        if (count > bestCount) {
          best = key;
          bestCount = count;
        }
      }
      if (!best || bestCount < minimum) break;
      this.groupList.push(this.makeGroup(best, rows, candidates, taken));
    }
  }

  private makeGroup(key: Key, rows: Entry[][], candidates: ArrayLike<number>, taken: Uint8Array): Group {
    const members: { k: number; j: number; r: number }[] = [];
    let bMax = -Infinity;
    let magnitude = 0;
    let kAbs = 0;
    let weightMax = 0;
    let integral = true;
    const restColumns = new Set<number>();
    const core = (c: number) => c === key.c || c === key.q || c === key.o;
    for (let r = 0; r < rows.length; r++) {
      const m = taken[r] ? null : matches(rows[r], key);
      if (!m) continue;
      taken[r] = 1;
      members.push({ k: m.k, j: candidates[r], r });
      const w = key.o >= 0 ? weightAt(rows[r], key.o) : 0;
      const k2s = m.k * m.k * key.s;
      bMax = Math.max(bMax, m.b);
      magnitude = Math.max(magnitude, Math.abs(w) + k2s);
      kAbs = Math.max(kAbs, Math.abs(m.k));
      for (const e of rows[r]) {
        if (!core(e.column)) {
          integral = false;
          restColumns.add(e.column);
        }
        if (!(Math.abs(e.weight) < 2 ** 40) || !Number.isInteger(e.weight)) integral = false;
        weightMax = Math.max(weightMax, Math.abs(e.weight));
      }
      if (!(Math.abs(k2s) < 2 ** 52) || !(Math.abs(m.b) < 2 ** 52)) integral = false;
    }
    const restColumn = Int32Array.from([...restColumns].sort((a, b) => a - b));
    const restHigh = new Float64Array(restColumn.length);
    const restLow = new Float64Array(restColumn.length);
    const restMagnitude = new Float64Array(restColumn.length);
    restColumn.forEach((column, i) => {
      let hi = -Infinity;
      let lo = Infinity;
      for (const m of members) {
        const w = weightAt(rows[m.r], column);
        hi = Math.max(hi, w);
        lo = Math.min(lo, w);
      }
      restHigh[i] = hi;
      restLow[i] = lo;
      restMagnitude[i] = Math.max(Math.abs(hi), Math.abs(lo));
    });
    members.sort((a, b) => a.k - b.k || a.j - b.j);
    const kMin = members[0].k;
    const byK = new Int32Array(members[members.length - 1].k - kMin + 2);
    for (const m of members) byK[m.k - kMin + 1]++;
    for (let i = 1; i < byK.length; i++) byK[i] += byK[i - 1];
    const ordered = Int32Array.from(members, (m) => m.j);
    const all = Int32Array.from(ordered).sort();
    for (const j of all) this.inGroup[j] = 1;
    return {
      ...key,
      kMin,
      byK,
      rows: ordered,
      all,
      restColumn,
      restHigh,
      restLow,
      restMagnitude,
      bMax,
      magnitude,
      kAbs,
      integral,
      weightMax,
    };
  }

  get groups(): number {
    return this.groupList.length;
  }

  /** Whether neuron j belongs to a group. */
  grouped(j: number): boolean {
    return this.inGroup[j] === 1;
  }

  /** Neurons in groups, for tests and the docs. */
  get neurons(): number {
    return this.groupList.reduce((n, g) => n + g.all.length, 0);
  }

  /**
   * The rows of group g that may fire for residual x: the result's [from, to), ascending neuron
   * order. Either the rows with k = x[c] (possibly none) when the group's bound holds, or all its rows.
   */
  select(index: number, x: Float64Array): Int32Array {
    const g = this.groupList[index];
    const c = x[g.c];
    if (
      (g.o < 0 || x[g.o] === 1) &&
      Math.abs(c) < MAX_C &&
      Number.isInteger(c) &&
      x[g.q] === c * c &&
      holds(g, x, c)
    ) {
      const i = c - g.kMin;
      if (i >= 0 && i < g.byK.length - 1) {
        this.from = g.byK[i];
        this.to = g.byK[i + 1];
      } else {
        this.from = this.to = 0;
      }
      return g.rows;
    }
    this.from = 0;
    this.to = g.all.length;
    return g.all;
  }
}

function holds(g: Group, x: Float64Array, c: number): boolean {
  const c2 = c * c;
  if (g.integral) return g.weightMax * (c2 + Math.abs(c) + 1) < 2 ** 49;
  let u = 0;
  let a = 0;
  for (let i = 0; i < g.restColumn.length; i++) {
    const v = x[g.restColumn[i]];
    u += Math.max(g.restHigh[i] * v, g.restLow[i] * v);
    a += g.restMagnitude[i] * Math.abs(v);
  }
  const t = 2 * g.kAbs * g.s * Math.abs(c) + g.s * c2 + g.magnitude + a + g.s + Math.abs(u);
  return g.bMax + u + (2 ** -40 * t + 2 ** -1000) <= g.s; // false for NaN or infinity anywhere
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
