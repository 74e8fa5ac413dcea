// The source map of a token program: for every instruction, the function it belongs to, the
// WebAssembly instruction it came from, the C line, and why it exists. The debugger resolves
// C-line breakpoints and builds call stacks from it.
import type { InstrKind } from './function-builder';

export interface MappedFunction {
  readonly name: string;
  /** First instruction (inclusive) and end (exclusive) in the token program. */
  readonly start: number;
  readonly end: number;
  /** WebAssembly function index, or -1 for the program prologue and lowering helpers. */
  readonly wasmIndex: number;
  readonly kind: 'function' | 'prologue' | 'helper';
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
  readonly files: string[];
  readonly functions: MappedFunction[];
  /** One row per instruction: [function, kind, wasmOffset, file, line, column]. */
  readonly instructions: [number, InstrKind, number, number, number, number][];
}

/** Queries over a source map. */
export class SourceMap {
  constructor(readonly data: SourceMapData) {}

  static parse(json: string, file: string): SourceMap {
    let data: SourceMapData;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new Error(`${file}: not a source map (${(e as Error).message})`);
    }
    if (data?.version !== 1 || !Array.isArray(data.instructions) || !Array.isArray(data.functions)) {
      throw new Error(`${file}: not a version-1 Transformer VM source map`);
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
   * instructions mapped to that line. Files match by full path or by base name.
   */
  lineStarts(file: string, line: number): number[] {
    const matches = new Set<number>();
    const base = file.split(/[\\/]/).pop();
    this.data.files.forEach((f, i) => {
      if (f === file || f.split(/[\\/]/).pop() === base) matches.add(i);
    });
    const out: number[] = [];
    const rows = this.data.instructions;
    for (let pc = 0; pc < rows.length; pc++) {
      const r = rows[pc];
      if (!matches.has(r[3]) || r[4] !== line) continue;
      const prev = rows[pc - 1];
      if (!prev || prev[3] !== r[3] || prev[4] !== line || prev[0] !== r[0]) out.push(pc);
    }
    return out;
  }

  toJSON(): SourceMapData {
    return this.data;
  }
}
