// What the flattener knows about one function while it lowers the body: the builder the flat code
// goes into, the typed operand stack, the open blocks, whether the code is reachable, the locals'
// machine slots, and where errors go. Every lowering in this folder takes it as `s`.
import type { FunctionBody, ValType, WasmModule } from '../../wasm/decoder';
import { wasmOpName } from '../../wasm/decoder';
import type { Diagnostic } from '../diagnostics';
import { FunctionBuilder } from '../function-builder';
import type { Frame } from './control-flow';
import { type LocalLayout, layoutLocals } from './locals';
import { OperandStack, type Val } from './operand-stack';

export interface FlattenContext {
  readonly module: WasmModule;
  /** Function index of the `output_byte` import, if any. */
  readonly outputImport?: number;
  /**
   * Lowest address of the C stack: every write of the stack pointer (global 0) is checked against
   * it and traps with TrapCode.stackOverflow below it. Undefined: no check (no known C stack).
   */
  readonly stackLow?: number;
  readonly diagnostics: Diagnostic[];
}

export class FunctionState {
  readonly fn: FunctionBody;
  readonly ctx: FlattenContext;
  readonly module: WasmModule;
  readonly locals: LocalLayout;
  readonly b: FunctionBuilder;
  readonly stack = new OperandStack();
  /** The open blocks, innermost last; the function's own frame is first. */
  readonly frames: Frame[] = [];
  /** False after an unconditional branch: the code up to the next `else` or `end` is dead. */
  reachable = true;
  /** Stack-pointer checks whose trapping halt goes after the function's code. */
  readonly stackTraps: { label: number; offset: number }[] = [];

  constructor(fn: FunctionBody, ctx: FlattenContext) {
    this.fn = fn;
    this.ctx = ctx;
    this.module = ctx.module;
    this.locals = layoutLocals(this);
    this.b = new FunctionBuilder(this.locals.slotCount);
  }

  /** Reports an unsupported construct at `offset` (a WebAssembly byte offset). */
  unsupported(op: number, offset: number, message = unsupportedReason(op)): void {
    this.ctx.diagnostics.push({
      message,
      wasmOffset: offset,
      functionName: this.module.functionNames.get(this.fn.index),
    });
  }

  /** The stack type of a WebAssembly value type; anything but i32, i64, f32 and f64 is an error. */
  toVal(t: ValType, offset: number): Val {
    if (t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64') return t;
    this.unsupported(0, offset, `${t} is not supported (a value of type ${t})`);
    return 'i32';
  }

  /** A scratch local of the function (FunctionBuilder.scratch): one per name. */
  temp(name: string): number {
    return this.b.scratch(name);
  }
}

/** Why an opcode cannot run, in words a C programmer recognizes. */
function unsupportedReason(op: number): string {
  const name = wasmOpName(op);
  if (/^memory\.|^data\./.test(name)) return `bulk memory operations are not supported (${name})`;
  if (/^table\.|^elem\.|^ref\./.test(name)) return `tables and references are not supported (${name})`;
  return `${name} is not supported by the machine`;
}
