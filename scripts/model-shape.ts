// Where a model's per-token cost sits: for each layer, the heads by kind (hull heads, lookup and
// average, are what the engine pays most for), the FFN neurons with any nonzero weight (one-hot
// selector groups count as one, since the engine computes only the selected neuron), and the
// nonzero weights. Run with `npx tsx scripts/model-shape.ts MODEL.tvmw [...]`; docs/schedule.md
// quotes its output for the universal and the specialized sudoku model.
import { readModel } from '../engine/weights/file';
import type { HeadKind, TransformerModel } from '../engine/weights/model';

function count(a: Float64Array, from = 0, to = a.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (a[i] !== 0) n++;
  return n;
}

function shape(file: string, m: TransformerModel): void {
  const d = m.dModel;
  console.log(`${file}: d_model ${d}, layers ${m.layers.length}, heads ${m.heads}, d_ffn ${m.dFfn}`);
  const total: Record<string, number> = {};
  m.layers.forEach((l, i) => {
    const kinds: Partial<Record<HeadKind, number>> = {};
    for (const h of l.heads) kinds[h.kind] = (kinds[h.kind] ?? 0) + 1;
    let live = 0;
    for (let j = 0; j < m.dFfn; j++) if (count(l.gate, j * d, (j + 1) * d)) live++;
    const selected = m.selectors.filter((s) => s.layer === i).reduce((n, s) => n + s.count - 1, 0);
    const nz = [l.query, l.key, l.value, l.output, l.gate, l.up, l.down].reduce((n, a) => n + count(a), 0);
    const attn = [l.query, l.key, l.value, l.output].reduce((n, a) => n + count(a), 0);
    const heads = Object.entries(kinds)
      .filter(([k]) => k !== 'unused')
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `  layer ${i}: ${heads}; neurons ${live} (computed ${live - selected}); nonzeros attention ${attn}, ffn ${nz - attn}`,
    );
    for (const [k, n] of Object.entries(kinds)) total[k] = (total[k] ?? 0) + n;
    total.computed = (total.computed ?? 0) + live - selected;
  });
  const lookups = m.layers.flatMap((l) => l.heads.filter((h) => h.kind === 'lookup' || h.kind === 'average'));
  console.log(`  total: ${JSON.stringify(total)}; unembedding nonzeros ${count(m.unembedding)}`);
  console.log(`  hull heads: ${lookups.map((h) => h.lookup).join(' ')}`);
}

for (const file of process.argv.slice(2)) shape(file, readModel(file));
