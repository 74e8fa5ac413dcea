// The machine's instruction set: the one definition that the compiler, the reference executor,
// the trace decoder and (later) the computation graph all derive from.

/** What an instruction writes into the trace after its opcode has been fetched. */
export type TraceShape =
  | 'value' // 4 result bytes, then a commit
  | 'store' // N bytes of the stored value, then a commit
  | 'commit' // just a commit
  | 'branch' // br / br_if: branch_taken + 4 immediate bytes + commit(bt=1), or (br_if not taken) commit(bt=0)
  | 'call' // branch_taken + 4 immediate bytes + call_commit
  | 'return' // branch_taken + 4 bytes + return_commit
  | 'output' // out(c)
  | 'halt' // halt
  | 'input'; // input bytes, 00, commit (the prompt's input section)

export const OPCODE_NAMES = [
  'halt',
  'return',
  'call',
  'br',
  'br_if',
  'drop',
  'select',
  'local.get',
  'local.set',
  'local.tee',
  'global.get',
  'global.set',
  'i32.load',
  'i32.load8_s',
  'i32.load8_u',
  'i32.load16_s',
  'i32.load16_u',
  'i32.store',
  'i32.store8',
  'i32.store16',
  'i32.const',
  'i32.eqz',
  'i32.eq',
  'i32.ne',
  'i32.lt_s',
  'i32.lt_u',
  'i32.gt_s',
  'i32.gt_u',
  'i32.le_s',
  'i32.le_u',
  'i32.ge_s',
  'i32.ge_u',
  'i32.add',
  'i32.sub',
  'output',
  'input_base',
] as const;

export type OpcodeName = (typeof OPCODE_NAMES)[number];

export interface OpcodeInfo {
  readonly name: OpcodeName;
  /** Values popped from the operand stack. */
  readonly pops: number;
  /** Values pushed (0 or 1). */
  readonly pushes: number;
  /** Stack delta written in the commit token. */
  readonly stackDelta: number;
  /** The `sts` flag of the commit token: the instruction left a value on the stack. */
  readonly sts: 0 | 1;
  readonly shape: TraceShape;
  /** Bytes of the value written to the trace for `store` shapes. */
  readonly storeBytes?: number;
  /** Bytes read from memory, for loads. */
  readonly loadBytes?: number;
}

function op(
  name: OpcodeName,
  pops: number,
  pushes: number,
  shape: TraceShape,
  sts: 0 | 1,
  storeBytes?: number,
) {
  const load = /^i32\.load(8|16)?/.exec(name);
  const loadBytes = load ? (load[1] ? Number(load[1]) / 8 : 4) : undefined;
  return {
    name,
    pops,
    pushes,
    stackDelta: pushes - pops,
    sts,
    shape,
    storeBytes,
    loadBytes,
  } satisfies OpcodeInfo;
}

/**
 * The 35 machine opcodes plus `input_base` (the prompt's first instruction), in a fixed order.
 * `local.tee` keeps its value (pops 1, pushes 1) and reports sts=0 as the trace format demands.
 */
export const OPCODES: readonly OpcodeInfo[] = [
  op('halt', 0, 0, 'halt', 0),
  op('return', 0, 0, 'return', 0),
  op('call', 0, 0, 'call', 0),
  op('br', 0, 0, 'branch', 0),
  op('br_if', 1, 0, 'branch', 0),
  op('drop', 1, 0, 'commit', 0),
  op('select', 3, 1, 'value', 1),
  op('local.get', 0, 1, 'value', 1),
  op('local.set', 1, 0, 'value', 0),
  op('local.tee', 1, 1, 'value', 0),
  op('global.get', 0, 1, 'value', 1),
  op('global.set', 1, 0, 'commit', 0),
  op('i32.load', 1, 1, 'value', 1),
  op('i32.load8_s', 1, 1, 'value', 1),
  op('i32.load8_u', 1, 1, 'value', 1),
  op('i32.load16_s', 1, 1, 'value', 1),
  op('i32.load16_u', 1, 1, 'value', 1),
  op('i32.store', 2, 0, 'store', 0, 4),
  op('i32.store8', 2, 0, 'store', 0, 1),
  op('i32.store16', 2, 0, 'store', 0, 2),
  op('i32.const', 0, 1, 'value', 1),
  op('i32.eqz', 1, 1, 'value', 1),
  op('i32.eq', 2, 1, 'value', 1),
  op('i32.ne', 2, 1, 'value', 1),
  op('i32.lt_s', 2, 1, 'value', 1),
  op('i32.lt_u', 2, 1, 'value', 1),
  op('i32.gt_s', 2, 1, 'value', 1),
  op('i32.gt_u', 2, 1, 'value', 1),
  op('i32.le_s', 2, 1, 'value', 1),
  op('i32.le_u', 2, 1, 'value', 1),
  op('i32.ge_s', 2, 1, 'value', 1),
  op('i32.ge_u', 2, 1, 'value', 1),
  op('i32.add', 2, 1, 'value', 1),
  op('i32.sub', 2, 1, 'value', 1),
  op('output', 1, 0, 'output', 0),
  op('input_base', 0, 0, 'input', 0),
];

/** Opcode indices, for hot loops that switch on numbers rather than strings. */
export const Op = Object.freeze(Object.fromEntries(OPCODE_NAMES.map((n, i) => [n, i]))) as Readonly<
  Record<OpcodeName, number>
>;

// The table above and the name list must agree entry for entry.
OPCODES.forEach((o, i) => {
  if (OPCODE_NAMES[i] !== o.name) throw new Error(`opcode table out of order at ${i}: ${o.name}`);
});
