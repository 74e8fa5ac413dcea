// Where the Attention view draws its arcs: the token stream of an `attentionHits` answer's window
// laid out as a row of token boxes (the recent stretch up to the current position), grouped by
// instruction (one bracket per step, or per program instruction, labelled with its opcode), and
// one arc from the current position to every selected position — to its token when it is in the
// row, else to a marker at the row's left edge that gives the distance. Arcs to the same place
// from heads of the same kind are one arc, labelled with their lookups. Pure data (no vscode, no
// DOM), so it is computed and tested here and the webview only draws it (attention-view.ts).
import type { AttentionAnswer } from '../debug-adapter/session/attention';
import type { WindowToken } from '../debug-adapter/session/attention-window';

export type ArcKind = 'lookup' | 'gather' | 'average' | 'passthrough';

export interface TokenBox {
  readonly x: number;
  readonly width: number;
  readonly text: string;
  /** The full token, position and what it is (a tooltip). */
  readonly title: string;
  readonly position: number;
  /** The step to travel to (the one after the step that wrote it), when a step wrote it. */
  readonly travel?: number;
  readonly current: boolean;
}

export interface GroupBox {
  readonly x: number;
  readonly width: number;
  readonly label: string;
  readonly title: string;
}

export interface Arc {
  readonly kind: ArcKind;
  /** From the current token's centre to the target's centre (or the edge marker's). */
  readonly x1: number;
  readonly x2: number;
  /** How high the arc rises above the token row. */
  readonly height: number;
  readonly label: string;
  readonly title: string;
  readonly travel?: number;
  /**
   * Far: the target is left of the row; the arc ends at an edge marker, the `row`-th from the top
   * of the edge column, labelled with the distance back; `snippet`: the tokens around the target.
   */
  readonly far?: {
    readonly row: number;
    readonly distance: string;
    readonly snippet: readonly { readonly text: string; readonly target: boolean }[];
  };
}

export interface ArcLayout {
  readonly width: number;
  /** Height of the arc area above the token row. */
  readonly arcSpace: number;
  readonly tokens: readonly TokenBox[];
  readonly groups: readonly GroupBox[];
  readonly arcs: readonly Arc[];
  /** Width of the edge column holding far markers. */
  readonly edge: number;
}

const CHAR = 7;
const PAD = 6;
const GAP = 2;
export const EDGE = 84;
const MAX_ARC = 120;
/** Vertical spacing of the far markers in the edge column. */
export const FAR_ROW = 16;

/** A token's text as the row shows it: commits shortened (the tooltip has the full token). */
export function shortToken(token: string): string {
  const commit = /^commit\(([+-]\d+),sts=(\d),bt=(\d)\)$/.exec(token);
  if (commit) return `commit${commit[1]}${commit[2] === '1' ? ' s' : ''}${commit[3] === '1' ? ' b' : ''}`;
  if (token === 'branch_taken') return 'br↷';
  return token;
}

const groupKey = (t: WindowToken) =>
  t.step !== undefined ? `s${t.step}` : t.instruction !== undefined ? `i${t.instruction}` : `p${t.position}`;

/** Tokens the row keeps however narrow the view. */
const MIN_ROW_TOKENS = 4;

const boxWidth = (t: WindowToken) => Math.max(2, shortToken(t.token).length) * CHAR + PAD;

/**
 * The layout of an answer in a view `maxWidth` pixels wide: the row keeps the latest tokens that
 * fit (at least a few), and what the heads selected left of them goes to edge markers.
 */
export function layoutArcs(answer: AttentionAnswer, maxWidth = Number.POSITIVE_INFINITY): ArcLayout {
  const { window, position } = answer;
  const byPosition = new Map(window.tokens.map((t) => [t.position, t]));
  let recent = window.tokens.filter((t) => t.position >= window.recentFrom && t.position <= position);
  let used = EDGE;
  let keep = 0;
  for (let i = recent.length - 1; i >= 0; i--) {
    used += boxWidth(recent[i]) + GAP;
    if (used > maxWidth && keep >= MIN_ROW_TOKENS) break;
    keep++;
  }
  recent = recent.slice(recent.length - keep);
  // Tokens left to right after the edge column.
  const tokens: TokenBox[] = [];
  const centre = new Map<number, number>();
  let x = EDGE;
  for (const t of recent) {
    const text = shortToken(t.token);
    const width = boxWidth(t);
    tokens.push({
      x,
      width,
      text,
      title: `${t.token} at position ${t.position}${t.step !== undefined ? `, written by step ${t.step} (${t.op})` : t.op ? `, instruction ${t.instruction} (${t.op})` : ''}`,
      position: t.position,
      travel: t.step !== undefined ? t.step + 1 : undefined,
      current: t.position === position,
    });
    centre.set(t.position, x + width / 2);
    x += width + GAP;
  }
  const width = x;
  // One bracket per run of tokens of the same step (or program instruction).
  const groups: GroupBox[] = [];
  for (let i = 0; i < recent.length; ) {
    let j = i;
    while (j + 1 < recent.length && groupKey(recent[j + 1]) === groupKey(recent[i])) j++;
    const t = recent[i];
    const a = tokens[i];
    const b = tokens[j];
    groups.push({
      x: a.x,
      width: b.x + b.width - a.x,
      label: t.op ?? '',
      title: t.step !== undefined ? `step ${t.step}: ${t.op} (instruction ${t.instruction})` : (t.op ?? ''),
    });
    i = j + 1;
  }
  // Arcs: per (target, kind), the lookups that selected it.
  const from = centre.get(position) ?? width;
  const merged = new Map<string, { kind: ArcKind; target: number; lookups: string[]; count: number }>();
  for (const h of answer.heads) {
    if (h.kind === 'unused') continue;
    const target = h.positions[0];
    const key = `${h.kind}:${target}`;
    const m = merged.get(key) ?? { kind: h.kind, target, lookups: [], count: h.count };
    if (!m.lookups.includes(h.lookup)) m.lookups.push(h.lookup);
    merged.set(key, m);
  }
  const far = [...merged.values()].filter((m) => !centre.has(m.target)).sort((a, b) => a.target - b.target);
  const farY = new Map(far.map((m, i) => [m, i]));
  const arcs: Arc[] = [...merged.values()].map((m) => {
    const target = byPosition.get(m.target);
    const distance = position - m.target;
    const span = m.kind === 'average' ? ` (mean of ${m.count.toLocaleString('en-US')} positions)` : '';
    const label = m.lookups.join(', ') + (m.kind === 'average' ? ' ⌀' : '');
    const travel = target?.step !== undefined ? target.step + 1 : undefined;
    const title = `${m.kind} ${m.lookups.join(', ')}${span}: position ${m.target} (${distance.toLocaleString('en-US')} back), ${target ? shortToken(target.token) : ''}${target?.step !== undefined ? `, written by step ${target.step} (${target.op})` : target?.op ? `, program instruction ${target.instruction} (${target.op})` : ''}`;
    const x2 = centre.get(m.target);
    if (x2 !== undefined) {
      const height =
        distance === 0 ? 10 : Math.min(MAX_ARC, 14 + ((from - x2) / Math.max(1, width)) * MAX_ARC);
      return { kind: m.kind, x1: from, x2, height, label, title, travel };
    }
    const snippet: { text: string; target: boolean }[] = [];
    for (let p = m.target - 2; p <= m.target + 2; p++) {
      const t = byPosition.get(p);
      if (t) snippet.push({ text: shortToken(t.token), target: p === m.target });
    }
    return {
      kind: m.kind,
      x1: from,
      x2: EDGE - 4,
      height: MAX_ARC,
      label,
      title,
      travel,
      far: { row: farY.get(m) ?? 0, distance: `−${distance.toLocaleString('en-US')}`, snippet },
    };
  });
  return {
    width,
    arcSpace: Math.max(MAX_ARC + 16, far.length * FAR_ROW + 12),
    tokens,
    groups,
    arcs,
    edge: EDGE,
  };
}
