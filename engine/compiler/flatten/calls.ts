// Calls. A call of a compiled function is the machine's `call` (the callee pops its own arguments
// in its prologue). Of the imports only these can be called: output_byte, which is the machine's
// `output`; tvm.trap, which halts with a constant trap code; tvm.exit and tvm.abort (the C
// runtime's end of a run), which halt with the codes of engine/vm/program-end.ts. An indirect
// call (through a function pointer) dispatches on the table index to a direct `call` of each
// possible target.
import { ABORT_HALT, EXIT_HALT } from '../../vm/program-end';
import { TrapCode } from '../../vm/traps';
import type { FuncType, WasmModule } from '../../wasm/decoder';
import type { FunctionState } from './state';
import { emitSearch, runsOf } from './switch-tree';

export function call(s: FunctionState, op: number, imm: number, offset: number): void {
  const { b, module, stack } = s;
  if (imm < module.importedFunctionCount) {
    const imp = module.imports.filter((i) => i.kind === 'func')[imm];
    if (imm === s.ctx.outputImport) {
      b.emit('output');
      stack.pop('i32');
    } else if (imp.module === 'tvm' && imp.name === 'trap') {
      // (import "tvm" "trap" (func (param i32))) called with a constant: halt with that trap code.
      const code = b.takeConstant();
      stack.pop('i32');
      if (code === undefined || code === 0)
        s.unsupported(op, offset, 'tvm.trap must be called with a constant non-zero trap code');
      else b.emit('halt', code);
      s.reachable = false;
    } else if (imp.module === 'tvm' && imp.name === 'exit') {
      // (import "tvm" "exit" (func (param i32))): the status stays on the operand stack, where the
      // halt leaves it; the trace's tokens that pushed it are what says the exit status.
      b.emit('halt', EXIT_HALT);
      stack.pop('i32');
      s.reachable = false;
    } else if (imp.module === 'tvm' && imp.name === 'abort') {
      b.emit('halt', ABORT_HALT);
      s.reachable = false;
    } else {
      s.unsupported(
        op,
        offset,
        `call to import ${imp.name} (module '${imp.module}') is not supported: the only import a program may use is output_byte (putchar)`,
      );
    }
    return;
  }
  const callee = module.functions[imm - module.importedFunctionCount];
  const ct = module.types[callee.typeIndex];
  b.emit('call', 0, { callee: { fn: imm } });
  for (let i = 0; i < ct.params.length; i++) stack.pop();
  for (const t of ct.results) stack.push(s.toVal(t, offset));
}

/** WebAssembly's type equality for function types: the same parameter and result types. */
function sameType(a: FuncType, b: FuncType): boolean {
  const eq = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((t, i) => t === y[i]);
  return eq(a.params, b.params) && eq(a.results, b.results);
}

/** The type of function `index` (imported or defined). */
function typeOfFunction(module: WasmModule, index: number): FuncType | undefined {
  const typeIndex =
    index < module.importedFunctionCount
      ? module.imports.filter((i) => i.kind === 'func')[index]?.typeIndex
      : module.functions[index - module.importedFunctionCount]?.typeIndex;
  return typeIndex === undefined ? undefined : module.types[typeIndex];
}

/** What an indirect call does for one table index. */
type Outcome = { readonly trap: number } | { readonly fn: number };

/**
 * call_indirect (type T): the table index is on top of the arguments. The table cannot change
 * (MVP has no table instructions), so every slot's outcome is known now: a null slot or an index
 * past the table traps (TrapCode.indirectCallNull), a function whose type is not T traps
 * (TrapCode.indirectCallSignature), and each other function gets a direct `call`, so the callee
 * pops the arguments as in a direct call and call stacks look the same to the debugger.
 */
export function callIndirect(s: FunctionState, typeIndex: number, tableIndex: number, offset: number): void {
  const { b, module, stack } = s;
  const want = module.types[typeIndex];
  const table = module.table;
  stack.pop('i32');
  if (!want || tableIndex !== 0 || !table) {
    s.unsupported(
      0x11,
      offset,
      !want
        ? `call_indirect of unknown type ${typeIndex}`
        : 'call_indirect needs table 0 (the function table)',
    );
    s.reachable = false;
    return;
  }
  const outcomes: Outcome[] = table.map((fn) => {
    if (fn === null) return { trap: TrapCode.indirectCallNull };
    const t = typeOfFunction(module, fn);
    if (!t || !sameType(t, want)) return { trap: TrapCode.indirectCallSignature };
    if (fn >= module.importedFunctionCount) return { fn };
    const imp = module.imports.filter((i) => i.kind === 'func')[fn];
    s.unsupported(
      0x11,
      offset,
      `call_indirect may call import ${imp.name} (module '${imp.module}') through the table: only functions compiled into the program can be called through a function pointer`,
    );
    return { trap: TrapCode.indirectCallNull }; // not run: the diagnostic stops the compilation
  });
  const runs = runsOf<Outcome>(outcomes, { trap: TrapCode.indirectCallNull }, (o) =>
    'fn' in o ? `fn${o.fn}` : `trap${o.trap}`,
  );
  const done = b.newLabel();
  b.as('lowered', () => {
    const index = s.temp('call_indirect');
    b.emit('local.set', index);
    emitSearch(b, index, runs, (o) => {
      if ('trap' in o) {
        b.emit('halt', o.trap);
        return;
      }
      b.as('body', () => b.emit('call', 0, { callee: { fn: o.fn } }));
      b.branch('br', done);
    });
  });
  // The last leaf's branch would jump to the next instruction.
  const last = b.lastMergeable();
  if (last?.op === 'br' && last.label === done) b.code.pop();
  b.bind(done);
  for (let i = 0; i < want.params.length; i++) stack.pop();
  for (const t of want.results) stack.push(s.toVal(t, offset));
}
