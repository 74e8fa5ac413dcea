// The lowering helpers, flattened by the same compiler as user code and linked into a token program
// only when (and with what) its code calls. Two sources make one library:
//   helpers.wat    the i32 and i64 helpers, written with the machine's own instructions only;
//   softfloat.wat  the soft-float helpers (one per float instruction, `f64.add` → `f64_add`),
//                  C compiled by clang; their own i64 arithmetic, multiplies and shifts are
//                  lowered like user code's, into calls of helpers.wat's helpers.
import { readFileSync } from 'node:fs';
import { decodeModule, type WasmModule } from '../../wasm/decoder';
import { formatDiagnostic } from '../diagnostics';
import { flattenFunction } from '../flatten';
import type { FlatInstr } from '../function-builder';
import { loweringHelpersPath, softFloatHelpersPath } from '../paths';
import { watToWasm } from '../wat';

export interface HelperFunction {
  /** The operation it implements, e.g. `div_u`, `f64_add`. */
  readonly name: string;
  readonly code: readonly FlatInstr[];
  readonly labels: readonly number[];
}

export interface HelperLibrary {
  readonly functions: ReadonlyMap<string, HelperFunction>;
  /** The named helpers and every helper they call, in a fixed order. */
  closure(names: readonly string[]): HelperFunction[];
}

/** Each library once per process: helpers.wat alone, and with the soft-float helpers. */
const libraries = new Map<boolean, Promise<HelperLibrary>>();

/**
 * The helpers; `softFloat` adds the soft-float ones (flattening those 70 functions costs time and
 * memory that a program without floating point need not pay).
 */
export function loweringHelpers(softFloat: boolean): Promise<HelperLibrary> {
  let library = libraries.get(softFloat);
  if (!library) {
    library = load(softFloat);
    libraries.set(softFloat, library);
  }
  return library;
}

/** Opcodes compiled helpers must not use: they touch memory or globals (the program's, not theirs). */
const STATEFUL = new Set([
  0x23, 0x24, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
  0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40,
]);

async function load(softFloat: boolean): Promise<HelperLibrary> {
  const functions = new Map<string, HelperFunction>();
  await addModule(functions, loweringHelpersPath(), 'machine');
  if (softFloat) await addModule(functions, softFloatHelpersPath(), 'lowered');
  return {
    functions,
    closure(names) {
      const seen = new Set<string>();
      const visit = (n: string) => {
        if (seen.has(n)) return;
        const f = functions.get(n);
        if (!f) throw new Error(`the lowering helpers have no helper named '${n}'`);
        seen.add(n);
        for (const ins of f.code) if (ins.callee && 'helper' in ins.callee) visit(ins.callee.helper);
      };
      names.forEach(visit);
      return [...seen].sort().map((n) => functions.get(n)!);
    },
  };
}

/**
 * Flattens every function of the helper module at `path` into `functions`, under its export name
 * (a function that is not exported: `file:name`). `machine`: the helpers may use the machine's
 * instructions only; `lowered`: they may use what the compiler lowers (into other helpers), but
 * never memory or globals, which belong to the program that links them.
 */
async function addModule(
  functions: Map<string, HelperFunction>,
  path: string,
  allowed: 'machine' | 'lowered',
): Promise<void> {
  const module = decodeModule(await watToWasm(readFileSync(path, 'utf8'), path));
  const file = path.replace(/^.*[\\/]/, '');
  const names = helperNames(module, file);
  for (const fn of module.functions) {
    const name = names.get(fn.index)!;
    // helpers.wat's helpers use scratch bytes 0..7 as the lowering does; soft-float code none.
    const stateful = allowed === 'lowered' ? fn.instrs.find((i) => STATEFUL.has(i.op)) : undefined;
    if (stateful)
      throw new Error(
        `${path}: helper '${name}' accesses memory or a global (opcode 0x${stateful.op.toString(16)})`,
      );
    const diagnostics: Parameters<typeof flattenFunction>[1]['diagnostics'] = [];
    const flat = flattenFunction(fn, { module, diagnostics });
    if (diagnostics.length) {
      throw new Error(
        `${path}: helper '${name}' uses what the machine cannot run:\n${diagnostics.map((d) => formatDiagnostic(d, path)).join('\n')}`,
      );
    }
    const code = flat.code.map((ins): FlatInstr => {
      if (ins.callee && 'helper' in ins.callee) {
        if (allowed === 'machine') throw new Error(`${path}: helper '${name}' uses a lowered operation`);
        return { ...ins, kind: 'lowered' };
      }
      const callee = ins.callee && 'fn' in ins.callee ? { helper: names.get(ins.callee.fn)! } : undefined;
      return { ...ins, kind: 'lowered', callee };
    });
    if (functions.has(name)) throw new Error(`${path}: a helper named '${name}' exists already`);
    functions.set(name, { name, code, labels: flat.labels });
  }
}

/** Each defined function's helper name: its export name, else `file:debug name` (or index). */
function helperNames(module: WasmModule, file: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const e of module.exports) if (e.kind === 'func') names.set(e.index, e.name);
  for (const fn of module.functions)
    if (!names.has(fn.index))
      names.set(fn.index, `${file}:${module.functionNames.get(fn.index) ?? fn.index}`);
  return names;
}
