// The expression language of watch, hover, breakpoint conditions and logpoints: C over the
// variables of the selected frame (engine/debug-info/c-expression.ts), plus the machine's own
// names, which a C name in scope hides and a `$` prefix always reaches (`$step`, `$local[3]`):
//
//   stack[i]            operand stack, 0 = top          local[i]   local i of the selected frame
//   global[i]           global i (memory-backed)        mem8[a] mem16[a] mem32[a]  memory, little-endian
//   step pc depth sp    instructions done, cursor, call depth, C stack pointer (global[0])
//   position            tokens so far                   u32(x) s8(x) s16(x) f32(x)  reinterpretations
//
// Machine values are C ints (u32() gives an unsigned int, f32() the float a word's bits hold), so
// the old integer language keeps its meaning: 32-bit wrap, C comparisons and division.
import { bytesOf, type MemoryReader } from '../../engine/debug-info/bytes';
import {
  type CExpression,
  CExpressionError,
  type CExpressionFrame,
  type ExtraNames,
  evaluateCExpression,
  isTrue,
  parseCExpression,
  scalarOf,
} from '../../engine/debug-info/c-expression';
import { FLOAT } from '../../engine/debug-info/c-expression-types';
import type { CFrame } from '../../engine/debug-info/frame';
import type { CBaseType, CValue } from '../../engine/debug-info/model';

/** Errors of expressions, hit conditions and the machine names (one class: the message is the answer). */
export { CExpressionError as ExpressionError } from '../../engine/debug-info/c-expression';

/** What expressions can read. */
export interface MachineView {
  stackAt(i: number): number | undefined;
  stackDepth(): number;
  local(i: number): number | undefined;
  global(i: number): number;
  /** `bytes` little-endian bytes at `address`, as an unsigned number. */
  memory(address: number, bytes: 1 | 2 | 4): number;
  readonly step: number;
  readonly pc: number;
  readonly depth: number;
  readonly position: number;
  /** The selected frame seen as C, built when an expression first needs a name (undefined: no C here). */
  cFrame?(): CFrame | undefined;
}

/** An expression's value, and whether it read only machine names (then it is shown as before). */
export interface Evaluated {
  readonly value: CValue;
  readonly machineOnly: boolean;
  readonly memory: MemoryReader;
}

const INT: CBaseType = { kind: 'base', name: 'int', size: 4, encoding: 'signed' };
const UINT: CBaseType = { kind: 'base', name: 'unsigned int', size: 4, encoding: 'unsigned' };
const LLONG: CBaseType = { kind: 'base', name: 'long long', size: 8, encoding: 'signed' };

const INDEXED = ['stack', 'local', 'global', 'mem8', 'mem16', 'mem32'];
const SCALARS = ['step', 'pc', 'depth', 'sp', 'position'];
const FUNCTIONS = ['u32', 's8', 's16', 'f32'];

function int(v: number, type: CBaseType = INT): CValue {
  const bytes = new Uint8Array(type.size);
  const n = BigInt(v);
  for (let i = 0; i < type.size; i++) bytes[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return { type, place: { kind: 'value', bytes } };
}

/** Counters as int while they fit, else long long (a long run's step count). */
const counter = (v: number) => int(v, v === (v | 0) ? INT : LLONG);

function machineNames(m: MachineView, hasC: () => boolean): ExtraNames {
  const fail = (message: string): never => {
    throw new CExpressionError(message);
  };
  return {
    value: (name) => {
      switch (name) {
        case 'step':
          return counter(m.step);
        case 'pc':
          return counter(m.pc);
        case 'depth':
          return counter(m.depth);
        case 'sp':
          return int(m.global(0) | 0);
        case 'position':
          return counter(m.position);
        default:
          return undefined;
      }
    },
    indexed: (name) => {
      if (!INDEXED.includes(name)) return undefined;
      return (index) => {
        const i = Number(BigInt.asIntN(32, index));
        const at = `${name}[${i}]`;
        switch (name) {
          case 'stack': {
            const v = m.stackAt(i);
            if (v === undefined) return fail(`${at}: the operand stack holds ${m.stackDepth()} values`);
            return int(v | 0);
          }
          case 'local': {
            const v = m.local(i);
            if (v === undefined) return fail(`${at}: no such local in this frame`);
            return int(v | 0);
          }
          case 'global':
            if (i < 0) return fail(`${at}: no such global`);
            return int(m.global(i) | 0);
          default: {
            const bytes = name === 'mem8' ? 1 : name === 'mem16' ? 2 : 4;
            return int(m.memory(i >>> 0, bytes) | 0);
          }
        }
      };
    },
    call: (name) => {
      if (!FUNCTIONS.includes(name)) return undefined;
      return (arg) => {
        const v = Number(
          BigInt.asIntN(
            32,
            scalarOf(arg, () => undefined, `the argument of ${name}()`),
          ),
        );
        if (name === 'f32')
          return { type: FLOAT, place: { kind: 'value', bytes: bytesOf(BigInt(v >>> 0), 4) } };
        return name === 'u32' ? int(v >>> 0, UINT) : int(name === 's8' ? (v << 24) >> 24 : (v << 16) >> 16);
      };
    },
    unknown: (name) =>
      `unknown name '${name}' (${hasC() ? 'not a C variable here; ' : ''}machine names: ${INDEXED.map((n) => `${n}[i]`).join(', ')}, ${SCALARS.join(', ')}, ${FUNCTIONS.map((n) => `${n}(x)`).join(', ')})`,
  };
}

/** A parsed expression, evaluated against any stopped state. */
export class Expression {
  private readonly parsed: CExpression;

  constructor(readonly text: string) {
    this.parsed = parseCExpression(text);
  }

  /** The value, with the frame it was read in. */
  value(m: MachineView): Evaluated {
    let frame: CFrame | undefined | null = null;
    const cFrame = () => {
      if (frame === null) frame = m.cFrame?.();
      return frame;
    };
    let usedC = false;
    const memory: MemoryReader = (a, n) => cFrame()?.memory(a, n);
    // The C names come from the frame, built only when a name is first looked up.
    const view: CExpressionFrame = {
      get program() {
        return cFrame()?.program;
      },
      memory,
      lookup: (name) => {
        const v = cFrame()?.lookup(name);
        if (v) usedC = true;
        return v;
      },
      variableValue: (v) => {
        usedC = true;
        return (cFrame() as CFrame).valueOf(v);
      },
    };
    const names = machineNames(m, () => cFrame()?.function !== undefined);
    let usedMachine = false;
    const used = <T>(x: T) => {
      if (x !== undefined) usedMachine = true;
      return x;
    };
    const value = evaluateCExpression(this.parsed, view, {
      value: (n) => used(names.value?.(n)),
      indexed: (n) => used(names.indexed?.(n)),
      call: (n) => used(names.call?.(n)),
      unknown: names.unknown,
    });
    return { value, machineOnly: usedMachine && !usedC, memory };
  }

  /** The value as a number (integers and pointers; 32-bit machine values as int32, u32() unsigned). */
  evaluate(m: MachineView): number {
    const { value, memory } = this.value(m);
    return Number(scalarOf(value, memory, `'${this.text}'`));
  }

  /** Whether the condition holds: C truthiness (nonzero, non-null). */
  holds(m: MachineView): boolean {
    const { value, memory } = this.value(m);
    return isTrue(value, memory, `'${this.text}'`);
  }
}
