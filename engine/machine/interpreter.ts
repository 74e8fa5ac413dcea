// The WebAssembly machine as a computation graph: at every position the graph reads the tokens so
// far (through lookups) and scores every vocabulary token; the argmax is the next token of the
// trace of ../shared/spec/tokens.md. Two variants:
// - universal: the program is in the prompt (`{` instructions `}`), fetched by the cursor;
// - specialized (first Futamura projection): one program's instructions are baked into
//   feed-forward tables indexed by the cursor, and the prompt is just `start` and the input.
//
// How the machine state is found, at position p (the token at p decides token p+1):
// - byte_index: bytes since the latest non-byte token (a lookup for the latest non-byte position);
// - cursor, stack depth, call depth: prefix sums of per-token deltas (one averaging lookup);
//   jumps add the signed offset carried by the 4 bytes before the jump's last token;
// - the operand stack: each value-producing commit is an entry keyed by the depth it left;
//   the entries at depth, depth−1, depth−2 are the top, second and third operands, and their bytes
//   are read at the entry's position;
// - locals: byte writes of local.set/local.tee keyed by (call depth, index, byte);
// - memory: byte writes of stores and of the input section keyed by address, read with an exact
//   address check (unwritten memory reads 0);
// - the call stack: the bytes of each call's immediate keyed by (call depth, byte), which a
//   return subtracts from its own immediate.
import { Expr } from '../graph/expr';
import { Graph } from '../graph/graph';
import { OPCODES, Op, type OpcodeName } from '../tokens/opcodes';
import type { Instruction } from '../tokens/program-file';
import {
  BYTE_BASE,
  CARRY_BASE,
  COMMIT_BASE,
  COMMITS,
  OPCODE_BASE,
  OUT_BASE,
  T_BRANCH_TAKEN,
  T_CALL_COMMIT,
  T_CLOSE,
  T_HALT,
  T_OPEN,
  T_RETURN_COMMIT,
  T_START,
  VOCAB_SIZE,
} from '../tokens/vocabulary';
import { InstructionTables } from './instruction-tables';

/** Weight of the token-class flag in output scores; above any value-matching term (≤ 255²·2). */
const H = 2 ** 20;
/** Key stride of one call depth in the locals lookup (room for 2048 locals of 4 bytes). */
const LOCALS_STRIDE = 8192;

export interface MachineGraph {
  readonly graph: Graph;
  readonly mode: 'universal' | 'specialized';
  /** Embedding of every token id (the start token's is empty). */
  readonly embeddings: readonly Expr[];
  /** Score of every token id; the next token is the argmax. */
  readonly scores: readonly Expr[];
  /** Named quantities the debugger shows, by name. */
  readonly named: ReadonlyMap<string, Expr>;
}

/** Opcode number as the embedding carries it: 1 + its index (0 means "no opcode"). */
const opNumber = (name: OpcodeName) => Op[name] + 1;

/** The opcodes whose trace is 4 value bytes and a commit. */
const VALUE_OPS = OPCODES.filter((o) => o.shape === 'value').map((o) => o.name);

export function buildMachineGraph(
  mode: 'universal' | 'specialized',
  program?: readonly Instruction[],
): MachineGraph {
  if (mode === 'specialized' && !program) throw new Error('a specialized machine needs its program');
  const g = new Graph();
  const one = g.one;
  const c = (k: number) => g.c(k);
  const named = new Map<string, Expr>();
  const name = <T extends Expr>(n: string, e: T): T => {
    named.set(n, e);
    return e;
  };

  // ── Token embeddings ──
  const isStart = g.input('is_start');
  const isClose = g.input('is_close');
  const isByte = g.input('is_byte');
  const byteValue = g.input('byte_value');
  const byteSign = g.input('byte_sign'); // the byte is ≥ 128
  const carry = g.input('carry');
  const isCommit = g.input('is_commit');
  const commitSd = g.input('commit_sd');
  const commitSts = g.input('commit_sts');
  const commitBt = g.input('commit_bt');
  const isOut = g.input('is_out');
  const isBranchTaken = g.input('is_branch_taken');
  const isCallCommit = g.input('is_call_commit');
  const isReturnCommit = g.input('is_return_commit');
  const opId = g.input('op_id'); // program section opcode tokens (universal)
  const opSq = g.input('op_sq');

  const embeddings: Expr[] = new Array(VOCAB_SIZE).fill(new Expr());
  for (let b = 0; b < 256; b++) {
    const sign = byteSign.times(b >= 128 ? 1 : 0);
    embeddings[BYTE_BASE + b] = one.plus(isByte, byteValue.times(b), sign);
    embeddings[CARRY_BASE + b] = one.plus(isByte, byteValue.times(b), sign, carry);
    embeddings[OUT_BASE + b] = one.plus(isOut);
  }
  COMMITS.forEach((cm, i) => {
    embeddings[COMMIT_BASE + i] = one.plus(
      isCommit,
      commitSd.times(cm.stackDelta),
      commitSts.times(cm.sts),
      commitBt.times(cm.bt),
    );
  });
  OPCODES.forEach((_, i) => {
    embeddings[OPCODE_BASE + i] = one.plus(opId.times(i + 1), opSq.times((i + 1) ** 2));
  });
  embeddings[T_BRANCH_TAKEN] = one.plus(isBranchTaken);
  embeddings[T_CALL_COMMIT] = one.plus(isCallCommit);
  embeddings[T_RETURN_COMMIT] = one.plus(isReturnCommit);
  embeddings[T_CLOSE] = one.plus(isClose);
  // Position 0: `{` (universal) is all zeros; `start` (specialized) too, but for its own flag.
  embeddings[T_OPEN] = new Expr();
  embeddings[T_START] = isStart;

  const isTerminal = isCommit.plus(isOut, isCallCommit, isReturnCommit);
  /** The next token begins an instruction. */
  const boundary = name('boundary', isTerminal.plus(isClose, isStart));

  /**
   * Specialized: a sum's term computed before the sum is added by a neuron (x·relu(1), a gate row
   * of one entry) rather than copied by a passthrough head, which costs an engine far more.
   */
  const lifted = (e: Expr, label: string) => (mode === 'specialized' ? g.reglu(e, one, label) : e);

  // ── Where we are in the current instruction ──
  const [lastNonByte] = g.fetch([g.position], {
    query: one,
    key: one,
    clear: isByte,
    name: 'last_non_byte_position',
  });
  const k = name('byte_index', g.persist(lifted(g.position, 'position').minus(lastNonByte), 'byte_index'));
  const atLeast = (n: number) => g.stepglu(one, k.minus(c(n)), `byte_index_ge_${n}`);
  const [k1, k2, k4] = [atLeast(1), atLeast(2), atLeast(4)];
  const kIs = (n: number) => (n === 0 ? one.minus(k1) : atLeast(n).minus(atLeast(n + 1)));

  // The 4 tokens before this one, as bytes, and as the 32-bit little-endian value they spell.
  const prev = [1, 2, 3, 4].map(
    (i) =>
      g.fetch([byteValue], { query: g.position.minus(c(i)), key: g.position, name: `byte_back_${i}` })[0],
  );
  const lastWord = name(
    'last_word',
    g.persist(linearSum(prev.map((b, i) => b.times(256 ** (3 - i)))), 'last_word'),
  );

  // ── Prefix sums: cursor, stack depth, call depth ──
  const jumps = commitBt.plus(isCallCommit, isReturnCommit);
  const jumpNegative = g.stepglu(jumps, prev[0].minus(c(128)), 'jump_negative');
  const cursorDelta = g.persist(
    lifted(isTerminal, 'is_terminal').plus(
      g.reglu(lastWord, jumps, 'jump_offset_unsigned'),
      jumpNegative.times(-(2 ** 32)),
    ),
    'cursor_delta',
  );
  const stackDelta = commitSd.minus(isOut);
  const callDelta = isCallCommit.minus(isReturnCommit);
  // Two averaging lookups: the depths need only the token (layer 0), the cursor needs the jump
  // offset first.
  const cursor = name('cursor', g.fetchSum([cursorDelta], 'cursor')[0]);
  const [depth, callDepth] = g.fetchSum([stackDelta, callDelta], 'depths');
  name('stack_depth', depth);
  name('call_depth', callDepth);
  /**
   * 1 from the end of the program section on: writes before it are program bytes, not state. The
   * position of `}` comes from a lookup, so the flag is exactly 0 or 1 (a prefix sum would carry
   * rounding noise into the clear flags, which weights multiply by a huge constant).
   */
  let inTrace = one;
  if (mode === 'universal') {
    const notClose = g.persist(one.minus(isClose), 'not_close');
    const [closePosition] = g.fetch([g.position], {
      query: one,
      key: one,
      clear: notClose,
      name: 'close_position',
    });
    inTrace = g.stepglu(one, closePosition.minus(one), 'in_trace');
  }

  // ── The current instruction: opcode number, its square, immediate bytes ──
  let op: Expr;
  let opSquare: Expr;
  let immBytes: Expr[];
  let immByteK: Expr;
  /** The immediate as a local's index, and as a memory offset (0 for other instructions). */
  let localIndex: Expr;
  let memoryOffset: Expr;
  /** The specialized machine's per-instruction tables (undefined for the universal machine). */
  let tables: InstructionTables | undefined;
  if (mode === 'universal') {
    const at = cursor.times(5).plus(one);
    [op, opSquare] = g.fetch([opId, opSq], { query: at, key: g.position, name: 'opcode' });
    immBytes = [1, 2, 3, 4].map(
      (i) =>
        g.fetch([byteValue], { query: at.plus(c(i)), key: g.position, name: `immediate_byte_${i - 1}` })[0],
    );
    [immByteK] = g.fetch([byteValue], { query: at.plus(one, k), key: g.position, name: 'immediate_byte_k' });
    const immediate = g.persist(linearSum(immBytes.map((b, i) => b.times(256 ** i))), 'immediate');
    localIndex = immediate;
    memoryOffset = immediate;
  } else {
    // Every field of the current instruction is a table (instruction-tables.ts).
    tables = new InstructionTables(g, program!, cursor);
    // The debugger's cursor is the exact one: the noisy sum is written only into the rounding slot.
    name('cursor', tables.cursor);
    const t = tables;
    op = t.table((ins) => opNumber(ins.op), 'opcode');
    opSquare = t.table((ins) => opNumber(ins.op) ** 2, 'opcode_sq');
    immBytes = [0, 1, 2, 3].map((b) => t.table((ins) => (ins.imm >>> (8 * b)) & 0xff, `immediate_byte_${b}`));
    immByteK = g.persist(
      linearSum(immBytes.map((b, i) => g.reglu(b, kIs(i), `immediate_byte_${i}_at_k`))),
      'immediate_byte_k',
    );
    const isLocal = (ins: Instruction) =>
      ins.op === 'local.get' || ins.op === 'local.set' || ins.op === 'local.tee';
    const isMemory = (ins: Instruction) =>
      ins.op.includes('load') || ins.op.includes('store') || ins.op === 'input_base';
    localIndex = t.table((ins) => (isLocal(ins) ? ins.imm : 0), 'local_index');
    memoryOffset = t.table((ins) => (isMemory(ins) ? ins.imm : 0), 'memory_offset');
  }
  name('opcode', op);
  name('local_index', localIndex);
  name('memory_offset', memoryOffset);

  /**
   * 1 when the current opcode is X, else ≤ 0: 1 − (op − X)² (universal); a 0/1 table, zero for an
   * opcode the program never uses (specialized).
   */
  const opMatch = (x: OpcodeName) => {
    if (tables) return tables.flag([x]);
    const n = opNumber(x);
    return op
      .times(2 * n)
      .minus(opSquare)
      .plus(c(1 - n * n));
  };
  /**
   * value when the current opcode is one of `ops`, else 0: one neuron per opcode (universal), one
   * neuron gated by the table of `ops` (specialized).
   */
  const when = (ops: readonly OpcodeName[], value: Expr, label: string) => {
    if (!tables) return linearSum(ops.map((x) => g.reglu(value, opMatch(x), `${label}@${x}`)));
    const flag = tables.flag(ops);
    return flag.isZero ? flag : g.reglu(value, flag, label);
  };
  /** 1 when the current opcode is one of `ops`, else 0 (specialized: the table itself). */
  const is = (ops: readonly OpcodeName[], label: string) =>
    tables ? tables.flag(ops) : g.persist(when(ops, one, label), label);

  // Gated neurons: a case of the next byte is computed in ONE layer of neurons by folding its
  // conditions into the gate. A condition is 1 when it holds and an integer ≤ 0 when it does not
  // (an opcode match, a 0/1 flag); shift(conditions) is 0 when all hold and ≤ −BIG otherwise,
  // which zeroes relu(gate + shift) for any gate below BIG (trace values and addresses are < 2^34).
  const BIG = 2 ** 36;
  const shift = (conds: Expr[]) => linearSum(conds.map((x) => x.minus(one).times(BIG)));
  /** a·relu(b) when every condition holds, else 0: one neuron (none when a condition is never met). */
  const gatedReglu = (a: Expr, b: Expr, conds: Expr[], label: string) =>
    a.isZero || conds.some((x) => x.isZero) ? new Expr() : g.reglu(a, b.plus(shift(conds)), label);
  /** a·[d ≥ 0] for integer d when every condition holds: two neurons. */
  const gatedStep = (a: Expr, d: Expr, conds: Expr[], label: string) =>
    gatedReglu(a, d.plus(one), conds, `${label}+`).minus(gatedReglu(a, d, conds, `${label}-`));
  /** a·[d = 0] for integer d when every condition holds: three neurons (a tent). */
  const gatedTent = (a: Expr, d: Expr, conds: Expr[], label: string) =>
    linearSum([
      gatedReglu(a, d.plus(one), conds, `${label}<`),
      gatedReglu(a, d, conds, `${label}=`).times(-2),
      gatedReglu(a, d.minus(one), conds, `${label}>`),
    ]);
  /** 1 when every condition holds, else 0: one neuron. */
  const all = (conds: Expr[], label: string) => gatedReglu(one, one, conds, label);
  /**
   * 1 on the value bytes an instruction in `ops` writes to state, in the trace (not the prompt):
   * the conjunction of three flags in one neuron per opcode, relu(match + is_byte + in_trace − 2),
   * since match ≤ 0 for other opcodes and the two flags are exactly 0 or 1.
   */
  const writeFlag = (ops: readonly OpcodeName[], label: string) =>
    g.persist(
      linearSum(ops.map((x) => g.reglu(one, opMatch(x).plus(isByte, inTrace).minus(c(2)), `${label}@${x}`))),
      label,
    );
  /**
   * A lookup's clear flag: 0 on the rows an instruction in `ops` writes, at least 1 elsewhere. The
   * universal machine negates writeFlag; the specialized one needs no neuron: 2 − table − is_byte
   * is 0 exactly when both are 1, and any clear ≥ 1 keeps a row out (the key loses ≥ 2^100).
   */
  const notWriting = (ops: readonly OpcodeName[], label: string) =>
    tables
      ? g.persist(lifted(c(2).minus(isByte), `not_byte_${label}`).minus(tables.flag(ops)), `not_${label}`)
      : g.persist(one.minus(writeFlag(ops, label)), `not_${label}`);

  // ── The operand stack ──
  const notPush = g.persist(lifted(one.minus(commitSts), 'not_push_token'), 'not_push');
  const entry = (d: Expr, label: string) =>
    g.fetch([lastWord, g.position.minus(c(4))], { query: d, key: depth, clear: notPush, name: label });
  const [topValue, topPos] = entry(depth, 'stack_top');
  const [secondValue, secondPos] = entry(depth.minus(one), 'stack_second');
  const [, thirdPos] = entry(depth.minus(c(2)), 'stack_third');
  name('stack_top_value', topValue);
  name('stack_second_value', secondValue);
  const byteAt = (pos: Expr, label: string) =>
    g.fetch([byteValue], { query: pos.plus(k), key: g.position, name: label })[0];
  const topByte = name('stack_top_byte', byteAt(topPos, 'stack_top_byte'));
  const secondByte = byteAt(secondPos, 'stack_second_byte');
  const thirdByte = byteAt(thirdPos, 'stack_third_byte');

  const nonzero = name('top_nonzero', g.stepglu(one, topValue.minus(one), 'top_nonzero'));

  // ── Locals, per call depth ──
  const localKey = callDepth.times(LOCALS_STRIDE).plus(localIndex.times(4));
  const notLocalWrite = notWriting(['local.set', 'local.tee'], 'local_write');
  const [localByte] = g.fetch([byteValue], {
    query: localKey.plus(k),
    key: localKey.plus(k).minus(one),
    clear: notLocalWrite,
    name: 'local_byte',
  });
  name('local_byte', localByte);

  // ── Memory, per byte ──
  const storeOps: OpcodeName[] = ['i32.store', 'i32.store8', 'i32.store16', 'input_base'];
  const notMemoryWrite = notWriting(storeOps, 'memory_write');
  const writeAddress = secondValue.plus(memoryOffset, k).minus(one);
  const readAddress = name('memory_read_address', topValue.plus(memoryOffset, k));
  // A program without signed loads needs no sign bit: one head fewer.
  const signedLoads = !tables || tables.uses('i32.load8_s') || tables.uses('i32.load16_s');
  const dirtyValues = signedLoads ? [byteValue, writeAddress, byteSign] : [byteValue, writeAddress];
  const [dirtyByte, dirtyAddress, dirtySign = new Expr()] = g.fetch(dirtyValues, {
    query: readAddress,
    key: writeAddress,
    clear: notMemoryWrite,
    name: 'memory_byte_dirty',
  });

  // ── The call stack: each call's immediate bytes, by call depth ──
  const notCallWrite = notWriting(['call'], 'call_write');
  const [callByte] = g.fetch([byteValue], {
    query: callDepth.minus(one).times(4).plus(k),
    key: callDepth.times(4).plus(k).minus(one),
    clear: notCallWrite,
    name: 'call_stack_byte',
  });

  // ── The byte being emitted (k), each case one layer of gated neurons ──
  const carryIn = carry; // the current token's flag: the previous byte's carry or borrow out
  const firstByte = kIs(0);
  const below2 = one.minus(k2);
  const at = (x: OpcodeName, ...more: Expr[]) => [opMatch(x), ...more];

  // Addition, subtraction, and the return address (the call's immediate minus the return's).
  const sum = secondByte.plus(topByte, carryIn);
  const addCarry = gatedStep(one, sum.minus(c(256)), at('i32.add'), 'add_carry');
  const difference = secondByte.minus(topByte).minus(carryIn);
  const subBorrow = all(at('i32.sub'), 'sub_op').minus(
    gatedStep(one, difference, at('i32.sub'), 'sub_no_borrow'),
  );
  const retDifference = immByteK.minus(callByte).minus(carryIn);
  const retBorrow = all(at('return'), 'return_op').minus(
    gatedStep(one, retDifference, at('return'), 'return_no_borrow'),
  );

  // Loads: the dirty byte counts only at the exact address (a tent in the address difference), so
  // unwritten memory reads 0; the sign of a signed load's top byte comes with it (byte_sign).
  const diff = dirtyAddress.minus(readAddress);
  const loadByte = (x: OpcodeName, ...more: Expr[]) =>
    gatedTent(dirtyByte, diff, at(x, ...more), `load@${x}`);
  const loadSign = (x: OpcodeName, kAt: Expr) => gatedTent(dirtySign, diff, at(x, kAt), `sign@${x}`);

  // Comparisons on whole values, a = second, b = top, in the first byte (the rest are 0). With
  // unsigned steps and the sign bits, lt_s = lt_u + sign(a) − sign(b).
  const [a, b] = [secondValue, topValue];
  type Form = (steps: Record<string, Expr>, always: Expr) => Expr;
  const comparison = (x: OpcodeName, form: Form) => {
    const cond = at(x, firstByte);
    const step = (d: Expr, label: string) => gatedStep(one, d, cond, `${x}.${label}`);
    return form(
      {
        ltU: step(b.minus(a).minus(one), 'lt_u'),
        gtU: step(a.minus(b).minus(one), 'gt_u'),
        signA: step(a.minus(c(2 ** 31)), 'sign_a'),
        signB: step(b.minus(c(2 ** 31)), 'sign_b'),
        nonzero: step(b.minus(one), 'nonzero'),
      },
      all(cond, `${x}.first_byte`),
    );
  };
  const ltS = (s: Record<string, Expr>) => s.ltU.plus(s.signA).minus(s.signB);
  const gtS = (s: Record<string, Expr>) => s.gtU.plus(s.signB).minus(s.signA);
  const comparisons: [OpcodeName, Form][] = [
    ['i32.eqz', (s, t) => t.minus(s.nonzero)],
    ['i32.eq', (s, t) => t.minus(s.ltU).minus(s.gtU)],
    ['i32.ne', (s) => s.ltU.plus(s.gtU)],
    ['i32.lt_s', ltS],
    ['i32.lt_u', (s) => s.ltU],
    ['i32.gt_s', gtS],
    ['i32.gt_u', (s) => s.gtU],
    ['i32.le_s', (s, t) => t.minus(gtS(s))],
    ['i32.le_u', (s, t) => t.minus(s.gtU)],
    ['i32.ge_s', (s, t) => t.minus(ltS(s))],
    ['i32.ge_u', (s, t) => t.minus(s.ltU)],
  ];
  /**
   * Specialized: one set of steps serves every comparison, each step weighted (its neuron's up row)
   * by a table of the coefficient the current instruction's form gives it: 11 neurons instead of 11
   * per opcode. The coefficients are read off the forms applied to a basis of placeholders.
   */
  const sharedComparisons = (t: InstructionTables): Expr[] => {
    const used = comparisons.filter(([x]) => t.uses(x));
    if (!used.length) return [];
    const keys = ['ltU', 'gtU', 'signA', 'signB', 'nonzero', 'always'];
    const scratch = new Graph();
    const basis = Object.fromEntries(keys.map((key) => [key, scratch.input(key)]));
    const coefficients = new Map(
      used.map(([x, form]) => {
        const e = form(basis, basis.always);
        return [x, keys.map((key) => e.coefficient(scratch.dimOf(basis[key]).id))];
      }),
    );
    const cond = [t.flag(used.map(([x]) => x)), firstByte];
    const weight = (j: number) => t.table((ins) => coefficients.get(ins.op)?.[j] ?? 0, `compare_${keys[j]}`);
    const step = (j: number, d: Expr) => gatedStep(weight(j), d, cond, `compare.${keys[j]}`);
    return [
      step(0, b.minus(a).minus(one)),
      step(1, a.minus(b).minus(one)),
      step(2, a.minus(c(2 ** 31))),
      step(3, b.minus(c(2 ** 31))),
      step(4, b.minus(one)),
      gatedReglu(weight(5), one, cond, 'compare.first_byte'),
    ];
  };
  const bits = tables ? sharedComparisons(tables) : comparisons.map(([x, form]) => comparison(x, form));

  const resultByte = name(
    'result_byte',
    g.persist(
      linearSum([
        when(['i32.const', 'br', 'br_if', 'call'], immByteK, 'imm'),
        when(['local.get'], localByte, 'local'),
        when(['local.set', 'local.tee', 'i32.store', 'i32.store8', 'i32.store16'], topByte, 'top'),
        // select: the third value when the top is nonzero, else the second.
        when(['select'], secondByte, 'select'),
        gatedStep(thirdByte.minus(secondByte), topValue.minus(one), at('select'), 'select_third'),
        when(['i32.add'], sum, 'add').minus(addCarry.times(256)),
        when(['i32.sub'], difference, 'sub').plus(subBorrow.times(256)),
        when(['return'], retDifference, 'return').plus(retBorrow.times(256)),
        loadByte('i32.load'),
        loadByte('i32.load8_u', firstByte),
        loadByte('i32.load8_s', firstByte),
        loadByte('i32.load16_u', below2),
        loadByte('i32.load16_s', below2),
        gatedReglu(carryIn.times(255), one, at('i32.load8_s', k1), 'sign_fill_8'),
        gatedReglu(carryIn.times(255), one, at('i32.load16_s', k2), 'sign_fill_16'),
        ...bits,
      ]),
      'result_byte',
    ),
  );
  const resultCarry = name(
    'result_carry',
    g.persist(
      linearSum([
        addCarry,
        subBorrow,
        retBorrow,
        loadSign('i32.load8_s', firstByte),
        gatedReglu(carryIn, one, at('i32.load8_s', k1), 'sign_8_rest'),
        loadSign('i32.load16_s', kIs(1)),
        gatedReglu(carryIn, one, at('i32.load16_s', k2), 'sign_16_rest'),
      ]),
      'result_carry',
    ),
  );

  // ── What kind of token comes next ──
  const storeWidth: [OpcodeName, Expr][] = [
    ['i32.store', k4],
    ['i32.store16', k2],
    ['i32.store8', k1],
  ];
  let emitByte: Expr;
  let emitBranchTaken: Expr;
  let emitCommit: Expr;
  let emitCall: Expr;
  let emitReturn: Expr;
  let emitOut: Expr;
  let emitHalt: Expr;
  let sd: Expr;
  let sts: Expr;
  let bt: Expr;
  if (tables) {
    // Specialized: every flag above is a table, so each emit flag is a sum of gated neurons in
    // the one FFN sublayer after the tables, written straight into its slot. Values computed in
    // earlier sublayers join through a neuron too (lift: x·relu(1)), not a passthrough copy.
    const t = tables;
    const lift = (e: Expr, label: string) => (e.isZero ? e : g.reglu(e, one, label));
    /** The flag of `ops` on the token after which an instruction starts. */
    const atStart = (ops: readonly OpcodeName[], label: string) => {
      const flag = t.flag(ops);
      return flag.isZero ? flag : g.reglu(flag, boundary, label);
    };
    /** A sum in a slot of its own (zero when it has no terms: the program never needs it). */
    const slot = (e: Expr, label: string) => (e.isZero ? e : g.persist(e, label));
    const whenAll = (ops: readonly OpcodeName[], value: Expr, conds: Expr[], label: string) =>
      gatedReglu(value, one, [t.flag(ops), ...conds], label);
    const transfers: OpcodeName[] = ['call', 'return'];
    const fourBytes = [...VALUE_OPS, 'br', 'br_if'] as OpcodeName[];
    /** On a byte token, the last byte of an instruction other than call and return: its commit follows. */
    const commitAfterBytes = linearSum([
      whenAll(fourBytes, k4, [isByte], 'done4_on_byte'),
      ...storeWidth.map(([x, done]) => whenAll([x], done, [isByte], `done_${x}_on_byte`)),
    ]);
    emitCall = whenAll(['call'], k4, [isByte], 'emit_call_commit');
    emitReturn = whenAll(['return'], k4, [isByte], 'emit_return_commit');
    const finalByte = linearSum([commitAfterBytes, emitCall, emitReturn]);
    emitByte = name(
      'emit_byte',
      slot(
        linearSum([
          atStart([...VALUE_OPS, 'i32.store', 'i32.store8', 'i32.store16'], 'first_byte'),
          lift(isBranchTaken.plus(isByte), 'byte_continues'),
          finalByte.times(-1),
        ]),
        'emit_byte',
      ),
    );
    emitBranchTaken = slot(
      linearSum([
        atStart(['br', ...transfers], 'always_jumps_at_start'),
        whenAll(['br_if'], nonzero, [boundary], 'br_if_taken_at_start'),
      ]),
      'emit_branch_taken',
    );
    emitCommit = name(
      'emit_commit',
      slot(
        linearSum([
          atStart(['drop', 'global.set'], 'commit_only_at_start'),
          whenAll(['br_if'], one.minus(nonzero), [boundary], 'br_if_not_taken_at_start'),
          commitAfterBytes,
        ]),
        'emit_commit',
      ),
    );
    emitOut = atStart(['output'], 'emit_out');
    emitHalt = atStart(['halt'], 'emit_halt');
    sd = t.table((ins) => OPCODES[Op[ins.op]].stackDelta, 'commit_sd');
    sts = t.flag(OPCODES.filter((o) => o.sts === 1).map((o) => o.name));
    bt = slot(
      linearSum([lift(t.flag(['br']), 'is_br'), whenAll(['br_if'], one, [isByte], 'br_if_taken_end')]),
      'commit_bt',
    );
  } else {
    /** On a byte token: the instruction's last byte has been emitted. */
    const bytesDone = g.persist(
      linearSum([
        when([...VALUE_OPS, 'br', 'br_if', 'call', 'return'], k4, 'done4'),
        ...storeWidth.map(([x, done]) => when([x], done, `done_${x}`)),
      ]),
      'bytes_done',
    );
    const onByte = (e: Expr, label: string) => g.reglu(e, isByte, label);
    const atBoundary = (e: Expr, label: string) => g.reglu(e, boundary, label);
    const finalByte = onByte(bytesDone, 'final_byte');
    emitByte = name(
      'emit_byte',
      g.persist(
        linearSum([
          atBoundary(
            is([...VALUE_OPS, 'i32.store', 'i32.store8', 'i32.store16'], 'starts_with_byte'),
            'first_byte',
          ),
          isBranchTaken,
          isByte.minus(finalByte),
        ]),
        'emit_byte',
      ),
    );
    emitBranchTaken = atBoundary(
      g.persist(
        is(['br', 'call', 'return'], 'always_jumps').plus(when(['br_if'], nonzero, 'br_if_taken')),
        'jumps_now',
      ),
      'emit_branch_taken',
    );
    emitCommit = name(
      'emit_commit',
      g.persist(
        linearSum([
          atBoundary(
            g.persist(
              is(['drop', 'global.set'], 'commit_only').plus(
                when(['br_if'], one.minus(nonzero), 'br_if_not_taken'),
              ),
              'commit_now',
            ),
            'commit_at_start',
          ),
          onByte(
            g.persist(bytesDone.minus(when(['call', 'return'], k4, 'done_transfer')), 'commit_after_bytes'),
            'commit_after_bytes_on_byte',
          ),
        ]),
        'emit_commit',
      ),
    );
    emitCall = onByte(when(['call'], k4, 'call_done'), 'emit_call_commit');
    emitReturn = onByte(when(['return'], k4, 'return_done'), 'emit_return_commit');
    emitOut = atBoundary(is(['output'], 'is_output'), 'emit_out');
    emitHalt = atBoundary(is(['halt'], 'is_halt'), 'emit_halt');

    // Fields of the commit to emit.
    sd = g.persist(
      linearSum(
        OPCODES.filter((o) => o.stackDelta !== 0).map((o) => when([o.name], c(o.stackDelta), `sd_${o.name}`)),
      ),
      'commit_sd',
    );
    sts = is(
      OPCODES.filter((o) => o.sts === 1).map((o) => o.name),
      'sts',
    );
    bt = g.persist(
      is(['br'], 'is_br').plus(g.reglu(is(['br_if'], 'is_br_if'), isByte, 'br_if_taken_end')),
      'commit_bt',
    );
  }

  // ── Scores ──
  // A class's score is flag·(H − Σv²) + Σ 2v·x: with the flag 1 that is H + Σ (x² − (x − v)²) − Σx²,
  // highest for the nearest v; with the flag 0 it stays below H. The constants −v² ride on the
  // flag, not on `one`: engines skip the unembedding columns of slots that are 0, and a flag is 0
  // on most tokens while `one` never is, so each token's scores cost about half the terms. The
  // byte an `output` prints is gated the same way (0 unless printing), since the stack top's byte
  // is nonzero almost everywhere.
  const outByte = gatedReglu(topByte, one, [opMatch('output'), boundary], 'out_byte');
  const scores: Expr[] = new Array(VOCAB_SIZE).fill(c(-2 * H)); // prompt-only tokens never win
  /** flag·(H − Σ v²) + Σ 2v·x over the (v, x) pairs. */
  const score = (flag: Expr, pairs: [number, Expr][]) =>
    flag.times(H - pairs.reduce((s, [v]) => s + v * v, 0)).plus(...pairs.map(([v, x]) => x.times(2 * v)));
  for (let v = 0; v < 256; v++) {
    scores[BYTE_BASE + v] = score(emitByte, [[v, resultByte]]);
    scores[CARRY_BASE + v] = score(emitByte, [
      [v, resultByte],
      [1, resultCarry],
    ]);
    scores[OUT_BASE + v] = score(emitOut, [[v, outByte]]);
  }
  COMMITS.forEach((cm, i) => {
    scores[COMMIT_BASE + i] = score(emitCommit, [
      [cm.stackDelta, sd],
      [cm.sts, sts],
      [cm.bt, bt],
    ]);
  });
  scores[T_BRANCH_TAKEN] = emitBranchTaken.times(H);
  scores[T_CALL_COMMIT] = emitCall.times(H);
  scores[T_RETURN_COMMIT] = emitReturn.times(H);
  scores[T_HALT] = emitHalt.times(H);

  return { graph: g, mode, embeddings, scores, named };
}

function linearSum(parts: Expr[]): Expr {
  return parts.length ? parts[0].plus(...parts.slice(1)) : new Expr();
}
