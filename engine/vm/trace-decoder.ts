// The trace decoder: turns a token stream back into machine events and machine state. Every value
// it reports comes from the tokens themselves (pushed bytes, stored bytes, branch offsets); the
// program only tells it which instruction the cursor is on and what shape its trace has. It
// checks each token's kind against that shape, so a stream no machine could produce is caught at
// its first wrong token. Engines call `feed` for every generated token: keep it cheap.
import { OPCODES, Op } from '../tokens/opcodes';
import type { Instruction } from '../tokens/program-file';
import {
  byteValue,
  commitToken,
  hasCarry,
  isByte,
  isOut,
  OUT_BASE,
  T_BRANCH_TAKEN,
  T_CALL_COMMIT,
  T_HALT,
  T_RETURN_COMMIT,
  tokenText,
} from '../tokens/vocabulary';
import { Memory } from './memory';
import { type ProgramEnd, programEnd } from './program-end';
import { byteLog, positionLog, type SharedLog } from './shared-log';
import { describeTrap, type Trap, type TrapSourceMap } from './traps';

/** A token that cannot follow the tokens before it. */
export class TraceDecodeError extends Error {
  constructor(
    readonly position: number,
    readonly token: number,
    readonly expected: string,
    readonly step: number,
    readonly pc: number,
    opName: string,
  ) {
    super(
      `token ${position} ('${token >= 0 ? tokenText(token) : '<end>'}') cannot appear here: expected ${expected} ` +
        `(instruction ${pc} '${opName}', step ${step})`,
    );
    this.name = 'TraceDecodeError';
  }
}

export type MachineEvent =
  | { readonly type: 'push'; readonly value: number }
  | { readonly type: 'pop'; readonly value: number }
  | { readonly type: 'local'; readonly depth: number; readonly index: number; readonly value: number }
  | { readonly type: 'memory'; readonly address: number; readonly bytes: number[] }
  | { readonly type: 'call'; readonly from: number; readonly to: number; readonly depth: number }
  | { readonly type: 'return'; readonly from: number; readonly to: number; readonly depth: number }
  | { readonly type: 'output'; readonly byte: number }
  | {
      readonly type: 'step';
      readonly step: number;
      readonly pc: number;
      readonly nextPc: number;
      readonly position: number;
    }
  | { readonly type: 'halt' };

export interface DecodedFrame {
  /** The `call` instruction that entered this frame. */
  readonly callPc: number;
  readonly returnPc: number;
  /** The caller's locals (the callee's are `locals` of the decoder or of the next frame). */
  readonly savedLocals: number[];
}

const C_BR_IF_NOT = commitToken(-1, 0, 0);

/** Where the decoder is inside the current instruction's trace. */
enum Phase {
  Start, // no token of this instruction yet
  Bytes, // collecting value / store / immediate bytes
  Commit, // expecting the final commit (or call_commit / return_commit)
  InputBytes, // input_base: bytes until 00
}

export interface TraceDecoderOptions {
  /**
   * Whether to keep the output bytes and where each step began (default true). A run that needs
   * only the end state (wasm-run's end status) passes false: nothing then grows with the trace.
   */
  readonly history?: boolean;
}

export class TraceDecoder {
  private readonly ops: Int32Array;
  private readonly imms: Uint32Array;
  readonly memory = new Memory();
  readonly stack: number[] = [];
  readonly frames: DecodedFrame[] = [];
  locals: number[] = [];
  /** Instruction the cursor is on. */
  pc = 0;
  /** Completed instructions. */
  step = 0;
  /** Tokens consumed. */
  position = 0;
  halted = false;
  /**
   * The byte address the last memory instruction used (offset included): a load's, a store's, or
   * input_base's. Read after a step ends, it says where that step read or wrote (the debugger's
   * access log); other steps leave it as it was.
   */
  lastAccess = 0;
  /** Output bytes and step starts, shared with clones (see SharedLog); undefined: no history. */
  private outputLog: SharedLog<Uint8Array> | undefined;
  private startLog: SharedLog<Uint32Array> | undefined;

  private phase = Phase.Start;
  private bytes: number[] = [];
  private bytesWanted = 0;
  private branchTaken = false;
  private stepStart = 0;

  constructor(
    private readonly instructions: readonly Instruction[],
    private readonly listener?: (e: MachineEvent) => void,
    options: TraceDecoderOptions = {},
  ) {
    this.ops = Int32Array.from(instructions, (i) => Op[i.op]);
    this.imms = Uint32Array.from(instructions, (i) => i.imm);
    if (options.history !== false) {
      this.outputLog = byteLog('output byte');
      this.startLog = positionLog('step start position');
    }
  }

  /** The bytes output so far (a view, not a copy: it never changes afterwards). */
  get output(): Uint8Array {
    return this.history(this.outputLog, 'output').view();
  }

  /** Token position where each completed step began (index = step; a view, not a copy). */
  get stepStarts(): Uint32Array {
    return this.history(this.startLog, 'stepStarts').view();
  }

  private history<T extends SharedLog<Uint8Array> | SharedLog<Uint32Array>>(
    log: T | undefined,
    what: string,
  ): T {
    if (!log)
      throw new Error(`this trace decoder keeps no history ({ history: false }): '${what}' is not recorded`);
    return log;
  }

  /**
   * The trap the program stopped on, once halted: the cursor stays on the `halt` that ran, whose
   * immediate is the trap code (0, the normal end, gives undefined). With a source map the trap is
   * placed at the innermost C function of the call stack.
   */
  trap(sourceMap?: TrapSourceMap): Trap | undefined {
    if (!this.halted) return undefined;
    return describeTrap(
      this.instructions,
      this.pc,
      this.frames.map((f) => f.callPc),
      sourceMap,
    );
  }

  /** How the program ended, once halted: exit status from the decoded stack, abort, or trap. */
  end(sourceMap?: TrapSourceMap): ProgramEnd | undefined {
    if (!this.halted) return undefined;
    return programEnd(
      this.instructions,
      this.pc,
      this.frames.map((f) => f.callPc),
      this.stack,
      sourceMap,
    );
  }

  /**
   * An independent copy of the state (the debugger keeps copies as checkpoints to go back fast).
   * Memory pages are copied on write and the output and step starts are shared, so a copy costs
   * the stack, locals and frames, not the history.
   */
  clone(): TraceDecoder {
    const copy = Object.create(TraceDecoder.prototype) as TraceDecoder;
    return Object.assign(copy, this, {
      memory: this.memory.clone(),
      // slice(), not spread: locals never written stay holes, as in the original.
      stack: this.stack.slice(),
      frames: this.frames.map((f) => ({ ...f, savedLocals: f.savedLocals.slice() })),
      locals: this.locals.slice(),
      outputLog: this.outputLog?.share(),
      startLog: this.startLog?.share(),
      bytes: this.bytes.slice(),
    });
  }

  /** Consumes every token of `ids`. */
  feedAll(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) this.feed(ids[i]);
  }

  private fail(token: number, expected: string): never {
    const opName = this.pc >= 0 && this.pc < this.ops.length ? OPCODES[this.ops[this.pc]].name : '?';
    throw new TraceDecodeError(this.position, token, expected, this.step, this.pc, opName);
  }

  private pop(token: number): number {
    const v = this.stack.pop();
    if (v === undefined) this.fail(token, 'an instruction that does not pop an empty operand stack');
    this.listener?.({ type: 'pop', value: v });
    return v;
  }

  private push(v: number): void {
    this.stack.push(v);
    this.listener?.({ type: 'push', value: v });
  }

  private value(): number {
    const b = this.bytes;
    return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  }

  /** Consumes one token. Throws TraceDecodeError when it cannot follow the previous ones. */
  feed(token: number): void {
    if (this.halted) this.fail(token, 'nothing: the machine halted');
    if (this.pc < 0 || this.pc >= this.ops.length)
      this.fail(token, `an instruction inside the program (cursor ${this.pc})`);
    const op = this.ops[this.pc];
    const info = OPCODES[op];
    if (this.phase === Phase.Start) {
      this.stepStart = this.position;
      this.bytes.length = 0;
      switch (info.shape) {
        case 'value':
          this.phase = Phase.Bytes;
          this.bytesWanted = 4;
          break;
        case 'store':
          this.phase = Phase.Bytes;
          this.bytesWanted = info.storeBytes!;
          break;
        case 'commit':
          this.phase = Phase.Commit;
          break;
        case 'input':
          this.phase = Phase.InputBytes;
          break;
        case 'output':
          if (!isOut(token)) this.fail(token, "an 'out(..)' token");
          this.outputLog?.push(token - OUT_BASE);
          this.pop(token);
          this.listener?.({ type: 'output', byte: token - OUT_BASE });
          this.position++;
          this.finish(this.pc + 1);
          return;
        case 'halt':
          if (token !== T_HALT) this.fail(token, "'halt'");
          this.position++;
          this.halted = true;
          this.finish(this.pc);
          this.listener?.({ type: 'halt' });
          return;
        case 'branch':
          if (token === T_BRANCH_TAKEN) {
            this.branchTaken = true;
            this.phase = Phase.Bytes;
            this.bytesWanted = 4;
            this.position++;
            return;
          }
          if (op === Op.br_if && token === C_BR_IF_NOT) {
            this.pop(token);
            this.position++;
            this.finish(this.pc + 1);
            return;
          }
          this.fail(token, op === Op.br ? "'branch_taken'" : "'branch_taken' or 'commit(-1,sts=0,bt=0)'");
          break;
        case 'call':
        case 'return':
          if (token !== T_BRANCH_TAKEN) this.fail(token, "'branch_taken'");
          this.phase = Phase.Bytes;
          this.bytesWanted = 4;
          this.position++;
          return;
      }
    }

    if (this.phase === Phase.InputBytes) {
      if (!isByte(token) || hasCarry(token)) this.fail(token, 'an input byte');
      this.position++;
      if (byteValue(token) === 0) {
        this.memory.write(this.imms[this.pc], this.bytes);
        this.memory.store8(this.imms[this.pc] + this.bytes.length, 0);
        this.phase = Phase.Commit;
      } else this.bytes.push(byteValue(token));
      return;
    }

    if (this.phase === Phase.Bytes) {
      if (!isByte(token)) this.fail(token, `byte ${this.bytes.length + 1} of ${this.bytesWanted}`);
      this.bytes.push(byteValue(token));
      this.position++;
      if (this.bytes.length === this.bytesWanted) this.phase = Phase.Commit;
      return;
    }

    // Phase.Commit: the instruction's last token; apply its effect.
    const imm = this.imms[this.pc];
    let nextPc = this.pc + 1;
    switch (info.shape) {
      case 'call': {
        if (token !== T_CALL_COMMIT) this.fail(token, "'call_commit'");
        nextPc = (this.pc + 1 + (this.value() | 0)) | 0;
        this.frames.push({ callPc: this.pc, returnPc: this.pc + 1, savedLocals: this.locals });
        this.locals = [];
        this.listener?.({ type: 'call', from: this.pc, to: nextPc, depth: this.frames.length });
        break;
      }
      case 'return': {
        if (token !== T_RETURN_COMMIT) this.fail(token, "'return_commit'");
        const frame = this.frames.pop();
        if (!frame) this.fail(token, "no 'return' (there is no caller to return to)");
        nextPc = (this.pc + 1 + (this.value() | 0)) | 0;
        this.locals = frame.savedLocals;
        this.listener?.({ type: 'return', from: this.pc, to: nextPc, depth: this.frames.length });
        break;
      }
      default: {
        const want =
          info.shape === 'branch'
            ? commitToken(info.stackDelta, 0, this.branchTaken ? 1 : 0)
            : expectedCommit(op);
        if (token !== want) this.fail(token, `'${tokenText(want)}'`);
        this.apply(op, imm, token);
        if (info.shape === 'branch') nextPc = (this.pc + 1 + (this.value() | 0)) | 0;
      }
    }
    this.position++;
    this.finish(nextPc);
  }

  private apply(op: number, imm: number, token: number): void {
    switch (op) {
      case Op.input_base:
        this.lastAccess = imm;
        return;
      case Op['local.set']:
        this.pop(token);
        this.setLocal(imm, this.value());
        return;
      case Op['local.tee']:
        this.pop(token);
        this.push(this.value());
        this.setLocal(imm, this.value());
        return;
      case Op['global.set']:
        this.setLocal(imm, this.pop(token));
        return;
      case Op.drop:
      case Op.br_if:
        this.pop(token);
        return;
      case Op.br:
        return;
      case Op['i32.store']:
      case Op['i32.store8']:
      case Op['i32.store16']: {
        this.pop(token);
        const address = (this.pop(token) + imm) >>> 0;
        this.lastAccess = address;
        this.memory.write(address, this.bytes);
        this.listener?.({ type: 'memory', address, bytes: this.bytes.slice() });
        return;
      }
      default: {
        // Value-producing instructions: pop the operands, push the value the tokens carry.
        const pops = OPCODES[op].pops;
        if (OPCODES[op].loadBytes) this.lastAccess = (this.stack[this.stack.length - 1] + imm) >>> 0;
        for (let k = 0; k < pops; k++) this.pop(token);
        this.push(this.value());
      }
    }
  }

  private setLocal(index: number, value: number): void {
    this.locals[index] = value;
    this.listener?.({ type: 'local', depth: this.frames.length, index, value });
  }

  private finish(nextPc: number): void {
    this.startLog?.push(this.stepStart);
    this.listener?.({ type: 'step', step: this.step, pc: this.pc, nextPc, position: this.stepStart });
    this.step++;
    this.pc = nextPc;
    this.phase = Phase.Start;
    this.branchTaken = false;
  }
}

const EXPECTED_COMMIT = OPCODES.map((o) =>
  o.shape === 'value' || o.shape === 'store' || o.shape === 'commit' || o.shape === 'input'
    ? commitToken(o.stackDelta, o.sts, 0)
    : -1,
);

function expectedCommit(op: number): number {
  return EXPECTED_COMMIT[op];
}

/**
 * The machine state after the first `steps` instructions of a trace, rebuilt by decoding its
 * prefix (millions of tokens a second). Throws when the trace has fewer instructions.
 */
export function stateAtStep(
  instructions: readonly Instruction[],
  tokens: ArrayLike<number>,
  steps: number,
): TraceDecoder {
  const decoder = new TraceDecoder(instructions);
  for (let i = 0; decoder.step < steps; i++) {
    if (i >= tokens.length) throw new RangeError(`the trace has ${decoder.step} instructions, not ${steps}`);
    decoder.feed(tokens[i]);
  }
  return decoder;
}
