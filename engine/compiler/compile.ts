// The compiler pipeline: C / WAT / WASM → WebAssembly module → flat machine code → token program
// with a source map.
import { readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { MAX_PROGRAM_INSTRUCTIONS, MEMORY_SIZE } from '../tokens/limits';
import type { Instruction, TokenProgram } from '../tokens/program-file';
import { ShellWordsError, splitShellWords } from '../util/shell-words';
import { decodeModule, type WasmModule } from '../wasm/decoder';
import { debugSectionsOf, LineTable, parseDebugLine } from '../wasm/dwarf-line';
import type { DataSymbol } from '../wasm/linking';
import { readSections, WasmFormatError } from '../wasm/reader';
import { compileC, dataSymbolsOf, type OptimizeLevel } from './clang';
import { CompileError, type Diagnostic } from './diagnostics';
import {
  type FlatFunction,
  flattenFunction,
  globalAddress,
  globalInitWord,
  globalWordCount,
} from './flatten';
import { SOFT_FLOAT_HELPERS } from './flatten/float-ops';
import { FunctionBuilder } from './function-builder';
import { type LinkUnit, link } from './link';
import { loweringHelpers } from './lowering/helpers';
import { encodeMainInput, ProgramInputError } from './program-input';
import { moduleHash, programHash, SourceMap, type SourceMapData } from './source-map';
import { watToWasm } from './wat';

export interface CompiledProgram {
  readonly instructions: Instruction[];
  /**
   * `main`: an ordinary C program started by the C runtime (`__tvm_start`), whose input carries
   * argv and stdin (program-input.ts). `compute`: `void compute(const char *input)`.
   */
  readonly entry: 'main' | 'compute';
  /** Input bytes for the input section, or null when `compute` takes no argument. */
  readonly input: Uint8Array | null;
  /** Address the input is loaded at (the `input_base` immediate), or -1. */
  readonly inputAddress: number;
  readonly sourceMap: SourceMap;
  readonly wasm: Uint8Array;
}

export interface CompileOptions {
  /**
   * For `main`: argv[1..], as words, or as one string split as a POSIX shell splits words. For
   * `compute`: the input string itself (an array must then have at most one element).
   */
  readonly args?: string | readonly string[];
  /** Standard input of a `main` program. */
  readonly stdin?: Uint8Array | string;
  /** argv[0]; default: the file's name without its extension. */
  readonly programName?: string;
  /** clang's optimization level for C (default O2). */
  readonly optimize?: OptimizeLevel;
}

/** The compiled program as the engines take it: instructions and input, no trace. */
export function asTokenProgram(p: CompiledProgram): TokenProgram {
  return { instructions: p.instructions, input: p.input, specialized: false, trace: new Int32Array(0) };
}

/** Compiles a `.c`, `.wat` or `.wasm` file. */
export async function compileFile(file: string, options: CompileOptions = {}): Promise<CompiledProgram> {
  const ext = extname(file).toLowerCase();
  let wasm: Uint8Array;
  if (ext === '.c') wasm = compileC(file, { optimize: options.optimize });
  else if (ext === '.wat' || ext === '.wast') wasm = await watToWasm(readFileSync(file, 'utf8'), file);
  else if (ext === '.wasm') wasm = new Uint8Array(readFileSync(file));
  else
    throw new CompileError(file, [
      { message: `cannot compile '${ext || file}' files: expected .c, .wat or .wasm` },
    ]);
  return compileWasm(wasm, file, options, ext === '.c' ? () => dataSymbolsOf(file) : undefined);
}

/** Compiles a WebAssembly module; `file` names the source in messages and the source map. */
export async function compileWasm(
  wasm: Uint8Array,
  file: string,
  options: CompileOptions = {},
  /** The C file's data symbols, for the message when the program does not fit in memory. */
  symbols?: () => DataSymbol[],
): Promise<CompiledProgram> {
  let module: WasmModule;
  try {
    module = decodeModule(wasm);
  } catch (e) {
    if (e instanceof WasmFormatError)
      throw new CompileError(file, [{ message: `malformed WebAssembly: ${e.message}` }]);
    throw e;
  }
  const lines = lineTableOf(wasm);
  const locate = (d: Diagnostic): Diagnostic => {
    const row = d.wasmOffset !== undefined ? lines?.lookup(d.wasmOffset) : undefined;
    return row ? { ...d, location: { file: displayPath(row.file), line: row.line, column: row.column } } : d;
  };

  const mainEntry = module.exports.find((e) => e.kind === 'func' && e.name === '__tvm_start');
  const entry = mainEntry ?? module.exports.find((e) => e.kind === 'func' && e.name === 'compute');
  if (!entry) {
    throw new CompileError(file, [
      {
        message:
          'no entry point: define int main(void) or int main(int argc, char **argv) (or, for a program written for the machine, export void compute(const char *input))',
      },
    ]);
  }
  const entryName = mainEntry ? '__tvm_start' : 'compute';
  const entryFn = module.functions[entry.index - module.importedFunctionCount];
  if (!entryFn)
    throw new CompileError(file, [{ message: `'${entryName}' must be defined in the module, not imported` }]);
  const entryType = module.types[entryFn.typeIndex];
  if (entryType.params.length > 1 || entryType.params.some((t) => t !== 'i32')) {
    throw new CompileError(file, [
      locate({
        message: `'${entryName}' takes at most one argument, the input string (const char *input)`,
        wasmOffset: entryFn.start,
      }),
    ]);
  }
  const takesInput = entryType.params.length === 1;
  const input = takesInput ? programInput(file, mainEntry ? 'main' : 'compute', options) : null;
  if (!mainEntry && options.stdin !== undefined && options.stdin.length > 0) {
    throw new CompileError(file, [
      {
        message:
          'standard input is for programs with main(); compute(const char *input) takes only its input string',
      },
    ]);
  }
  const inputAddress = takesInput ? inputBase(module) : -1;
  checkMemory(module, file, inputAddress, input, symbols);

  const funcImports = module.imports.filter((i) => i.kind === 'func');
  const outputIndex = funcImports.findIndex((i) => i.name === 'output_byte');
  const diagnostics: Diagnostic[] = [];
  const ctx = {
    module,
    outputImport: outputIndex >= 0 ? outputIndex : undefined,
    stackLow: exportedGlobal(module, '__stack_low'),
    diagnostics,
  };

  // Flatten the functions reachable from compute, following calls.
  const flat = new Map<number, FlatFunction>();
  const pending = [entry.index];
  while (pending.length) {
    const index = pending.pop()!;
    if (flat.has(index)) continue;
    const f = flattenFunction(module.functions[index - module.importedFunctionCount], ctx);
    flat.set(index, f);
    for (const ins of f.code) if (ins.callee && 'fn' in ins.callee) pending.push(ins.callee.fn);
  }
  if (diagnostics.length) throw new CompileError(file, summarize(diagnostics.map(locate)));

  const helperCalls = [...flat.values()].flatMap((f) =>
    f.code.flatMap((i) => (i.callee && 'helper' in i.callee ? [i.callee.helper] : [])),
  );
  const softFloat = helperCalls.some((n) => SOFT_FLOAT_HELPERS.has(n));
  const usedHelpers = helperCalls.length ? (await loweringHelpers(softFloat)).closure(helperCalls) : [];

  // The C library and the runtime start are built without debug information: in a module that
  // has line tables, a function none of whose instructions has a line is theirs. Traps and the
  // debugger's stepping look past them to the user's code.
  const isLibrary = (index: number): boolean => {
    if (!lines) return false;
    const fn = module.functions[index - module.importedFunctionCount];
    return !fn.instrs.some((i) => lines.lookup(i.offset) !== undefined);
  };
  const prologue = buildPrologue(module, file, [...flat.values()], entry.index, inputAddress);
  const name = (index: number) => module.functionNames.get(index) ?? `function[${index}]`;
  const order = [...flat.keys()].sort((a, b) => (a === entry.index ? -1 : b === entry.index ? 1 : a - b));
  const units: LinkUnit[] = [
    {
      name: '(prologue)',
      kind: 'prologue',
      wasmIndex: -1,
      key: 'prologue',
      code: prologue.code,
      labels: prologue.labels,
    },
    ...order.map((index) => {
      const f = flat.get(index)!;
      return {
        name: name(index),
        kind: isLibrary(index) ? ('library' as const) : ('function' as const),
        wasmIndex: index,
        key: `fn:${index}`,
        code: f.code,
        labels: f.labels,
      };
    }),
    ...usedHelpers.map((h) => ({
      name: `i32.${h.name}`,
      kind: 'helper' as const,
      wasmIndex: -1,
      key: `helper:${h.name}`,
      code: h.code,
      labels: h.labels,
    })),
  ];
  const linked = link(units);
  if (linked.instructions.length > MAX_PROGRAM_INSTRUCTIONS) {
    throw new CompileError(file, [
      {
        message: `the program has ${linked.instructions.length.toLocaleString('en-US')} instructions, more than the ${MAX_PROGRAM_INSTRUCTIONS.toLocaleString('en-US')} a token program may have`,
      },
    ]);
  }

  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const rows: SourceMapData['instructions'] = linked.origins.map(({ unit, instr }) => {
    const fromUser = units[unit].kind === 'function' || units[unit].kind === 'library';
    const row = fromUser && instr.offset >= 0 ? lines?.lookup(instr.offset) : undefined;
    let fi = -1;
    if (row) {
      fi = fileIndex.get(row.file) ?? -1;
      if (fi < 0) {
        fi = files.push(row.file) - 1;
        fileIndex.set(row.file, fi);
      }
    }
    return [unit, instr.kind, fromUser ? instr.offset : -1, fi, row?.line ?? 0, row?.column ?? 0];
  });
  const operandLocations = mayNameOperands(wasm);
  const sourceMap = new SourceMap({
    version: 1,
    source: resolve(file),
    programHash: programHash(linked.instructions),
    wasmHash: moduleHash(wasm),
    files,
    functions: units.map((u, i) => {
      // Only the user's functions: the library has no DWARF to name its locals.
      const f = u.kind === 'function' ? flat.get(u.wasmIndex) : undefined;
      // The operand stacks cost ~5% of the map: only when the DWARF may name operand-stack entries,
      // or when they hold floats (the Operand stack pane shows those as floats, at -O0 too).
      return {
        name: u.name,
        start: linked.starts[i],
        end: linked.starts[i] + u.code.length,
        wasmIndex: u.wasmIndex,
        kind: u.kind,
        ...(f ? { locals: f.wasmLocals, params: f.params } : {}),
        ...(f && (operandLocations || /[fF]/.test(f.operands)) ? { operands: f.operands } : {}),
      };
    }),
    globals: globalWordAddresses(module),
    instructions: rows,
  });

  return {
    instructions: linked.instructions,
    entry: mainEntry ? 'main' : 'compute',
    input,
    inputAddress,
    sourceMap,
    wasm,
  };
}

/**
 * Whether the module's DWARF may locate a variable on the operand stack (DW_OP_WASM_location 0x2:
 * bytes ED 02 in a location expression). A byte search: a chance match only costs map size.
 */
function mayNameOperands(wasm: Uint8Array): boolean {
  const names = new Set(['.debug_info', '.debug_loclists', '.debug_loc']);
  return readSections(wasm).some((s) => {
    if (s.id !== 0 || !names.has(s.name ?? '')) return false;
    for (let i = s.start; i + 1 < s.end; i++) if (wasm[i] === 0xed && wasm[i + 1] === 0x02) return true;
    return false;
  });
}

/** Where each WebAssembly global's words are in memory (flatten/memory.ts lays them out). */
function globalWordAddresses(module: WasmModule): number[][] {
  let highWords = module.globals.length;
  return module.globals.map((g, i) =>
    g.type === 'i64' || g.type === 'f64'
      ? [globalAddress(i), globalAddress(highWords++)]
      : [globalAddress(i)],
  );
}

/** The input section's bytes: argv and stdin for `main`, the input string for `compute`. */
function programInput(file: string, entry: 'main' | 'compute', options: CompileOptions): Uint8Array {
  const fail = (message: string): never => {
    throw new CompileError(file, [{ message }]);
  };
  try {
    if (entry === 'compute') {
      const args = options.args ?? '';
      if (typeof args !== 'string' && args.length > 1)
        fail('compute(const char *input) takes one input string, not a list of arguments');
      const text = typeof args === 'string' ? args : (args[0] ?? '');
      const bytes = new TextEncoder().encode(text);
      if (bytes.includes(0)) fail('the input string cannot contain a NUL byte');
      return bytes;
    }
    const words =
      typeof options.args === 'string' ? splitShellWords(options.args) : [...(options.args ?? [])];
    const name = options.programName ?? basename(file).replace(/\.[^.]*$/, '');
    const stdin =
      typeof options.stdin === 'string'
        ? new TextEncoder().encode(options.stdin)
        : (options.stdin ?? new Uint8Array(0));
    return encodeMainInput({ argv: [name, ...words], stdin });
  } catch (e) {
    if (e instanceof ShellWordsError || e instanceof ProgramInputError) fail(e.message);
    throw e;
  }
}

/**
 * One diagnostic per construct and line, in line order. Diagnostics without a line (code the
 * compiler generated, like constants) are kept only when none has a line.
 */
function summarize(all: Diagnostic[]): Diagnostic[] {
  const located = all.filter((d) => d.location);
  const pool = located.length ? located : all;
  const seen = new Set<string>();
  const out = pool.filter((d) => {
    const key = `${d.location?.file}:${d.location?.line}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  out.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
  return out.slice(0, 25);
}

function lineTableOf(wasm: Uint8Array): LineTable | undefined {
  const sections = debugSectionsOf(wasm);
  if (!sections) return undefined;
  try {
    return new LineTable(parseDebugLine(sections));
  } catch {
    return undefined; // a damaged line table only costs us source lines
  }
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return !isAbsolute(p) || rel.startsWith('..') ? p : rel;
}

/** The initial value of an exported i32 global (`__heap_base`, `__stack_low`), if exported. */
function exportedGlobal(module: WasmModule, name: string): number | undefined {
  const e = module.exports.find((x) => x.kind === 'global' && x.name === name);
  return e ? module.globals[e.index]?.init : undefined;
}

const dataEnd = (module: WasmModule) =>
  module.data.reduce((end, seg) => Math.max(end, seg.offset + seg.bytes.length), 0);

/** The input's address: the linker's heap base, 16-byte aligned, above all static data. */
function inputBase(module: WasmModule): number {
  let base = exportedGlobal(module, '__heap_base') ?? 0;
  base = Math.max(base, dataEnd(module));
  base = Math.max(base, globalAddress(globalWordCount(module)), 1024);
  return (base + 15) & ~15;
}

/**
 * The program's memory (docs/token-programs.md): static data and zero-initialized data, the C
 * stack above them (up to the stack pointer's initial value), then the input at the heap base.
 * All of it must fit in the machine's memory; this is checked before anything is built.
 */
function checkMemory(
  module: WasmModule,
  file: string,
  inputAddress: number,
  input: Uint8Array | null,
  symbols: (() => DataSymbol[]) | undefined,
): void {
  const stackLow = exportedGlobal(module, '__stack_low');
  // Global 0 is the C stack pointer when the linker says where the stack is.
  const stackTop = stackLow !== undefined ? (module.globals[0]?.init ?? 0) >>> 0 : 0;
  const staticEnd = Math.max(dataEnd(module), exportedGlobal(module, '__heap_base') ?? 0, stackTop);
  const needed = input ? inputAddress + input.length + 1 : staticEnd;
  if (needed <= MEMORY_SIZE) return;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  const parts = [
    stackLow !== undefined ? `static data ${mib(stackLow)}` : `static data ${mib(dataEnd(module))}`,
    stackLow !== undefined && stackTop > stackLow ? `C stack ${mib(stackTop - stackLow)}` : '',
    input ? `input ${input.length + 1} bytes` : '',
  ].filter(Boolean);
  const largest = (
    symbols?.() ??
    module.data.map((seg, i) => ({
      name: `data segment ${i} at 0x${seg.offset.toString(16)}`,
      size: seg.bytes.length,
    }))
  )
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map((s) => `${s.name} (${s.size.toLocaleString('en-US')} bytes)`);
  throw new CompileError(file, [
    {
      message:
        `the program needs ${mib(needed)} of memory (${parts.join(', ')}), more than the machine's ${mib(MEMORY_SIZE)}` +
        (largest.length ? `; the largest variables: ${largest.join(', ')}` : ''),
    },
  ]);
}

/**
 * The code that runs before `compute`: `input_base` (whose trace is the prompt's input section),
 * initial values of the globals in use, data segments, then `call compute` and `halt`.
 */
function buildPrologue(
  module: WasmModule,
  file: string,
  functions: FlatFunction[],
  entryIndex: number,
  inputAddress: number,
) {
  const b = new FunctionBuilder(0);
  b.kind = 'prologue';
  if (inputAddress >= 0) b.emit('input_base', inputAddress);

  const usedGlobals = new Set<number>();
  for (const f of functions) {
    for (const ins of f.code) {
      if (ins.kind === 'global' && ins.op === 'i32.const') usedGlobals.add((ins.imm - 8) / 4);
    }
  }
  const lowestData = Math.min(...module.data.map((d) => d.offset), Number.MAX_SAFE_INTEGER);
  if (globalAddress(globalWordCount(module)) > lowestData && usedGlobals.size) {
    throw new CompileError(file, [
      { message: `too many globals (${module.globals.length}) to fit below the data at ${lowestData}` },
    ]);
  }
  b.kind = 'global';
  for (const g of [...usedGlobals].sort((x, y) => x - y)) {
    const init = globalInitWord(module, g) >>> 0;
    if (init === 0) continue; // memory starts zeroed
    b.emit('i32.const', globalAddress(g));
    b.emit('i32.const', init);
    b.emit('i32.store', 0);
  }
  // The data segments as one image (linear in their size, at most the machine's memory: checked
  // before), stored a word at a time; zero words cost nothing, memory starts zeroed.
  b.kind = 'prologue';
  if (module.data.length) {
    const base = lowestData & ~3;
    const image = new Uint8Array(((dataEnd(module) - base + 3) & ~3) >>> 0);
    for (const seg of module.data) image.set(seg.bytes, seg.offset - base);
    const words = new Uint32Array(image.buffer);
    let nonzero = 0;
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) nonzero++;
    if (3 * nonzero > MAX_PROGRAM_INSTRUCTIONS) {
      throw new CompileError(file, [
        {
          message: `the initialized data has ${nonzero.toLocaleString('en-US')} non-zero words; each costs 3 instructions, more than the ${MAX_PROGRAM_INSTRUCTIONS.toLocaleString('en-US')} a token program may have (make large arrays zero-initialized and fill them at run time)`,
        },
      ]);
    }
    for (let i = 0; i < words.length; i++) {
      if (words[i] === 0) continue;
      b.emit('i32.const', base + 4 * i);
      b.emit('i32.const', words[i]);
      b.emit('i32.store', 0);
    }
  }
  b.kind = 'prologue';
  if (inputAddress >= 0) b.emit('i32.const', inputAddress);
  b.emit('call', 0, { callee: { fn: entryIndex } });
  b.emit('halt');
  return b;
}
