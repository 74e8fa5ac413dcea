// The lowering helpers of helpers.wat, flattened by the same compiler as user code and linked
// into a token program only when (and with what) its code calls.
import { readFileSync } from 'node:fs';
import { decodeModule } from '../../wasm/decoder';
import { formatDiagnostic } from '../diagnostics';
import { flattenFunction } from '../flatten';
import type { FlatInstr } from '../function-builder';
import { loweringHelpersPath } from '../paths';
import { watToWasm } from '../wat';

export interface HelperFunction {
  /** The operation it implements, e.g. `div_u`. */
  readonly name: string;
  readonly code: readonly FlatInstr[];
  readonly labels: readonly number[];
}

export interface HelperLibrary {
  readonly functions: ReadonlyMap<string, HelperFunction>;
  /** The named helpers and every helper they call, in a fixed order. */
  closure(names: readonly string[]): HelperFunction[];
}

let library: Promise<HelperLibrary> | undefined;

export function loweringHelpers(): Promise<HelperLibrary> {
  library ??= load();
  return library;
}

async function load(): Promise<HelperLibrary> {
  const path = loweringHelpersPath();
  const module = decodeModule(await watToWasm(readFileSync(path, 'utf8'), path));
  const exportName = new Map<number, string>();
  for (const e of module.exports) if (e.kind === 'func') exportName.set(e.index, e.name);
  const functions = new Map<string, HelperFunction>();
  for (const fn of module.functions) {
    const name = exportName.get(fn.index);
    if (!name) continue;
    const diagnostics: Parameters<typeof flattenFunction>[1]['diagnostics'] = [];
    const flat = flattenFunction(fn, { module, diagnostics });
    if (diagnostics.length) {
      throw new Error(
        `${path}: helper '${name}' uses what the machine cannot run:\n${diagnostics.map((d) => formatDiagnostic(d, path)).join('\n')}`,
      );
    }
    const code = flat.code.map((ins): FlatInstr => {
      if (ins.callee && 'helper' in ins.callee)
        throw new Error(`${path}: helper '${name}' uses a lowered operation`);
      const callee =
        ins.callee && 'fn' in ins.callee
          ? { helper: exportName.get(ins.callee.fn) ?? `#${ins.callee.fn}` }
          : undefined;
      return { ...ins, kind: 'lowered', callee };
    });
    functions.set(name, { name, code, labels: flat.labels });
  }
  return {
    functions,
    closure(names) {
      const seen = new Set<string>();
      const visit = (n: string) => {
        if (seen.has(n)) return;
        const f = functions.get(n);
        if (!f) throw new Error(`${path}: no helper named '${n}'`);
        seen.add(n);
        for (const ins of f.code) if (ins.callee && 'helper' in ins.callee) visit(ins.callee.helper);
      };
      names.forEach(visit);
      return [...seen].sort().map((n) => functions.get(n)!);
    },
  };
}
