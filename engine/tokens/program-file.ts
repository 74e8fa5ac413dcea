// Token program files (`.tvm`, or `.txt` in the public project's naming): reading them into token
// ids with precise errors, splitting them into instructions and input, and writing them back.
import { MAX_PROGRAM_INSTRUCTIONS } from './limits';
import { OPCODES, Op, type OpcodeName } from './opcodes';
import {
  byteToken,
  byteValue,
  commitToken,
  hasCarry,
  isByte,
  isCommit,
  isOpcode,
  isOut,
  OPCODE_BASE,
  T_CALL_COMMIT,
  T_CLOSE,
  T_HALT,
  T_OPEN,
  T_RETURN_COMMIT,
  T_START,
  tokenId,
  tokenText,
} from './vocabulary';

/** A malformed token file: the message names the file, line and column. */
export class TokenFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'TokenFileError';
  }
}

export interface Instruction {
  readonly op: OpcodeName;
  /** The 32-bit immediate, unsigned. */
  readonly imm: number;
}

export interface TokenProgram {
  /** Instructions of the program section (empty for a specialized model's input). */
  readonly instructions: Instruction[];
  /** The input bytes (without the terminating 00), or null when the file has no input section. */
  readonly input: Uint8Array | null;
  /** The file starts with `start`: input for a model specialized to one program. */
  readonly specialized: boolean;
  /** Tokens after the input section (a reference trace file continues with the trace). */
  readonly trace: Int32Array;
  /** The line of each instruction's opcode in the file it was read from, for messages. */
  readonly lines?: Int32Array;
}

/** The instruction a `br`, `br_if` or `call` at index i goes to (relative to the next one). */
export function jumpTarget(ins: Instruction, i: number): number | undefined {
  return ins.op === 'br' || ins.op === 'br_if' || ins.op === 'call' ? i + 1 + (ins.imm | 0) : undefined;
}

/** Token ids of a file, with the line and column of each for error messages. */
export interface TokenizedFile {
  readonly file: string;
  readonly ids: Int32Array;
  readonly lines: Int32Array;
  readonly columns: Int32Array;
  /** Length of each token as written (an alias is shorter than its canonical text). */
  readonly lengths: Int32Array;
}

const HEXISH = /^[0-9a-zA-Z]{1,3}'?$/;

/** Splits text into tokens and maps each to its id; unknown tokens are errors. */
export function tokenize(text: string, file: string): TokenizedFile {
  const ids: number[] = [];
  const lines: number[] = [];
  const columns: number[] = [];
  const lengths: number[] = [];
  const re = /\S+/g;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    for (let i = scanned; i < m.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = m.index;
    const word = m[0];
    const id = tokenId(word);
    const column = m.index - lineStart + 1;
    if (id < 0) {
      const reason =
        HEXISH.test(word) && word.replace("'", '').length === 2
          ? `bad hex byte '${word}' (a byte is two lower-case hex digits, optionally followed by ')`
          : `unknown token '${word.length > 40 ? `${word.slice(0, 40)}…` : word}'`;
      throw new TokenFileError(file, line, column, reason);
    }
    ids.push(id);
    lines.push(line);
    columns.push(column);
    lengths.push(word.length);
  }
  return {
    file,
    ids: Int32Array.from(ids),
    lines: Int32Array.from(lines),
    columns: Int32Array.from(columns),
    lengths: Int32Array.from(lengths),
  };
}

/** Parses a token program (or a reference trace, whose trace follows the input section). */
export function parseProgram(text: string, file: string): TokenProgram {
  return parseTokens(tokenize(text, file));
}

export function parseTokens(t: TokenizedFile): TokenProgram {
  const { ids } = t;
  const fail = (i: number, reason: string): never => {
    const k = Math.min(i, ids.length - 1);
    const line = k >= 0 ? t.lines[k] : 1;
    const column = k >= 0 ? (i >= ids.length ? t.columns[k] + t.lengths[k] : t.columns[k]) : 1;
    throw new TokenFileError(t.file, line, column, reason);
  };
  if (ids.length === 0) fail(0, "empty token file: expected '{' or 'start'");
  const instructions: Instruction[] = [];
  const instructionLines: number[] = [];
  let i = 0;
  let specialized = false;
  if (ids[0] === T_START) {
    specialized = true;
    i = 1;
  } else if (ids[0] === T_OPEN) {
    i = 1;
    for (;;) {
      if (i >= ids.length)
        fail(i, `missing '}' at the end of the program section opened at line ${t.lines[0]}`);
      const id = ids[i];
      if (id === T_CLOSE) {
        i++;
        break;
      }
      if (!isOpcode(id)) fail(i, `expected an opcode or '}', found '${tokenText(id)}'`);
      if (instructions.length === MAX_PROGRAM_INSTRUCTIONS) {
        fail(
          i,
          `more than ${MAX_PROGRAM_INSTRUCTIONS.toLocaleString('en-US')} instructions, the most a token program may have`,
        );
      }
      const op = OPCODES[id - OPCODE_BASE].name;
      let imm = 0;
      for (let k = 0; k < 4; k++) {
        const b = ids[i + 1 + k];
        if (b !== undefined && isByte(b) && !hasCarry(b) && t.lengths[i + 1 + k] !== 2) {
          // An ASCII alias ('8' for 38) is input text, not an immediate: immediates are hex bytes.
          fail(
            i + 1 + k,
            `'${op}' immediate byte ${k + 1} must be two hex digits, not the character alias '${String.fromCharCode(byteValue(b))}'`,
          );
        }
        if (b === undefined || !isByte(b) || hasCarry(b)) {
          fail(
            i,
            `incomplete instruction: '${op}' needs 4 immediate bytes, found ${k}` +
              (b === undefined ? ' before the end of the file' : ` before '${tokenText(b)}'`),
          );
        }
        imm += byteValue(b) * 2 ** (8 * k);
      }
      instructions.push({ op, imm });
      instructionLines.push(t.lines[i]);
      i += 5;
    }
  } else {
    fail(
      0,
      `a token program starts with '{' (or 'start' for a specialized model), not '${tokenText(ids[0])}'`,
    );
  }

  // The input section is the trace of `input_base`, so only a program that starts with it has one
  // (a specialized input's program is elsewhere: `start` may be followed by one). What follows a
  // program without it is its trace (a reference file): `ef cd ab 00 commit(+0,…)` may be the
  // first instruction's trace (a local.tee) as well as an input section, so the program decides.
  const hasInputSection = specialized || instructions[0]?.op === 'input_base';
  let input: Uint8Array | null = null;
  if (i < ids.length && hasInputSection) {
    const bytes: number[] = [];
    const sectionStart = i;
    while (i < ids.length && isByte(ids[i]) && !hasCarry(ids[i]) && byteValue(ids[i]) !== 0) {
      bytes.push(byteValue(ids[i]));
      i++;
    }
    if (i >= ids.length || ids[i] !== byteToken(0)) {
      fail(i, "the input section must end with '00' followed by 'commit(+0,sts=0,bt=0)'");
    }
    i++;
    if (ids[i] !== commitToken(0, 0, 0)) {
      fail(i, "the input section's terminating '00' must be followed by 'commit(+0,sts=0,bt=0)'");
    }
    i++;
    if (sectionStart === i) fail(i, 'empty input section');
    input = Uint8Array.from(bytes);
  }
  return { instructions, input, specialized, trace: ids.slice(i), lines: Int32Array.from(instructionLines) };
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** The text of an input byte: an ASCII alias when printable, as in the public format. */
export function inputByteText(b: number): string {
  return b > 0x20 && b < 0x7f && b !== 0x7b && b !== 0x7d ? String.fromCharCode(b) : hex2(b);
}

export function immediateBytes(imm: number): number[] {
  return [imm & 0xff, (imm >>> 8) & 0xff, (imm >>> 16) & 0xff, (imm >>> 24) & 0xff];
}

export function formatInstruction(ins: Instruction): string {
  return `${ins.op} ${immediateBytes(ins.imm).map(hex2).join(' ')}`;
}

/** The input section's text: the bytes, 00, and the commit that ends `input_base`. */
export function formatInputSection(input: Uint8Array): string {
  return [...Array.from(input, inputByteText), '00', 'commit(+0,sts=0,bt=0)'].join(' ');
}

/** A universal-model token program: `{`, one instruction per line, `}`, then the input section. */
export function formatProgram(instructions: readonly Instruction[], input: Uint8Array | null): string {
  const lines = ['{', ...instructions.map(formatInstruction), '}'];
  if (input) lines.push(formatInputSection(input));
  return `${lines.join('\n')}\n`;
}

/** A specialized model's input: `start` and the input section. */
export function formatSpecializedInput(input: Uint8Array | null): string {
  return input ? `start\n${formatInputSection(input)}\n` : 'start\n';
}

/** Token ids of the prompt a model is given: the program section (or `start`) and the input section. */
export function promptTokens(program: TokenProgram, input: Uint8Array | null = program.input): Int32Array {
  const out: number[] = [];
  if (program.specialized) out.push(T_START);
  else {
    out.push(T_OPEN);
    for (const ins of program.instructions) {
      out.push(OPCODE_BASE + Op[ins.op]);
      for (const b of immediateBytes(ins.imm)) out.push(byteToken(b));
    }
    out.push(T_CLOSE);
  }
  if (input) {
    for (const b of input) out.push(byteToken(b));
    out.push(byteToken(0), commitToken(0, 0, 0));
  }
  return Int32Array.from(out);
}

/** Formats trace tokens one instruction per line (a line ends after each instruction's last token). */
export function formatTrace(ids: ArrayLike<number>, inputSectionLength = 0): string {
  const lines: string[] = [];
  let current: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    current.push(k < inputSectionLength && isByte(id) ? inputByteText(byteValue(id)) : tokenText(id));
    if (endsInstruction(id)) {
      lines.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) lines.push(current.join(' '));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The last token of every instruction's trace is one of these. */
export function endsInstruction(id: number): boolean {
  return isCommit(id) || isOut(id) || id === T_HALT || id === T_CALL_COMMIT || id === T_RETURN_COMMIT;
}
