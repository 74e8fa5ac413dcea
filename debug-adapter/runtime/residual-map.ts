// What the residual stream's slots mean, layer by layer, for the Residual stream scope: the name
// of the value in every slot (the weight file's `slots`, `inputSlots` for the embedding), the
// machine graph's named quantities (cursor, stack_depth, …: interpreter.ts `named`) placed on
// those slots, and which heads and FFN neurons wrote a slot's current value (the nonzero entries
// of the attention output and FFN down rows at that slot, from the layer the value was first
// written through the asked layer). Built once per model from the file and the graph, no solver.
import { buildMachineGraph, type MachineGraph } from '../../engine/machine/interpreter';
import type { TransformerModel } from '../../engine/weights/model';
import { bakedProgram } from '../../engine/weights/specialize';
import { graphHash } from '../../engine/weights/universal';

/** Layer −1 is the embedding (the stream before layer 0). */
export const EMBEDDING = -1;

export interface QuantityTerm {
  readonly slot: number;
  readonly coefficient: number;
  /** The graph dimension (the slot's name). */
  readonly dim: string;
}

/** A named quantity of the machine graph, as a sum of residual slots at one layer. */
export interface Quantity {
  readonly name: string;
  readonly terms: readonly QuantityTerm[];
}

export type Writer =
  | { readonly kind: 'embedding'; readonly token: 'input' }
  | {
      readonly kind: 'head';
      readonly layer: number;
      readonly head: number;
      /** Which of the head's two values (0 or 1) writes the slot, and its name. */
      readonly value: number;
      readonly valueName: string;
      readonly lookup: string;
      readonly headKind: string;
      readonly erase: boolean;
    }
  | {
      readonly kind: 'neurons';
      readonly layer: number;
      /** Contiguous neuron indices first..last writing the slot. */
      readonly first: number;
      readonly last: number;
      readonly erase: boolean;
    };

export class ResidualMap {
  /** Per layer (index layer + 1, the embedding first): slot names. */
  private readonly names: readonly (readonly string[])[];
  private readonly quantitiesByLayer: Quantity[][];
  /** Why the machine graph's names are not shown, when they are not. */
  readonly graphNote?: string;

  constructor(
    readonly model: TransformerModel,
    machine?: MachineGraph,
  ) {
    const d = model.dModel;
    const inputs = model.inputSlots;
    // The embedding fills the inputs' slots in order (slots.ts hands them out first): checked
    // against the positional slots the file names separately.
    const embeddingNames =
      inputs.length <= d &&
      inputs[model.positionSlot] === 'position' &&
      inputs[model.positionSquareSlot] === 'position_sq'
        ? Array.from({ length: d }, (_, i) => inputs[i] ?? '')
        : new Array<string>(d).fill('');
    this.names = [embeddingNames, ...model.layers.map((l) => l.slots)];
    let graph = machine;
    let note: string | undefined;
    if (!graph) {
      try {
        graph = machineGraphOf(model);
      } catch (e) {
        note = (e as Error).message;
      }
    }
    this.graphNote = note;
    this.quantitiesByLayer = this.names.map((slots) => {
      if (!graph) return [];
      const slotOf = new Map(slots.map((n, i) => [n, i] as const).filter(([n]) => n !== ''));
      const out: Quantity[] = [];
      for (const [name, expr] of graph.named) {
        const terms: QuantityTerm[] = [];
        for (const [id, coefficient] of expr.terms) {
          const dim = graph.graph.dims[id].name;
          const slot = slotOf.get(dim);
          if (slot === undefined) break;
          terms.push({ slot, coefficient, dim });
        }
        if (terms.length === expr.terms.size && terms.length > 0) out.push({ name, terms });
      }
      return out;
    });
  }

  get layers(): number {
    return this.model.layers.length;
  }

  /** The value each slot holds after `layer` ('' when free). */
  slotNames(layer: number): readonly string[] {
    return this.names[layer + 1];
  }

  /** The graph's named quantities whose every term is in the stream after `layer`. */
  quantities(layer: number): readonly Quantity[] {
    return this.quantitiesByLayer[layer + 1];
  }

  /** A quantity's value: Σ coefficient · x[slot], in term order (x[slot] itself for one term). */
  static value(q: Quantity, x: Float64Array): number {
    if (q.terms.length === 1 && q.terms[0].coefficient === 1) return x[q.terms[0].slot];
    let s = 0;
    for (const t of q.terms) s += t.coefficient * x[t.slot];
    return s;
  }

  /**
   * Who wrote the value slot `slot` holds after `layer`: the embedding for an input still in its
   * slot, else every head and neuron writing the slot from the layer its value was first written
   * on (the erase of the slot's old value included, marked) through `layer`.
   */
  writers(layer: number, slot: number): Writer[] {
    const name = this.slotNames(layer)[slot];
    if (!name) return [];
    let first = layer;
    while (first > EMBEDDING && this.slotNames(first - 1)[slot] === name) first--;
    const out: Writer[] = [];
    const fromEmbedding = first === EMBEDDING;
    if (fromEmbedding) {
      out.push({ kind: 'embedding', token: 'input' });
      first = 0;
    }
    const d = this.model.dModel;
    const one = this.model.inputSlots.indexOf('one');
    for (let l = first; l <= layer; l++) {
      const w = this.model.layers[l];
      const heads: Writer[] = [];
      w.heads.forEach((info, h) => {
        for (let j = 0; j < 2; j++) {
          if (w.output[(2 * h + j) * d + slot] === 0) continue;
          const valueName = info.values[j] ?? '';
          heads.push({
            kind: 'head',
            layer: l,
            head: h,
            value: j,
            valueName,
            lookup: info.lookup,
            headKind: info.kind,
            erase: valueName.startsWith('erase for '),
          });
        }
      });
      const neurons: Writer[] = [];
      let erasedInFfn = false;
      for (let j = 0; j < this.model.dFfn; j++) {
        if (w.down[j * d + slot] === 0) continue;
        const erase = isEraseNeuron(w.gate, w.up, w.down, j, d, slot, one);
        erasedInFfn ||= erase;
        const prev = neurons[neurons.length - 1];
        if (prev?.kind === 'neurons' && prev.last === j - 1 && prev.erase === erase)
          neurons[neurons.length - 1] = { ...prev, last: j };
        else neurons.push({ kind: 'neurons', layer: l, first: j, last: j, erase });
      }
      // Where the value is first written in the FFN, this layer's heads wrote the slot's old value.
      if (!(l === first && !fromEmbedding && erasedInFfn)) out.push(...heads);
      out.push(...neurons);
    }
    return out;
  }
}

/**
 * An erase neuron of its own slot (build.ts): old·relu(one) added negated, or (files of builder
 * version 4 and before) the pair −relu(old), +relu(−old).
 */
function isEraseNeuron(
  gate: Float64Array,
  up: Float64Array,
  down: Float64Array,
  j: number,
  d: number,
  slot: number,
  one: number,
): boolean {
  const only = (m: Float64Array, col: number) => {
    for (let c = 0; c < d; c++) if (c !== col && m[j * d + c] !== 0) return false;
    return m[j * d + col] !== 0;
  };
  if (one < 0 || !only(down, slot)) return false;
  if (only(gate, one) && only(up, slot))
    return gate[j * d + one] === 1 && up[j * d + slot] === 1 && down[j * d + slot] === -1;
  if (!only(gate, slot) || !only(up, one)) return false;
  const g = gate[j * d + slot];
  return Math.abs(g) === 1 && up[j * d + one] === 1 && down[j * d + slot] === -g;
}

/**
 * The machine graph the model was built from: the universal graph when the file's graph hash is
 * this code's, the specialized graph of the program the model carries. Throws, saying why, when
 * the file does not come from this code's graph (its slots are then shown by their names alone).
 */
export function machineGraphOf(model: TransformerModel): MachineGraph {
  const baked = bakedProgram(model);
  if (baked) return buildMachineGraph('specialized', baked);
  const machine = buildMachineGraph('universal');
  const hash = graphHash(machine);
  if (model.meta.graph !== hash)
    throw new Error(
      `the model was built from machine graph ${model.meta.graph ?? '(unnamed)'}, this debugger's is ${hash}: the graph's quantity names are not shown, only the file's slot names`,
    );
  return machine;
}
