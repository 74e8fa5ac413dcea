// The `attentionHits` request: what every attention head selected. The native engine reports the
// selections of the last position it ran; the answer is given for the step whose first token
// that position predicts, with the token found at each selected position.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { readModel } from '../../engine/weights/file';
import type { HeadInfo } from '../../engine/weights/model';
import type { Launched } from '../runtime/launch';

export interface AttentionHit {
  readonly layer: number;
  readonly head: number;
  readonly kind: HeadInfo['kind'];
  readonly lookup: string;
  readonly values: readonly string[];
  /** Selected positions: one (latest tie), or the first and last of a tied span. */
  readonly positions: readonly number[];
  readonly count: number;
  /** The token at each selected position. */
  readonly tokens: readonly string[];
}

const heads = new Map<string, HeadInfo[][]>();

export function attentionHits(l: Launched, step: number | undefined): DebugProtocol.Response['body'] {
  const r = l.runtime;
  const selections = r.engine.selections();
  if (!selections) throw new Error(`the ${l.engine} engine does not report attention; use the native engine`);
  const engineStep = r.recordedSteps;
  if (step !== undefined && step !== r.step)
    throw new Error(`attention is available for the current step (${r.step})`);
  if (r.step !== engineStep || r.isRunning)
    throw new Error(
      `the engine has run ahead to step ${engineStep}; attention is reported where the engine stands (continue or step to it)`,
    );
  let info = heads.get(l.modelFile);
  if (!info) {
    info = readModel(l.modelFile).layers.map((layer) => [...layer.heads]);
    heads.set(l.modelFile, info);
  }
  const tokenAt = (p: number) => r.tokenAt(p);
  const hits: AttentionHit[] = [];
  info.forEach((layer, li) => {
    layer.forEach((h, hi) => {
      if (h.kind === 'unused') return;
      const s = selections[li][hi];
      const positions = s.count > 1 && s.position !== s.last ? [s.position, s.last] : [s.position];
      hits.push({
        layer: li,
        head: hi,
        kind: h.kind,
        lookup: h.lookup,
        values: h.values,
        positions,
        count: s.count,
        tokens: positions.map(tokenAt),
      });
    });
  });
  return { step: r.step, position: r.position - 1, heads: hits };
}
