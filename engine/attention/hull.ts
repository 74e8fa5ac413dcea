// Hard-max attention over a growing set of 2-D integer keys, answered from the keys' convex hull.
//
// A query (qx, qy) selects the keys maximizing qx·x + qy·y. For qy > 0 the winners lie on the
// upper hull, for qy < 0 on the lower hull, for qy = 0 among the keys with the largest (or
// smallest) x. Both hulls are treaps ordered by x, threaded with prev/next links, so an insertion
// costs O(log n) plus the points it removes, and a query O(log n) plus the number of tied keys.
// Points on a hull edge are kept (collinear points are not dropped) because a query perpendicular
// to that edge ties all of them, and the tie-break needs every tied key.
//
// Tie-break, as the graph defines it: "latest" returns the values of the most recently inserted
// tied key; "average" returns the mean of the values over every tied insertion. Identical keys are
// merged into one group that keeps the latest values, the sum of values and the count.
import { compareExactProducts, compareScores, exactDifference, exactScore } from './exact';

export type TieBreak = 'latest' | 'average';

const ON_UPPER = 1;
const ON_LOWER = 2;
const MAX_X = 4;
const MIN_X = 8;

/** All insertions of one key point. */
export class KeyGroup {
  latestSeq = -1;
  readonly latest: Float64Array;
  readonly sum: Float64Array;
  count = 0;
  /** Where a query can still find it: ON_UPPER | ON_LOWER | MAX_X | MIN_X. None: it is dropped. */
  on = 0;

  constructor(
    readonly x: number,
    readonly y: number,
    valueCount: number,
  ) {
    this.latest = new Float64Array(valueCount);
    this.sum = new Float64Array(valueCount);
  }

  add(values: ArrayLike<number>, seq: number): void {
    for (let i = 0; i < this.latest.length; i++) {
      this.latest[i] = values[i];
      this.sum[i] += values[i];
    }
    this.latestSeq = seq;
    this.count++;
  }
}

class Node {
  left: Node | null = null;
  right: Node | null = null;
  prev: Node | null = null;
  next: Node | null = null;
  /** On the hull (a query's finger may outlive the node's place on it). */
  linked = false;
  /**
   * next.x − x and next.y − y when both are at most NARROW in magnitude, else NaN (link()). Every
   * comparison a query makes is of a node with the next one; keys reach 2^101 but their steps
   * along a hull are mostly small, and then a step's score is exact in doubles.
   */
  dx = Number.NaN;
  dy = Number.NaN;
  constructor(
    readonly g: KeyGroup,
    readonly priority: number,
    /** y as this hull sees it (the lower hull stores −y, so both are upper hulls). */
    readonly y: number,
  ) {}
}

/** Deterministic priorities: the treap's shape, and so its speed, repeat from run to run. */
function priorities(seed: number) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/**
 * Steps and query coordinates up to 2^25 in magnitude: a computed difference of two integer-valued
 * doubles that small is exact (the operands are then both below 2^27, or of one sign and within a
 * factor of 2: Sterbenz), and qx·dx + qy·dy stays below 2^51, exact too.
 */
const NARROW = 2 ** 25;

/** a.next = b and b.prev = a (either may be null), keeping a's step to its next node. */
function link(a: Node | null, b: Node | null): void {
  if (b) b.prev = a;
  if (!a) return;
  a.next = b;
  a.dx = a.dy = Number.NaN;
  if (!b) return;
  const dx = b.g.x - a.g.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) <= NARROW && Math.abs(dy) <= NARROW) {
    a.dx = dx;
    a.dy = dy;
  }
}

/** True when the point (bx, by) lies strictly below the segment a–c (a.x < bx < c.x). */
function strictlyBelowPoint(a: Node, bx: number, by: number, c: Node): boolean {
  // b.y < a.y + (c.y − a.y)·(b.x − a.x)/(c.x − a.x)  ⇔  (b.y − a.y)(c.x − a.x) < (c.y − a.y)(b.x − a.x)
  // Each difference exact: a cleared key (about 2^101) minus a small one rounds in doubles.
  const dy = exactDifference(by, a.y);
  const ex = exactDifference(c.g.x, a.g.x);
  const ey = exactDifference(c.y, a.y);
  const dx = exactDifference(bx, a.g.x);
  return compareExactProducts(dy, ex, ey, dx) < 0;
}

/** The same for node b; three consecutive nodes with narrow steps d = b − a, e = c − b: d.y·e.x < e.y·d.x. */
function strictlyBelow(a: Node, b: Node, c: Node): boolean {
  if (a.next === b && b.next === c && !Number.isNaN(a.dx) && !Number.isNaN(b.dx))
    return a.dy * b.dx < b.dy * a.dx;
  return strictlyBelowPoint(a, b.g.x, b.y, c);
}

/** The upper convex hull (boundary points included) of groups, as a threaded treap by x. */
class UpperHull {
  private root: Node | null = null;
  /** The node the last query selected first (tried first by the next query). */
  private finger: Node | null = null;
  size = 0;
  private readonly random: () => number;
  private readonly bit: number;

  constructor(
    private readonly flip: boolean,
    seed: number,
  ) {
    this.random = priorities(seed);
    this.bit = flip ? ON_LOWER : ON_UPPER;
  }

  /** The node with the largest x ≤ x, or null. */
  private floor(x: number): Node | null {
    let n = this.root;
    let best: Node | null = null;
    while (n) {
      if (n.g.x <= x) {
        best = n;
        n = n.right;
      } else n = n.left;
    }
    return best;
  }

  private first(): Node | null {
    let n = this.root;
    while (n?.left) n = n.left;
    return n;
  }

  private static split(t: Node | null, x: number): [Node | null, Node | null] {
    if (!t) return [null, null];
    if (t.g.x < x) {
      const [l, r] = UpperHull.split(t.right, x);
      t.right = l;
      return [t, r];
    }
    const [l, r] = UpperHull.split(t.left, x);
    t.left = r;
    return [l, t];
  }

  private static insertAt(t: Node | null, node: Node): Node {
    if (!t) return node;
    if (node.priority > t.priority) {
      [node.left, node.right] = UpperHull.split(t, node.g.x);
      return node;
    }
    if (node.g.x < t.g.x) t.left = UpperHull.insertAt(t.left, node);
    else t.right = UpperHull.insertAt(t.right, node);
    return t;
  }

  private static merge(a: Node | null, b: Node | null): Node | null {
    if (!a) return b;
    if (!b) return a;
    if (a.priority > b.priority) {
      a.right = UpperHull.merge(a.right, b);
      return a;
    }
    b.left = UpperHull.merge(a, b.left);
    return b;
  }

  private static removeAt(t: Node | null, x: number): Node | null {
    if (!t) return null;
    if (t.g.x === x) return UpperHull.merge(t.left, t.right);
    if (x < t.g.x) t.left = UpperHull.removeAt(t.left, x);
    else t.right = UpperHull.removeAt(t.right, x);
    return t;
  }

  private insertTree(node: Node): void {
    this.root = UpperHull.insertAt(this.root, node);
  }

  private removeTree(x: number): void {
    this.root = UpperHull.removeAt(this.root, x);
  }

  private unlink(n: Node, left: KeyGroup[]): void {
    n.g.on &= ~this.bit;
    left.push(n.g);
    this.removeTree(n.g.x);
    link(n.prev, n.next);
    n.linked = false;
    this.size--;
  }

  /**
   * Whether add() would leave the point (x, y) off this hull: strictly below it, or at the x of a
   * point on it and not higher. (y as given; the lower hull negates it, as add() does.)
   */
  rejects(x: number, givenY: number): boolean {
    const y = this.flip ? -givenY : givenY;
    const before = this.floor(x);
    if (before && before.g.x === x) return before.y >= y;
    const after = before ? before.next : this.first();
    return before !== null && after !== null && strictlyBelowPoint(before, x, y, after);
  }

  /**
   * Adds a group's point; points that fall strictly inside the hull are not kept. The groups
   * whose points leave the hull are marked off it and appended to `left`.
   */
  add(g: KeyGroup, left: KeyGroup[]): void {
    const y = this.flip ? -g.y : g.y;
    let before = this.floor(g.x);
    if (before && before.g.x === g.x) {
      if (before.y >= y) return; // same x, not higher: below the hull (or the same point)
      const replaced = before;
      before = replaced.prev;
      this.unlink(replaced, left);
    }
    const after = before ? before.next : this.first();
    // Most new keys lie strictly inside: tested before a node is made.
    if (before && after && strictlyBelowPoint(before, g.x, y, after)) return;
    const node = new Node(g, this.random(), y);
    link(before, node);
    link(node, after);
    this.insertTree(node);
    node.linked = true;
    this.size++;
    g.on |= this.bit;
    // Neighbours that now lie strictly below the hull are no longer on it.
    while (node.prev?.prev && strictlyBelow(node.prev.prev, node.prev, node)) this.unlink(node.prev, left);
    while (node.next?.next && strictlyBelow(node, node.next, node.next.next)) this.unlink(node.next, left);
  }

  /** Appends the groups maximizing qx·x + qy·y (qy > 0, in this hull's orientation) to `out`. */
  best(qx: number, qy: number, out: KeyGroup[]): void {
    // Every comparison is of a node with the next one: the sign of score(next) − score(node),
    // from the node's step when it and the query are narrow, else from the exact scores.
    const narrow = Math.abs(qx) <= NARROW && Math.abs(qy) <= NARROW;
    const rises = (m: Node, next: Node) =>
      narrow && !Number.isNaN(m.dx)
        ? Math.sign(qx * m.dx + qy * m.dy)
        : compareScores(exactScore(qx, qy, next.g.x, next.y), exactScore(qx, qy, m.g.x, m.y));
    // The score is unimodal along the hull: find the first node not followed by a higher one.
    // Along the hull (x ascending, slopes descending) the score's steps change sign at most once,
    // from rising to level to falling, so a node higher than the one before it and not lower than
    // the one after it is that node. The last answer and its neighbour toward higher scores are
    // tried first (as in native/src/attention.cc), then a walk from the root.
    const isTop = (m: Node) => (!m.next || rises(m, m.next) <= 0) && (!m.prev || rises(m.prev, m) > 0);
    let n = this.root;
    let found: Node | null = null;
    const f = this.finger;
    if (f?.linked) {
      if (isTop(f)) found = f;
      else {
        const c = f.next && rises(f, f.next) > 0 ? f.next : f.prev;
        if (c && isTop(c)) found = c;
      }
      if (found) n = null;
    }
    while (n) {
      if (n.next && rises(n, n.next) > 0) {
        n = n.right;
      } else {
        found = n;
        n = n.left;
      }
    }
    if (!found) return;
    this.finger = found;
    // The nodes tied with the top follow it, each level with the one before.
    out.push(found.g);
    for (let t: Node = found; t.next && rises(t, t.next) === 0; t = t.next) out.push(t.next.g);
  }
}

/** Attention of one head: insert keys with values, query with tie-break semantics. */
export class HullAttention {
  /** Groups by x, then by y. */
  private readonly groups = new Map<number, Map<number, KeyGroup>>();
  private readonly upper: UpperHull;
  private readonly lower: UpperHull;
  /** Groups with the largest / smallest x, for queries with qy = 0. */
  private maxX: KeyGroup[] = [];
  private minX: KeyGroup[] = [];
  private readonly all: KeyGroup;
  private readonly scratch: KeyGroup[] = [];
  private readonly left: KeyGroup[] = [];
  private groupCount = 0;

  constructor(
    readonly valueCount: number,
    seed = 0x9e3779b9,
  ) {
    this.upper = new UpperHull(false, seed);
    this.lower = new UpperHull(true, seed ^ 0x5bd1e995);
    this.all = new KeyGroup(0, 0, valueCount);
  }

  /** The group of the last insert, tried before the maps. */
  private last: KeyGroup | null = null;

  get size(): number {
    return this.all.count;
  }

  /** Key groups kept: those a query can still select (the others are dropped). */
  get liveGroups(): number {
    return this.groupCount;
  }

  /** Points on either hull (what a query can touch). */
  get hullSize(): number {
    return this.upper.size + this.lower.size;
  }

  /** Inserts a key (integer coordinates) with its values; `seq` increases with every call. */
  insert(x: number, y: number, values: ArrayLike<number>, seq: number): void {
    // The last insert's key again (keys repeat) needs no lookup. Its group is still kept if it is
    // on a hull or an x extreme: a dropped group is on neither, and stays so.
    let g = this.last;
    let fresh = false;
    if (!g || g.x !== x || g.y !== y || g.on === 0) {
      const found = this.groups.get(x)?.get(y);
      if (!found && this.inside(x, y)) {
        // A new key strictly inside both hulls and the x extremes could never be selected: its
        // group would be made and dropped at once (as below), so only the total counts it.
        this.all.add(values, seq);
        this.last = null;
        return;
      }
      fresh = !found;
      g = found ?? new KeyGroup(x, y, this.valueCount);
      if (fresh) {
        let column = this.groups.get(x);
        if (!column) {
          column = new Map();
          this.groups.set(x, column);
        }
        column.set(y, g);
      }
      this.last = g;
    }
    g.add(values, seq);
    this.all.add(values, seq);
    if (!fresh) return;
    this.groupCount++;
    const left = this.left;
    left.length = 0;
    left.push(g);
    this.upper.add(g, left);
    this.lower.add(g, left);
    // The x extremes (for queries with qy = 0); groups pushed out of them may be unreachable now.
    if (this.maxX.length === 0 || x > this.maxX[0].x) {
      for (const old of this.maxX) {
        old.on &= ~MAX_X;
        left.push(old);
      }
      this.maxX = [g];
      g.on |= MAX_X;
    } else if (x === this.maxX[0].x) {
      this.maxX.push(g);
      g.on |= MAX_X;
    }
    if (this.minX.length === 0 || x < this.minX[0].x) {
      for (const old of this.minX) {
        old.on &= ~MIN_X;
        left.push(old);
      }
      this.minX = [g];
      g.on |= MIN_X;
    } else if (x === this.minX[0].x) {
      this.minX.push(g);
      g.on |= MIN_X;
    }
    // A group on neither hull nor an x extreme can never be selected again: hulls only grow, so a
    // point strictly inside stays inside (a later insert of its key makes a fresh group that the
    // hulls reject at once, and that is dropped here too).
    for (const k of left) {
      if (k.on !== 0) continue;
      const col = this.groups.get(k.x);
      if (col?.get(k.y) !== k) continue; // already dropped (listed twice)
      col.delete(k.y);
      if (col.size === 0) this.groups.delete(k.x);
      this.groupCount--;
    }
  }

  /** Whether a new key (x, y) lies strictly between the x extremes and off both hulls. */
  private inside(x: number, y: number): boolean {
    const { maxX, minX } = this;
    return (
      maxX.length > 0 &&
      minX.length > 0 &&
      x < maxX[0].x &&
      x > minX[0].x &&
      this.upper.rejects(x, y) &&
      this.lower.rejects(x, y)
    );
  }

  /**
   * Writes into `out` the values the query selects and returns how many insertions tied.
   * Returns 0 (and leaves `out` untouched) when nothing has been inserted.
   */
  query(qx: number, qy: number, tie: TieBreak, out: Float64Array): number {
    const tied = this.scratch;
    tied.length = 0;
    if (qy > 0) this.upper.best(qx, qy, tied);
    else if (qy < 0) this.lower.best(qx, -qy, tied);
    else if (qx > 0) tied.push(...this.maxX);
    else if (qx < 0) tied.push(...this.minX);
    else tied.push(this.all);
    return combine(tied, tie, out);
  }

  /**
   * What the last query selected, for the debugger (read after the query, before the next one):
   * the latest tied insertion ('latest'), or how many insertions tied ('average'); −1 / 0 when
   * nothing was selected.
   */
  selected(tie: TieBreak): number {
    return selectedOf(this.scratch, tie);
  }
}

function selectedOf(tied: readonly KeyGroup[], tie: TieBreak): number {
  let latest = -1;
  let count = 0;
  for (const g of tied) {
    if (g.latestSeq > latest) latest = g.latestSeq;
    count += g.count;
  }
  return tie === 'latest' ? latest : count;
}

/** Combines tied groups: the latest insertion's values, or the mean over all tied insertions. */
export function combine(tied: readonly KeyGroup[], tie: TieBreak, out: Float64Array): number {
  if (tied.length === 0) return 0;
  let count = 0;
  if (tie === 'latest') {
    let best = tied[0];
    for (const g of tied) {
      if (g.latestSeq > best.latestSeq) best = g;
      count += g.count;
    }
    out.set(best.latest);
    return count;
  }
  out.fill(0);
  for (const g of tied) {
    count += g.count;
    for (let i = 0; i < out.length; i++) out[i] += g.sum[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= count;
  return count;
}

/** The O(n) definition the hull must agree with: scan every insertion. */
export class BruteAttention {
  private readonly keys: { x: number; y: number; values: Float64Array; seq: number }[] = [];
  private lastSelected = -1;

  constructor(readonly valueCount: number) {}

  insert(x: number, y: number, values: ArrayLike<number>, seq: number): void {
    this.keys.push({ x, y, values: Float64Array.from(values), seq });
  }

  query(qx: number, qy: number, tie: TieBreak, out: Float64Array): number {
    this.lastSelected = -1;
    if (this.keys.length === 0) return 0;
    let top: number | bigint | undefined;
    let tied: typeof this.keys = [];
    for (const k of this.keys) {
      const s = exactScore(qx, qy, k.x, k.y);
      const c = top === undefined ? 1 : compareScores(s, top);
      if (c > 0) {
        top = s;
        tied = [k];
      } else if (c === 0) tied.push(k);
    }
    this.lastSelected = tie === 'latest' ? tied.reduce((a, b) => (b.seq > a.seq ? b : a)).seq : tied.length;
    if (tie === 'latest') {
      out.set(tied.reduce((a, b) => (b.seq > a.seq ? b : a)).values);
    } else {
      out.fill(0);
      for (const k of tied) for (let i = 0; i < out.length; i++) out[i] += k.values[i];
      for (let i = 0; i < out.length; i++) out[i] /= tied.length;
    }
    return tied.length;
  }

  /** What the last query selected (HullAttention.selected). */
  selected(tie: TieBreak): number {
    return tie === 'latest' ? this.lastSelected : Math.max(this.lastSelected, 0);
  }
}
