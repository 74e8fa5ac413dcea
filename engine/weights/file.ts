// The weight file: a transformer's weights and everything an engine or debugger needs to run and
// explain it. Layout (docs/weight-file.md):
//
//   0   magic "TVMWEIGH"            8 bytes
//   8   format version (1)          u32 little-endian
//   12  header length N             u32
//   16  header, JSON, UTF-8         N bytes, then zero padding to a multiple of 8
//   ..  tensors, float64 LE         in the header's `tensors` order, each shape's product × 8 bytes
//   end CRC-32 of everything above  u32
//
// Reading checks every field before using it: a truncated, corrupt or foreign file is an error
// that says what is wrong, never an out-of-range read or a model that computes garbage.
import { readFileSync, writeFileSync } from 'node:fs';
import type { HeadInfo, LayerWeights, NeuronSelector, TransformerModel } from './model';

const MAGIC = 'TVMWEIGH';
export const WEIGHT_FILE_VERSION = 1;
const LAYER_TENSORS = ['query', 'key', 'value', 'output', 'gate', 'up', 'down'] as const;
const HEAD_KINDS = new Set(['lookup', 'gather', 'average', 'passthrough', 'unused']);

export class WeightFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'WeightFileError';
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Header {
  vocabulary: string[];
  dModel: number;
  heads: number;
  dFfn: number;
  layers: number;
  hardmaxScale: number;
  positionSlot: number;
  positionSquareSlot: number;
  inputSlots: string[];
  meta: Record<string, string | number>;
  headInfo: HeadInfo[][];
  slots: string[][];
  selectors?: NeuronSelector[];
  tensors: { name: string; shape: number[] }[];
}

function tensorList(m: TransformerModel): { name: string; shape: number[]; data: Float64Array }[] {
  const V = m.vocabulary.length;
  const d = m.dModel;
  const list = [
    { name: 'embedding', shape: [V, d], data: m.embedding },
    { name: 'unembedding', shape: [V, d], data: m.unembedding },
  ];
  m.layers.forEach((l, i) => {
    for (const t of LAYER_TENSORS) {
      const rows = t === 'gate' || t === 'up' || t === 'down' ? m.dFfn : m.heads * 2;
      list.push({ name: `layers.${i}.${t}`, shape: [rows, d], data: l[t] });
    }
  });
  return list;
}

export function serializeModel(m: TransformerModel): Uint8Array {
  const tensors = tensorList(m);
  const header: Header = {
    vocabulary: [...m.vocabulary],
    dModel: m.dModel,
    heads: m.heads,
    dFfn: m.dFfn,
    layers: m.layers.length,
    hardmaxScale: m.hardmaxScale,
    positionSlot: m.positionSlot,
    positionSquareSlot: m.positionSquareSlot,
    inputSlots: [...m.inputSlots],
    meta: { ...m.meta },
    headInfo: m.layers.map((l) => [...l.heads]),
    slots: m.layers.map((l) => [...l.slots]),
    selectors: m.selectors.map((x) => ({ ...x })),
    tensors: tensors.map(({ name, shape }) => ({ name, shape })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 16 + json.length;
  const dataStart = Math.ceil(headerEnd / 8) * 8;
  const dataBytes = tensors.reduce((n, t) => n + t.data.length * 8, 0);
  const out = new Uint8Array(dataStart + dataBytes + 4);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, WEIGHT_FILE_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, 16);
  let at = dataStart;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, at += 8) view.setFloat64(at, t.data[i], true);
  }
  view.setUint32(at, crc32(out.subarray(0, at)), true);
  return out;
}

export function writeModel(file: string, m: TransformerModel): void {
  writeFileSync(file, serializeModel(m));
}

export function readModel(file: string): TransformerModel {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new WeightFileError(file, `cannot read: ${(e as Error).message}`);
  }
  return parseModel(bytes, file);
}

export function parseModel(bytes: Uint8Array, file: string): TransformerModel {
  const fail = (reason: string): never => {
    throw new WeightFileError(file, reason);
  };
  if (bytes.length < 20) fail(`truncated: ${bytes.length} bytes is too short for a weight file`);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    fail('not a Transformer VM weight file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== WEIGHT_FILE_VERSION) {
    fail(
      `format version ${version}; this build reads version ${WEIGHT_FILE_VERSION} (rebuild it with wasm-build)`,
    );
  }
  const headerLength = view.getUint32(12, true);
  if (16 + headerLength + 4 > bytes.length)
    fail(`truncated: the header says ${headerLength} bytes, the file is ${bytes.length}`);
  const stored = view.getUint32(bytes.length - 4, true);
  if (crc32(bytes.subarray(0, bytes.length - 4)) !== stored)
    fail('checksum mismatch: the file is corrupt or truncated');

  let h: Header;
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + headerLength)));
  } catch (e) {
    return fail(`corrupt header: ${(e as Error).message}`);
  }
  const count = (v: unknown, what: string, min = 1) => {
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > 1e7)
      fail(`header: ${what} must be an integer ≥ ${min}, not ${JSON.stringify(v)}`);
    return v as number;
  };
  const d = count(h.dModel, 'dModel');
  const heads = count(h.heads, 'heads');
  const dFfn = count(h.dFfn, 'dFfn');
  const layerCount = count(h.layers, 'layers');
  if (
    !Array.isArray(h.vocabulary) ||
    h.vocabulary.length === 0 ||
    h.vocabulary.some((t) => typeof t !== 'string')
  ) {
    fail('header: vocabulary must be a list of token texts');
  }
  const V = h.vocabulary.length;
  if (new Set(h.vocabulary).size !== V) fail('header: the vocabulary repeats a token');
  if (!(h.hardmaxScale > 0) || !Number.isFinite(h.hardmaxScale))
    fail('header: hardmaxScale must be a positive number');
  count(h.positionSlot + 1, 'positionSlot + 1');
  count(h.positionSquareSlot + 1, 'positionSquareSlot + 1');
  if (h.positionSlot >= d || h.positionSquareSlot >= d)
    fail('header: positional slots outside the residual stream');
  if (!Array.isArray(h.headInfo) || h.headInfo.length !== layerCount)
    fail('header: headInfo needs one list per layer');
  h.headInfo.forEach((layer, li) => {
    if (!Array.isArray(layer) || layer.length !== heads)
      fail(`header: layer ${li} needs ${heads} head descriptions`);
    for (const head of layer) {
      if (!head || !HEAD_KINDS.has(head.kind) || (head.tie !== 'latest' && head.tie !== 'average')) {
        fail(
          `header: layer ${li} has a head with unknown kind or tie-break (${JSON.stringify(head)?.slice(0, 80)})`,
        );
      }
    }
  });
  if (
    !Array.isArray(h.slots) ||
    h.slots.length !== layerCount ||
    h.slots.some((s) => !Array.isArray(s) || s.length !== d)
  ) {
    fail('header: slots needs one list of dModel names per layer');
  }

  // Tensors: exactly the expected names and shapes, packed after the header.
  const expected: { name: string; shape: number[] }[] = [
    { name: 'embedding', shape: [V, d] },
    { name: 'unembedding', shape: [V, d] },
  ];
  for (let i = 0; i < layerCount; i++) {
    for (const t of LAYER_TENSORS)
      expected.push({
        name: `layers.${i}.${t}`,
        shape: [t === 'gate' || t === 'up' || t === 'down' ? dFfn : heads * 2, d],
      });
  }
  if (!Array.isArray(h.tensors) || h.tensors.length !== expected.length)
    fail(`header: expected ${expected.length} tensors`);
  expected.forEach((e, i) => {
    const t = h.tensors[i];
    if (t?.name !== e.name || JSON.stringify(t.shape) !== JSON.stringify(e.shape)) {
      fail(
        `header: tensor ${i} should be ${e.name} ${JSON.stringify(e.shape)}, found ${JSON.stringify(t)?.slice(0, 80)}`,
      );
    }
  });
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
  const dataBytes = expected.reduce((n, e) => n + e.shape[0] * e.shape[1] * 8, 0);
  if (dataStart + dataBytes + 4 !== bytes.length) {
    fail(
      `size mismatch: the header describes ${dataStart + dataBytes + 4} bytes, the file has ${bytes.length}`,
    );
  }
  let at = dataStart;
  const read = (e: { name: string; shape: number[] }) => {
    const n = e.shape[0] * e.shape[1];
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, at += 8) {
      const v = view.getFloat64(at, true);
      if (!Number.isFinite(v)) fail(`tensor ${e.name}: entry ${i} is ${v}`);
      a[i] = v;
    }
    return a;
  };
  const [embedding, unembedding] = [read(expected[0]), read(expected[1])];
  const layers: LayerWeights[] = [];
  for (let i = 0; i < layerCount; i++) {
    const t = Object.fromEntries(
      LAYER_TENSORS.map((name, k) => [name, read(expected[2 + i * LAYER_TENSORS.length + k])]),
    );
    layers.push({
      query: t.query,
      key: t.key,
      value: t.value,
      output: t.output,
      gate: t.gate,
      up: t.up,
      down: t.down,
      heads: h.headInfo[i],
      slots: h.slots[i],
    });
  }
  const selectors = checkSelectors(h.selectors ?? [], layers, d, dFfn, fail);
  return {
    vocabulary: h.vocabulary,
    selectors,
    dModel: d,
    heads,
    dFfn,
    hardmaxScale: h.hardmaxScale,
    positionSlot: h.positionSlot,
    positionSquareSlot: h.positionSquareSlot,
    embedding,
    unembedding,
    layers,
    inputSlots: Array.isArray(h.inputSlots) ? h.inputSlots : [],
    meta: h.meta && typeof h.meta === 'object' ? h.meta : {},
  };
}

/**
 * One-hot groups must be what they claim: an engine that trusts a group computes one neuron of
 * it, so every gate row is checked to have exactly the form 2i·x − x² + (1 − i²)·one.
 */
function checkSelectors(
  list: unknown,
  layers: readonly LayerWeights[],
  d: number,
  dFfn: number,
  fail: (reason: string) => never,
): NeuronSelector[] {
  if (!Array.isArray(list)) fail('header: selectors must be a list');
  return (list as NeuronSelector[]).map((s, k) => {
    const int = (v: unknown, below: number) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) < below;
    if (
      !s ||
      !int(s.layer, layers.length) ||
      !int(s.first, dFfn) ||
      !int(s.count, dFfn + 1) ||
      s.count < 1 ||
      s.first + s.count > dFfn ||
      !int(s.slot, d) ||
      !int(s.squareSlot, d) ||
      !int(s.oneSlot, d) ||
      new Set([s.slot, s.squareSlot, s.oneSlot]).size !== 3
    ) {
      fail(`header: selector ${k} is out of range (${JSON.stringify(s)?.slice(0, 120)})`);
    }
    const gate = layers[s.layer].gate;
    for (let i = 0; i < s.count; i++) {
      const row = gate.subarray((s.first + i) * d, (s.first + i + 1) * d);
      const want = new Map([
        [s.slot, 2 * i],
        [s.squareSlot, -1],
        [s.oneSlot, 1 - i * i],
      ]);
      for (let c = 0; c < d; c++) {
        if (row[c] !== (want.get(c) ?? 0))
          fail(`header: selector ${k}: neuron ${s.first + i} of layer ${s.layer} is not a one-hot gate`);
      }
    }
    return { ...s };
  });
}
