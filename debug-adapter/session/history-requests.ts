// The requests about a value's past, mapped to the protocol: which cell a request names (a row of
// the Variables pane, an expression of a frame, or a data id), `dataBreakpointInfo`, and the
// custom `provenance` (who wrote it, by the decoder and by the attention that read it) and
// `writes` (every write, with the value before and after) requests.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SourceMap } from '../../engine/compiler/source-map';
import { type Cell, cellId, describeCell, parseCellId } from '../runtime/cells';
import { DATA_ACCESS_TYPES, type DataAccess, showBytes, type WatchedCell } from '../runtime/data-breakpoints';
import { Expression } from '../runtime/expression';
import { headLookups } from '../runtime/head-lookups';
import type { Launched } from '../runtime/launch';
import { type Args, int, MAX_COUNT, MAX_EXPRESSION_LENGTH, text } from './arguments';
import { cValueCell, type VariableStore } from './variables';

/** The most writes one `writes` answer lists (the latest ones). */
export const MAX_WRITES = 10_000;

/**
 * The cell a request names: { variablesReference, name } (a row of the Variables pane),
 * { dataId }, or { expression, frameId } (a C lvalue in memory, `local[i]`, `stack[i]`, `global[i]`).
 */
export function cellOfRequest(
  l: Launched,
  variables: VariableStore,
  args: Args,
): { cell: Cell; label: string } {
  const a = args as Record<string, unknown>;
  if (a.dataId !== undefined) {
    const cell = parseCellId(text(args, 'dataId', true, 100));
    return { cell, label: describeCell(cell) };
  }
  if (a.variablesReference !== undefined && a.variablesReference !== 0)
    return variables.cellOf(int(args, 'variablesReference', 1, MAX_COUNT), text(args, 'name', true, 4096));
  const expression = text(
    args,
    a.expression !== undefined ? 'expression' : 'name',
    true,
    MAX_EXPRESSION_LENGTH,
  );
  const frame = int(args, 'frameId', 0, l.runtime.state.frames.length, 0);
  return expressionCell(l, expression, frame);
}

/** `local[i]`, `stack[i]`, `global[i]`, or a C lvalue in memory, evaluated in a frame. */
function expressionCell(l: Launched, expression: string, frame: number): { cell: Cell; label: string } {
  const d = l.runtime.state;
  const e = expression.trim();
  const m = /^(local|stack|global)\s*\[\s*(\d+)\s*\]$/.exec(e);
  if (m) {
    const i = Number(m[2]);
    if (m[1] === 'local')
      return { cell: { kind: 'local', depth: d.frames.length - frame, index: i }, label: e };
    if (m[1] === 'global') return { cell: { kind: 'memory', address: 8 + 4 * i, size: 4 }, label: e };
    if (i >= d.stack.length) throw new Error(`the operand stack holds ${d.stack.length} values`);
    return { cell: { kind: 'stack', index: d.stack.length - 1 - i }, label: e };
  }
  const { value, machineOnly } = new Expression(e).value(l.runtime.view(frame));
  if (machineOnly)
    throw new Error(
      `'${e}' is a machine value, not a place: name local[i], stack[i], global[i] or a C variable`,
    );
  return cValueCell(e, value);
}

/** dataBreakpointInfo: a data id for memory and locals; stack slots live too briefly to watch. */
export function dataBreakpointInfo(
  l: Launched,
  variables: VariableStore,
  args: Args,
): DebugProtocol.DataBreakpointInfoResponse['body'] {
  let target: { cell: Cell; label: string };
  try {
    target = cellOfRequest(l, variables, args);
  } catch (e) {
    return { dataId: null, description: (e as Error).message };
  }
  const { cell, label } = target;
  if (cell.kind === 'stack')
    return {
      dataId: null,
      description: `${label}: an operand-stack value lives for an instruction or two; watch the local or memory it came from`,
    };
  return {
    dataId: cellId(cell),
    description: `${label} (${describeCell(cell)})`,
    accessTypes: [...DATA_ACCESS_TYPES],
    canPersist: false,
  };
}

/** A data breakpoint's cell and access type from setDataBreakpoints. */
export function dataBreakpointSpec(b: Args): { cell: WatchedCell; access: DataAccess } {
  const cell = parseCellId(text(b, 'dataId', true, 100));
  if (cell.kind === 'stack') throw new Error('operand-stack slots cannot be watched');
  const access = (b as { accessType?: unknown }).accessType ?? 'write';
  if (!DATA_ACCESS_TYPES.includes(access as DataAccess))
    throw new Error(`accessType must be one of ${DATA_ACCESS_TYPES.join(', ')}`);
  return { cell, access: access as DataAccess };
}

/** Where a step ran: its instruction and C line, for answers that name steps. */
export function stepPlace(
  l: Launched,
  step: number,
  sourceMap: SourceMap | undefined,
  path: (f: string) => string,
) {
  const pc = l.runtime.recording.pcOf(step);
  const loc = sourceMap?.location(pc);
  const fn = sourceMap?.functionAt(pc);
  return {
    step,
    instruction: pc,
    op: l.instructions[pc]?.op ?? '?',
    function: fn?.name,
    ...(loc ? { file: path(loc.file), line: loc.line } : {}),
  };
}

/** The custom `provenance` request's answer. */
export function provenanceBody(
  l: Launched,
  variables: VariableStore,
  args: Args,
  path: (f: string) => string,
) {
  const { cell, label } = cellOfRequest(l, variables, args);
  const p = l.runtime.provenance(cell, headLookups(l.modelFile));
  const at = (s: number | null) => (s === null ? null : stepPlace(l, s, l.sourceMap, path));
  return {
    name: label,
    cell: describeCell(cell),
    dataId: cellId(cell),
    step: l.runtime.step,
    writer: at(p.writer),
    byteWriters: p.byteWriters?.map(at),
    attention: p.attention.map((w) => ({
      readStep: w.readStep,
      read: stepPlace(l, w.readStep, l.sourceMap, path),
      position: w.position,
      head: `L${w.layer}.H${w.head} ${w.lookup}`,
      selected: w.selected,
      writer: w.writer,
      agrees: w.writer === w.expected,
    })),
    attentionNote: p.attentionNote,
    agrees: p.agrees,
  };
}

/** The custom `writes` request's answer: the latest `limit` writes, oldest first. */
export function writesBody(l: Launched, variables: VariableStore, args: Args, path: (f: string) => string) {
  const { cell, label } = cellOfRequest(l, variables, args);
  if (cell.kind === 'stack')
    throw new Error(`${label}: an operand-stack slot has one write, its push: ask for provenance`);
  const limit = int(args, 'limit', 1, MAX_WRITES, 1000);
  const { total, writes } = l.runtime.writes(cell, limit);
  return {
    name: label,
    cell: describeCell(cell),
    total,
    writes: writes.map((w) => ({
      ...stepPlace(l, w.step, l.sourceMap, path),
      before: showBytes(w.before),
      after: showBytes(w.after),
    })),
  };
}
