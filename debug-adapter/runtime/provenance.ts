// "Where did this value come from?": the step that last wrote a cell, found twice. The trace
// decoder's answer comes from the recorded history (history.ts). The transformer's answer comes
// from its attention: every read of machine state is a lookup head selecting the earlier token
// that holds the value (memory_byte_dirty for memory, local_byte for locals, stack_top/second/
// third for the operand stack), so the latest read of the cell since it was written names the
// writing token, and the step that emitted that token is the writer. Both must agree.
import type { RecordedSelections } from '../../engine/model/native-engine';
import { READ, WRITE } from './access-log';
import type { Cell } from './cells';
import { memoryHistory, type Recording, scanLocal, stackHistory } from './history';

/** What the attention of one read says about a cell's writer. */
export interface AttentionWitness {
  /** The step whose forward passes read the cell. */
  readonly readStep: number;
  /** The position whose forward pass made the lookup, and the head (layer, index, lookup name). */
  readonly position: number;
  readonly layer: number;
  readonly head: number;
  readonly lookup: string;
  /** The position the head selected. */
  readonly selected: number;
  /** The step that wrote the selected token, when it wrote this cell (else null: reads 0). */
  readonly writer: number | null;
  /** The decoder's writer of what this read read (the byte, the local, the slot). */
  readonly expected: number | null;
}

export interface ProvenanceAnswer {
  /** The last step that wrote the cell before the step asked about (the decoder), or null. */
  readonly writer: number | null;
  /** Memory: per byte, when the bytes were written by different steps. */
  readonly byteWriters?: readonly (number | null)[];
  /** The attention's reading, when the cell was read since it was written (else why not). */
  readonly attention: readonly AttentionWitness[];
  readonly attentionNote?: string;
  /** Every witness names the decoder's writer. */
  readonly agrees: boolean;
}

/** What provenance needs of the runtime besides the recording. */
export interface ProvenanceContext {
  readonly rec: Recording;
  /** Tokens before the trace (the program section). */
  readonly promptLength: number;
  /** The step that emitted the token at a position (undefined: the prompt, or not recorded). */
  stepOf(position: number): number | undefined;
  /** What every recorded head selected at a position (undefined: the engine does not tell). */
  selectionsAt(position: number): RecordedSelections | undefined;
  /** The lookup a head of the model makes ('' for heads that make none). */
  lookupOf(layer: number, head: number): string;
  readonly engine: string;
}

/** The head named `lookup` at a position, and the position it selected. */
function selection(
  ctx: ProvenanceContext,
  position: number,
  lookup: string,
): { layer: number; head: number; selected: number } | string {
  const log = ctx.selectionsAt(position);
  if (!log) return `the ${ctx.engine} engine does not report attention`;
  for (let i = 0; i < log.heads.length; i++) {
    const [layer, head] = log.heads[i];
    if (ctx.lookupOf(layer, head) === lookup) return { layer, head, selected: log.selected[i] };
  }
  return `no head of the model makes the '${lookup}' lookup`;
}

/** The position of the forward pass that chose byte `k` of step `s` (the token before it). */
function passFor(ctx: ProvenanceContext, step: number, k: number): number {
  return ctx.promptLength + ctx.rec.stepStart(step) - 1 + k;
}

/**
 * The step that wrote memory byte `address` at a selected position, or null when the token there
 * is not a write of that byte (the head found no write of it: the read gives 0).
 */
export function memoryWriterAt(ctx: ProvenanceContext, selected: number, address: number): number | null {
  const step = ctx.stepOf(selected);
  if (step === undefined) return null;
  const rec = ctx.rec;
  const pc = rec.pcOf(step);
  if (rec.shape.kind[pc] !== WRITE) return null;
  const i = rec.accesses.countBefore(step);
  if (i >= rec.accesses.length || rec.accesses.stepAt(i) !== step) return null;
  const offset = selected - ctx.promptLength - rec.stepStart(step);
  return offset >= 0 && offset < rec.shape.width[pc] && rec.accesses.addressAt(i) + offset === address
    ? step
    : null;
}

/** The step that wrote local `index` at a selected position (a local.set or local.tee of it), or null. */
export function localWriterAt(ctx: ProvenanceContext, selected: number, index: number): number | null {
  const step = ctx.stepOf(selected);
  if (step === undefined) return null;
  const ins = ctx.rec.instructions[ctx.rec.pcOf(step)];
  return (ins.op === 'local.set' || ins.op === 'local.tee') && ins.imm === index ? step : null;
}

/**
 * Who wrote `cell` before step `until`: the decoder's answer and the attention's, from the latest
 * read since the write. `depth` and `stack` are the call depth and operand-stack depth at `until`.
 */
export function provenance(
  ctx: ProvenanceContext,
  cell: Cell,
  until: number,
  depth: number,
  stack: number,
): ProvenanceAnswer {
  const rec = ctx.rec;
  const witnesses: AttentionWitness[] = [];
  let note: string | undefined;
  const witness = (
    readStep: number,
    k: number,
    lookup: string,
    expected: number | null,
    writerAt: (q: number) => number | null,
  ) => {
    const position = passFor(ctx, readStep, k);
    const s = selection(ctx, position, lookup);
    if (typeof s === 'string') {
      note = s;
      return;
    }
    witnesses.push({ readStep, position, lookup, ...s, writer: writerAt(s.selected), expected });
  };
  let writer: number | null = null;
  let byteWriters: (number | null)[] | undefined;
  switch (cell.kind) {
    case 'memory': {
      const h = memoryHistory(rec, cell.address, cell.size, until);
      const writers = Array.from(h.writer, (w) => (w < 0 ? null : w));
      writer = writers.reduce<number | null>((a, w) => (w !== null && (a === null || w > a) ? w : a), null);
      if (writers.some((w) => w !== writer)) byteWriters = writers;
      for (let j = 0; j < cell.size && witnesses.length < 64; j++)
        if (h.read[j] >= 0)
          witness(h.read[j], h.readOffset[j], 'memory_byte_dirty', writers[j], (q) =>
            memoryWriterAt(ctx, q, cell.address + j),
          );
      if (!witnesses.length && !note) note = 'not read since it was written';
      break;
    }
    case 'local': {
      let read = -1;
      let found: number | null = null;
      scanLocal(rec, cell.depth, cell.index, until, depth, (a) => {
        if (a.kind === 'read') {
          if (read < 0) read = a.step;
          return false;
        }
        found = a.step;
        return true;
      });
      writer = found;
      if (read >= 0)
        for (let k = 0; k < 4; k++)
          witness(read, k, 'local_byte', found, (q) => localWriterAt(ctx, q, cell.index));
      else if (!note) note = 'not read since it was written';
      break;
    }
    case 'stack': {
      const h = stackHistory(rec, cell.index, until, stack);
      if (!h) break;
      writer = h.writer;
      const lookup = ['stack_top', 'stack_second', 'stack_third'][h.rank];
      // The heads at the boundary read from the position before it (its k = 0 forward pass).
      witness(h.boundary, 0, lookup, h.writer, (q) => ctx.stepOf(q) ?? null);
      break;
    }
  }
  return {
    writer,
    byteWriters,
    attention: witnesses,
    attentionNote: witnesses.length ? undefined : note,
    agrees: witnesses.every((w) => w.writer === w.expected),
  };
}

/** What one forward pass of a read looked up: the writer the attention names and the decoder's. */
export interface ReadWitness {
  readonly lookup: string;
  readonly position: number;
  readonly attention: number | null;
  readonly decoder: number | null;
}

/**
 * For a step that reads machine state (a load: each byte it loads; a local.get: each byte of the
 * local), the writer its lookup head selected and the decoder's last writer before it. `depth`
 * is the call depth the step ran at. Empty for other steps (or an engine that does not tell).
 */
export function readWitnesses(ctx: ProvenanceContext, step: number, depth: number): ReadWitness[] {
  const rec = ctx.rec;
  const pc = rec.pcOf(step);
  const ins = rec.instructions[pc];
  const out: ReadWitness[] = [];
  const look = (
    k: number,
    lookup: string,
    decoder: number | null,
    writerAt: (q: number) => number | null,
  ) => {
    const position = passFor(ctx, step, k);
    const s = selection(ctx, position, lookup);
    if (typeof s !== 'string') out.push({ lookup, position, attention: writerAt(s.selected), decoder });
  };
  if (rec.shape.kind[pc] === READ) {
    const i = rec.accesses.countBefore(step);
    const address = rec.accesses.addressAt(i);
    for (let j = 0; j < rec.shape.width[pc]; j++) {
      const w = memoryHistory(rec, address + j, 1, step).writer[0];
      look(j, 'memory_byte_dirty', w < 0 ? null : w, (q) => memoryWriterAt(ctx, q, address + j));
    }
  } else if (ins.op === 'local.get') {
    let writer: number | null = null;
    scanLocal(rec, depth, ins.imm, step, depth, (a) => {
      if (a.kind === 'read') return false;
      writer = a.step;
      return true;
    });
    for (let k = 0; k < 4; k++) look(k, 'local_byte', writer, (q) => localWriterAt(ctx, q, ins.imm));
  }
  return out;
}
