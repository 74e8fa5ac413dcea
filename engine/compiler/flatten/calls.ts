// Calls. A call of a compiled function is the machine's `call` (the callee pops its own arguments
// in its prologue). Of the imports only these can be called: output_byte, which is the machine's
// `output`; tvm.trap, which halts with a constant trap code; tvm.exit and tvm.abort (the C
// runtime's end of a run), which halt with the codes of engine/vm/program-end.ts.
import { ABORT_HALT, EXIT_HALT } from '../../vm/program-end';
import type { FunctionState } from './state';

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
