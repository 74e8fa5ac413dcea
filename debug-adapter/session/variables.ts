// Scopes and variables of a stopped machine: the C view of the selected frame (Locals, Globals:
// C variables read through DWARF, expandable), then the machine's own (Machine, Operand stack,
// WebAssembly locals and globals, Memory, Output). Large collections are paged
// (indexedVariables), and no answer holds more than MAX_VARIABLES_PAGE variables.
import { Handles, Scope } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SourceMap, WasmValueType } from '../../engine/compiler/source-map';
import type { MemoryReader } from '../../engine/debug-info/bytes';
import {
  childCount,
  childExpression,
  childrenOf,
  formatValue as formatC,
} from '../../engine/debug-info/format';
import type { CFrame } from '../../engine/debug-info/frame';
import type { CStaticVariable, CValue } from '../../engine/debug-info/model';
import { resolved, sizeOf, typeName } from '../../engine/debug-info/types';
import type { Instruction } from '../../engine/tokens/program-file';
import { type Cell, MAX_CELL_BYTES } from '../runtime/cells';
import type { MachineRuntime } from '../runtime/runtime';
import { MAX_VARIABLES_PAGE } from './arguments';
import { formatInstruction, formatValue } from './format';
import { floatWords, type WordRole, wordRow } from './machine-floats';
import type { TreeRow } from './residual-scope';

const TYPE_OF_LETTER: Readonly<Record<string, WasmValueType>> = { i: 'i32', I: 'i64', f: 'f32', F: 'f64' };

/** A C value with children: what expanding it needs, kept while stopped. */
interface CRef {
  kind: 'c-value';
  value: CValue;
  name: string;
  /** The C expression naming it, when there is one. */
  evaluateName: string | undefined;
  memory: MemoryReader;
}

type Ref =
  | { kind: 'c-locals'; frame: CFrame }
  | { kind: 'c-globals'; frame: CFrame }
  | CRef
  | { kind: 'machine' }
  | { kind: 'tokens' }
  | { kind: 'stack' }
  | { kind: 'locals'; frame: number }
  | { kind: 'globals' }
  | { kind: 'memory' }
  | { kind: 'output' }
  /** A float's bits and words (see machine-floats.ts). */
  | { kind: 'words'; rows: readonly { name: string; value: string }[] }
  /** Rows computed when expanded (the Residual stream scope: residual-scope.ts). */
  | { kind: 'tree'; rows: () => readonly TreeRow[] };

export class VariableStore {
  private handles = new Handles<Ref>();
  /** The Residual stream scope's rows, when the session offers it (residual-scope.ts). */
  residual?: () => readonly TreeRow[];

  constructor(
    private readonly runtime: MachineRuntime,
    private readonly instructions: readonly Instruction[],
    private readonly sourceMap: SourceMap | undefined,
    private readonly globalNames: readonly string[],
  ) {}

  /** Handles are valid while stopped: a new stop starts over. */
  reset(): void {
    this.handles.reset();
  }

  scopes(frame: number): DebugProtocol.Scope[] {
    const d = this.runtime.state;
    const locals = this.runtime.localsOf(frame);
    const scope = (name: string, ref: Ref, expensive = false, indexed?: number): DebugProtocol.Scope => {
      const s: DebugProtocol.Scope = new Scope(name, this.handles.create(ref), expensive);
      if (indexed !== undefined) s.indexedVariables = indexed;
      return s;
    };
    const scopes: DebugProtocol.Scope[] = [];
    const c = this.runtime.cFrame(frame);
    if (c?.function) {
      const s = scope('Locals', { kind: 'c-locals', frame: c });
      s.presentationHint = 'locals';
      scopes.push(s);
    }
    if (c?.program.statics.length) scopes.push(scope('Globals', { kind: 'c-globals', frame: c }));
    scopes.push(scope('Machine', { kind: 'machine' }));
    const stack = scope('Operand stack', { kind: 'stack' }, false, d.stack.length);
    stack.presentationHint = 'registers';
    scopes.push(
      stack,
      scope('WebAssembly locals', { kind: 'locals', frame }, false, locals.length),
      scope('WebAssembly globals', { kind: 'globals' }),
      scope('Memory', { kind: 'memory' }, true),
      scope('Output', { kind: 'output' }),
    );
    if (this.residual) scopes.push(scope('Residual stream', { kind: 'tree', rows: this.residual }, true));
    return scopes;
  }

  /**
   * A C value as a variable: its value as the display contract writes it, its C type, the
   * expression naming it, and (when it has children) a reference to expand it, arrays paged.
   * Watch and hover results use it too.
   */
  cVariable(
    name: string,
    value: CValue,
    evaluateName: string | undefined,
    memory: MemoryReader,
  ): DebugProtocol.Variable {
    const c = this.runtime.cProgram;
    const shown = formatC(value, memory, c?.info, c?.table.nameOf);
    const v: DebugProtocol.Variable = {
      name,
      value: shown,
      type: typeName(value.type),
      variablesReference: 0,
    };
    if (evaluateName !== undefined) v.evaluateName = evaluateName;
    // A value shown as unreadable does not expand, even when a few of its bytes are known.
    const children = /^<(optimized out|unavailable)/.test(shown) ? 0 : childCount(value, memory);
    if (children > 0) {
      v.variablesReference = this.handles.create({ kind: 'c-value', value, name, evaluateName, memory });
      if (resolved(value.type).kind === 'array') v.indexedVariables = children;
      else v.namedVariables = children;
    }
    return v;
  }

  /**
   * The machine cell a variable shown in container `ref` under `name` lives in (provenance and
   * data breakpoints start from it), with a label for messages. Throws, saying why, for what has
   * no single place (a computed value, a register-like WebAssembly local behind a C variable).
   */
  cellOf(ref: number, name: string): { cell: Cell; label: string } {
    const r = this.handles.get(ref);
    if (!r) throw new Error(`no variables container ${ref}: the program has moved on since it was shown`);
    const d = this.runtime.state;
    const index = (re: RegExp) => {
      const m = re.exec(name);
      if (!m) throw new Error(`'${name}' is not a row of this scope`);
      return Number(m[1]);
    };
    switch (r.kind) {
      case 'c-locals': {
        const v = r.frame.variables().find((x) => x.name === name);
        if (!v) throw new Error(`no local '${name}' here`);
        return cValueCell(name, r.frame.valueOf(v));
      }
      case 'c-globals': {
        const s = r.frame.program.statics.find(
          (x) => (x.functionName ? `${x.functionName}::${x.name}` : x.name) === name,
        );
        if (!s) throw new Error(`no global '${name}'`);
        return cValueCell(name, r.frame.valueOf(s));
      }
      case 'c-value': {
        const i = /^\[(\d+)\]$/.exec(name);
        const children = i
          ? childrenOf(r.value, r.memory, r.name, Number(i[1]), 1)
          : childrenOf(r.value, r.memory, r.name, 0, MAX_VARIABLES_PAGE);
        const child = children.find((c) => c.name === name);
        if (!child) throw new Error(`'${r.name}' has no member '${name}'`);
        const label = r.evaluateName === undefined ? name : childExpression(r.evaluateName, child.access);
        return cValueCell(label, child.value);
      }
      case 'stack': {
        const i = index(/^\[(\d+)\]$/);
        if (i >= d.stack.length) throw new Error(`the operand stack holds ${d.stack.length} values`);
        return { cell: { kind: 'stack', index: d.stack.length - 1 - i }, label: `stack${name}` };
      }
      case 'locals': {
        const i = index(/^local\[(\d+)\]$/);
        return { cell: { kind: 'local', depth: d.frames.length - r.frame, index: i }, label: name };
      }
      case 'globals': {
        const i = index(/^global\[(\d+)\]/);
        return { cell: { kind: 'memory', address: 8 + 4 * i, size: 4 }, label: `global[${i}]` };
      }
      case 'memory': {
        const a = Number.parseInt(name, 16);
        if (!/^0x[0-9a-f]{8}$/.test(name)) throw new Error(`'${name}' is not a row of the Memory scope`);
        return { cell: { kind: 'memory', address: a, size: 16 }, label: name };
      }
      default:
        throw new Error(`'${name}' is not a value held in memory, a local or the operand stack`);
    }
  }

  /** The Globals scope: globals and file statics, then function statics as `fn::name`. */
  private cStatics(frame: CFrame): DebugProtocol.Variable[] {
    const visible = new Set(frame.statics());
    const named = (s: CStaticVariable) => (s.functionName ? `${s.functionName}::${s.name}` : s.name);
    const all = [...frame.program.statics].sort(
      (a, b) => Number(a.functionName !== undefined) - Number(b.functionName !== undefined),
    );
    const localNames = new Set(frame.variables().map((v) => v.name));
    return all.map((s) => {
      // The bare name evaluates to this static only where nothing closer hides it (a local, or a
      // function static of the same name found before a file static).
      const reachable = visible.has(s) && !localNames.has(s.name) && frame.lookupStatic(s.name) === s;
      return this.cVariable(named(s), frame.valueOf(s), reachable ? s.name : undefined, frame.memory);
    });
  }

  /** A machine word's row, expandable to a float's bits and words. */
  private wordVariable(
    name: string,
    row: { value: string; type?: string; children?: readonly { name: string; value: string }[] },
    evaluateName: string,
  ): DebugProtocol.Variable {
    const out: DebugProtocol.Variable = { name, value: row.value, variablesReference: 0, evaluateName };
    if (row.type) out.type = row.type;
    if (row.children) {
      out.variablesReference = this.handles.create({ kind: 'words', rows: row.children });
      out.namedVariables = row.children.length;
    }
    return out;
  }

  variables(ref: number, start = 0, count?: number): DebugProtocol.Variable[] {
    const r = this.handles.get(ref);
    if (!r) return [];
    const d = this.runtime.state;
    const v = (name: string, value: string, extra: Partial<DebugProtocol.Variable> = {}) => ({
      name,
      value,
      variablesReference: 0,
      ...extra,
    });
    // A page: `count` from `start` (0 or absent: all), never more than MAX_VARIABLES_PAGE.
    const size = Math.min(count || MAX_VARIABLES_PAGE, MAX_VARIABLES_PAGE);
    const page = <T>(all: readonly T[]) => all.slice(start, start + size);
    switch (r.kind) {
      case 'c-locals':
        return page(r.frame.variables()).map((x) =>
          this.cVariable(x.name, r.frame.valueOf(x), x.name, r.frame.memory),
        );
      case 'c-globals':
        return page(this.cStatics(r.frame));
      case 'c-value':
        return childrenOf(r.value, r.memory, r.name, start, size).map((child) =>
          this.cVariable(
            child.name,
            child.value,
            r.evaluateName === undefined ? undefined : childExpression(r.evaluateName, child.access),
            r.memory,
          ),
        );
      case 'machine': {
        const ins = this.instructions[d.pc];
        const loc = this.sourceMap?.location(d.pc);
        const tokens = this.runtime.lastInstructionTokens();
        return [
          v('step', String(d.step), { evaluateName: 'step' }),
          v('token position', String(this.runtime.position), { evaluateName: 'position' }),
          v('cursor', String(d.pc), { evaluateName: 'pc', memoryReference: String(d.pc) }),
          v('instruction', ins ? formatInstruction(ins) : d.halted ? 'halted' : '?'),
          ...(loc ? [v('source', `${loc.file}:${loc.line}:${loc.column}`)] : []),
          v('call depth', String(d.frames.length), { evaluateName: 'depth' }),
          v('stack depth', String(d.stack.length)),
          v('engine', this.runtime.engine.kind),
          v('last instruction tokens', tokens.join(' '), {
            variablesReference: this.handles.create({ kind: 'tokens' }),
            indexedVariables: tokens.length,
          }),
        ];
      }
      case 'tokens':
        return page(this.runtime.lastInstructionTokens()).map((t, i) => v(`[${start + i}]`, t));
      case 'stack': {
        // Top first: row i is word n-1-i. The current function's operands are typed by the map.
        const n = d.stack.length;
        const types = this.sourceMap?.operandsAt(d.pc) ?? [];
        const used = types.reduce((k, t) => k + (t === 'i64' || t === 'f64' ? 2 : 1), 0);
        const roles = used <= n ? floatWords(types, n - used) : new Map<number, WordRole>();
        const label = (w: number) => `[${n - 1 - w}]`;
        const rows = [];
        for (let i = start; i < Math.min(n, start + size); i++) {
          const w = n - 1 - i;
          const role = roles.get(w);
          const row = wordRow(w, (k) => d.stack[k], role, role?.type !== 'f64' || w === role.low + 1, label);
          rows.push(this.wordVariable(`[${i}]`, row, `stack[${i}]`));
        }
        return rows;
      }
      case 'locals': {
        const locals = this.runtime.localsOf(r.frame);
        // The frame's function's WebAssembly locals by type: f32/f64 slots are shown as floats.
        const frames = d.frames;
        const pc = r.frame === 0 ? d.pc : (frames[frames.length - r.frame]?.callPc ?? -1);
        const letters = this.sourceMap?.functionAt(pc)?.locals ?? '';
        const types = Array.from(letters, (c) => TYPE_OF_LETTER[c] ?? 'i32');
        const roles = floatWords(types, 0);
        const word = (k: number) => locals[k] ?? 0;
        const rows = [];
        for (let i = start; i < Math.min(locals.length, start + size); i++) {
          const role = roles.get(i);
          // A float whose words are not all in this frame's slots shows as plain words.
          const whole = role && (role.type === 'f32' || role.low + 1 < locals.length) ? role : undefined;
          const row = wordRow(i, word, whole, whole?.low === i, (k) => `local[${k}]`);
          rows.push(this.wordVariable(`local[${i}]`, row, `local[${i}]`));
        }
        return rows;
      }
      case 'words':
        return r.rows.map((row) => v(row.name, row.value));
      case 'tree':
        return page(r.rows()).map((row) => {
          const out = v(row.name, row.value, row.type ? { type: row.type } : {});
          if (!row.children) return out;
          const children = row.children;
          return { ...out, variablesReference: this.handles.create({ kind: 'tree', rows: children }) };
        });
      case 'globals':
        return this.globalNames.map((name, i) => {
          const value = d.memory.load(8 + 4 * i, 4);
          return v(`global[${i}]${name ? ` ${name}` : ''}`, formatValue(value), {
            evaluateName: `global[${i}]`,
            memoryReference: String(value >>> 0),
          });
        });
      case 'memory':
        return page(d.memory.pageAddresses().sort((a, b) => a - b)).map((a) => {
          const bytes = Array.from(d.memory.read(a, 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
          return v(`0x${a.toString(16).padStart(8, '0')}`, `${bytes} …`, { memoryReference: String(a) });
        });
      case 'output': {
        const text = Buffer.from(d.output).toString('latin1');
        return [v('text', JSON.stringify(text)), v('bytes', String(d.output.length))];
      }
    }
  }
}

/** The memory a C value occupies, or why it has no such place. */
export function cValueCell(label: string, value: CValue): { cell: Cell; label: string } {
  const p = value.place;
  if (p.kind !== 'memory')
    throw new Error(
      p.kind === 'optimized-out' || p.kind === 'unavailable'
        ? `'${label}' is not available here`
        : `'${label}' is not in memory here (the compiler keeps it in a WebAssembly local or computes it): use the WebAssembly locals scope`,
    );
  const size = sizeOf(value.type);
  if (!size) throw new Error(`'${label}' has no size (an incomplete type or a function)`);
  if (size > MAX_CELL_BYTES)
    throw new Error(`'${label}' is ${size} bytes: at most ${MAX_CELL_BYTES} can be watched`);
  return { cell: { kind: 'memory', address: p.address, size }, label };
}
