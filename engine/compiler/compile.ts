// The compiler pipeline: C / WAT / WASM → WebAssembly module → flat machine code → token program
// with a source map.
import { readFileSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Instruction, TokenProgram } from '../tokens/program-file';
import { decodeModule, type WasmModule } from '../wasm/decoder';
import { debugSectionsOf, LineTable, parseDebugLine } from '../wasm/dwarf-line';
import { WasmFormatError } from '../wasm/reader';
import { compileC } from './clang';
import { CompileError, type Diagnostic } from './diagnostics';
import { type FlatFunction, flattenFunction, globalAddress } from './flatten';
import { FunctionBuilder } from './function-builder';
import { type LinkUnit, link } from './link';
import { loweringHelpers } from './lowering/helpers';
import { SourceMap, type SourceMapData } from './source-map';
import { watToWasm } from './wat';

export interface CompiledProgram {
  readonly instructions: Instruction[];
  /** Input bytes for the input section, or null when `compute` takes no argument. */
  readonly input: Uint8Array | null;
  /** Address the input is loaded at (the `input_base` immediate), or -1. */
  readonly inputAddress: number;
  readonly sourceMap: SourceMap;
  readonly wasm: Uint8Array;
}

export interface CompileOptions {
  /** The input string given to `compute`. */
  readonly args?: string;
}

/** The compiled program as the engines take it: instructions and input, no trace. */
export function asTokenProgram(p: CompiledProgram): TokenProgram {
  return { instructions: p.instructions, input: p.input, specialized: false, trace: new Int32Array(0) };
}

/** Compiles a `.c`, `.wat` or `.wasm` file. */
export async function compileFile(file: string, options: CompileOptions = {}): Promise<CompiledProgram> {
  const ext = extname(file).toLowerCase();
  let wasm: Uint8Array;
  if (ext === '.c') wasm = compileC(file);
  else if (ext === '.wat' || ext === '.wast') wasm = await watToWasm(readFileSync(file, 'utf8'), file);
  else if (ext === '.wasm') wasm = new Uint8Array(readFileSync(file));
  else
    throw new CompileError(file, [
      { message: `cannot compile '${ext || file}' files: expected .c, .wat or .wasm` },
    ]);
  return compileWasm(wasm, file, options);
}

/** Compiles a WebAssembly module; `file` names the source in messages and the source map. */
export async function compileWasm(
  wasm: Uint8Array,
  file: string,
  options: CompileOptions = {},
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

  const entry = module.exports.find((e) => e.kind === 'func' && e.name === 'compute');
  if (!entry) {
    throw new CompileError(file, [
      { message: "no exported function 'compute': the entry point is void compute(const char *input)" },
    ]);
  }
  const entryFn = module.functions[entry.index - module.importedFunctionCount];
  if (!entryFn)
    throw new CompileError(file, [{ message: "'compute' must be defined in the module, not imported" }]);
  const entryType = module.types[entryFn.typeIndex];
  if (entryType.params.length > 1 || entryType.params.some((t) => t !== 'i32')) {
    throw new CompileError(file, [
      locate({
        message: "'compute' takes at most one argument, the input string (const char *input)",
        wasmOffset: entryFn.start,
      }),
    ]);
  }
  const funcImports = module.imports.filter((i) => i.kind === 'func');
  const outputIndex = funcImports.findIndex((i) => i.name === 'output_byte');
  const diagnostics: Diagnostic[] = [];
  const ctx = { module, outputImport: outputIndex >= 0 ? outputIndex : undefined, diagnostics };

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
  const usedHelpers = helperCalls.length ? (await loweringHelpers()).closure(helperCalls) : [];

  const takesInput = entryType.params.length === 1;
  const inputAddress = takesInput ? inputBase(module) : -1;
  const prologue = buildPrologue(module, [...flat.values()], entry.index, inputAddress);
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
        kind: 'function' as const,
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

  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const rows: SourceMapData['instructions'] = linked.origins.map(({ unit, instr }) => {
    const fromUser = units[unit].kind === 'function';
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
  const sourceMap = new SourceMap({
    version: 1,
    source: resolve(file),
    files,
    functions: units.map((u, i) => ({
      name: u.name,
      start: linked.starts[i],
      end: linked.starts[i] + u.code.length,
      wasmIndex: u.wasmIndex,
      kind: u.kind,
    })),
    instructions: rows,
  });

  const input = takesInput ? new TextEncoder().encode(options.args ?? '') : null;
  if (input?.includes(0))
    throw new CompileError(file, [{ message: 'the input string cannot contain a NUL byte' }]);
  return { instructions: linked.instructions, input, inputAddress, sourceMap, wasm };
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

/** The input's address: the linker's heap base, 16-byte aligned, above all static data. */
function inputBase(module: WasmModule): number {
  const heap = module.exports.find((e) => e.kind === 'global' && e.name === '__heap_base');
  let base = heap ? (module.globals[heap.index]?.init ?? 0) : 0;
  for (const seg of module.data) base = Math.max(base, seg.offset + seg.bytes.length);
  base = Math.max(base, globalAddress(module.globals.length), 1024);
  return (base + 15) & ~15;
}

/**
 * The code that runs before `compute`: `input_base` (whose trace is the prompt's input section),
 * initial values of the globals in use, data segments, then `call compute` and `halt`.
 */
function buildPrologue(
  module: WasmModule,
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
  const words = new Map<number, number>();
  const putByte = (addr: number, v: number) => {
    const w = addr & ~3;
    words.set(w, ((words.get(w) ?? 0) | (v << (8 * (addr & 3)))) >>> 0);
  };
  const lowestData = Math.min(...module.data.map((d) => d.offset), Number.MAX_SAFE_INTEGER);
  if (globalAddress(module.globals.length) > lowestData && usedGlobals.size) {
    throw new CompileError('(module)', [
      { message: `too many globals (${module.globals.length}) to fit below the data at ${lowestData}` },
    ]);
  }
  for (const g of [...usedGlobals].sort((x, y) => x - y)) {
    const init = module.globals[g]?.init ?? 0;
    for (let k = 0; k < 4; k++) putByte(globalAddress(g) + k, (init >>> (8 * k)) & 0xff);
  }
  for (const seg of module.data) {
    for (let i = 0; i < seg.bytes.length; i++) putByte(seg.offset + i, seg.bytes[i]);
  }
  for (const [addr, value] of [...words.entries()].sort((x, y) => x[0] - y[0])) {
    if (value === 0) continue; // memory starts zeroed
    b.kind = addr < lowestData ? 'global' : 'prologue';
    b.emit('i32.const', addr);
    b.emit('i32.const', value);
    b.emit('i32.store', 0);
  }
  b.kind = 'prologue';
  if (inputAddress >= 0) b.emit('i32.const', inputAddress);
  b.emit('call', 0, { callee: { fn: entryIndex } });
  b.emit('halt');
  return b;
}
