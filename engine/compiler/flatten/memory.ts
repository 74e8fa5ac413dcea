// What the flat code keeps in the machine's memory rather than on its stack: WebAssembly globals,
// each a word at a fixed address, and the memory size. Writes of global 0, the C stack pointer, are
// checked against the bottom of the C stack so that a stack overflow traps instead of silently
// overwriting the static data below it.
import { TrapCode } from '../../vm/traps';
import { W } from '../../wasm/wasm-opcodes';
import type { FunctionState } from './state';

/** Memory address of WebAssembly global `i` (the C stack pointer is global 0). */
export const globalAddress = (i: number) => 8 + 4 * i;

/** global.get / global.set: a load or store of the global's word. */
export function accessGlobal(s: FunctionState, op: number, imm: number, offset: number): void {
  const { b, ctx, stack } = s;
  const g = s.module.globals[imm];
  if (g && g.type !== 'i32') {
    s.unsupported(op, offset, `global ${imm} has type ${g.type}; only i32 globals are supported`);
    return;
  }
  b.as('global', () => {
    if (op === W.GLOBAL_GET) {
      b.emit('i32.const', globalAddress(imm));
      b.emit('i32.load', 0);
      return;
    }
    const globalTemp = s.temp('global');
    if (imm === 0 && ctx.stackLow !== undefined) {
      // The new stack pointer must not go below the C stack (into the static data): check it
      // before it is stored, trapping at a halt of its own (placed after the function's code).
      b.emit('local.tee', globalTemp);
      const overflow = b.newLabel();
      const stackLow = ctx.stackLow;
      b.as('lowered', () => {
        b.emit('i32.const', stackLow);
        b.emit('i32.lt_u');
        b.branch('br_if', overflow);
      });
      s.stackTraps.push({ label: overflow, offset });
    } else b.emit('local.set', globalTemp);
    b.emit('i32.const', globalAddress(imm));
    b.emit('local.get', globalTemp);
    b.emit('i32.store', 0);
  });
  if (op === W.GLOBAL_GET) stack.push('i32');
  else stack.pop('i32');
}

/** The halts the stack-pointer checks branch to, after the function's code, each at its global.set. */
export function emitStackOverflowTraps(s: FunctionState): void {
  const { b } = s;
  b.as('global', () => {
    for (const t of s.stackTraps) {
      b.offset = t.offset;
      b.bind(t.label);
      b.emit('halt', TrapCode.stackOverflow);
    }
  });
}

/** memory.size: the memory is fixed, so its size is a constant. */
export function memorySize(s: FunctionState): void {
  s.b.as('lowered', () => s.b.emit('i32.const', s.module.memoryPages));
  s.stack.push('i32');
}
