// One frame of the stopped machine seen as C: which C function it is in, the variables visible at
// its instruction, and their values, read through DWARF locations from the machine's state (the
// frame's machine locals, memory, globals in memory) with the source map saying where each
// WebAssembly local and global lives. Built on demand when the debugger stops; nothing here runs
// while the program runs.
import type { SourceMap, WasmValueType } from '../compiler/source-map';
import { MEMORY_SIZE } from '../tokens/limits';
import type { WasmModule } from '../wasm/decoder';
import { bytesOf, type MemoryReader } from './bytes';
import type { FunctionNamer } from './format';
import { evaluateLocation } from './location';
import type {
  CFunction,
  CProgramInfo,
  CStaticVariable,
  CValue,
  CVariable,
  LocationContext,
  Place,
} from './model';
import { sizeOf } from './types';

/** The machine state a frame is read from (a TraceDecoder has this shape). */
export interface MachineState {
  readonly pc: number;
  readonly locals: readonly number[];
  /** The machine's operand stack, shared by all frames, top last. */
  readonly stack: readonly number[];
  readonly frames: readonly { readonly callPc: number; readonly savedLocals: readonly number[] }[];
  readonly memory: { read(address: number, length: number): Uint8Array };
}

/** Function names by table index and table indices by name (function pointers, `&f`). */
export class FunctionTable {
  private readonly byName = new Map<string, number>();
  private readonly names: (string | undefined)[];

  constructor(module: Pick<WasmModule, 'table' | 'functionNames'>) {
    this.names = (module.table ?? []).map((f) => (f === null ? undefined : module.functionNames.get(f)));
    this.names.forEach((n, i) => {
      if (n !== undefined && !this.byName.has(n)) this.byName.set(n, i);
    });
  }

  /** The function at a table index (a function pointer's value). */
  readonly nameOf: FunctionNamer = (index) => this.names[index];

  /** The table index of a function, when it has one (its address taken somewhere). */
  indexOf(name: string): number | undefined {
    return this.byName.get(name);
  }
}

/** Linear memory as C values read it: in range, or undefined. */
export function memoryReader(memory: MachineState['memory']): MemoryReader {
  return (address, n) =>
    Number.isInteger(address) && address >= 0 && n >= 0 && address + n <= MEMORY_SIZE
      ? memory.read(address, n)
      : undefined;
}

export class CFrame {
  readonly function: CFunction | undefined;
  readonly memory: MemoryReader;
  private readonly context: LocationContext;

  constructor(
    readonly program: CProgramInfo,
    /** Code offset of the frame's current instruction (the call, in a caller), or -1. */
    readonly offset: number,
    /** The C function, when the frame's machine function is one DWARF describes. */
    cFunction: CFunction | undefined,
    context: Omit<LocationContext, 'offset' | 'memory'>,
    memory: MemoryReader,
    readonly table?: FunctionTable,
  ) {
    this.function = cFunction;
    this.memory = memory;
    this.context = {
      offset,
      memory,
      wasmLocal: (i) => context.wasmLocal(i),
      wasmGlobal: (i) => context.wasmGlobal(i),
      wasmOperand: (i) => context.wasmOperand(i),
    };
  }

  /** Visible variables, innermost scope first, each name once (inner shadows outer). */
  variables(): CVariable[] {
    if (!this.function) return [];
    const seen = new Set<string>();
    const out: CVariable[] = [];
    for (const scope of this.program.scopesAt(this.offset)) {
      for (const v of scope.variables) {
        if (seen.has(v.name)) continue;
        seen.add(v.name);
        out.push(v);
      }
      // C scoping: an inlined function's body does not see the variables of the function it was
      // inlined into (gdb shows those in a frame of their own).
      if (scope.kind === 'function' || scope.kind === 'inlined') break;
    }
    return out;
  }

  /** The statics visible here: this function's statics, then file statics and globals. */
  statics(): CStaticVariable[] {
    const name = this.function?.name;
    return [
      ...this.program.statics.filter((s) => s.functionName !== undefined && s.functionName === name),
      ...this.program.statics.filter((s) => s.functionName === undefined),
    ];
  }

  /** A variable's value here. Never throws: a location that cannot be evaluated is `unavailable`. */
  valueOf(v: CVariable): CValue {
    return { type: v.type, place: this.placeOf(v) };
  }

  private placeOf(v: CVariable): Place {
    if (v.constValue !== undefined) {
      const bytes =
        typeof v.constValue === 'bigint' ? bytesOf(v.constValue, sizeOf(v.type) ?? 8) : v.constValue;
      return { kind: 'value', bytes };
    }
    const isStatic = 'external' in v;
    // A static's location (DW_OP_addr) needs no frame; a local's needs this frame's function.
    if (!isStatic && !this.function) return { kind: 'unavailable', reason: 'no C function here' };
    try {
      return evaluateLocation(v.location, this.context, isStatic ? undefined : this.function?.frameBase);
    } catch (e) {
      return { kind: 'unavailable', reason: (e as Error).message };
    }
  }

  /** A name as C sees it here: local/parameter, then this function's statics, then file statics and globals. */
  lookup(name: string): CValue | undefined {
    const v = this.variables().find((x) => x.name === name) ?? this.lookupStatic(name);
    return v && this.valueOf(v);
  }

  /** The static a name means here when no local has it: this function's, else the file's. */
  lookupStatic(name: string): CStaticVariable | undefined {
    return this.statics().find((s) => s.name === name);
  }

  /** A function's table index (its value as a function pointer), for `&f` and function designators. */
  functionAddress(name: string): number | undefined {
    return this.table?.indexOf(name);
  }
}

/** Little-endian bytes of machine words (a WebAssembly value held in one or two slots). */
function wordBytes(words: readonly number[]): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => {
    view.setUint32(i * 4, w >>> 0, true);
  });
  return out;
}

const words = (vals: readonly WasmValueType[]) =>
  vals.reduce((n, v) => n + (v === 'i64' || v === 'f64' ? 2 : 1), 0);

/**
 * Where frame `frame`'s WebAssembly operand stack begins on the machine stack (which all frames
 * share), when known exactly: the current frame's from the stack depth at an instruction whose
 * operand stack the map gives, each caller's from its callee's, through calls whose operand
 * stacks (the arguments on top) the map gives too. Else undefined (such values are unavailable).
 */
export function operandBottom(state: MachineState, sourceMap: SourceMap, frame: number): number | undefined {
  const n = state.frames.length;
  let pc = state.pc;
  const top = sourceMap.operandsAt(pc);
  if (!top) return undefined;
  let bottom = state.stack.length - words(top);
  for (let k = 1; k <= frame; k++) {
    const callee = sourceMap.functionAt(pc);
    const callPc = state.frames[n - k]?.callPc ?? -1;
    const atCall = sourceMap.operandsAt(callPc);
    if (!callee?.locals || callee.params === undefined || !atCall) return undefined;
    // The callee's stack begins where the caller's arguments were (its prologue popped them).
    const argWords = (callee.locals.slice(0, callee.params).match(/[IF]/g)?.length ?? 0) + callee.params;
    bottom = bottom - words(atCall) + argWords;
    pc = callPc;
  }
  return bottom >= 0 && bottom <= state.stack.length ? bottom : undefined;
}

/**
 * Call-stack frame `frame` (0 = the current function, 1 its caller, …) of the stopped machine as
 * C. A caller's instruction is its `call` (whose WebAssembly offset is exact for location lists).
 */
export function cFrameAt(
  state: MachineState,
  sourceMap: SourceMap,
  program: CProgramInfo,
  frame: number,
  table?: FunctionTable,
): CFrame {
  const n = state.frames.length;
  const pc = frame === 0 ? state.pc : (state.frames[n - frame]?.callPc ?? -1);
  const locals = frame === 0 ? state.locals : (state.frames[n - frame]?.savedLocals ?? []);
  const mapped = sourceMap.functionAt(pc);
  const row = sourceMap.instruction(pc);
  const offset = row && row.wasmOffset >= 0 ? row.wasmOffset : -1;
  // Only the user's functions have DWARF; in the prologue, library and helpers there is no C frame.
  const cFunction = mapped?.kind === 'function' && offset >= 0 ? program.functionAt(offset) : undefined;
  const memory = memoryReader(state.memory);
  return new CFrame(
    program,
    offset,
    cFunction,
    {
      wasmLocal: (i) => {
        const slots = mapped && sourceMap.localSlots(mapped, i);
        if (!slots || slots.some((s) => s >= locals.length)) return undefined;
        return wordBytes(slots.map((s) => locals[s] ?? 0));
      },
      wasmGlobal: (i) => {
        const words = sourceMap.globalWords(i);
        if (!words) return undefined;
        return wordBytes(
          words.map((a) => state.memory.read(a, 4)).map((b) => new DataView(b.buffer).getUint32(0, true)),
        );
      },
      wasmOperand: (i) => {
        const operands = sourceMap.operandsAt(pc);
        const bottom = operandBottom(state, sourceMap, frame);
        if (!operands || bottom === undefined || !Number.isInteger(i) || i < 0 || i >= operands.length)
          return undefined;
        const word = bottom + words(operands.slice(0, i));
        return wordBytes(state.stack.slice(word, word + words([operands[i]])));
      },
    },
    memory,
    table,
  );
}
