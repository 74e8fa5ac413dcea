// The source map of a token program: for every instruction, the function it belongs to, the
// WebAssembly instruction it came from, the C line, and why it exists. The debugger resolves
// C-line breakpoints and builds call stacks from it.
import { createHash } from 'node:crypto';
import type { Instruction } from '../tokens/program-file';
import { FileError, readRegularFile } from '../util/files';
import type { InstrKind } from './function-builder';

/** A WebAssembly value type as the machine holds it: i32 and f32 in one word, i64 and f64 in two. */
export type WasmValueType = 'i32' | 'i64' | 'f32' | 'f64';

/** The letters of MappedFunction.locals and .operands. */
export const LETTER_OF_VALUE_TYPE: Readonly<Record<WasmValueType, string>> = {
  i32: 'i',
  i64: 'I',
  f32: 'f',
  f64: 'F',
};
const VALUE_TYPE_OF_LETTER: Readonly<Record<string, WasmValueType>> = {
  i: 'i32',
  I: 'i64',
  f: 'f32',
  F: 'f64',
};
/** Machine words of a value whose letter is `c`. */
export const wordsOfLetter = (c: string | undefined) => (c === 'I' || c === 'F' ? 2 : 1);

export interface MappedFunction {
  readonly name: string;
  /** First instruction (inclusive) and end (exclusive) in the token program. */
  readonly start: number;
  readonly end: number;
  /** WebAssembly function index, or -1 for the program prologue and lowering helpers. */
  readonly wasmIndex: number;
  readonly kind: 'function' | 'library' | 'prologue' | 'helper';
  /**
   * The WebAssembly locals (parameters first), one letter each: `i` for i32, `I` for i64, `f` for
   * f32 (one word of IEEE bits), `F` for f64 (two words, like an i64). They take the machine's
   * local slots in that order from slot 0, an i64 or f64 two slots (low word first):
   * flatten/locals.ts. Only for the user's functions (the ones DWARF describes); absent in maps
   * written before it existed (the debugger then shows no C locals).
   */
  readonly locals?: string;
  /** How many of `locals` are parameters (the caller pushed them; the prologue pops them). */
  readonly params?: number;
  /**
   * For each instruction of the function, comma-separated: empty, or (on the first instruction
   * of a WebAssembly instruction, where the machine stack holds exactly the function's operand
   * stack) that stack bottom first — its size when all are i32, else `i`/`I`/`f`/`F` per value
   * (the letters of `locals`). Only for
   * the user's functions; absent in older maps (operand-stack locations are then unavailable).
   */
  readonly operands?: string;
}

export interface MappedInstruction {
  readonly function: number;
  readonly kind: InstrKind;
  /** Code-section-relative offset of the WebAssembly instruction, or -1. */
  readonly wasmOffset: number;
  /** Index into `files`, or -1 when there is no line. */
  readonly file: number;
  readonly line: number;
  readonly column: number;
}

export interface SourceMapData {
  readonly version: 1;
  /** The compiled input file (C, WAT or WASM). */
  readonly source: string;
  /** programHash() of the token program the map belongs to. */
  readonly programHash: string;
  /**
   * moduleHash() of the linked WebAssembly module the program was compiled from: ties the
   * NAME.debug.wasm written beside a compiled program (its DWARF gives the C view) to this map.
   */
  readonly wasmHash?: string;
  readonly files: string[];
  readonly functions: MappedFunction[];
  /**
   * The machine memory address of each word of each WebAssembly global (one for i32, low then
   * high for i64). Absent in maps written before it existed.
   */
  readonly globals?: number[][];
  /** One row per instruction: [function, kind, wasmOffset, file, line, column]. */
  readonly instructions: [number, InstrKind, number, number, number, number][];
}

const KINDS = new Set<string>(['body', 'prologue', 'lowered', 'global']);
const FUNCTION_KINDS = new Set<string>(['function', 'library', 'prologue', 'helper']);

/** A hash of a token program's instructions (opcodes and immediates), which ties a map to it. */
export function programHash(instructions: readonly Instruction[]): string {
  const h = createHash('sha256');
  const chunk = Buffer.alloc(4096);
  let n = 0;
  for (const ins of instructions) {
    n += chunk.write(`${ins.op} ${ins.imm}\n`, n, 'latin1');
    if (n > chunk.length - 64) {
      h.update(chunk.subarray(0, n));
      n = 0;
    }
  }
  h.update(chunk.subarray(0, n));
  return `sha256:${h.digest('hex')}`;
}

/** A hash of a WebAssembly module's bytes (see SourceMapData.wasmHash). */
export function moduleHash(wasm: Uint8Array): string {
  return `sha256:${createHash('sha256').update(wasm).digest('hex')}`;
}

/** A source map that cannot be used: the message names the map file. */
export class SourceMapError extends Error {}

/** The largest map file read (a map costs ~60 bytes per instruction; programs have at most 2^20). */
export const MAX_MAP_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads NAME.map.json from disk (a regular file of bounded size) and parses it for `instructions`
 * (its hash must match). Throws SourceMapError naming the file.
 */
export function readSourceMapFile(file: string, instructions: readonly Instruction[]): SourceMap {
  let text: string;
  try {
    text = readRegularFile(file, 'source map', MAX_MAP_FILE_BYTES).toString('utf8');
  } catch (e) {
    throw new SourceMapError(e instanceof FileError ? e.message : `${file}: ${(e as Error).message}`);
  }
  return SourceMap.parse(text, file, instructions);
}

/** Queries over a source map. */
export class SourceMap {
  constructor(readonly data: SourceMapData) {}

  /**
   * Reads a map and checks every row, function and file index in it. With `instructions`, the
   * map must belong to that program (its programHash), with one row per instruction.
   */
  static parse(json: string, file: string, instructions?: readonly Instruction[]): SourceMap {
    let data: SourceMapData;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new SourceMapError(`${file}: not a source map (${(e as Error).message})`);
    }
    if (data?.version !== 1 || !Array.isArray(data.instructions) || !Array.isArray(data.functions)) {
      throw new SourceMapError(`${file}: not a version-1 Transformer VM source map`);
    }
    const problem = validate(data);
    if (problem) throw new SourceMapError(`${file}: malformed source map: ${problem}`);
    if (instructions) {
      if (data.programHash !== programHash(instructions)) {
        throw new SourceMapError(
          `${file}: this source map belongs to another program (its program hash differs); compile the program again`,
        );
      }
      if (data.instructions.length !== instructions.length) {
        throw new SourceMapError(
          `${file}: the source map has ${data.instructions.length} rows for a program of ${instructions.length} instructions`,
        );
      }
    }
    return new SourceMap(data);
  }

  get length(): number {
    return this.data.instructions.length;
  }

  instruction(pc: number): MappedInstruction | undefined {
    const row = this.data.instructions[pc];
    if (!row) return undefined;
    const [fn, kind, wasmOffset, file, line, column] = row;
    return { function: fn, kind, wasmOffset, file, line, column };
  }

  functionAt(pc: number): MappedFunction | undefined {
    const row = this.data.instructions[pc];
    return row ? this.data.functions[row[0]] : undefined;
  }

  /** `file:line:column` of an instruction, if it has one. */
  location(pc: number): { file: string; line: number; column: number } | undefined {
    const row = this.data.instructions[pc];
    if (!row || row[3] < 0) return undefined;
    return { file: this.data.files[row[3]], line: row[4], column: row[5] };
  }

  /**
   * Instructions where execution of a C line begins: the first instruction of each run of
   * instructions mapped to that line, and any instruction of it a branch from another line lands
   * on (clang's loops at -O2 jump into the middle of the next line's code). Files match by full
   * path or by base name.
   */
  lineStarts(file: string, line: number, instructions: readonly Instruction[]): number[] {
    const matches = new Set<number>();
    const base = file.split(/[\\/]/).pop();
    this.data.files.forEach((f, i) => {
      if (f === file || f.split(/[\\/]/).pop() === base) matches.add(i);
    });
    const flags = this.lineStartFlags(instructions);
    const out: number[] = [];
    const rows = this.data.instructions;
    for (let pc = 0; pc < rows.length; pc++) {
      if (flags[pc] && matches.has(rows[pc][3]) && rows[pc][4] === line) out.push(pc);
    }
    return out;
  }

  private flagsCache?: { instructions: readonly Instruction[]; flags: Uint8Array };

  /**
   * Where execution enters a C line (see lineStarts), computed once per program: 1 at the first
   * instruction of each run of a line, 2 at an instruction inside a run that a branch from
   * another line lands on — that one enters the line only when reached from another line
   * (entersLine), not when the run falls through to it.
   */
  lineStartFlags(instructions: readonly Instruction[]): Uint8Array {
    if (this.flagsCache?.instructions === instructions) return this.flagsCache.flags;
    const rows = this.data.instructions;
    const n = Math.min(rows.length, instructions.length);
    const flags = new Uint8Array(rows.length);
    for (let pc = 0; pc < n; pc++)
      if (rows[pc][3] >= 0 && (pc === 0 || !this.sameLine(pc - 1, pc))) flags[pc] = 1;
    for (let pc = 0; pc < n; pc++) {
      const { op, imm } = instructions[pc];
      if (op !== 'br' && op !== 'br_if') continue;
      const target = pc + 1 + (imm | 0);
      if (target >= 0 && target < n && !flags[target] && rows[target][3] >= 0 && !this.sameLine(pc, target))
        flags[target] = 2;
    }
    this.flagsCache = { instructions, flags };
    return flags;
  }

  /** Whether two instructions belong to the same C line (same function, file and line). */
  sameLine(a: number, b: number): boolean {
    const rows = this.data.instructions;
    const x = rows[a];
    const y = rows[b];
    return x !== undefined && y !== undefined && x[0] === y[0] && x[3] === y[3] && x[4] === y[4];
  }

  /**
   * Whether arriving at `pc` from `from` (the instruction executed just before) enters a C line:
   * at the start of a run always, at a branch target (flag 2) only from another line.
   */
  entersLine(pc: number, from: number, instructions: readonly Instruction[]): boolean {
    const flag = this.lineStartFlags(instructions)[pc];
    return flag === 1 || (flag === 2 && !this.sameLine(from, pc));
  }

  /**
   * The machine local slots of WebAssembly local `i` of a mapped function ([low] or [low, high]),
   * or undefined when the map does not say (an old map, a helper, no such local).
   */
  localSlots(fn: MappedFunction, i: number): number[] | undefined {
    const types = fn.locals;
    if (types === undefined || !Number.isInteger(i) || i < 0 || i >= types.length) return undefined;
    let slot = 0;
    for (let k = 0; k < i; k++) slot += wordsOfLetter(types[k]);
    return wordsOfLetter(types[i]) === 2 ? [slot, slot + 1] : [slot];
  }

  private readonly operandCache = new Map<MappedFunction, string[]>();

  /**
   * The WebAssembly operand stack at an instruction, bottom first (its type per value), when
   * the machine stack holds exactly it there (see MappedFunction.operands); else undefined.
   */
  operandsAt(pc: number): WasmValueType[] | undefined {
    const fn = this.functionAt(pc);
    if (fn?.operands === undefined) return undefined;
    let entries = this.operandCache.get(fn);
    if (!entries) {
      entries = fn.operands.split(',');
      this.operandCache.set(fn, entries);
    }
    const e = entries[pc - fn.start];
    if (!e) return undefined;
    if (/^\d+$/.test(e)) return Array(Number(e)).fill('i32');
    return Array.from(e, (c) => VALUE_TYPE_OF_LETTER[c] ?? 'i32');
  }

  /** The memory addresses of the words of WebAssembly global `i` ([low] or [low, high]). */
  globalWords(i: number): readonly number[] | undefined {
    return this.data.globals?.[i];
  }

  toJSON(): SourceMapData {
    return this.data;
  }
}

/** The first thing wrong in a map's contents, or undefined. */
function validate(data: SourceMapData): string | undefined {
  const isIndex = (v: unknown, length: number) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) < length;
  const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (typeof data.source !== 'string') return "'source' is not a string";
  if (data.wasmHash !== undefined && typeof data.wasmHash !== 'string') return "'wasmHash' is not a string";
  if (!Array.isArray(data.files) || data.files.some((f) => typeof f !== 'string'))
    return "'files' is not a list of names";
  const rows = data.instructions.length;
  for (const [i, f] of data.functions.entries()) {
    if (
      typeof f?.name !== 'string' ||
      !FUNCTION_KINDS.has(f.kind) ||
      !Number.isInteger(f.wasmIndex) ||
      !isCount(f.start) ||
      !isCount(f.end) ||
      f.start > f.end ||
      f.end > rows
    ) {
      return `function ${i} is not {name, start <= end <= ${rows}, wasmIndex, kind}`;
    }
    if (f.locals !== undefined && (typeof f.locals !== 'string' || !/^[iIfF]*$/.test(f.locals)))
      return `function ${i}'s locals are not a string of i (i32), I (i64), f (f32) and F (f64)`;
    if (f.params !== undefined && !(isCount(f.params) && f.params <= (f.locals?.length ?? 0)))
      return `function ${i}'s params is not a count of its locals`;
    if (
      f.operands !== undefined &&
      (typeof f.operands !== 'string' ||
        !/^(\d+|[iIfF]+)?(,(\d+|[iIfF]+)?)*$/.test(f.operands) ||
        f.operands.split(',').length !== f.end - f.start)
    )
      return `function ${i}'s operands are not one entry per instruction`;
  }
  if (
    data.globals !== undefined &&
    (!Array.isArray(data.globals) ||
      data.globals.some((g) => !Array.isArray(g) || g.length < 1 || g.length > 2 || !g.every(isCount)))
  )
    return "'globals' is not a list of word addresses";
  for (let pc = 0; pc < rows; pc++) {
    const r = data.instructions[pc];
    if (
      !Array.isArray(r) ||
      r.length !== 6 ||
      !isIndex(r[0], data.functions.length) ||
      !KINDS.has(r[1]) ||
      !Number.isInteger(r[2]) ||
      !(r[3] === -1 || isIndex(r[3], data.files.length)) ||
      !isCount(r[4]) ||
      !isCount(r[5])
    ) {
      return `row ${pc} is not [function, kind, wasmOffset, file, line, column] with valid indices`;
    }
  }
  return undefined;
}
