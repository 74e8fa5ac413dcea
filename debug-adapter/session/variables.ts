// Scopes and variables of a stopped machine: Machine, Operand stack, Locals (of the selected
// frame), Globals, Memory and Output. Large collections are paged (indexedVariables), and no
// answer holds more than MAX_VARIABLES_PAGE variables.
import { Handles, Scope } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { SourceMap } from '../../engine/compiler/source-map';
import type { Instruction } from '../../engine/tokens/program-file';
import type { MachineRuntime } from '../runtime/runtime';
import { MAX_VARIABLES_PAGE } from './arguments';
import { formatInstruction, formatValue } from './format';

type Ref =
  | { kind: 'machine' }
  | { kind: 'tokens' }
  | { kind: 'stack' }
  | { kind: 'locals'; frame: number }
  | { kind: 'globals' }
  | { kind: 'memory' }
  | { kind: 'output' };

export class VariableStore {
  private handles = new Handles<Ref>();

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
    const scopes = [
      scope('Machine', { kind: 'machine' }),
      scope('Operand stack', { kind: 'stack' }, false, d.stack.length),
      scope('Locals', { kind: 'locals', frame }, false, locals.length),
      scope('Globals', { kind: 'globals' }),
      scope('Memory', { kind: 'memory' }, true),
      scope('Output', { kind: 'output' }),
    ];
    scopes[1].presentationHint = 'registers';
    scopes[2].presentationHint = 'locals';
    return scopes;
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
        const top = [...d.stack].reverse();
        return page(top).map((x, i) =>
          v(`[${start + i}]`, formatValue(x), { evaluateName: `stack[${start + i}]` }),
        );
      }
      case 'locals': {
        const locals = this.runtime.localsOf(r.frame);
        return page(Array.from(locals, (x) => x ?? 0)).map((x, i) =>
          v(`local[${start + i}]`, formatValue(x), { evaluateName: `local[${start + i}]` }),
        );
      }
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
