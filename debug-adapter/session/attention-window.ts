// The token stream around an attention answer, for the Attention view's arcs: the last tokens up
// to the position (whole instructions where that costs a few more), and a few tokens around every
// position a head selected further back, each with its text and where it belongs (the step that
// wrote it and that step's opcode, or the program instruction it encodes). Small by construction:
// at most RECENT + SLACK tokens plus NEIGHBOURS on each side of each distinct far target.
import type { MachineRuntime } from '../runtime/runtime';

export interface WindowToken {
  readonly position: number;
  readonly token: string;
  /** The step that wrote it (trace tokens). */
  readonly step?: number;
  /** The instruction its step ran, or (program section) the instruction it encodes. */
  readonly instruction?: number;
  readonly op?: string;
}

export interface AttentionWindow {
  /** Tokens from `recentFrom` to the answer's position are all present (the recent stretch). */
  readonly recentFrom: number;
  /** Every token of the window, by position (the recent stretch and the far targets' neighbours). */
  readonly tokens: readonly WindowToken[];
}

/** Tokens up to the position always shown. */
export const RECENT = 40;
/** More tokens allowed before the recent stretch to start it at an instruction's first token. */
const SLACK = 8;
/** Tokens shown on each side of a selected position outside the recent stretch. */
export const NEIGHBOURS = 2;

export function attentionWindow(
  r: Pick<MachineRuntime, 'place'>,
  position: number,
  hits: readonly { readonly positions: readonly number[] }[],
): AttentionWindow {
  const at = new Map<number, WindowToken>();
  const add = (p: number) => {
    if (p < 0 || p > position || at.has(p)) return;
    const { token, step, instruction, op } = r.place(p);
    at.set(p, { position: p, token, step, instruction, op });
  };
  let recentFrom = Math.max(0, position - RECENT + 1);
  for (let p = recentFrom; p <= position; p++) add(p);
  // Back to the first token of the instruction the stretch starts in, when that is near.
  const group = (p: number) => {
    const t = at.get(p);
    return t?.step !== undefined
      ? `s${t.step}`
      : t?.instruction !== undefined
        ? `i${t.instruction}`
        : `p${p}`;
  };
  const first = group(recentFrom);
  while (recentFrom > 0 && recentFrom > position - RECENT - SLACK + 1) {
    add(recentFrom - 1);
    if (group(recentFrom - 1) !== first) {
      at.delete(recentFrom - 1);
      break;
    }
    recentFrom--;
  }
  for (const h of hits)
    for (const t of h.positions)
      if (t < recentFrom) for (let p = t - NEIGHBOURS; p <= t + NEIGHBOURS; p++) add(p);
  return { recentFrom, tokens: [...at.values()].sort((a, b) => a.position - b.position) };
}
