// A decoder for the WebAssembly MVP binary format (plus the sign-extension and 0xFC-prefixed
// opcodes, decoded only so that errors can name them). We write our own rather than use a general
// parser because the compiler needs exactly three things a general parser makes awkward: every
// instruction's byte offset relative to the Code section (the address space of DWARF line
// tables), the name section, and precise errors for everything the machine cannot run.
import { ByteReader, readSections, WasmFormatError } from './reader';
import { WASM_OPCODE_NAMES } from './wasm-opcodes';

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';

export interface FuncType {
  readonly params: ValType[];
  readonly results: ValType[];
}

export interface Import {
  readonly module: string;
  readonly name: string;
  readonly kind: 'func' | 'table' | 'memory' | 'global';
  /** Type index, for function imports. */
  readonly typeIndex?: number;
}

export interface Export {
  readonly name: string;
  readonly kind: 'func' | 'table' | 'memory' | 'global';
  readonly index: number;
}

export interface Global {
  readonly type: ValType;
  readonly mutable: boolean;
  /** Initial value of an i32 global from its constant expression (i64: the low word; others: 0). */
  readonly init: number;
  /** The high word of an i64 global's initial value (other types: 0). */
  readonly initHigh: number;
}

export interface DataSegment {
  /** Address of the first byte (active segments with a constant i32 offset). */
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/** One decoded instruction. */
export interface Instr {
  /** Wasm opcode; 0xFC-prefixed ones are 0xFC00 + sub-opcode. */
  readonly op: number;
  /** First immediate: index, constant (low word for i64), branch depth, block type (-64 = empty, -1 = i32). */
  readonly imm: number;
  /** Second immediate: the memarg offset for loads and stores; the high word of i64.const. */
  readonly imm2: number;
  /** Byte offset of the opcode, relative to the start of the Code section payload. */
  readonly offset: number;
  /** br_table: the branch depths of indices 0, 1, …, then the default's last. */
  readonly targets?: readonly number[];
}

export interface FunctionBody {
  /** Function index in the module's function index space (imports come first). */
  readonly index: number;
  readonly typeIndex: number;
  /** Declared locals (not counting parameters), expanded to one entry each. */
  readonly locals: ValType[];
  readonly instrs: Instr[];
  /** Code-section-relative offset of the body's size field and of its end. */
  readonly start: number;
  readonly end: number;
}

export interface WasmModule {
  readonly types: FuncType[];
  readonly imports: Import[];
  readonly functions: FunctionBody[];
  readonly globals: Global[];
  readonly exports: Export[];
  readonly data: DataSegment[];
  readonly memoryPages: number;
  /** The memory's declared maximum in pages, if it has one. */
  readonly memoryMaxPages?: number;
  readonly hasTable: boolean;
  /**
   * Table 0 after the active element segments: a function index or null per slot (its length is
   * the table's initial size, which no MVP instruction changes). Undefined without a table.
   */
  readonly table?: (number | null)[];
  readonly startFunction?: number;
  /** Function names from the name section, by function index. */
  readonly functionNames: Map<number, string>;
  /** Local names from the name section, by function index then local index. */
  readonly localNames: Map<number, Map<number, string>>;
  readonly importedFunctionCount: number;
}

const VALTYPES: Record<number, ValType> = {
  127: 'i32',
  126: 'i64',
  125: 'f32',
  124: 'f64',
  123: 'v128',
  112: 'funcref',
  111: 'externref',
};

function valType(r: ByteReader): ValType {
  const b = r.u8();
  const t = VALTYPES[b];
  if (!t) {
    r.pos--;
    r.fail(`unknown value type 0x${b.toString(16)}`);
  }
  return t;
}

function limits(r: ByteReader): { min: number; max?: number } {
  const flags = r.u8();
  const min = r.leb();
  const max = flags & 1 ? r.leb() : undefined;
  return { min, max };
}

/** The little-endian unsigned 32-bit word at `at` of `bytes`. */
const wordAt = (bytes: Uint8Array, at: number) =>
  (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;

/**
 * Evaluates a constant expression to [low word, high word]; only `i32.const`, `i64.const`, the
 * float constants (their bits) and `global.get` of earlier globals are meaningful.
 */
function constExpr(r: ByteReader, globals: Global[]): [number, number] {
  let value = 0;
  let high = 0;
  for (;;) {
    const op = r.u8();
    if (op === 0x0b) return [value, high];
    if (op === 0x41) [value, high] = [r.sleb32(), 0];
    else if (op === 0x42) {
      const v = BigInt.asUintN(64, r.sleb64());
      [value, high] = [Number(v & 0xffffffffn) | 0, Number(v >> 32n) | 0];
    } else if (op === 0x23) {
      const g = globals[r.leb()];
      [value, high] = [g?.init ?? 0, g?.initHigh ?? 0];
    } else if (op === 0x43) [value, high] = [wordAt(r.bytesN(4), 0) | 0, 0];
    else if (op === 0x44) {
      const bits = r.bytesN(8);
      [value, high] = [wordAt(bits, 0) | 0, wordAt(bits, 4) | 0];
    } else if (op === 0xd0) r.u8();
    else if (op === 0xd2) r.leb();
    else {
      r.pos--;
      r.fail(`unsupported constant expression opcode 0x${op.toString(16)}`);
    }
  }
}

/** An empty table of `size` slots (a table larger than the machine's memory is not a real program). */
function newTable(r: ByteReader, size: number): (number | null)[] {
  if (size > 1 << 24) r.fail(`table of ${size} entries is too large`);
  return new Array<number | null>(size).fill(null);
}

/** One element of an expression-encoded segment: `ref.func x` or `ref.null t`, then `end`. */
function elementExpr(r: ByteReader): number | null {
  const op = r.u8();
  let value: number | null = null;
  if (op === 0xd2) value = r.leb();
  else if (op === 0xd0) r.u8();
  else {
    r.pos--;
    r.fail(`unsupported element expression opcode 0x${op.toString(16)}`);
  }
  if (r.u8() !== 0x0b) {
    r.pos--;
    r.fail('expected end of element expression');
  }
  return value;
}

/**
 * The element section: active segments for table 0 are written into `table` (as instantiation
 * does); passive and declarative segments only matter to table instructions, which the compiler
 * rejects.
 */
function readElements(r: ByteReader, globals: Global[], table: (number | null)[] | undefined): void {
  const n = r.leb();
  for (let i = 0; i < n; i++) {
    const flags = r.leb();
    if (flags > 7) r.fail(`unknown element segment flags ${flags}`);
    const active = (flags & 1) === 0;
    let tableIndex = 0;
    if (flags === 2 || flags === 6) tableIndex = r.leb();
    const offset = active ? constExpr(r, globals)[0] >>> 0 : 0;
    // Flags 1, 2, 3 carry an element kind (0x00: funcref); 5, 6, 7 a reference type.
    if (flags & 3) r.u8();
    const count = r.leb();
    const items: (number | null)[] = [];
    for (let k = 0; k < count; k++) items.push(flags & 4 ? elementExpr(r) : r.leb());
    if (!active || tableIndex !== 0) continue;
    if (!table || offset + items.length > table.length) {
      r.fail(
        `element segment ${i} (entries ${offset}–${offset + items.length - 1}) does not fit in table 0 of ${table?.length ?? 0} entries`,
      );
    }
    for (let k = 0; k < items.length; k++) table[offset + k] = items[k];
  }
}

const EXTERNAL_KINDS = ['func', 'table', 'memory', 'global'] as const;

function externalKind(r: ByteReader): (typeof EXTERNAL_KINDS)[number] {
  const k = r.u8();
  const kind = EXTERNAL_KINDS[k];
  if (!kind) {
    r.pos--;
    r.fail(`unknown import/export kind ${k}`);
  }
  return kind;
}

/** Decodes one function body's instructions. `base` converts absolute positions to code offsets. */
function decodeInstrs(r: ByteReader, end: number, base: number): Instr[] {
  const out: Instr[] = [];
  while (r.pos < end) {
    const offset = r.pos - base;
    let op = r.u8();
    let imm = 0;
    let imm2 = 0;
    if (op === 0x02 || op === 0x03 || op === 0x04) {
      // Block type: 0x40 (empty), a value type, or a type index (s33).
      imm = r.sleb32();
    } else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x24)) {
      imm = r.leb();
    } else if (op === 0x0e) {
      const n = r.leb();
      if (n > end - r.pos) r.fail(`br_table with ${n} targets runs past the end of the function`);
      const targets: number[] = [];
      for (let i = 0; i <= n; i++) targets.push(r.leb());
      out.push({ op, imm, imm2, offset, targets });
      continue;
    } else if (op === 0x11) {
      imm = r.leb();
      imm2 = r.leb();
    } else if (op === 0x1c) {
      const n = r.leb();
      for (let i = 0; i < n; i++) valType(r);
    } else if (op === 0x25 || op === 0x26 || op === 0xd2) {
      imm = r.leb();
    } else if (op >= 0x28 && op <= 0x3e) {
      r.leb(); // alignment hint: irrelevant to the machine
      imm2 = r.leb();
    } else if (op === 0x3f || op === 0x40) {
      r.u8();
    } else if (op === 0x41) {
      imm = r.sleb32();
    } else if (op === 0x42) {
      // i64.const: low and high words (the compiler splits 64-bit moves into word pairs)
      const v = BigInt.asUintN(64, r.sleb64());
      imm = Number(v & 0xffffffffn);
      imm2 = Number(v >> 32n);
    } else if (op === 0x43) {
      // f32.const: its IEEE bits (the machine holds a float as the word of its bits)
      imm = wordAt(r.bytesN(4), 0);
    } else if (op === 0x44) {
      // f64.const: the low and high words of its bits, like i64.const
      const bits = r.bytesN(8);
      imm = wordAt(bits, 0);
      imm2 = wordAt(bits, 4);
    } else if (op === 0xd0) {
      r.u8();
    } else if (op === 0xfc) {
      const sub = r.leb();
      op = 0xfc00 + sub;
      if (sub >= 8 && sub <= 17) {
        // bulk memory / table ops: skip their index immediates
        const counts: Record<number, number> = {
          8: 2,
          9: 1,
          10: 2,
          11: 1,
          12: 2,
          13: 1,
          14: 2,
          15: 1,
          16: 1,
          17: 1,
        };
        for (let i = 0; i < counts[sub]; i++) r.leb();
      }
    } else if (op === 0xfd || op === 0xfe) {
      r.leb();
      // SIMD / threads immediates vary; the compiler rejects them anyway, so stop decoding here.
      out.push({ op: op * 0x100, imm, imm2, offset });
      r.pos = end;
      break;
    } else if (!WASM_OPCODE_NAMES[op]) {
      r.pos--;
      r.fail(`unknown opcode 0x${op.toString(16)}`);
    }
    out.push({ op, imm, imm2, offset });
  }
  return out;
}

function readNameSection(
  r: ByteReader,
  module: { functionNames: Map<number, string>; localNames: Map<number, Map<number, string>> },
) {
  while (!r.atEnd) {
    const id = r.u8();
    const size = r.leb();
    const end = r.pos + size;
    const sub = new ByteReader(r.bytes, r.pos, end);
    if (id === 1) {
      const n = sub.leb();
      for (let i = 0; i < n; i++) {
        const idx = sub.leb();
        module.functionNames.set(idx, sub.name());
      }
    } else if (id === 2) {
      const n = sub.leb();
      for (let i = 0; i < n; i++) {
        const fidx = sub.leb();
        const names = new Map<number, string>();
        const m = sub.leb();
        for (let j = 0; j < m; j++) {
          const lidx = sub.leb();
          names.set(lidx, sub.name());
        }
        module.localNames.set(fidx, names);
      }
    }
    r.pos = end;
  }
}

/** Decodes a module. Throws WasmFormatError for malformed input. */
export function decodeModule(bytes: Uint8Array): WasmModule {
  const types: FuncType[] = [];
  const imports: Import[] = [];
  const functionTypes: number[] = [];
  const functions: FunctionBody[] = [];
  const globals: Global[] = [];
  const exports: Export[] = [];
  const data: DataSegment[] = [];
  let memoryPages = 0;
  let memoryMaxPages: number | undefined;
  let hasTable = false;
  let table: (number | null)[] | undefined;
  let startFunction: number | undefined;
  const names = {
    functionNames: new Map<number, string>(),
    localNames: new Map<number, Map<number, string>>(),
  };

  for (const s of readSections(bytes)) {
    const r = new ByteReader(bytes, s.start, s.end);
    switch (s.id) {
      case 0:
        if (s.name === 'name') {
          try {
            readNameSection(r, names);
          } catch {
            // A damaged name section only costs us names; the program is still valid.
          }
        }
        break;
      case 1: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          if (r.u8() !== 0x60) r.fail('expected a function type (0x60)');
          const params = Array.from({ length: r.leb() }, () => valType(r));
          const results = Array.from({ length: r.leb() }, () => valType(r));
          types.push({ params, results });
        }
        break;
      }
      case 2: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const module = r.name();
          const name = r.name();
          const kind = externalKind(r);
          if (kind === 'func') imports.push({ module, name, kind, typeIndex: r.leb() });
          else {
            if (kind === 'table') {
              valType(r);
              const l = limits(r);
              if (!hasTable) table = newTable(r, l.min);
              hasTable = true;
            } else if (kind === 'memory') {
              const l = limits(r);
              memoryPages = l.min;
              memoryMaxPages = l.max;
            } else {
              valType(r);
              r.u8();
            }
            imports.push({ module, name, kind });
          }
        }
        break;
      }
      case 3: {
        const n = r.leb();
        for (let i = 0; i < n; i++) functionTypes.push(r.leb());
        break;
      }
      case 4: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          valType(r);
          const l = limits(r);
          if (!hasTable && i === 0) table = newTable(r, l.min);
        }
        hasTable ||= n > 0;
        break;
      }
      case 5: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const l = limits(r);
          if (i === 0) {
            memoryPages = l.min;
            memoryMaxPages = l.max;
          }
        }
        break;
      }
      case 6: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const type = valType(r);
          const mutable = r.u8() === 1;
          const [init, initHigh] = constExpr(r, globals);
          globals.push({ type, mutable, init, initHigh });
        }
        break;
      }
      case 7: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const name = r.name();
          const kind = externalKind(r);
          exports.push({ name, kind, index: r.leb() });
        }
        break;
      }
      case 8:
        startFunction = r.leb();
        break;
      case 9:
        readElements(r, globals, table);
        break;
      case 10: {
        const importedFunctions = imports.filter((i) => i.kind === 'func').length;
        const n = r.leb();
        if (n !== functionTypes.length)
          r.fail(`code section has ${n} bodies for ${functionTypes.length} functions`);
        for (let i = 0; i < n; i++) {
          const start = r.pos - s.start;
          const size = r.leb();
          const end = r.pos + size;
          if (end > s.end) r.fail('function body runs past the end of the code section');
          const locals: ValType[] = [];
          const groups = r.leb();
          for (let g = 0; g < groups; g++) {
            const count = r.leb();
            const t = valType(r);
            if (locals.length + count > 50000) r.fail('too many locals');
            for (let k = 0; k < count; k++) locals.push(t);
          }
          const instrs = decodeInstrs(r, end, s.start);
          functions.push({
            index: importedFunctions + i,
            typeIndex: functionTypes[i],
            locals,
            instrs,
            start,
            end: end - s.start,
          });
          r.pos = end;
        }
        break;
      }
      case 11: {
        const n = r.leb();
        for (let i = 0; i < n; i++) {
          const flags = r.leb();
          if (flags === 1) {
            r.bytesN(r.leb()); // passive segment: only reachable through memory.init, rejected elsewhere
            continue;
          }
          if (flags === 2) r.leb();
          if (flags > 2) r.fail(`unknown data segment flags ${flags}`);
          const [offset] = constExpr(r, globals);
          const segBytes = r.bytesN(r.leb());
          data.push({ offset: offset >>> 0, bytes: segBytes });
        }
        break;
      }
      case 12:
        break;
      default:
        if (s.id > 13) throw new WasmFormatError(`unknown section id ${s.id}`, s.start);
    }
  }

  for (const f of functions) {
    if (types[f.typeIndex] === undefined)
      throw new WasmFormatError(`function ${f.index} has unknown type ${f.typeIndex}`, 0);
  }

  return {
    types,
    imports,
    functions,
    globals,
    exports,
    data,
    memoryPages,
    memoryMaxPages,
    hasTable,
    table,
    startFunction,
    ...names,
    importedFunctionCount: imports.filter((i) => i.kind === 'func').length,
  };
}

/** The readable name of a decoded instruction's opcode, e.g. `f64.add` or `memory.fill`. */
export function wasmOpName(op: number): string {
  return WASM_OPCODE_NAMES[op] ?? `opcode 0x${op.toString(16)}`;
}
