// What the flat code keeps in the machine's memory rather than on its stack: WebAssembly globals,
// each a word at a fixed address (an i64 or f64 global's high word after all the globals' first words),
// and the memory size. Writes of global 0, the C stack pointer, are
// checked against the bottom of the C stack so that a stack overflow traps instead of silently
// overwriting the static data below it. memory.grow counts pages in a reserved word.
import { MEMORY_SIZE } from '../../tokens/limits';
import { TrapCode } from '../../vm/traps';
import { type WasmModule, wasmOpName } from '../../wasm/decoder';
import { W } from '../../wasm/wasm-opcodes';
import type { Val } from './operand-stack';
import type { FunctionState } from './state';

/**
 * Memory address of global word `i`: word i < n (the module's global count) is global i (an i64
 * global's low word), word n + k the high word of the k-th i64 global. The C stack pointer is 0.
 */
export const globalAddress = (i: number) => 8 + 4 * i;

const isNumberType = (t: string): t is Val => t === 'i32' || t === 'i64' || t === 'f32' || t === 'f64';

/** An i64 or f64 global: two words. */
const isPairGlobal = (g: { type: string } | undefined) => g?.type === 'i64' || g?.type === 'f64';

/** The global words of a module: one per global plus one per i64 or f64 global. */
export const globalWordCount = (module: WasmModule) =>
  module.globals.length + module.globals.filter(isPairGlobal).length;

/** The word index of i64 or f64 global `i`'s high word. */
function highWord(module: WasmModule, i: number): number {
  let k = 0;
  for (let j = 0; j < i; j++) if (isPairGlobal(module.globals[j])) k++;
  return module.globals.length + k;
}

/** The initial value of global word `i` (see globalAddress). */
export function globalInitWord(module: WasmModule, i: number): number {
  const n = module.globals.length;
  if (i < n) return module.globals[i]?.init ?? 0;
  const i64s = module.globals.filter(isPairGlobal);
  return i64s[i - n]?.initHigh ?? 0;
}

/** global.get / global.set: a load or store of the global's word. */
export function accessGlobal(s: FunctionState, op: number, imm: number, offset: number): void {
  const { b, ctx, stack } = s;
  const g = s.module.globals[imm];
  if (g && !isNumberType(g.type)) {
    s.unsupported(op, offset, `${g.type} globals are not supported (global ${imm} has type ${g.type})`);
    // The value's type still goes on (or comes off) the stack, so what follows is checked too.
    if (op === W.GLOBAL_GET) stack.push('i32');
    else stack.pop();
    return;
  }
  const type: Val = g && isNumberType(g.type) ? g.type : 'i32';
  if (isPairGlobal(g)) {
    accessGlobal64(s, op, type, globalAddress(imm), globalAddress(highWord(s.module, imm)));
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
  if (op === W.GLOBAL_GET) stack.push(type);
  else stack.pop(type);
}

/** global.get / global.set of an i64 or f64 global: its two words, low word below. */
function accessGlobal64(s: FunctionState, op: number, type: Val, low: number, high: number): void {
  const { b, stack } = s;
  b.as('global', () => {
    if (op === W.GLOBAL_GET) {
      for (const address of [low, high]) {
        b.emit('i32.const', address);
        b.emit('i32.load', 0);
      }
      stack.push(type);
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
    stack.pop(type);
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

/**
 * The word that counts the 64 KiB pages memory.grow has added (docs/token-programs.md, memory
 * layout): the last word below the static data at 1024. It starts at zero with the rest of memory,
 * so it needs no initialization, and it exists only in programs that use memory.grow.
 */
export const GROWN_PAGES_ADDRESS = 1020;

/** Pages the machine's memory holds: memory.grow fails beyond them. */
export const MACHINE_PAGES = MEMORY_SIZE / 65536;

const growsMemory = new WeakMap<WasmModule, boolean>();

/** Whether any function of the module grows memory (then memory.size must read the page count). */
function usesGrow(module: WasmModule): boolean {
  let uses = growsMemory.get(module);
  if (uses === undefined) {
    uses = module.functions.some((f) => f.instrs.some((i) => i.op === W.MEMORY_GROW));
    growsMemory.set(module, uses);
  }
  return uses;
}

/** The module's memory must fit in the machine's, and nothing else may live in the page counter. */
function checkPageCounter(s: FunctionState, op: number, offset: number): boolean {
  const { module } = s;
  if (module.memoryPages > MACHINE_PAGES) {
    s.unsupported(
      op,
      offset,
      `the module's memory starts with ${module.memoryPages} pages, more than the machine's ${MACHINE_PAGES} (16 MiB)`,
    );
    return false;
  }
  if (!usesGrow(module)) return true;
  const end = GROWN_PAGES_ADDRESS + 4;
  const clash = module.data.find((d) => d.offset < end && d.offset + d.bytes.length > GROWN_PAGES_ADDRESS);
  if (clash || globalAddress(globalWordCount(module)) > GROWN_PAGES_ADDRESS) {
    s.unsupported(
      op,
      offset,
      `${wasmOpName(op)} needs the word at ${GROWN_PAGES_ADDRESS} for the page count, and ${clash ? `a data segment at ${clash.offset}` : `the words of ${module.globals.length} globals`} overlap it`,
    );
    return false;
  }
  return true;
}

/** Pushes the current size in pages: the initial size plus what memory.grow added. */
function emitCurrentPages(s: FunctionState): void {
  const { b, module } = s;
  b.emit('i32.const', GROWN_PAGES_ADDRESS);
  b.emit('i32.load', 0);
  if (module.memoryPages) {
    b.emit('i32.const', module.memoryPages);
    b.emit('i32.add');
  }
}

/** memory.size: a constant when nothing grows the memory, else the initial size plus the growth. */
export function memorySize(s: FunctionState, offset: number): void {
  const { b, module } = s;
  if (checkPageCounter(s, W.MEMORY_SIZE, offset)) {
    b.as('lowered', () => {
      if (usesGrow(module)) emitCurrentPages(s);
      else b.emit('i32.const', module.memoryPages);
    });
  }
  s.stack.push('i32');
}

/**
 * memory.grow(n): as V8 grows a memory whose maximum is the machine's 256 pages (or the module's
 * declared maximum when smaller): when n more pages fit, the page count grows by n and the old
 * size is returned, otherwise -1 and nothing changes. The machine's whole memory is always
 * there and zeroed, so growing only counts; pages beyond the current size are not protected (a
 * program that uses them would trap in V8 and runs on here).
 */
export function memoryGrow(s: FunctionState, offset: number): void {
  const { b, module, stack } = s;
  stack.pop('i32');
  stack.push('i32');
  if (!checkPageCounter(s, W.MEMORY_GROW, offset)) return;
  const max = Math.min(module.memoryMaxPages ?? MACHINE_PAGES, MACHINE_PAGES);
  b.as('lowered', () => {
    const n = s.temp('grow_n');
    const old = s.temp('grow_old');
    const fail = b.newLabel();
    const done = b.newLabel();
    b.emit('local.set', n);
    emitCurrentPages(s);
    b.emit('local.set', old);
    // Fails when n > max - old, unsigned (old never exceeds max).
    b.emit('i32.const', max);
    b.emit('local.get', old);
    b.emit('i32.sub');
    b.emit('local.get', n);
    b.emit('i32.lt_u');
    b.branch('br_if', fail);
    b.emit('i32.const', GROWN_PAGES_ADDRESS);
    b.emit('i32.const', GROWN_PAGES_ADDRESS);
    b.emit('i32.load', 0);
    b.emit('local.get', n);
    b.emit('i32.add');
    b.emit('i32.store', 0);
    b.emit('local.get', old);
    b.branch('br', done);
    b.bind(fail);
    b.emit('i32.const', -1);
    b.bind(done);
  });
}
