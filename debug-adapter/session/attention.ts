// The `attentionHits` request (../shared/spec/interfaces.md): at a step (the current one by
// default, or any earlier one), every attention head with its layer, index, kind, lookup name,
// the positions it selected, the tokens there, what each token was and the step that wrote it.
// Every engine (native, JS, graph evaluator) records every position's selections in the same
// compressed log (SelectionLog, about 5 bytes per position), so any earlier step answers at once
// and the answer is the same whichever engine runs; passthrough heads always read their own
// position. The answer also carries a small window of the token stream for the Attention view's
// arcs (attention-window.ts).
import { readModel } from '../../engine/weights/file';
import type { HeadInfo } from '../../engine/weights/model';
import type { Launched } from '../runtime/launch';
import { type AttentionWindow, attentionWindow } from './attention-window';

export interface AttentionHit {
  readonly layer: number;
  readonly head: number;
  readonly kind: HeadInfo['kind'];
  readonly lookup: string;
  readonly values: readonly string[];
  /** Positions selected: one (latest tie), or the first and last of the tied span (average). */
  readonly positions: readonly number[];
  /** How many positions tied. */
  readonly count: number;
  /** At each selected position: the token, what it was, and the step that wrote it. */
  readonly tokens: readonly { token: string; what: string; step?: number }[];
}

export interface AttentionAnswer {
  readonly step: number;
  /** The position whose forward pass these selections belong to. */
  readonly position: number;
  readonly heads: readonly AttentionHit[];
  /** The tokens around the position and around every selected one (attention-window.ts). */
  readonly window: AttentionWindow;
}

const heads = new Map<string, HeadInfo[][]>();

export function attentionHits(l: Launched, step: number | undefined): AttentionAnswer {
  const r = l.runtime;
  const target = step ?? r.step;
  const position = r.positionBefore(target);
  const log = r.engine.selectionsAt(position);
  if (!log) throw new Error(`position ${position} was not recorded`);
  let info = heads.get(l.modelFile);
  if (!info) {
    info = readModel(l.modelFile).layers.map((layer) => [...layer.heads]);
    heads.set(l.modelFile, info);
  }
  const logged = new Map(log.heads.map(([layer, head], i) => [`${layer}:${head}`, log.selected[i]]));
  const hits: AttentionHit[] = [];
  info.forEach((layer, li) => {
    layer.forEach((h, hi) => {
      if (h.kind === 'unused') return;
      let positions: number[];
      let count = 1;
      if (h.kind === 'passthrough') positions = [position];
      else {
        const selected = logged.get(`${li}:${hi}`);
        if (selected === undefined) return;
        if (h.tie === 'average') {
          count = selected;
          positions = count > 1 ? [position - count + 1, position] : [position];
        } else positions = [selected];
      }
      hits.push({
        layer: li,
        head: hi,
        kind: h.kind,
        lookup: h.lookup,
        values: h.values,
        positions,
        count,
        tokens: positions.map((p) => r.describe(p)),
      });
    });
  });
  return { step: target, position, heads: hits, window: attentionWindow(r, position, hits) };
}
