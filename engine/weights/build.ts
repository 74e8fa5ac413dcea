// Analytic weights: a scheduled graph written down as a transformer, no training.
//
// Residual slots come from a slot plan (slots.ts): a value lives in a slot from its first write
// to its last read, and slots are reused. A lookup becomes one head per two values: query rows =
// its query (times the hard-max scale), key rows = its key with −BIG·clear added to y, value rows
// = its values, output rows = the value's slot and the slots of the persisted sums it is written
// into. A ReGLU is one FFN neuron (gate row b, up row a, down row = its slot and its sums' slots).
// A persisted sum's older terms are copied by passthrough heads, two sums to a head (query = the
// current position, key = position, so it reads its own position; value rows = the terms).
//
// Erasing a reused slot's old value costs half a passthrough head in attention, or one neuron in
// the FFN (old·relu(one), down row −1), and the erase is added BEFORE any new value: old − old is exactly 0 in float64, while
// (old + new) − old loses new when old is large (the prompt's program bytes make some values
// ~2^64). So erase heads come first in a layer and erase neurons first in the FFN; engines add
// head outputs in head order and neuron outputs in neuron order.
import type { Expr } from '../graph/expr';
import type { Graph } from '../graph/graph';
import type { MachineGraph } from '../machine/interpreter';
import { contributions, copyTime, dimTimes, type Schedule } from '../schedule/plan';
import { vocabulary } from '../tokens/vocabulary';
import type { HeadInfo, LayerWeights, TransformerModel } from './model';
import { planSlots, type SlotOptions } from './slots';

/** Multiplies queries: a power of two, so engines undo it exactly. */
export const HARDMAX_SCALE = 2 ** 20;
/**
 * What a cleared row loses from its key's y: more than any score can reach, garbage included
 * (keys computed over the prompt's program bytes can be ~2^34, so q·k can pass 2^68).
 */
export const CLEAR_PENALTY = 2 ** 100;

interface HeadRows {
  readonly q: Float64Array[];
  readonly k: Float64Array[];
  readonly v: Float64Array[];
  readonly o: Float64Array[];
  readonly info: HeadInfo;
}

interface NeuronRows {
  readonly gate: Float64Array;
  readonly up: Float64Array;
  readonly down: Float64Array;
  /** The graph neuron it realizes (erase neurons have none). */
  readonly dim?: number;
}

/** A value a passthrough head copies at the current position: `value` rows into `slot`. */
interface Passthrough {
  readonly value: Float64Array;
  readonly slot: number;
  readonly name: string;
}

/**
 * Dimensions read after the last layer: by the scores, and in every layer by passthrough heads
 * and erase neurons (the position features and `one`). They stay live to the end.
 */
export function finalReads(machine: MachineGraph): Set<number> {
  const graph = machine.graph;
  const reads = new Set<number>([graph.one, graph.position, graph.positionSq].map((e) => graph.dimOf(e).id));
  for (const e of machine.scores) for (const id of e.terms.keys()) reads.add(id);
  return reads;
}

export function buildWeights(
  machine: MachineGraph,
  schedule: Schedule,
  meta: Record<string, string | number> = {},
  slotOptions: SlotOptions = {},
): TransformerModel {
  const graph: Graph = machine.graph;
  const inputs = graph.dims.filter((x) => x.kind === 'input');
  const plan = planSlots(graph, schedule, finalReads(machine), slotOptions);
  const d = plan.dModel;
  const V = machine.embeddings.length;

  const slotOf = (id: number) => {
    const s = plan.slotOf.get(id);
    if (s === undefined) throw new Error(`weights: ${graph.dims[id].name} has no slot`);
    return s;
  };
  const row = (e: Expr, scale = 1): Float64Array => {
    const r = new Float64Array(d);
    for (const [id, c] of e.terms) r[slotOf(id)] += c * scale;
    return r;
  };
  const unit = (slot: number, sign = 1) => {
    const r = new Float64Array(d);
    r[slot] = sign;
    return r;
  };
  const zero = () => new Float64Array(d);

  const embedding = new Float64Array(V * d);
  const unembedding = new Float64Array(V * d);
  machine.embeddings.forEach((e, t) => {
    embedding.set(row(e), t * d);
  });
  machine.scores.forEach((e, t) => {
    unembedding.set(row(e), t * d);
  });

  const gatherKey = [graph.position.times(2).key, graph.positionSq.times(-1).key];
  const here = {
    q: [row(graph.position, HARDMAX_SCALE), row(graph.one, HARDMAX_SCALE)],
    k: [row(graph.position.times(2)), row(graph.positionSq.times(-1))],
  };
  const heads: HeadRows[][] = Array.from({ length: schedule.layers }, () => []);
  const neurons: NeuronRows[][] = Array.from({ length: schedule.layers }, () => []);
  const passthrough: Passthrough[][] = Array.from({ length: schedule.layers }, () => []);
  const erasing: Passthrough[][] = Array.from({ length: schedule.layers }, () => []);
  const eraseNeurons: NeuronRows[][] = Array.from({ length: schedule.layers }, () => []);
  const oneRow = row(graph.one);

  // Where each neuron and lookup value goes: its own slot when it has one, and the slots of the
  // persisted sums it is written into directly (plan.ts). Sums' older terms are passthrough copies.
  const times = dimTimes(graph, schedule);
  const targets = new Map<number, [slot: number, coefficient: number][]>();
  const target = (dim: number, slot: number, c: number) =>
    targets.set(dim, [...(targets.get(dim) ?? []), [slot, c]]);
  for (const [id, slot] of plan.slotOf) if (graph.dims[id].kind !== 'input') target(id, slot, 1);
  for (const op of schedule.ops) {
    const slot = op.kind === 'persist' ? plan.slotOf.get(op.id) : undefined;
    if (slot === undefined) continue; // absorbed into the sums that read it
    const copies = new Float64Array(d);
    let copied = false;
    for (const c of contributions(graph, op.id, times)) {
      if (c.via !== 'copy') target(c.dim, slot, c.coefficient);
      else {
        copies[slotOf(c.dim)] += c.coefficient;
        copied = true;
      }
    }
    if (copied)
      passthrough[copyTime(times[op.id]) / 2].push({ value: copies, slot, name: graph.dims[op.id].name });
  }
  const outputRow = (dim: number | undefined) => {
    const r = zero();
    if (dim !== undefined) for (const [slot, c] of targets.get(dim) ?? []) r[slot] += c;
    return r;
  };

  // Erases come first in their sublayer: old − old is exactly 0 before anything is added.
  for (const e of plan.erases) {
    const layer = Math.floor(e.time / 2);
    const name = `erase for ${graph.dims[e.writer].name}`;
    if (e.time % 2 === 0) erasing[layer].push({ value: unit(e.slot, -1), slot: e.slot, name });
    else {
      // old·relu(one) = old exactly (times 1), added back negated: one neuron, whatever the sign.
      eraseNeurons[layer].push({ gate: oneRow, up: unit(e.slot), down: unit(e.slot, -1) });
    }
  }
  schedule.ops.forEach((op, i) => {
    const layer = Math.floor(schedule.times[i] / 2);
    if (op.kind === 'lookup') {
      const l = graph.lookups[op.id];
      const gather = !l.clear && l.key[0].key === gatherKey[0] && l.key[1].key === gatherKey[1];
      const kind: HeadInfo['kind'] = l.tie === 'average' ? 'average' : gather ? 'gather' : 'lookup';
      const ky = row(l.key[1]);
      if (l.clear) ky[slotOf([...l.clear.terms][0][0])] -= CLEAR_PENALTY;
      for (let v = 0; v < l.values.length; v += 2) {
        const dims = l.dims.slice(v, v + 2);
        heads[layer].push({
          q: [row(l.query[0], HARDMAX_SCALE), row(l.query[1], HARDMAX_SCALE)],
          k: [row(l.key[0]), ky],
          v: [row(l.values[v]), l.values[v + 1] ? row(l.values[v + 1]) : zero()],
          o: [outputRow(dims[0]), outputRow(dims[1])],
          info: { kind, tie: l.tie, lookup: l.name, values: dims.map((id) => graph.dims[id].name) },
        });
      }
    } else if (op.kind === 'reglu') {
      const dim = graph.dims[op.id];
      neurons[layer].push({ gate: row(dim.b!), up: row(dim.a!), down: outputRow(op.id), dim: op.id });
    }
  });
  const packed = (items: Passthrough[]) => {
    const out: HeadRows[] = [];
    for (let j = 0; j < items.length; j += 2) {
      const [a, b] = [items[j], items[j + 1]];
      out.push({
        ...here,
        v: [a.value, b ? b.value : zero()],
        o: [unit(a.slot), b ? unit(b.slot) : zero()],
        info: {
          kind: 'passthrough',
          tie: 'latest',
          lookup: 'passthrough',
          values: b ? [a.name, b.name] : [a.name],
        },
      });
    }
    return out;
  };
  heads.forEach((layerHeads, layer) => {
    layerHeads.unshift(...packed(erasing[layer]));
    layerHeads.push(...packed(passthrough[layer]));
  });

  const H = Math.max(1, ...heads.map((l) => l.length));
  neurons.forEach((layerNeurons, layer) => {
    layerNeurons.unshift(...eraseNeurons[layer]);
  });
  const F = Math.max(1, ...neurons.map((l) => l.length));
  const selectors = graph.selectors.map((sel) => {
    const layer = neurons.findIndex((l) => l.some((n) => n.dim === sel.dims[0]));
    const first = neurons[layer].findIndex((n) => n.dim === sel.dims[0]);
    if (sel.dims.some((dim, i) => neurons[layer][first + i]?.dim !== dim))
      throw new Error('weights: a one-hot group is not contiguous in its layer');
    return {
      layer,
      first,
      count: sel.dims.length,
      slot: slotOf(sel.x),
      squareSlot: slotOf(sel.xSquared),
      oneSlot: slotOf(graph.dimOf(graph.one).id),
    };
  });
  const layers: LayerWeights[] = heads.map((layerHeads, li) => {
    const query = new Float64Array(H * 2 * d);
    const key = new Float64Array(H * 2 * d);
    const value = new Float64Array(H * 2 * d);
    const output = new Float64Array(H * 2 * d);
    const info: HeadInfo[] = [];
    for (let h = 0; h < H; h++) {
      const head = layerHeads[h];
      if (!head) {
        info.push({ kind: 'unused', tie: 'latest', lookup: '', values: [] });
        continue;
      }
      for (let j = 0; j < 2; j++) {
        query.set(head.q[j], (2 * h + j) * d);
        key.set(head.k[j], (2 * h + j) * d);
        value.set(head.v[j], (2 * h + j) * d);
        output.set(head.o[j], (2 * h + j) * d);
      }
      info.push(head.info);
    }
    const gate = new Float64Array(F * d);
    const up = new Float64Array(F * d);
    const down = new Float64Array(F * d);
    neurons[li].forEach((n, j) => {
      gate.set(n.gate, j * d);
      up.set(n.up, j * d);
      down.set(n.down, j * d);
    });
    return { query, key, value, output, gate, up, down, heads: info, slots: plan.names[li] };
  });

  return {
    vocabulary: vocabulary(),
    dModel: d,
    heads: H,
    dFfn: F,
    hardmaxScale: HARDMAX_SCALE,
    positionSlot: slotOf(graph.dimOf(graph.position).id),
    positionSquareSlot: slotOf(graph.dimOf(graph.positionSq).id),
    embedding,
    unembedding,
    layers,
    selectors,
    inputSlots: inputs.map((x) => x.name),
    meta: { ...meta, mode: machine.mode, layers: schedule.layers },
  };
}
