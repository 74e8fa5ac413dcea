// A multi-way branch on an unsigned 32-bit index, for br_table and call_indirect: the machine's
// branches have static targets, so the index is compared against constants. The index space
// [0, 2^32) is cut into runs of consecutive indices that go to the same place (the default covers
// everything past the table), and a binary search over the runs' starting indices picks the run:
// ceil(log2(runs)) comparisons of `local.get; i32.const; i32.lt_u; br_if` (16 trace tokens, 21
// when taken) on every path. A linear chain of equality tests costs the same 16 tokens a test, so
// it is never cheaper beyond three runs and equal below: the search is used for every size.
import type { FunctionBuilder } from '../function-builder';

/** Runs of consecutive indices: run i is [starts[i], starts[i+1]), the last run ends at 2^32. */
export interface Runs<T> {
  readonly starts: number[];
  readonly targets: T[];
}

/**
 * The runs of `entries` (index i goes to entries[i]) followed by `beyond` for every index from
 * entries.length up, adjacent equal targets (by `key`) merged.
 */
export function runsOf<T>(entries: readonly T[], beyond: T, key: (t: T) => string): Runs<T> {
  const starts: number[] = [];
  const targets: T[] = [];
  let last: string | undefined;
  const add = (start: number, t: T) => {
    const k = key(t);
    if (k === last) return;
    last = k;
    starts.push(start);
    targets.push(t);
  };
  for (let i = 0; i < entries.length; i++) add(i, entries[i]);
  add(entries.length, beyond);
  return { starts, targets };
}

/**
 * Emits the search on the index in local `index`; `leaf` emits the code of one run's target, which
 * must end in an unconditional transfer (a branch, return or halt): nothing falls out of a leaf.
 */
export function emitSearch<T>(
  b: FunctionBuilder,
  index: number,
  runs: Runs<T>,
  leaf: (target: T) => void,
): void {
  const search = (lo: number, hi: number) => {
    if (lo === hi) {
      leaf(runs.targets[lo]);
      return;
    }
    // Runs lo..mid-1 lie below starts[mid]: jump to them; runs mid..hi follow here.
    const mid = (lo + hi + 1) >> 1;
    const below = b.newLabel();
    b.emit('local.get', index);
    b.emit('i32.const', runs.starts[mid]);
    b.emit('i32.lt_u');
    b.branch('br_if', below);
    search(mid, hi);
    b.bind(below);
    search(lo, mid - 1);
  };
  search(0, runs.targets.length - 1);
}
