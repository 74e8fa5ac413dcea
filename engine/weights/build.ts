// Analytic weights: a scheduled graph written down as a transformer, no training.
//
// Every dimension but the inputs' is written into one residual slot of its own. A lookup becomes
// one head per two values: query rows = its query (times the hard-max scale), key rows = its key
// with −BIG·clear added to y, value rows = its values, output rows = one-hot on the value slots.
// Persisted sums go two to a passthrough head (query = the current position, key = position, so
// it reads its own position; value rows = the sums). A ReGLU is one FFN neuron (gate row b, up
// row a, down row one-hot).
import type { Expr } from '../graph/expr';
import type { Graph } from '../graph/graph';
import type { MachineGraph } from '../machine/interpreter';
import { FoldedGraph, type Schedule } from '../schedule/plan';
import { vocabulary } from '../tokens/vocabulary';
import type { HeadInfo, LayerWeights, TransformerModel } from './model';

/** Multiplies queries: a power of two, so engines undo it exactly. */
export const HARDMAX_SCALE = 2 ** 20;
/** What a cleared row loses from its key's y: more than any real score. */
export const CLEAR_PENALTY = 2 ** 60;

export function buildWeights(
  machine: MachineGraph,
  schedule: Schedule,
  meta: Record<string, string | number> = {},
): TransformerModel {
  const graph: Graph = machine.graph;
  const folded = new FoldedGraph(graph);
  const inputs = graph.dims.filter((d) => d.kind === 'input');
  // Slots: inputs first, then what the schedule computes, in time order.
  const slotOf = new Map<number, number>();
  const slotNames: string[] = [];
  const slotTime: number[] = [];
  const assign = (id: number, time: number) => {
    slotOf.set(id, slotNames.length);
    slotNames.push(graph.dims[id].name);
    slotTime.push(time);
  };
  for (const d of inputs) assign(d.id, -1);
  const order = schedule.ops.map((op, i) => ({ op, t: schedule.times[i] })).sort((a, b) => a.t - b.t);
  for (const { op, t } of order) for (const w of op.writes) assign(w, t);
  const d = slotNames.length;
  const V = machine.embeddings.length;

  const row = (e: Expr, scale = 1): Float64Array => {
    const r = new Float64Array(d);
    for (const [id, c] of folded.fold(e)) {
      const s = slotOf.get(id);
      if (s === undefined) throw new Error(`weights: ${graph.dims[id].name} has no slot`);
      r[s] += c * scale;
    }
    return r;
  };
  const oneHot = (id: number) => {
    const r = new Float64Array(d);
    r[slotOf.get(id)!] = 1;
    return r;
  };

  const embedding = new Float64Array(V * d);
  machine.embeddings.forEach((e, t) => {
    embedding.set(row(e), t * d);
  });
  const unembedding = new Float64Array(V * d);
  machine.scores.forEach((e, t) => {
    unembedding.set(row(e), t * d);
  });

  const gatherKey = [graph.position.times(2).key, graph.positionSq.times(-1).key];
  const perLayer: {
    heads: { q: Float64Array[]; k: Float64Array[]; v: Float64Array[]; o: Float64Array[]; info: HeadInfo }[];
    neurons: { gate: Float64Array; up: Float64Array; down: Float64Array }[];
  }[] = Array.from({ length: schedule.layers }, () => ({ heads: [], neurons: [] }));
  const pendingPersists: number[][] = Array.from({ length: schedule.layers }, () => []);
  schedule.ops.forEach((op, i) => {
    const layer = perLayer[Math.floor(schedule.times[i] / 2)];
    if (op.kind === 'lookup') {
      const l = graph.lookups[op.id];
      const kind: HeadInfo['kind'] =
        l.tie === 'average'
          ? 'average'
          : !l.clear && l.key[0].key === gatherKey[0] && l.key[1].key === gatherKey[1]
            ? 'gather'
            : 'lookup';
      const q = [row(l.query[0], HARDMAX_SCALE), row(l.query[1], HARDMAX_SCALE)];
      const ky = row(l.key[1]);
      if (l.clear) {
        const [[clearId]] = [...l.clear.terms];
        ky[slotOf.get(clearId)!] -= CLEAR_PENALTY;
      }
      const k = [row(l.key[0]), ky];
      for (let v = 0; v < l.values.length; v += 2) {
        const pair = l.values.slice(v, v + 2);
        const dims = l.dims.slice(v, v + 2);
        layer.heads.push({
          q,
          k,
          v: [row(pair[0]), pair[1] ? row(pair[1]) : new Float64Array(d)],
          o: [oneHot(dims[0]), dims[1] !== undefined ? oneHot(dims[1]) : new Float64Array(d)],
          info: { kind, tie: l.tie, lookup: l.name, values: dims.map((id) => graph.dims[id].name) },
        });
      }
    } else if (op.kind === 'reglu') {
      const dim = graph.dims[op.id];
      layer.neurons.push({ gate: row(dim.b!), up: row(dim.a!), down: oneHot(op.id) });
    } else {
      pendingPersists[Math.floor(schedule.times[i] / 2)].push(op.id);
    }
  });
  // Passthrough heads: two persisted sums each, reading the current position.
  const position2 = graph.position.times(2);
  const minusPositionSq = graph.positionSq.times(-1);
  pendingPersists.forEach((ids, li) => {
    for (let j = 0; j < ids.length; j += 2) {
      const pair = ids.slice(j, j + 2);
      perLayer[li].heads.push({
        q: [row(graph.position, HARDMAX_SCALE), row(graph.one, HARDMAX_SCALE)],
        k: [row(position2), row(minusPositionSq)],
        v: [
          row(graph.dims[pair[0]].e!),
          pair[1] !== undefined ? row(graph.dims[pair[1]].e!) : new Float64Array(d),
        ],
        o: [oneHot(pair[0]), pair[1] !== undefined ? oneHot(pair[1]) : new Float64Array(d)],
        info: {
          kind: 'passthrough',
          tie: 'latest',
          lookup: 'persist',
          values: pair.map((id) => graph.dims[id].name),
        },
      });
    }
  });

  const H = Math.max(1, ...perLayer.map((l) => l.heads.length));
  const F = Math.max(1, ...perLayer.map((l) => l.neurons.length));
  const layers: LayerWeights[] = perLayer.map((l, li) => {
    const query = new Float64Array(H * 2 * d);
    const key = new Float64Array(H * 2 * d);
    const value = new Float64Array(H * 2 * d);
    const output = new Float64Array(H * 2 * d);
    const heads: HeadInfo[] = [];
    for (let h = 0; h < H; h++) {
      const head = l.heads[h];
      if (!head) {
        heads.push({ kind: 'unused', tie: 'latest', lookup: '', values: [] });
        continue;
      }
      for (let j = 0; j < 2; j++) {
        query.set(head.q[j], (2 * h + j) * d);
        key.set(head.k[j], (2 * h + j) * d);
        value.set(head.v[j], (2 * h + j) * d);
        output.set(head.o[j], (2 * h + j) * d);
      }
      heads.push(head.info);
    }
    const gate = new Float64Array(F * d);
    const up = new Float64Array(F * d);
    const down = new Float64Array(F * d);
    l.neurons.forEach((n, j) => {
      gate.set(n.gate, j * d);
      up.set(n.up, j * d);
      down.set(n.down, j * d);
    });
    const slots = slotNames.map((name, s) => (slotTime[s] <= 2 * li + 1 ? name : ''));
    return { query, key, value, output, gate, up, down, heads, slots };
  });

  const slot = (e: Expr) => slotOf.get(graph.dimOf(e).id)!;
  return {
    vocabulary: vocabulary(),
    dModel: d,
    heads: H,
    dFfn: F,
    hardmaxScale: HARDMAX_SCALE,
    positionSlot: slot(graph.position),
    positionSquareSlot: slot(graph.positionSq),
    embedding,
    unembedding,
    layers,
    inputSlots: inputs.map((x) => x.name),
    meta: { ...meta, mode: machine.mode, layers: schedule.layers },
  };
}
