// Questions about the past of a recorded run, answered from what the debugger keeps (the trace,
// the instruction each step ran, the memory access log), without decoding: who last wrote a
// memory byte, a local or an operand-stack slot before a step, which step read it since, and
// the list of writes to a cell with the values before and after each. Memory and locals are
// searched backwards from the step asked about, so questions about the recent past cost little
// anywhere in a long trace; the list of writes of a memory range is one pass over the access log.
import { OPCODES, Op } from '../../engine/tokens/opcodes';
import type { Instruction } from '../../engine/tokens/program-file';
import { byteValue } from '../../engine/tokens/vocabulary';
import { type AccessLog, type AccessShape, READ, WRITE } from './access-log';

/** What the runtime has recorded, as the searches read it. */
export interface Recording {
  readonly instructions: readonly Instruction[];
  /** The opcode number of each instruction. */
  readonly ops: Int32Array;
  readonly shape: AccessShape;
  readonly accesses: AccessLog;
  /** The instruction step `s` ran (any completed step). */
  pcOf(step: number): number;
  /** Index in the trace of step `s`'s first token (any completed step). */
  stepStart(step: number): number;
  /** The token at index `i` of the trace. */
  traceToken(index: number): number;
}

/** The value byte `offset` that step `s` wrote (stores and input_base emit their bytes first). */
export function writtenByte(rec: Recording, step: number, offset: number): number {
  return byteValue(rec.traceToken(rec.stepStart(step) + offset));
}

/** The 32-bit value step `s` (a local.set or local.tee) wrote, from its 4 tokens. */
export function writtenWord(rec: Recording, step: number): number {
  let v = 0;
  for (let k = 3; k >= 0; k--) v = v * 256 + writtenByte(rec, step, k);
  return v;
}

export interface ByteHistory {
  /** Per byte of the range: the step that last wrote it before `until`, or -1 (never written). */
  readonly writer: Int32Array;
  /** Per byte: the latest load after that write (before `until`) that read it, or -1. */
  readonly read: Int32Array;
  /** Per byte: which byte of its load the byte was (0 = the loaded address). */
  readonly readOffset: Int32Array;
}

/** The last writer of each byte of a memory range before step `until`, and its latest read since. */
export function memoryHistory(rec: Recording, address: number, size: number, until: number): ByteHistory {
  const writer = new Int32Array(size).fill(-1);
  const read = new Int32Array(size).fill(-1);
  const readOffset = new Int32Array(size);
  let open = size;
  const end = address + size;
  for (let i = rec.accesses.countBefore(until) - 1; i >= 0 && open > 0; i--) {
    const step = rec.accesses.stepAt(i);
    const pc = rec.pcOf(step);
    const a = rec.accesses.addressAt(i);
    const w = rec.shape.width[pc];
    const lo = Math.max(a, address);
    const hi = Math.min(a + w, end);
    if (lo >= hi) continue;
    const kind = rec.shape.kind[pc];
    for (let b = lo; b < hi; b++) {
      const j = b - address;
      if (writer[j] >= 0) continue;
      if (kind === WRITE) {
        writer[j] = step;
        open--;
      } else if (kind === READ && read[j] < 0) {
        read[j] = step;
        readOffset[j] = b - a;
      }
    }
  }
  return { writer, read, readOffset };
}

export interface CellWrite {
  readonly step: number;
  /** The cell's bytes (little-endian) before and after the write. */
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

/**
 * The writes to a memory range before step `until`, oldest first: the latest `limit` of them
 * with the range's bytes before and after each (unwritten memory reads 0), and how many there
 * were in all.
 */
export function memoryWrites(
  rec: Recording,
  address: number,
  size: number,
  until: number,
  limit: number,
): { total: number; writes: CellWrite[] } {
  const now = new Uint8Array(size);
  const writes: CellWrite[] = [];
  let total = 0;
  const end = address + size;
  const n = rec.accesses.countBefore(until);
  for (let i = 0; i < n; i++) {
    const step = rec.accesses.stepAt(i);
    const pc = rec.pcOf(step);
    if (rec.shape.kind[pc] !== WRITE) continue;
    const a = rec.accesses.addressAt(i);
    const lo = Math.max(a, address);
    const hi = Math.min(a + rec.shape.width[pc], end);
    if (lo >= hi) continue;
    const before = now.slice();
    for (let b = lo; b < hi; b++) now[b - address] = writtenByte(rec, step, b - a);
    total++;
    writes.push({ step, before, after: now.slice() });
    if (writes.length >= 2 * limit) writes.splice(0, writes.length - limit);
  }
  return { total, writes: writes.slice(-limit) };
}

/** Steps before `until` that read any byte of a memory range, latest first (at most `limit`). */
export function memoryReads(
  rec: Recording,
  address: number,
  size: number,
  until: number,
  limit: number,
): number[] {
  const out: number[] = [];
  const end = address + size;
  for (let i = rec.accesses.countBefore(until) - 1; i >= 0 && out.length < limit; i--) {
    const step = rec.accesses.stepAt(i);
    const pc = rec.pcOf(step);
    if (rec.shape.kind[pc] !== READ) continue;
    const a = rec.accesses.addressAt(i);
    if (a < end && a + rec.shape.width[pc] > address) out.push(step);
  }
  return out;
}

const LOCAL_SET = Op['local.set'];
const LOCAL_TEE = Op['local.tee'];
const LOCAL_GET = Op['local.get'];
const CALL = Op.call;
const RETURN = Op.return;

export interface LocalAccess {
  readonly step: number;
  readonly kind: 'read' | 'write';
}

/**
 * The reads and writes of local `index` in the activation running at call depth `depth`, latest
 * first, from step `until` back to the call that began the activation (`depthAtUntil` is the
 * call depth at `until`). `visit` returns true to stop.
 */
export function scanLocal(
  rec: Recording,
  depth: number,
  index: number,
  until: number,
  depthAtUntil: number,
  visit: (a: LocalAccess) => boolean,
): void {
  const ops = rec.ops;
  let d = depthAtUntil; // the call depth after step s
  if (d < depth) return; // that activation has returned
  for (let s = until - 1; s >= 0; s--) {
    const pc = rec.pcOf(s);
    const op = ops[pc];
    if (d === depth) {
      if ((op === LOCAL_SET || op === LOCAL_TEE) && rec.instructions[pc].imm === index) {
        if (visit({ step: s, kind: 'write' })) return;
      } else if (op === LOCAL_GET && rec.instructions[pc].imm === index) {
        if (visit({ step: s, kind: 'read' })) return;
      }
    }
    if (op === CALL) {
      if (d === depth) return; // the call that began this activation
      d--;
    } else if (op === RETURN) d++;
  }
}

/** The writes of a local in its activation before `until`, oldest first, with old and new values. */
export function localWrites(
  rec: Recording,
  depth: number,
  index: number,
  until: number,
  depthAtUntil: number,
  limit: number,
): { total: number; writes: CellWrite[] } {
  const steps: number[] = [];
  scanLocal(rec, depth, index, until, depthAtUntil, (a) => {
    if (a.kind === 'write') steps.push(a.step);
    return false;
  });
  steps.reverse();
  const word = (v: number) => new Uint8Array(new Uint32Array([v]).buffer);
  let now = 0;
  const writes = steps.map((step) => {
    const before = word(now);
    now = writtenWord(rec, step);
    return { step, before, after: word(now) };
  });
  return { total: writes.length, writes: writes.slice(-limit) };
}

/**
 * The step that pushed what operand-stack slot `index` holds at `until` (`stackAtUntil` values on
 * the stack then), and the latest boundary at or before `until` where the slot was among the top
 * three, which the stack heads read there (`rank` 0: top, 1: second, 2: third).
 */
export function stackHistory(
  rec: Recording,
  index: number,
  until: number,
  stackAtUntil: number,
): { writer: number; boundary: number; rank: number } | undefined {
  if (index < 0 || index >= stackAtUntil) return undefined;
  const ops = rec.ops;
  let depth = stackAtUntil; // stack depth after step s (at the boundary s + 1)
  let seen: { boundary: number; rank: number } | undefined;
  for (let s = until - 1; s >= 0; s--) {
    const rank = depth - 1 - index;
    if (!seen && rank >= 0 && rank <= 2) seen = { boundary: s + 1, rank };
    const info = OPCODES[ops[rec.pcOf(s)]];
    if (info.sts === 1 && depth === index + 1)
      return { writer: s, ...(seen ?? { boundary: s + 1, rank: 0 }) };
    depth -= info.stackDelta;
  }
  return undefined;
}
