// The Residual stream scope: the transformer's state at the current token by name. Rows: the
// position whose forward pass chose the current step's first token; the output (the token chosen,
// its score, the runner-up's, the margin, and the token the trace holds there); the embedding and
// every layer, each expanding to the machine graph's named quantities in the stream after it and
// to every slot; a quantity or slot expands to the heads and neurons that wrote it. Values are the
// float64s the engine holds, printed exactly (shortest round-trip form). The state comes from
// runtime/residual.ts (a shadow JS engine), only when the scope is expanded.
import { tokenText } from '../../engine/tokens/vocabulary';
import { ResidualProbe, ResidualRefusal } from '../runtime/residual';
import { EMBEDDING, ResidualMap, type Writer } from '../runtime/residual-map';
import type { MachineRuntime } from '../runtime/runtime';

/** A row of a read-only tree the Variables pane shows (variables.ts: kind 'tree'). */
export interface TreeRow {
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly children?: () => readonly TreeRow[];
}

export interface ResidualContext {
  readonly runtime: MachineRuntime;
  readonly modelFile: string;
  readonly prompt: Int32Array;
}

/** The scope's rows, computed when asked (one probe per session, made on first use). */
export function residualScope(c: ResidualContext): () => readonly TreeRow[] {
  let probe: ResidualProbe | undefined;
  return () => {
    const r = c.runtime;
    probe ??= new ResidualProbe({
      modelFile: c.modelFile,
      prompt: c.prompt,
      promptLength: r.o.promptLength,
      traceLength: () => r.trace.length,
      traceToken: (i) => r.trace.at(i),
    });
    try {
      return residualRows(probe, r.positionBefore(r.step));
    } catch (e) {
      if (e instanceof ResidualRefusal || e instanceof RangeError)
        return [{ name: 'not computed', value: e.message }];
      throw e;
    }
  };
}

const quote = (t: number) => `'${tokenText(t)}'`;
const num = (x: number) => String(x);

export function residualRows(probe: ResidualProbe, position: number): TreeRow[] {
  const { state, map, recorded, replayed, seconds } = probe.at(position);
  const { scores, best, runnerUp } = state;
  const margin = scores[best] - scores[runnerUp];
  const output: TreeRow[] = [
    { name: 'token', value: quote(best), type: `token id ${best}` },
    { name: 'score', value: num(scores[best]) },
    { name: 'runner-up', value: quote(runnerUp), type: `token id ${runnerUp}` },
    { name: 'runner-up score', value: num(scores[runnerUp]) },
    { name: 'margin', value: num(margin) },
    {
      name: 'trace',
      value:
        recorded === undefined
          ? 'not generated yet'
          : recorded === best
            ? `${quote(recorded)} (the token chosen)`
            : `${quote(recorded)}: differs from the token chosen`,
    },
  ];
  const stream = (layer: number): TreeRow => {
    const x = layer === EMBEDDING ? state.embedding : state.layers[layer];
    const names = map.slotNames(layer);
    const live = names.filter((n) => n).length;
    const quantities = map.quantities(layer);
    return {
      name: layer === EMBEDDING ? 'embedding' : `layer ${layer}`,
      value: `${quantities.map((q) => `${q.name} ${num(ResidualMap.value(q, x))}`).join(', ') || 'no named quantity'} (${live}/${names.length} slots live)`,
      children: () => [
        ...quantities.map((q) => {
          const one = q.terms.length === 1 && q.terms[0].coefficient === 1;
          return {
            name: q.name,
            value: num(ResidualMap.value(q, x)),
            type: q.terms
              .map((t) => `${t.coefficient === 1 ? '' : `${t.coefficient}·`}${t.dim} [slot ${t.slot}]`)
              .join(' + '),
            children: () =>
              one
                ? writerRows(map, layer, q.terms[0].slot)
                : q.terms.map((t) => slotRow(map, layer, t.slot, x)),
          };
        }),
        {
          name: 'slots',
          value: `${live} live, ${names.length - live} free`,
          children: () => names.map((_, s) => slotRow(map, layer, s, x)),
        },
      ],
    };
  };
  return [
    {
      name: 'position',
      value: `${position} (${quote(state.token)})`,
      type: 'the forward pass that chose the current step’s first token',
    },
    {
      name: 'output',
      value: `${quote(best)} by ${num(margin)} over ${quote(runnerUp)}`,
      children: () => output,
    },
    stream(EMBEDDING),
    ...Array.from({ length: map.layers }, (_, l) => stream(l)),
    ...(map.graphNote ? [{ name: 'names', value: map.graphNote }] : []),
    {
      name: 'computed',
      value:
        replayed === 0
          ? 'from the cache'
          : `replayed ${replayed.toLocaleString('en-US')} tokens on the JS engine in ${seconds.toFixed(2)} s`,
    },
  ];
}

function slotRow(map: ResidualMap, layer: number, slot: number, x: Float64Array): TreeRow {
  const name = map.slotNames(layer)[slot];
  return {
    name: `[${slot}] ${name || '(free)'}`,
    value: num(x[slot]),
    ...(name ? { children: () => writerRows(map, layer, slot) } : {}),
  };
}

function writerRows(map: ResidualMap, layer: number, slot: number): TreeRow[] {
  const rows = map.writers(layer, slot).map((w) => writerRow(map, w));
  return rows.length ? rows : [{ name: 'written by', value: 'nothing (free slot)' }];
}

function writerRow(map: ResidualMap, w: Writer): TreeRow {
  switch (w.kind) {
    case 'embedding':
      return { name: 'embedding', value: 'the token’s embedding row (and the positional features)' };
    case 'head':
      return {
        name: `layer ${w.layer} head ${w.head}`,
        value: w.erase
          ? `erases the slot’s old value (${w.headKind})`
          : `${w.lookup} (${w.headKind}), value ${w.value} ${w.valueName}`,
      };
    case 'neurons': {
      const n = w.last - w.first + 1;
      return {
        name: `layer ${w.layer} ${n === 1 ? `neuron ${w.first}` : `neurons ${w.first}–${w.last}`}`,
        value: w.erase
          ? 'erase the slot’s old value (old·relu(one), added negated)'
          : `${n} FFN neuron${n === 1 ? '' : 's'} of ${map.model.dFfn}`,
      };
    }
  }
}
