// The reference executor: runs a token program directly and writes the exact trace the
// transformer must generate. It is the ground truth every engine is tested against.
import { MAX_CALL_DEPTH, MAX_LOCALS, MEMORY_SIZE } from '../tokens/limits';
import { OPCODES, Op } from '../tokens/opcodes';
import type { Instruction, TokenProgram } from '../tokens/program-file';
import {
  byteToken,
  commitToken,
  OUT_BASE,
  T_BRANCH_TAKEN,
  T_CALL_COMMIT,
  T_HALT,
  T_RETURN_COMMIT,
} from '../tokens/vocabulary';
import { Memory } from './memory';
import { type ProgramEnd, programEnd } from './program-end';
import { TokenBuffer } from './token-buffer';
import { describeTrap, type Trap, type TrapSourceMap } from './traps';

/** The machine stopped on something a correct program never does. */
export class MachineError extends Error {
  constructor(
    message: string,
    readonly step: number,
    readonly pc: number,
  ) {
    super(`${message} (instruction ${pc}, step ${step})`);
    this.name = 'MachineError';
  }
}

export interface Frame {
  /** Instruction to continue at after `return`. */
  readonly returnPc: number;
  /** The `call` instruction's immediate (its borrow against `return`'s is part of the trace). */
  readonly callImm: number;
  /** Index of the `call` instruction. */
  readonly callPc: number;
  /** The caller's locals, restored on return. */
  readonly savedLocals: number[];
}

const C_VALUE_PUSH = commitToken(1, 1, 0);
const C_VALUE_KEEP = commitToken(0, 1, 0);
const C_VALUE_BINARY = commitToken(-1, 1, 0);
const C_SELECT = commitToken(-2, 1, 0);
const C_POP = commitToken(-1, 0, 0);
const C_TEE = commitToken(0, 0, 0);
const C_STORE = commitToken(-2, 0, 0);
const C_BR = commitToken(0, 0, 1);
const C_BR_IF_TAKEN = commitToken(-1, 0, 1);
const C_BR_IF_NOT = commitToken(-1, 0, 0);

const CONDITIONS: Record<number, (a: number, b: number) => boolean> = {
  [Op['i32.eq']]: (a, b) => a === b,
  [Op['i32.ne']]: (a, b) => a !== b,
  [Op['i32.lt_s']]: (a, b) => (a | 0) < (b | 0),
  [Op['i32.lt_u']]: (a, b) => a < b,
  [Op['i32.gt_s']]: (a, b) => (a | 0) > (b | 0),
  [Op['i32.gt_u']]: (a, b) => a > b,
  [Op['i32.le_s']]: (a, b) => (a | 0) <= (b | 0),
  [Op['i32.le_u']]: (a, b) => a <= b,
  [Op['i32.ge_s']]: (a, b) => (a | 0) >= (b | 0),
  [Op['i32.ge_u']]: (a, b) => a >= b,
};

/** Per-byte carries of a + b (add) or borrows of a - b (sub), as a 4-bit mask. */
export function carryMask(a: number, b: number, subtract: boolean): number {
  let mask = 0;
  let carry = 0;
  for (let i = 0; i < 4; i++) {
    const x = (a >>> (8 * i)) & 0xff;
    const y = (b >>> (8 * i)) & 0xff;
    const s = subtract ? x - y - carry : x + y + carry;
    carry = subtract ? (s < 0 ? 1 : 0) : s > 0xff ? 1 : 0;
    mask |= carry << i;
  }
  return mask;
}

export class ReferenceMachine {
  readonly ops: Int32Array;
  readonly imms: Uint32Array;
  readonly memory = new Memory();
  readonly stack: number[] = [];
  readonly frames: Frame[] = [];
  locals: number[] = [];
  readonly output: number[] = [];
  pc = 0;
  steps = 0;
  halted = false;

  constructor(
    readonly instructions: readonly Instruction[],
    readonly input: Uint8Array | null,
    /** Source line of each instruction (from the token file), for messages. */
    lines?: ArrayLike<number>,
  ) {
    this.ops = Int32Array.from(instructions, (i) => Op[i.op]);
    this.imms = Uint32Array.from(instructions, (i) => i.imm);
    const problem = machineProblem(instructions, input);
    if (problem) {
      const line = lines?.[problem.pc];
      throw new MachineError(
        `${line !== undefined ? `line ${line}: ` : ''}${problem.message}`,
        0,
        problem.pc,
      );
    }
  }

  /** The trap the program stopped on (a `halt` with a non-zero code), once halted. */
  trap(): Trap | undefined {
    return this.halted
      ? describeTrap(
          this.instructions,
          this.pc,
          this.frames.map((f) => f.callPc),
        )
      : undefined;
  }

  /** How the program ended, once halted (exit status, abort, trap). */
  end(sourceMap?: TrapSourceMap): ProgramEnd | undefined {
    return this.halted
      ? programEnd(
          this.instructions,
          this.pc,
          this.frames.map((f) => f.callPc),
          this.stack,
          sourceMap,
        )
      : undefined;
  }

  private fail(message: string): never {
    throw new MachineError(message, this.steps, this.pc);
  }

  private pop(): number {
    const v = this.stack.pop();
    if (v === undefined) this.fail(`'${OPCODES[this.ops[this.pc]].name}' pops from an empty operand stack`);
    return v;
  }

  private emitValue(out: TokenBuffer, v: number, carries = 0): void {
    for (let i = 0; i < 4; i++) out.push(byteToken((v >>> (8 * i)) & 0xff, ((carries >> i) & 1) === 1));
  }

  /**
   * The effective address of an n-byte access, which must lie inside the machine's memory. Base +
   * offset is computed without wrapping (as WebAssembly does): beyond 2^32 is outside too.
   */
  private address(base: number, imm: number, n: number): number {
    const addr = base + imm;
    if (addr + n > MEMORY_SIZE) {
      this.fail(
        `memory access at 0x${addr.toString(16)} (${n} bytes) is outside the machine's 16 MiB memory`,
      );
    }
    return addr;
  }

  private jump(target: number): void {
    if (target < 0 || target >= this.ops.length) {
      this.fail(`jump to instruction ${target}, outside the program (0..${this.ops.length - 1})`);
    }
    this.pc = target;
  }

  /** Executes one instruction, appending its trace tokens to `out`. */
  step(out: TokenBuffer): void {
    if (this.halted) this.fail('the machine has halted');
    if (this.pc < 0 || this.pc >= this.ops.length) this.fail('the cursor left the program without halting');
    const op = this.ops[this.pc];
    const imm = this.imms[this.pc];
    const next = this.pc + 1;
    switch (op) {
      case Op.halt:
        // The cursor stays on the halt: its immediate is the trap code (0: normal end).
        out.push(T_HALT);
        this.halted = true;
        break;
      case Op.input_base: {
        const bytes = this.input ?? new Uint8Array(0);
        this.address(0, imm, bytes.length + 1);
        this.memory.write(imm, bytes);
        this.memory.store8(imm + bytes.length, 0);
        for (const b of bytes) out.push(byteToken(b));
        out.push(byteToken(0));
        out.push(C_TEE);
        this.pc = next;
        break;
      }
      case Op['i32.const']:
        this.push(out, imm, C_VALUE_PUSH);
        break;
      case Op['local.get']:
        this.push(out, this.locals[imm] ?? 0, C_VALUE_PUSH);
        break;
      case Op['local.set']: {
        const v = this.pop();
        this.locals[imm] = v;
        this.emitValue(out, v);
        out.push(C_POP);
        this.pc = next;
        break;
      }
      case Op['local.tee']: {
        const v = this.pop();
        this.stack.push(v);
        this.locals[imm] = v;
        this.emitValue(out, v);
        out.push(C_TEE);
        this.pc = next;
        break;
      }
      case Op.drop:
        this.pop();
        out.push(C_POP);
        this.pc = next;
        break;
      case Op.select: {
        const c = this.pop();
        const b = this.pop();
        const a = this.pop();
        this.stack.push(c !== 0 ? a : b);
        this.emitValue(out, c !== 0 ? a : b);
        out.push(C_SELECT);
        this.pc = next;
        break;
      }
      case Op['i32.add']:
      case Op['i32.sub']: {
        const b = this.pop();
        const a = this.pop();
        const sub = op === Op['i32.sub'];
        const r = (sub ? a - b : a + b) >>> 0;
        this.stack.push(r);
        this.emitValue(out, r, carryMask(a, b, sub));
        out.push(C_VALUE_BINARY);
        this.pc = next;
        break;
      }
      case Op['i32.eqz']:
        this.push(out, this.pop() === 0 ? 1 : 0, C_VALUE_KEEP);
        break;
      case Op['i32.load']:
      case Op['i32.load8_u']:
      case Op['i32.load16_u']: {
        const n = op === Op['i32.load'] ? 4 : op === Op['i32.load16_u'] ? 2 : 1;
        const addr = this.address(this.pop(), imm, n);
        this.push(out, this.memory.load(addr, n), C_VALUE_KEEP);
        break;
      }
      case Op['i32.load8_s']:
      case Op['i32.load16_s']: {
        const wide = op === Op['i32.load16_s'];
        const addr = this.address(this.pop(), imm, wide ? 2 : 1);
        const raw = this.memory.load(addr, wide ? 2 : 1);
        const negative = raw >= (wide ? 0x8000 : 0x80);
        const v = (negative ? raw - (wide ? 0x10000 : 0x100) : raw) >>> 0;
        this.stack.push(v);
        // Sign-extended bytes carry the sign flag: all four for 8-bit, bytes 1-3 for 16-bit.
        this.emitValue(out, v, negative ? (wide ? 0b1110 : 0b1111) : 0);
        out.push(C_VALUE_KEEP);
        this.pc = next;
        break;
      }
      case Op['i32.store']:
      case Op['i32.store8']:
      case Op['i32.store16']: {
        const v = this.pop();
        const n = op === Op['i32.store'] ? 4 : op === Op['i32.store16'] ? 2 : 1;
        const addr = this.address(this.pop(), imm, n);
        this.memory.store(addr, v, n);
        for (let i = 0; i < n; i++) out.push(byteToken((v >>> (8 * i)) & 0xff));
        out.push(C_STORE);
        this.pc = next;
        break;
      }
      case Op.br:
        out.push(T_BRANCH_TAKEN);
        this.emitValue(out, imm);
        out.push(C_BR);
        this.jump(next + (imm | 0));
        break;
      case Op.br_if:
        if (this.pop() !== 0) {
          out.push(T_BRANCH_TAKEN);
          this.emitValue(out, imm);
          out.push(C_BR_IF_TAKEN);
          this.jump(next + (imm | 0));
        } else {
          out.push(C_BR_IF_NOT);
          this.pc = next;
        }
        break;
      case Op.call:
        out.push(T_BRANCH_TAKEN);
        this.emitValue(out, imm);
        out.push(T_CALL_COMMIT);
        if (this.frames.length >= MAX_CALL_DEPTH)
          this.fail(`call stack deeper than ${MAX_CALL_DEPTH} frames`);
        this.frames.push({ returnPc: next, callImm: imm, callPc: this.pc, savedLocals: this.locals });
        this.locals = [];
        this.jump(next + (imm | 0));
        break;
      case Op.return: {
        const frame = this.frames.pop();
        if (!frame) this.fail("'return' with no caller (the entry function must end in 'halt')");
        out.push(T_BRANCH_TAKEN);
        this.emitValue(out, (frame.returnPc - next) >>> 0, carryMask(imm, frame.callImm, true));
        out.push(T_RETURN_COMMIT);
        this.locals = frame.savedLocals;
        this.pc = frame.returnPc;
        break;
      }
      case Op.output: {
        const b = this.pop() & 0xff;
        this.output.push(b);
        out.push(OUT_BASE + b);
        this.pc = next;
        break;
      }
      default: {
        const cond = CONDITIONS[op];
        if (!cond) this.fail(`unknown opcode index ${op}`);
        const b = this.pop();
        const a = this.pop();
        this.push(out, cond(a, b) ? 1 : 0, C_VALUE_BINARY);
      }
    }
    this.steps++;
  }

  private push(out: TokenBuffer, v: number, commit: number): void {
    this.stack.push(v);
    this.emitValue(out, v);
    out.push(commit);
    this.pc++;
  }
}

export interface ReferenceRun {
  /** Every trace token, starting with the input section when the program has `input_base`. */
  readonly trace: Int32Array;
  readonly output: Uint8Array;
  /** Instructions executed, `input_base` included. */
  readonly steps: number;
  /** The `halt` the program stopped at. */
  readonly haltPc: number;
  /** The `call` instructions of the frames active at the halt, outermost first. */
  readonly callPcs: number[];
  /** Set when the program trapped (describe it with a source map: describeTrap(…, haltPc, callPcs, map)). */
  readonly trap?: Trap;
  /** How the program ended: its exit status (describe a trap with a source map: programEnd). */
  readonly end: ProgramEnd;
}

/**
 * Why the transformer could not run a program exactly as the reference executor would, or
 * undefined. These are checked at load so that the reference never accepts what the machine
 * cannot reproduce:
 * - `global.get` / `global.set`: the transformer has no globals (compiled code keeps them in memory);
 * - `local.*` beyond the machine's locals;
 * - an input section without `input_base` as the first instruction (the input section is the
 *   trace of that instruction), or `input_base` anywhere else;
 * - a `return` whose immediate is not the bitwise NOT of a distance back to an instruction of the
 *   program (the transformer finds the callee's start from it).
 */
export function machineProblem(
  instructions: readonly Instruction[],
  input: Uint8Array | null,
): { pc: number; message: string } | undefined {
  if (input && instructions[0]?.op !== 'input_base') {
    return {
      pc: 0,
      message: "the program has an input section, so its first instruction must be 'input_base'",
    };
  }
  for (let pc = 0; pc < instructions.length; pc++) {
    const { op, imm } = instructions[pc];
    if (op === 'global.get' || op === 'global.set') {
      return {
        pc,
        message: `instruction ${pc} is ${op}, which the transformer does not implement (compiled programs keep globals in memory)`,
      };
    }
    if (op.startsWith('local.') && imm >= MAX_LOCALS)
      return { pc, message: `${op} of local ${imm}: the machine has ${MAX_LOCALS} locals per function` };
    if (op === 'input_base' && pc !== 0)
      return { pc, message: `instruction ${pc} is input_base, which may only be the first instruction` };
    if (op === 'return' && ~imm >>> 0 > pc) {
      return {
        pc,
        message: `instruction ${pc}: return's immediate 0x${imm.toString(16)} is not the bitwise NOT of a distance back to its function's start`,
      };
    }
  }
  return undefined;
}

export interface ReferenceOptions {
  /** Input bytes; default: the program file's input section. */
  readonly input?: Uint8Array | null;
  /** Stop with an error after this many trace tokens (programs that never halt). */
  readonly maxTokens?: number;
}

export const DEFAULT_MAX_TOKENS = 50_000_000;

/** The error of a run that passed `maxTokens` trace tokens without `halt` (every runner words it so). */
export function tokenLimitError(machine: ReferenceMachine, maxTokens: number): MachineError {
  return new MachineError(
    `no 'halt' after ${maxTokens.toLocaleString('en-US')} trace tokens: the program does not halt (raise the limit if it should)`,
    machine.steps,
    machine.pc,
  );
}

/** Runs a program to `halt`. Throws MachineError on a machine fault or when the token limit is hit. */
export function runReference(program: TokenProgram, options: ReferenceOptions = {}): ReferenceRun {
  if (program.specialized) {
    throw new Error(
      'a specialized input (`start` …) has no program to execute; run the universal token program',
    );
  }
  const machine = new ReferenceMachine(program.instructions, options.input ?? program.input, program.lines);
  const out = new TokenBuffer(1 << 16);
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  while (!machine.halted) {
    machine.step(out);
    if (out.length > maxTokens && !machine.halted) throw tokenLimitError(machine, maxTokens);
  }
  return {
    trace: out.toArray(),
    output: Uint8Array.from(machine.output),
    steps: machine.steps,
    haltPc: machine.pc,
    callPcs: machine.frames.map((f) => f.callPc),
    trap: machine.trap(),
    end: machine.end()!,
  };
}
