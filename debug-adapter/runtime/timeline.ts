// The Timeline's record of a run: per block of steps (256 by default), the least and greatest
// call depth and operand-stack depth after each step, the memory writes into each region of a C
// program's memory, and the output events; and a bounded list of the steps where the run stopped
// at a breakpoint or data breakpoint. The runtime calls `record` once per new step, so it must cost
// a few comparisons: no allocation, no map lookups, one typed-array row per block. Its memory is
// 40 bytes per block (24 M steps: under 4 MiB). The session aggregates blocks into the buckets a
// view asks for (debug-adapter/session/timeline.ts), and decodes short ranges step by step.
import { C_STACK_SIZE } from '../../engine/compiler/clang';
import { globalAddress, globalWordCount } from '../../engine/compiler/flatten/memory';
import type { SourceMap } from '../../engine/compiler/source-map';
import { MEMORY_SIZE } from '../../engine/tokens/limits';
import { OPCODES, Op } from '../../engine/tokens/opcodes';
import type { Instruction } from '../../engine/tokens/program-file';
import type { TraceDecoder } from '../../engine/vm/trace-decoder';
import { decodeModule } from '../../engine/wasm/decoder';

/** A part of memory the Timeline counts writes into: [start, end). */
export interface MemoryRegion {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** What lives there, for the view's legend. */
  readonly description: string;
}

/** The regions, in address order (REGION_* index them). */
export const REGION_NAMES = ['scratch', 'globals', 'static data', 'C stack', 'heap and input'] as const;
export const REGION_COUNT = REGION_NAMES.length;

/**
 * Steps per block by default: a power of two, so the block test is a mask. Small enough that a
 * range too wide to decode again (session/timeline.ts MAX_EXACT_STEPS) still fills a view with
 * blocks: 65,536 steps are 256 of them.
 */
export const TIMELINE_BLOCK = 256;
/** Most breakpoint hits kept (the oldest go first): a marker per hit, bounded for a long session. */
export const MAX_TIMELINE_HITS = 10_000;

/** Columns of a block's row (see TimelineRecorder.rows). */
export const COL_DEPTH_MIN = 0;
export const COL_DEPTH_MAX = 1;
export const COL_STACK_MIN = 2;
export const COL_STACK_MAX = 3;
export const COL_OUTPUTS = 4;
/** Writes into region i are column COL_WRITES + i. */
export const COL_WRITES = 5;
export const ROW_WIDTH = COL_WRITES + REGION_COUNT;

/** What an instruction does that the Timeline counts. */
const KIND_NONE = 0;
const KIND_WRITE = 1;
const KIND_OUTPUT = 2;

export type TimelineHitKind = 'breakpoint' | 'data breakpoint';

export interface TimelineHit {
  /** The step the run stopped at (the state after that many instructions). */
  readonly step: number;
  readonly kind: TimelineHitKind;
}

/** Where the memory regions of a program begin, read from the program itself. */
export interface MemoryLayout {
  readonly regions: readonly MemoryRegion[];
  /** The region boundaries after scratch: globals, static data, C stack, heap (starts). */
  readonly bounds: readonly [number, number, number, number];
}

/**
 * The memory regions of a compiled program (docs/token-programs.md, "Memory layout"): scratch
 * bytes 0–7, the global words from 8 (global 0 is the C stack pointer), static data, the C stack
 * below the stack pointer's initial value, then the input and the heap. The stack pointer's
 * initial value is what the prologue stores into global 0; the global words come from the source
 * map (else the module), the stack's bottom from the module's `__stack_low` (else the top minus
 * the compiler's stack size). A program without a C stack has an empty one, and its heap starts
 * at its input.
 */
export function memoryLayout(
  instructions: readonly Instruction[],
  sourceMap?: SourceMap,
  wasm?: Uint8Array,
): MemoryLayout {
  let module: ReturnType<typeof decodeModule> | undefined;
  try {
    module = wasm ? decodeModule(wasm) : undefined;
  } catch {
    module = undefined; // an unreadable module only costs the exact stack bottom
  }
  const exported = (name: string) => {
    const e = module?.exports.find((x) => x.kind === 'global' && x.name === name);
    return e ? module?.globals[e.index]?.init : undefined;
  };
  const spAddress = sourceMap?.globalWords(0)?.[0] ?? globalAddress(0);
  const prologue = prologueFacts(instructions, spAddress);
  const words = sourceMap?.data.globals?.flat();
  // Without a map or module, 1024: the lowest address the compiler puts static data at.
  const globalsEnd = words?.length
    ? Math.max(...words) + 4
    : module
      ? globalAddress(globalWordCount(module))
      : 1024;
  const stackLow = exported('__stack_low');
  const hasStack = module ? stackLow !== undefined : prologue.stackTop !== undefined;
  let stackStart: number;
  let stackEnd: number;
  if (hasStack && prologue.stackTop !== undefined) {
    stackEnd = prologue.stackTop;
    stackStart = stackLow ?? stackEnd - C_STACK_SIZE;
  } else stackStart = stackEnd = prologue.input ?? MEMORY_SIZE;
  // Monotone boundaries, whatever a hand-written program does.
  const g = clamp(globalsEnd, 8, MEMORY_SIZE);
  const s0 = clamp(stackStart, g, MEMORY_SIZE);
  const s1 = clamp(stackEnd, s0, MEMORY_SIZE);
  const hex = (n: number) => `0x${n.toString(16)}`;
  const region = (i: number, start: number, end: number, description: string): MemoryRegion => ({
    name: REGION_NAMES[i],
    start,
    end,
    description: `${hex(start)}–${hex(end)}: ${description}`,
  });
  return {
    bounds: [8, g, s0, s1],
    regions: [
      region(0, 0, 8, 'scratch bytes of the lowered operations'),
      region(1, 8, g, 'WebAssembly globals, a word each (global 0 is the C stack pointer)'),
      region(2, g, s0, 'static data (.data, .rodata, .bss)'),
      region(3, s0, s1, "the C stack, growing down from the stack pointer's initial value"),
      region(4, s1, MEMORY_SIZE, "the program's input (argv, stdin), then the heap (malloc)"),
    ],
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/**
 * What the prologue (the code before the first call) says: the stack pointer's initial value (an
 * `i32.const SP; i32.const value; i32.store`) and the input's address (`input_base`'s immediate).
 */
function prologueFacts(
  instructions: readonly Instruction[],
  spAddress: number,
): { stackTop?: number; input?: number } {
  let stackTop: number | undefined;
  let input: number | undefined;
  for (let i = 0; i < instructions.length && instructions[i].op !== 'call'; i++) {
    const ins = instructions[i];
    if (ins.op === 'input_base') input = ins.imm >>> 0;
    const value = instructions[i + 1];
    const store = instructions[i + 2];
    if (
      stackTop === undefined &&
      ins.op === 'i32.const' &&
      ins.imm >>> 0 === spAddress &&
      value?.op === 'i32.const' &&
      store?.op === 'i32.store' &&
      store.imm === 0
    )
      stackTop = value.imm >>> 0;
  }
  return { stackTop, input };
}

export class TimelineRecorder {
  readonly layout: MemoryLayout;
  /** Steps recorded. */
  private count = 0;
  /** One row of ROW_WIDTH per block, grown by doubling. */
  private data = new Int32Array(ROW_WIDTH * 64);
  /** The current block's row offset in `data`. */
  private row = -ROW_WIDTH;
  private readonly mask: number;
  private readonly kinds: Uint8Array;
  private readonly b1: number;
  private readonly b2: number;
  private readonly b3: number;
  private readonly b4: number;
  /** Stops at breakpoints, by kind and step (insertion order: the oldest first). */
  private readonly hitMap = new Map<string, TimelineHit>();

  constructor(
    instructions: readonly Instruction[],
    layout: MemoryLayout,
    readonly blockSize = TIMELINE_BLOCK,
  ) {
    if (!(blockSize > 0 && (blockSize & (blockSize - 1)) === 0))
      throw new RangeError(`the timeline's block size must be a power of two, not ${blockSize}`);
    this.mask = blockSize - 1;
    this.layout = layout;
    [this.b1, this.b2, this.b3, this.b4] = layout.bounds;
    this.kinds = Uint8Array.from(instructions, (ins) => {
      const shape = OPCODES[Op[ins.op]].shape;
      return shape === 'store' || shape === 'input'
        ? KIND_WRITE
        : shape === 'output'
          ? KIND_OUTPUT
          : KIND_NONE;
    });
  }

  /** Steps recorded so far. */
  get steps(): number {
    return this.count;
  }

  /** Blocks begun so far (the last may be partial). */
  get blocks(): number {
    return (this.row + ROW_WIDTH) / ROW_WIDTH;
  }

  /** The blocks' rows (ROW_WIDTH columns each, COL_*): a view, valid until the next record. */
  get rows(): Int32Array {
    return this.data.subarray(0, this.row + ROW_WIDTH);
  }

  /** The hits kept, oldest first. */
  get hits(): readonly TimelineHit[] {
    return [...this.hitMap.values()];
  }

  /**
   * One new step: `pc` is the instruction it ran, `d` the decoder just after it (its call depth,
   * operand stack, and lastAccess: the address a store or input_base wrote).
   */
  record(pc: number, d: TraceDecoder): void {
    const a = this.startBlockIfDue();
    const r = this.row;
    const depth = d.frames.length;
    const stack = d.stack.length;
    if (depth < a[r]) a[r] = depth;
    if (depth > a[r + 1]) a[r + 1] = depth;
    if (stack < a[r + 2]) a[r + 2] = stack;
    if (stack > a[r + 3]) a[r + 3] = stack;
    const kind = this.kinds[pc];
    if (kind === KIND_WRITE) a[r + COL_WRITES + this.regionOf(d.lastAccess)]++;
    else if (kind === KIND_OUTPUT) a[r + COL_OUTPUTS]++;
    this.count++;
  }

  /** A stop of the run: kept when it is a breakpoint's or a data breakpoint's. */
  noteStop(e: { readonly reason: string; readonly step: number }): void {
    if (e.reason !== 'breakpoint' && e.reason !== 'data breakpoint') return;
    const key = `${e.reason}:${e.step}`;
    if (this.hitMap.has(key)) return;
    this.hitMap.set(key, { step: e.step, kind: e.reason });
    if (this.hitMap.size > MAX_TIMELINE_HITS) this.hitMap.delete(this.hitMap.keys().next().value as string);
  }

  /** The region index of a byte address (the boundaries are monotone). */
  regionOf(address: number): number {
    return address < this.b1 ? 0 : address < this.b2 ? 1 : address < this.b3 ? 2 : address < this.b4 ? 3 : 4;
  }

  /** The rows array, with a fresh row begun when this step starts a block. */
  private startBlockIfDue(): Int32Array {
    if ((this.count & this.mask) !== 0) return this.data;
    this.row += ROW_WIDTH;
    if (this.row + ROW_WIDTH > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const a = this.data;
    a.fill(0, this.row, this.row + ROW_WIDTH);
    a[this.row + COL_DEPTH_MIN] = 0x7fffffff;
    a[this.row + COL_DEPTH_MAX] = -1;
    a[this.row + COL_STACK_MIN] = 0x7fffffff;
    a[this.row + COL_STACK_MAX] = -1;
    return a;
  }
}
