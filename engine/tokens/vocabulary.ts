// The token vocabulary, derived from the opcode table. Token ids are dense small integers so that
// engines, the reference executor and the trace decoder exchange Int32Arrays, not strings.
import { OPCODES, Op, type OpcodeName } from './opcodes';

export const BYTE_BASE = 0; // `00`..`ff`
export const CARRY_BASE = 256; // `00'`..`ff'`
export const OUT_BASE = 512; // `out(..)`
export const OPCODE_BASE = 768; // one token per opcode, in OPCODES order

/** A commit token's fields. */
export interface Commit {
  readonly stackDelta: number;
  readonly sts: 0 | 1;
  readonly bt: 0 | 1;
}

/** Every (stack delta, sts) pair some commit-emitting opcode has, each with bt = 0 and bt = 1. */
export const COMMITS: readonly Commit[] = (() => {
  const pairs = new Map<string, { stackDelta: number; sts: 0 | 1 }>();
  for (const o of OPCODES) {
    if (o.shape === 'call' || o.shape === 'return' || o.shape === 'output' || o.shape === 'halt') continue;
    pairs.set(`${o.stackDelta},${o.sts}`, { stackDelta: o.stackDelta, sts: o.sts });
  }
  const sorted = [...pairs.values()].sort((a, b) => b.stackDelta - a.stackDelta || b.sts - a.sts);
  return sorted.flatMap((p) => [
    { ...p, bt: 0 as const },
    { ...p, bt: 1 as const },
  ]);
})();

export const COMMIT_BASE = OPCODE_BASE + OPCODES.length;
const SPECIAL_BASE = COMMIT_BASE + COMMITS.length;
export const T_OPEN = SPECIAL_BASE; // `{`
export const T_CLOSE = SPECIAL_BASE + 1; // `}`
export const T_START = SPECIAL_BASE + 2; // `start`
export const T_BRANCH_TAKEN = SPECIAL_BASE + 3;
export const T_CALL_COMMIT = SPECIAL_BASE + 4;
export const T_RETURN_COMMIT = SPECIAL_BASE + 5;
export const VOCAB_SIZE = SPECIAL_BASE + 6;

export const T_HALT = OPCODE_BASE + Op.halt;

export function commitText(c: Commit): string {
  const sd = c.stackDelta > 0 ? `+${c.stackDelta}` : c.stackDelta === 0 ? '+0' : `${c.stackDelta}`;
  return `commit(${sd},sts=${c.sts},bt=${c.bt})`;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** Printable output bytes are shown as the character, others as two hex digits. */
export function outText(b: number): string {
  return b > 0x20 && b < 0x7f ? `out(${String.fromCharCode(b)})` : `out(${hex2(b)})`;
}

const TEXTS: string[] = [];
for (let b = 0; b < 256; b++) TEXTS[BYTE_BASE + b] = hex2(b);
for (let b = 0; b < 256; b++) TEXTS[CARRY_BASE + b] = `${hex2(b)}'`;
for (let b = 0; b < 256; b++) TEXTS[OUT_BASE + b] = outText(b);
OPCODES.forEach((o, i) => {
  TEXTS[OPCODE_BASE + i] = o.name;
});
COMMITS.forEach((c, i) => {
  TEXTS[COMMIT_BASE + i] = commitText(c);
});
TEXTS[T_OPEN] = '{';
TEXTS[T_CLOSE] = '}';
TEXTS[T_START] = 'start';
TEXTS[T_BRANCH_TAKEN] = 'branch_taken';
TEXTS[T_CALL_COMMIT] = 'call_commit';
TEXTS[T_RETURN_COMMIT] = 'return_commit';

const IDS = new Map<string, number>(TEXTS.map((t, i) => [t, i]));
// ASCII aliases: a single printable character means the byte with that code. `{` and `}` are
// delimiters, never aliases.
for (let c = 0x21; c < 0x7f; c++) {
  const ch = String.fromCharCode(c);
  if (ch !== '{' && ch !== '}' && !IDS.has(ch)) IDS.set(ch, BYTE_BASE + c);
}

/** The canonical text of a token id. */
export function tokenText(id: number): string {
  const t = TEXTS[id];
  if (t === undefined) throw new RangeError(`token id ${id} is outside the vocabulary (size ${VOCAB_SIZE})`);
  return t;
}

/** The id of a token's text (ASCII aliases included), or -1 when it is not in the vocabulary. */
export function tokenId(text: string): number {
  return IDS.get(text) ?? -1;
}

/** Every canonical token text, indexed by id. */
export function vocabulary(): readonly string[] {
  return TEXTS;
}

export const isByte = (id: number) => id >= BYTE_BASE && id < BYTE_BASE + 512; // plain or carry
export const byteValue = (id: number) => id & 0xff; // valid for plain and carry bytes
export const hasCarry = (id: number) => id >= CARRY_BASE && id < CARRY_BASE + 256;
export const isOut = (id: number) => id >= OUT_BASE && id < OUT_BASE + 256;
export const isOpcode = (id: number) => id >= OPCODE_BASE && id < COMMIT_BASE;
export const isCommit = (id: number) => id >= COMMIT_BASE && id < COMMIT_BASE + COMMITS.length;

export function byteToken(value: number, carry = false): number {
  return (carry ? CARRY_BASE : BYTE_BASE) + (value & 0xff);
}

export function opcodeToken(name: OpcodeName): number {
  return OPCODE_BASE + Op[name];
}

const COMMIT_IDS = new Map(COMMITS.map((c, i) => [`${c.stackDelta},${c.sts},${c.bt}`, COMMIT_BASE + i]));

export function commitToken(stackDelta: number, sts: 0 | 1, bt: 0 | 1): number {
  const id = COMMIT_IDS.get(`${stackDelta},${sts},${bt}`);
  if (id === undefined) throw new Error(`no commit token for (${stackDelta}, sts=${sts}, bt=${bt})`);
  return id;
}
