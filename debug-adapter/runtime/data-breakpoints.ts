// Data breakpoints: stop when a memory range or a local is written (and its value changes), read,
// or either, going forward and with reverse continue, with conditions and hit counts like other
// breakpoints. The semantics follow gdb's watch / rwatch / awatch: 'write' stops only when the
// value changes, 'read' on every load of any of its bytes (or local.get), 'readWrite' on every
// access. A stop is at the boundary just after the access, the new value in view.
//
// Forward, the run loop asks `check` after every step only while a data breakpoint is set (one
// property test otherwise); the step's access is the decoder's lastAccess. Backward, the
// candidates come from the recorded history (history.ts) and are tested latest first.
import type { TraceDecoder } from '../../engine/vm/trace-decoder';
import { READ } from './access-log';
import type { Breakpoint, BreakpointOptions } from './breakpoints';
import { type Cell, describeCell } from './cells';
import type { MachineView } from './expression';
import { localWrites, memoryReads, memoryWrites, type Recording, scanLocal } from './history';

export type DataAccess = 'read' | 'write' | 'readWrite';
export const DATA_ACCESS_TYPES: readonly DataAccess[] = ['read', 'write', 'readWrite'];

/** The cells data breakpoints can watch: memory and locals (stack slots live an instruction or two). */
export type WatchedCell = Extract<Cell, { kind: 'memory' | 'local' }>;

export interface DataBreakpointSpec extends BreakpointOptions {
  readonly cell: WatchedCell;
  readonly access: DataAccess;
}

export interface DataBreakpointInfo {
  readonly id: number;
  readonly verified: boolean;
  readonly message?: string;
}

/** A data breakpoint stop: which ones, and what happened (the access and the values). */
export interface DataHit {
  readonly ids: number[];
  readonly description: string;
  readonly error?: string;
}

interface Watch {
  readonly cell: WatchedCell;
  readonly access: DataAccess;
  readonly bp: Breakpoint;
  /** The cell's bytes as last seen going forward (a write stops only when they change). */
  value: Uint8Array;
}

/** What the set needs of the runtime. */
export interface DataBreakpointHost {
  readonly rec: Recording;
  make(o: BreakpointOptions): { bp: Breakpoint } | { error: string };
  unusedId(): number;
  /** A cell's bytes in the current state. */
  read(cell: WatchedCell): Uint8Array;
}

export class DataBreakpoints {
  private watches: Watch[] = [];

  constructor(private readonly host: DataBreakpointHost) {}

  get active(): boolean {
    return this.watches.length > 0;
  }

  /** Replaces every data breakpoint. */
  set(specs: readonly DataBreakpointSpec[]): DataBreakpointInfo[] {
    this.watches = [];
    return specs.map((spec) => {
      const made = this.host.make(spec);
      if ('error' in made) return { id: this.host.unusedId(), verified: false, message: made.error };
      this.watches.push({
        cell: spec.cell,
        access: spec.access,
        bp: made.bp,
        value: this.host.read(spec.cell),
      });
      return { id: made.bp.id, verified: true };
    });
  }

  /** Takes every watched cell's value from the current state (before running forward from it). */
  sync(): void {
    for (const w of this.watches) w.value = this.host.read(w.cell);
  }

  /**
   * After step `step` ran instruction `from` (the decoder `d` just after it): the data
   * breakpoints that stop, or undefined. Conditions are tested on `view()`.
   */
  check(
    step: number,
    from: number,
    d: TraceDecoder,
    view: () => MachineView,
    log: (text: string) => void,
  ): DataHit | undefined {
    const rec = this.host.rec;
    const kind = rec.shape.kind[from];
    const ins = rec.instructions[from];
    let hit: DataHit | undefined;
    for (const w of this.watches) {
      let what: 'read' | 'write' | undefined;
      const c = w.cell;
      if (c.kind === 'memory') {
        if (!kind) continue;
        const a = d.lastAccess;
        if (a >= c.address + c.size || a + rec.shape.width[from] <= c.address) continue;
        what = kind === READ ? 'read' : 'write';
      } else {
        if (ins.imm !== c.index || d.frames.length !== c.depth) continue;
        if (ins.op === 'local.get') what = 'read';
        else if (ins.op === 'local.set' || ins.op === 'local.tee') what = 'write';
        else continue;
      }
      const before = w.value;
      let changed = false;
      if (what === 'write') {
        w.value = this.host.read(c);
        changed = !sameBytes(before, w.value);
      }
      if (!stops(w.access, what, changed)) continue;
      const r = w.bp.test(view(), log);
      if (!r.stop) continue;
      const text = describeAccess(w.cell, what, step, before, w.value);
      hit = hit
        ? { ids: [...hit.ids, w.bp.id], description: hit.description, error: hit.error ?? r.error }
        : { ids: [w.bp.id], description: text, error: r.error };
    }
    return hit;
  }

  /**
   * Going back from step `until`: the latest boundary before it where a data breakpoint stops,
   * or undefined. `depthAt` is the call depth at `until` (for locals); `stateAt` moves the
   * machine to a boundary and gives its view, for conditions.
   */
  latest(
    until: number,
    depthAt: number,
    stateAt: (boundary: number) => MachineView,
  ): { boundary: number; hit: DataHit } | undefined {
    let best: { boundary: number; hit: DataHit } | undefined;
    for (const w of this.watches) {
      for (const c of this.candidates(w, until, depthAt)) {
        const boundary = c.step + 1;
        if (boundary >= until) continue; // the stop we are at, or not yet reached
        if (best && boundary <= best.boundary) break;
        const r = w.bp.test(stateAt(boundary), () => {});
        if (!r.stop) continue;
        const description = describeAccess(w.cell, c.what, c.step, c.before, c.after);
        best = { boundary, hit: { ids: [w.bp.id], description, error: r.error } };
        break;
      }
    }
    return best;
  }

  /**
   * The accesses of a watch before `until` that would stop it, latest first. Writes come in
   * chunks from the latest back (each chunk one pass over the access log), so a cell written
   * millions of times costs memory for one chunk, not for all of them.
   */
  private *candidates(w: Watch, until: number, depthAt: number): Generator<Candidate> {
    const rec = this.host.rec;
    const c = w.cell;
    const reads: number[] = [];
    if (w.access !== 'write') {
      if (c.kind === 'memory') reads.push(...memoryReads(rec, c.address, c.size, until, READ_CHUNK));
      else
        scanLocal(rec, c.depth, c.index, until, depthAt, (a) => {
          if (a.kind === 'read') reads.push(a.step);
          return reads.length >= READ_CHUNK;
        });
    }
    let r = 0;
    const read = (): Candidate => ({ step: reads[r++], what: 'read' });
    if (w.access === 'read') {
      while (r < reads.length) yield read();
      return;
    }
    for (let end = until; ; ) {
      const chunk =
        c.kind === 'memory'
          ? memoryWrites(rec, c.address, c.size, end, WRITE_CHUNK)
          : // An earlier chunk ends at a write of the local, so at that boundary the depth is its own.
            localWrites(rec, c.depth, c.index, end, end === until ? depthAt : c.depth, WRITE_CHUNK);
      for (let i = chunk.writes.length - 1; i >= 0; i--) {
        const x = chunk.writes[i];
        while (r < reads.length && reads[r] > x.step) yield read();
        if (w.access === 'readWrite' || !sameBytes(x.before, x.after))
          yield { step: x.step, what: 'write', before: x.before, after: x.after };
      }
      if (chunk.total <= chunk.writes.length) break;
      end = chunk.writes[0].step;
    }
    while (r < reads.length) yield read();
  }
}

interface Candidate {
  readonly step: number;
  readonly what: 'read' | 'write';
  readonly before?: Uint8Array;
  readonly after?: Uint8Array;
}

const WRITE_CHUNK = 4096;
/** Reads looked at going back (a condition rejecting more than this many reads stops the search). */
const READ_CHUNK = 1 << 20;

function stops(access: DataAccess, what: 'read' | 'write', changed: boolean): boolean {
  if (access === 'readWrite') return true;
  if (access === 'read') return what === 'read';
  return what === 'write' && changed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A cell's bytes as a number when they make one (1, 2, 4 or 8 bytes), else hex bytes. */
export function showBytes(b: Uint8Array): string {
  if (b.length === 1 || b.length === 2 || b.length === 4) {
    let v = 0;
    for (let i = b.length - 1; i >= 0; i--) v = v * 256 + b[i];
    const signed = v >= 2 ** (8 * b.length - 1) ? v - 2 ** (8 * b.length) : v;
    return signed === v ? String(v) : `${signed} (0x${v.toString(16)})`;
  }
  if (b.length === 8) {
    const v = new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true);
    return String(v);
  }
  const shown = Array.from(b.subarray(0, 16), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return b.length > 16 ? `${shown} …` : shown;
}

function describeAccess(
  cell: Cell,
  what: 'read' | 'write',
  step: number,
  before?: Uint8Array,
  after?: Uint8Array,
): string {
  const where = describeCell(cell);
  if (what === 'read') return `data breakpoint: ${where} read at step ${step}`;
  if (before && after && !sameBytes(before, after))
    return `data breakpoint: ${where} changed from ${showBytes(before)} to ${showBytes(after)} at step ${step}`;
  return `data breakpoint: ${where} written at step ${step}${after ? ` (${showBytes(after)}, unchanged)` : ''}`;
}
