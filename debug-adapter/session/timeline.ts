// The `timeline` request: the recorded run, or a range of its steps, summarized into at most
// `buckets` buckets for the Timeline view (extension/timeline-view.ts): per bucket the least and
// greatest call depth and operand-stack depth, the memory writes per region and the output events;
// with the breakpoint hits, the current step and the region names. A wide range sums the runtime's
// per-block rows (runtime/timeline.ts: O(blocks), a few ms on 24 M steps), its edges on block
// boundaries; a range too narrow for blocks (a zoomed-in view) is decoded again step by step from
// the nearest checkpoint, so every bucket there is exact.
import { TraceDecoder } from '../../engine/vm/trace-decoder';
import type { MachineRuntime } from '../runtime/runtime';
import {
  COL_DEPTH_MAX,
  COL_DEPTH_MIN,
  COL_OUTPUTS,
  COL_STACK_MAX,
  COL_STACK_MIN,
  COL_WRITES,
  type MemoryRegion,
  REGION_COUNT,
  ROW_WIDTH,
  type TimelineHit,
  TimelineRecorder,
} from '../runtime/timeline';
import { type Args, int } from './arguments';

/** Most buckets one request answers (a view asks for about one per pixel column). */
export const MAX_TIMELINE_BUCKETS = 4096;
/** Longest range decoded step by step (about 5 tokens a step: tens of ms). */
export const MAX_EXACT_STEPS = 1 << 16;

export interface TimelineAnswer {
  /**
   * Bucket k covers the instructions edges[k] … edges[k+1]−1 (instruction i takes the machine from
   * step i to step i+1; depths are those after it). The first and last edges are the range
   * answered: the one asked for, widened to block boundaries unless `exact`.
   */
  readonly edges: number[];
  /** Whether each bucket was decoded step by step (else summed from blocks of `blockSteps`). */
  readonly exact: boolean;
  readonly blockSteps: number;
  readonly depthMin: number[];
  readonly depthMax: number[];
  readonly stackMin: number[];
  readonly stackMax: number[];
  readonly outputs: number[];
  /** writes[region][bucket]: stores (and input_base) whose address is in that region. */
  readonly writes: number[][];
  readonly regions: readonly MemoryRegion[];
  /** Breakpoint and data-breakpoint stops within the range (most recent MAX_TIMELINE_HITS kept). */
  readonly hits: readonly TimelineHit[];
  /** The step the debugger is at. */
  readonly current: number;
  /** Instructions recorded (steps 0 … recorded can be travelled to). */
  readonly recorded: number;
}

/** timeline { from?, to?, buckets }: validated here, every number. */
export function timeline(r: MachineRuntime, args: Args): TimelineAnswer {
  const rec = r.timeline;
  const steps = rec.steps;
  const buckets = int(args, 'buckets', 1, MAX_TIMELINE_BUCKETS);
  const from = int(args, 'from', 0, Math.max(0, steps - 1), 0);
  // An empty recording (no instruction yet) answers no buckets.
  const to = steps === 0 ? int(args, 'to', 0, 0, 0) : int(args, 'to', from + 1, steps, steps);
  const B = rec.blockSize;
  const exact = to - from <= MAX_EXACT_STEPS && to - from < buckets * B;
  const columns = exact ? decoded(r, from, to, buckets) : summed(rec, from, to, buckets);
  const first = columns.edges[0];
  const last = columns.edges[columns.edges.length - 1];
  return {
    ...columns,
    exact,
    blockSteps: B,
    regions: rec.layout.regions,
    // A hit at step s stops before instruction s: in the bucket holding s, or at the very end.
    hits: rec.hits.filter((h) => h.step >= first && (h.step < last || h.step === steps)),
    current: r.step,
    recorded: steps,
  };
}

type Columns = Pick<
  TimelineAnswer,
  'edges' | 'depthMin' | 'depthMax' | 'stackMin' | 'stackMax' | 'outputs' | 'writes'
>;

/** Buckets of whole blocks: [from, to) widened to block edges. */
function summed(rec: TimelineRecorder, from: number, to: number, buckets: number): Columns {
  const B = rec.blockSize;
  const firstBlock = Math.floor(from / B);
  const endBlock = Math.ceil(to / B);
  return bucketize(rec.rows, firstBlock, endBlock, buckets, (block) => Math.min(block * B, rec.steps));
}

/** Buckets of single steps, decoded again from the checkpoint before `from`. */
function decoded(r: MachineRuntime, from: number, to: number, buckets: number): Columns {
  const instructions = r.o.instructions;
  const k = r.checkpoints.indexBefore(from + 1);
  const d = k >= 0 ? r.checkpoints.at(k).clone() : new TraceDecoder(instructions);
  const rec = new TimelineRecorder(instructions, r.timeline.layout, 1);
  while (d.step < to && d.position < r.trace.length) {
    const pc = d.pc;
    const before = d.step;
    d.feed(r.trace.at(d.position));
    if (d.step !== before && before >= from) rec.record(pc, d);
  }
  return bucketize(rec.rows, 0, rec.steps, buckets, (row) => from + row);
}

/**
 * Rows [first, end) in min(rows, buckets) buckets of as equal a number of rows as can be (they
 * differ by at most one); `stepOf(row)` is the step a row starts at.
 */
function bucketize(
  rows: Int32Array,
  first: number,
  end: number,
  buckets: number,
  stepOf: (row: number) => number,
): Columns {
  const c: Columns = {
    edges: [stepOf(first)],
    depthMin: [],
    depthMax: [],
    stackMin: [],
    stackMax: [],
    outputs: [],
    writes: Array.from({ length: REGION_COUNT }, () => []),
  };
  const n = end - first;
  const m = Math.min(n, buckets);
  for (let k = 0; k < m; k++) {
    const b = first + Math.floor((k * n) / m);
    const stop = first + Math.floor(((k + 1) * n) / m);
    let depthMin = 0x7fffffff;
    let depthMax = -1;
    let stackMin = 0x7fffffff;
    let stackMax = -1;
    let outputs = 0;
    const writes = new Array<number>(REGION_COUNT).fill(0);
    for (let i = b; i < stop; i++) {
      const o = i * ROW_WIDTH;
      depthMin = Math.min(depthMin, rows[o + COL_DEPTH_MIN]);
      depthMax = Math.max(depthMax, rows[o + COL_DEPTH_MAX]);
      stackMin = Math.min(stackMin, rows[o + COL_STACK_MIN]);
      stackMax = Math.max(stackMax, rows[o + COL_STACK_MAX]);
      outputs += rows[o + COL_OUTPUTS];
      for (let g = 0; g < REGION_COUNT; g++) writes[g] += rows[o + COL_WRITES + g];
    }
    c.edges.push(stepOf(stop));
    c.depthMin.push(depthMin);
    c.depthMax.push(depthMax);
    c.stackMin.push(stackMin);
    c.stackMax.push(stackMax);
    c.outputs.push(outputs);
    for (let g = 0; g < REGION_COUNT; g++) c.writes[g].push(writes[g]);
  }
  return c;
}
