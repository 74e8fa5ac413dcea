// The damage only version 2's sparse rows can have (docs/weight-file.md), made from a good
// version-2 file: columns outside the row or out of order, row counts that disagree with the width
// or the declared nonzeros, explicit zeros, padding, nonzeros out of range, more weights than a
// file may hold, and a file cut inside a tensor. Part of the shared list (damaged-weights.ts)
// that drives both readers' tests.
import { crc32, MAX_WEIGHTS } from '../../weights/file';
import { indexBytes } from '../../weights/sparse-tensors';
import type { Damage } from './damaged-weights';
import { withHeaderText } from './weight-header';

interface TensorLayout {
  readonly name: string;
  readonly rows: number;
  readonly nonzeros: number;
  /** Byte offsets of the counts, the columns, the padding and the values. */
  readonly counts: number;
  readonly columns: number;
  readonly padding: number;
  readonly values: number;
}

export function sparseDamages(good: Uint8Array): {
  /** Where the embedding's first stored value is, and its entry (row·dModel + column). */
  firstEmbedding: { at: number; entry: number };
  damages: Damage[];
} {
  const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(good.subarray(16, 16 + headerLength)));
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
  const d: number = header.dModel;
  const layouts: TensorLayout[] = [];
  let at = dataStart;
  for (const t of header.tensors as { name: string; shape: number[]; nonzeros: number }[]) {
    const [rows] = t.shape;
    const n = t.nonzeros;
    layouts.push({
      name: t.name,
      rows,
      nonzeros: n,
      counts: at,
      columns: at + 4 * rows,
      padding: at + 4 * (rows + n),
      values: at + indexBytes(rows, n),
    });
    at += indexBytes(rows, n) + 8 * n;
  }
  const reseal = (bytes: Uint8Array) => {
    new DataView(bytes.buffer).setUint32(bytes.length - 4, crc32(bytes.subarray(0, bytes.length - 4)), true);
    return bytes;
  };
  /** A copy with `edit` applied, resealed: the content checks come after the checksum. */
  const edited = (edit: (v: DataView) => void) => {
    const b = good.slice();
    edit(new DataView(b.buffer));
    return reseal(b);
  };
  const withHeader = (change: (h: typeof header) => void) => {
    const h = structuredClone(header);
    change(h);
    return reseal(withHeaderText(good, JSON.stringify(h)));
  };
  const count = (t: TensorLayout, r: number) => view.getUint32(t.counts + 4 * r, true);
  const column = (t: TensorLayout, k: number) => view.getUint32(t.columns + 4 * k, true);
  /** The first row with at least `min` entries, and the index of its first entry. */
  const rowWith = (t: TensorLayout, min: number) => {
    for (let r = 0, k = 0; r < t.rows; k += count(t, r), r++) if (count(t, r) >= min) return { r, k };
    throw new Error(`damaged-sparse-weights: ${t.name} has no row of ${min} entries`);
  };
  const embedding = layouts[0];
  const first = rowWith(embedding, 1);
  const pair = rowWith(embedding, 2);
  const [c0, c1] = [column(embedding, pair.k), column(embedding, pair.k + 1)];
  const notFull = (() => {
    for (let r = 0; r < embedding.rows; r++) if (count(embedding, r) < d) return r;
    throw new Error('damaged-sparse-weights: every embedding row is full');
  })();
  const room = embedding.rows * d;
  const firstEntry = first.r * d + column(embedding, first.k);
  // An infinite weight in the first layer tensor that has any: the message names it.
  const layer = layouts.find((l) => l.name.startsWith('layers.') && l.nonzeros > 0)!;
  const layerEntry = rowWith(layer, 1);
  const escaped = (name: string) => name.replace(/\./g, '\\.');
  const damages: Damage[] = [
    {
      what: 'v2: a column outside the row',
      bytes: edited((v) => v.setUint32(embedding.columns + 4 * first.k, d, true)),
      reason: new RegExp(`tensor embedding: row ${first.r}: column ${d} is outside its ${d} columns`),
    },
    {
      what: 'v2: a column index beyond 2^31',
      bytes: edited((v) => v.setUint32(embedding.columns + 4 * first.k, 0xffffffff, true)),
      reason: new RegExp(`tensor embedding: row ${first.r}: column 4294967295 is outside its ${d} columns`),
    },
    {
      what: 'v2: columns out of order',
      bytes: edited((v) => {
        v.setUint32(embedding.columns + 4 * pair.k, c1, true);
        v.setUint32(embedding.columns + 4 * (pair.k + 1), c0, true);
      }),
      reason: new RegExp(
        `tensor embedding: row ${pair.r}: column ${c0} does not follow column ${c1} \\(columns must increase\\)`,
      ),
    },
    {
      what: 'v2: a column given twice',
      bytes: edited((v) => v.setUint32(embedding.columns + 4 * (pair.k + 1), c0, true)),
      reason: new RegExp(`tensor embedding: row ${pair.r}: column ${c0} does not follow column ${c0}`),
    },
    {
      what: 'v2: a row with more entries than columns',
      bytes: edited((v) => v.setUint32(embedding.counts, d + 1, true)),
      reason: new RegExp(`tensor embedding: row 0 has ${d + 1} entries, more than its ${d} columns`),
    },
    {
      what: 'v2: a row count of 2^32 − 1',
      bytes: edited((v) => v.setUint32(embedding.counts, 0xffffffff, true)),
      reason: new RegExp(`tensor embedding: row 0 has 4294967295 entries, more than its ${d} columns`),
    },
    {
      what: 'v2: row counts adding up to more than the nonzeros',
      bytes: edited((v) => v.setUint32(embedding.counts + 4 * notFull, count(embedding, notFull) + 1, true)),
      reason: new RegExp(
        `tensor embedding: its rows' counts add up to more than the ${embedding.nonzeros} nonzeros the header declares`,
      ),
    },
    {
      what: 'v2: row counts adding up to less than the nonzeros',
      bytes: edited((v) => v.setUint32(embedding.counts + 4 * first.r, count(embedding, first.r) - 1, true)),
      reason: new RegExp(
        `tensor embedding: its rows' counts add up to ${embedding.nonzeros - 1}, not the ${embedding.nonzeros} nonzeros the header declares`,
      ),
    },
    {
      what: 'v2: an explicit zero',
      bytes: edited((v) => v.setFloat64(embedding.values + 8 * first.k, 0, true)),
      reason: new RegExp(`tensor embedding: entry ${firstEntry} is an explicit zero`),
    },
    {
      what: 'v2: an infinite weight in a layer',
      bytes: edited((v) => v.setFloat64(layer.values + 8 * layerEntry.k, Number.NEGATIVE_INFINITY, true)),
      reason: new RegExp(
        `tensor ${escaped(layer.name)}: entry ${layerEntry.r * d + column(layer, layerEntry.k)} is -Infinity`,
      ),
    },
    {
      what: 'v2: a nonzero total the data does not have',
      bytes: withHeader((h) => {
        h.tensors[0].nonzeros += 1;
      }),
      reason: /size mismatch: the header describes \d+ bytes, the file has \d+/,
    },
    {
      what: 'v2: more nonzeros than the tensor has room for',
      bytes: withHeader((h) => {
        h.tensors[0].nonzeros = room + 1;
      }),
      reason: new RegExp(`header: tensor 0 \\(embedding\\) needs its nonzeros, an integer from 0 to ${room}`),
    },
    {
      what: 'v2: nonzeros missing',
      bytes: withHeader((h) => {
        delete h.tensors[1].nonzeros;
      }),
      reason: new RegExp(
        `header: tensor 1 \\(unembedding\\) needs its nonzeros, an integer from 0 to ${room}`,
      ),
    },
    {
      what: 'v2: fractional nonzeros',
      bytes: withHeader((h) => {
        h.tensors[2].nonzeros = 1.5;
      }),
      reason: /header: tensor 2 \(layers\.0\.query\) needs its nonzeros, an integer from 0 to \d+/,
    },
    {
      what: 'v2: cut inside the first tensor',
      bytes: good.slice(0, embedding.columns + 4 * first.k + 2),
      reason: /size mismatch: the header describes \d+ bytes, the file has \d+/,
    },
    {
      what: 'v2: cut to the header alone',
      bytes: reseal(good.slice(0, dataStart + 4)),
      reason: /size mismatch: the header describes \d+ bytes, the file has \d+/,
    },
  ];
  // Three neurons' tensors of 10^7 rows: past the bound unless the model is only a few slots wide.
  const hugeFfn = 10_000_000;
  const declared = layouts.reduce((n, l) => n + (/\.(gate|up|down)$/.test(l.name) ? hugeFfn : l.rows) * d, 0);
  if (declared > MAX_WEIGHTS)
    damages.push({
      what: 'v2: a header declaring more weights than a file may hold (a small file, a huge dense model)',
      bytes: withHeader((h) => {
        h.dFfn = hugeFfn;
        for (const t of h.tensors as { name: string; shape: number[] }[])
          if (/\.(gate|up|down)$/.test(t.name)) t.shape = [hugeFfn, d];
      }),
      reason: new RegExp(
        `header: the tensors hold ${declared} weights; a weight file may hold at most ${MAX_WEIGHTS}`,
      ),
    });
  // The padding, where a tensor has one (R + N odd).
  const padded = layouts.find((l) => (l.rows + l.nonzeros) % 2 === 1);
  if (padded)
    damages.push({
      what: 'v2: padding after the columns that is not zero',
      bytes: edited((v) => v.setUint8(padded.padding + 3, 1)),
      reason: new RegExp(`tensor ${escaped(padded.name)}: the padding after its columns is not zero`),
    });
  return { firstEmbedding: { at: embedding.values + 8 * first.k, entry: firstEntry }, damages };
}
