// Zero-initialization of the locals that need it.
import type { FlatInstr, FunctionBuilder } from './function-builder';

/**
 * WebAssembly zeroes a function's locals on entry; the machine's locals hold whatever was last
 * written at that call depth. Find the locals some path reads before writing (a forward
 * definite-assignment analysis over the flat code) and zero just those after the parameters.
 */
export function zeroInitLocals(b: FunctionBuilder, params: number): void {
  const { code, labels } = b;
  const n = code.length;
  const words = (b.localCount + 31) >>> 5;
  if (n === 0 || words === 0) return;
  // in[i]: locals definitely assigned on entry to instruction i (all ones = not yet reached).
  const state = new Uint32Array((n + 1) * words).fill(0xffffffff);
  for (let w = 0; w < words; w++) state[w] = 0;
  const needsInit = new Set<number>();
  const work: number[] = [0];
  const queued = new Uint8Array(n + 1);
  queued[0] = 1;
  const cur = new Uint32Array(words);
  const flow = (to: number) => {
    if (to < 0 || to >= n) return;
    let changed = false;
    for (let w = 0; w < words; w++) {
      const merged = (state[to * words + w] & cur[w]) >>> 0;
      if (merged !== state[to * words + w]) {
        state[to * words + w] = merged;
        changed = true;
      }
    }
    if (changed && !queued[to]) {
      queued[to] = 1;
      work.push(to);
    }
  };
  while (work.length) {
    const i = work.pop()!;
    queued[i] = 0;
    cur.set(state.subarray(i * words, (i + 1) * words));
    const ins = code[i];
    const k = ins.imm;
    if (ins.op === 'local.get' && !(cur[k >>> 5] & (1 << (k & 31)))) needsInit.add(k);
    if (ins.op === 'local.set' || ins.op === 'local.tee') cur[k >>> 5] |= 1 << (k & 31);
    if (ins.op === 'br') flow(labels[ins.label!]);
    else if (ins.op === 'br_if') {
      flow(labels[ins.label!]);
      flow(i + 1);
    } else if (ins.op !== 'return' && ins.op !== 'halt') flow(i + 1);
  }
  if (needsInit.size === 0) return;
  const inits: FlatInstr[] = [];
  for (const k of [...needsInit].sort((x, y) => x - y)) {
    inits.push({ op: 'i32.const', imm: 0, offset: code[0]?.offset ?? -1, kind: 'prologue' });
    inits.push({ op: 'local.set', imm: k, offset: code[0]?.offset ?? -1, kind: 'prologue' });
  }
  code.splice(params, 0, ...inits);
  for (let l = 0; l < labels.length; l++) if (labels[l] >= params) labels[l] += inits.length;
}
