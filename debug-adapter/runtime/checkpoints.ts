// Decoder checkpoints of a debug session, bounded in number and bytes however long the trace:
// one every `spacing` steps; when there are more than `maxCount`, or their own memory pages and
// stacks take more than `maxBytes`, every other one is dropped and the spacing doubles. Going
// back to any step then decodes at most `spacing` steps from the checkpoint before it. Memory
// pages are shared copy-on-write between checkpoints (Memory.clone), so a checkpoint costs the
// pages written since the previous one.
import { MEMORY_PAGE_BYTES } from '../../engine/vm/memory';
import type { TraceDecoder } from '../../engine/vm/trace-decoder';

export interface CheckpointLimits {
  /** Steps between checkpoints at first (it doubles at each thinning). */
  readonly spacing: number;
  /** Most checkpoints kept. */
  readonly maxCount: number;
  /** Most bytes of memory pages and stacks that only checkpoints hold. */
  readonly maxBytes: number;
}

export const DEFAULT_CHECKPOINT_LIMITS: CheckpointLimits = {
  spacing: 20_000,
  maxCount: 512,
  maxBytes: 256 * 1024 * 1024,
};

export class Checkpoints {
  private list: TraceDecoder[] = [];
  /** Bytes each checkpoint adds to the one before it (index = index in list). */
  private own: number[] = [];
  private total = 0;
  spacing: number;

  constructor(private readonly limits: CheckpointLimits = DEFAULT_CHECKPOINT_LIMITS) {
    if (!(limits.spacing >= 1 && limits.maxCount >= 2 && limits.maxBytes >= 0))
      throw new RangeError(`invalid checkpoint limits ${JSON.stringify(limits)}`);
    this.spacing = limits.spacing;
  }

  get length(): number {
    return this.list.length;
  }

  /** Bytes held by checkpoints alone (their pages not shared with an earlier one, their stacks). */
  get bytes(): number {
    return this.total;
  }

  /** Called with the live decoder after every step: keeps a copy on the spacing's multiples. */
  offer(d: TraceDecoder): void {
    if (d.step === 0 || d.step % this.spacing !== 0) return;
    const last = this.list[this.list.length - 1];
    if (last && last.step >= d.step) return; // replaying steps already covered
    const copy = d.clone();
    this.list.push(copy);
    const cost = ownBytes(copy, last);
    this.own.push(cost);
    this.total += cost;
    while (
      this.list.length > 1 &&
      (this.list.length > this.limits.maxCount || this.total > this.limits.maxBytes)
    )
      this.thin();
  }

  /** The checkpoint at index k (in step order). */
  at(k: number): TraceDecoder {
    return this.list[k];
  }

  /** Index of the latest checkpoint whose step is below `step`, or −1. */
  indexBefore(step: number): number {
    let lo = 0;
    let hi = this.list.length; // first index with step >= `step`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].step < step) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Keeps the checkpoints on multiples of twice the spacing. */
  private thin(): void {
    this.spacing *= 2;
    this.list = this.list.filter((c) => c.step % this.spacing === 0);
    this.own = this.list.map((c, k) => ownBytes(c, this.list[k - 1]));
    this.total = this.own.reduce((a, b) => a + b, 0);
  }
}

/** Bytes of `c` that `previous` does not share: pages it does not hold too, stack, locals, frames. */
function ownBytes(c: TraceDecoder, previous: TraceDecoder | undefined): number {
  const theirs = previous ? new Map(previous.memory.pageEntries()) : undefined;
  let pages = 0;
  for (const [k, p] of c.memory.pageEntries()) if (theirs?.get(k) !== p) pages++;
  let values = c.stack.length + c.locals.length;
  for (const f of c.frames) values += f.savedLocals.length + 4;
  return pages * MEMORY_PAGE_BYTES + 8 * values;
}
