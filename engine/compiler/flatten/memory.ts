// What the flat code keeps in the machine's memory rather than on its stack: WebAssembly globals,
// each a word at a fixed address (an i64 global's high word after all the globals' first words),
// and the memory size. Writes of global 0, the C stack pointer, are
// checked against the bottom of the C stack so that a stack overflow traps instead of silently
// overwriting the static data below it.
import { TrapCode } from '../../vm/traps';
import type { WasmModule } from '../../wasm/decoder';
import { W } from '../../wasm/wasm-opcodes';
import type { FunctionState } from './state';

/**
 * Memory address of global word `i`: word i < n (the module's global count) is global i (an i64
 * global's low word), word n + k the high word of the k-th i64 global. The C stack pointer is 0.
 */
export const globalAddress = (i: number) => 8 + 4 * i;

/** The global words of a module: one per global plus one per i64 global. */
export const globalWordCount = (module: WasmModule) =>
  module.globals.length + module.globals.filter((g) => g.type === 'i64').length;

/** The word index of i64 global `i`'s high word. */
function highWord(module: WasmModule, i: number): number {
  let k = 0;
  for (let j = 0; j < i; j++) if (module.globals[j].type === 'i64') k++;
  return module.globals.length + k;
}

/** The initial value of global word `i` (see globalAddress). */
export function globalInitWord(module: WasmModule, i: number): number {
  const n = module.globals.length;
  if (i < n) return module.globals[i]?.init ?? 0;
  const i64s = module.globals.filter((g) => g.type === 'i64');
  return i64s[i - n]?.initHigh ?? 0;
}

/** global.get / global.set: a load or store of the global's word. */
export function accessGlobal(s: FunctionState, op: number, imm: number, offset: number): void {
  const { b, ctx, stack } = s;
  const g = s.module.globals[imm];
  if (g && g.type !== 'i32' && g.type !== 'i64') {
    const what = g.type.startsWith('f') ? 'floating point is' : `${g.type} globals are`;
    s.unsupported(op, offset, `${what} not supported (global ${imm} has type ${g.type})`);
    // The value's type still goes on (or comes off) the stack, so what follows is checked too.
    if (op === W.GLOBAL_GET) stack.push('i32');
    else stack.pop();
    return;
  }
  if (g?.type === 'i64') {
    accessGlobal64(s, op, globalAddress(imm), globalAddress(highWord(s.module, imm)));
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

/** global.get / global.set of an i64 global: its two words, low word below. */
function accessGlobal64(s: FunctionState, op: number, low: number, high: number): void {
  const { b, stack } = s;
  b.as('global', () => {
    if (op === W.GLOBAL_GET) {
      for (const address of [low, high]) {
        b.emit('i32.const', address);
        b.emit('i32.load', 0);
      }
      stack.push('i64');
      return;
    }
    const [lo, hi] = [s.temp('global'), s.temp('global_hi')];
    b.emit('local.set', hi);
    b.emit('local.set', lo);
    for (const [address, word] of [
      [low, lo],
      [high, hi],
    ]) {
      b.emit('i32.const', address);
      b.emit('local.get', word);
      b.emit('i32.store', 0);
    }
    stack.pop('i64');
  });
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
