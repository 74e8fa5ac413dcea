// The weight file: a transformer's weights and everything an engine or debugger needs to run and
// explain it. Layout (docs/weight-file.md):
//
//   0   magic "TVMWEIGH"            8 bytes
//   8   format version (1 or 2)     u32 little-endian
//   12  header length N             u32
//   16  header, JSON, UTF-8         N bytes, then zero padding to a multiple of 8
//   ..  tensors                     in the header's `tensors` order:
//         version 1 (dense): each shape's product × float64 LE
//         version 2 (sparse, written by default): per tensor of R rows and the header's
//         `nonzeros` N: R × u32 entry counts, N × u32 columns (row by row, increasing),
//         4 zero bytes when R + N is odd (so the values are 8-byte aligned), N × float64 values
//   end CRC-32 of everything above  u32
//
// Header ranges (both readers refuse anything else, naming the field):
//   header length ≤ 8 MiB and ≤ 1,000,000 JSON values; zero padding
//   dModel, heads, dFfn, layers: integers 1 … 10,000,000
//   positionSlot, positionSquareSlot: integers 0 … dModel − 1
//   hardmaxScale: a number 1 … 2^53 (it divides queries, which must stay exact integers)
//   vocabulary: exactly the token language's texts, by id (engine/tokens/vocabulary.ts)
//   inputSlots, slots[layer] (dModel of them), headInfo values: lists of texts
//   meta: an object of texts and finite numbers
//   headInfo kind/tie as listed in docs/weight-file.md; gather and passthrough heads tie 'latest'
//   selectors: integer fields inside the layer and the residual stream
//   version 2: every tensor's nonzeros an integer 0 … rows·columns, and all tensors together at
//   most MAX_WEIGHTS weights (the JS model is dense: a small file must not ask for terabytes)
// and the file's size must be exactly what the header's shapes declare. A head labelled
// unused must have zero query, key, value and output rows. Version 2's content (counts, columns,
// explicit zeros) is checked with the values, after the checksum, like non-finite weights.
//
// Reading checks every field before using it: a truncated, corrupt or foreign file is an error
// that says what is wrong, never an out-of-range read or a model that computes garbage. The header
// is checked before any tensor is read, and memory never exceeds about the size the header
// declares (which must be the file's; for version 2, whose JS model is dense, also at most
// MAX_WEIGHTS weights). native/src/model.cc reads by the same rules, in the same order, with the
// same messages.
import { closeSync, constants, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { vocabulary } from '../tokens/vocabulary';
import type { HeadInfo, LayerWeights, NeuronSelector, TransformerModel } from './model';
import { expandSparse, indexBytes, sparseBytes, storedCount, writeSparse } from './sparse-tensors';

const MAGIC = 'TVMWEIGH';
/** The version writers write; readers read this one and every earlier one. */
export const WEIGHT_FILE_VERSION = 2;
/** The versions readers accept: 1 (dense tensors) and 2 (sparse rows). */
export const WEIGHT_FILE_VERSIONS: readonly number[] = [1, 2];
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
  tensors: { name: string; shape: number[]; nonzeros?: number }[];
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

/** The file's bytes, in `version` (2, sparse, unless an older reader needs 1). */
export function serializeModel(m: TransformerModel, version = WEIGHT_FILE_VERSION): Uint8Array {
  if (!WEIGHT_FILE_VERSIONS.includes(version)) throw new Error(`no weight-file version ${version}`);
  const sparse = version === 2;
  const tensors = tensorList(m).map((t) => ({ ...t, nonzeros: sparse ? storedCount(t.data) : 0 }));
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
    tensors: tensors.map(({ name, shape, nonzeros }) =>
      sparse ? { name, shape, nonzeros } : { name, shape },
    ),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 16 + json.length;
  const dataStart = Math.ceil(headerEnd / 8) * 8;
  const dataBytes = tensors.reduce(
    (n, t) => n + (sparse ? Number(sparseBytes(t.shape[0], t.nonzeros)) : t.data.length * 8),
    0,
  );
  const out = new Uint8Array(dataStart + dataBytes + 4);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, version, true);
  view.setUint32(12, json.length, true);
  out.set(json, 16);
  let at = dataStart;
  for (const t of tensors) {
    if (sparse) at = writeSparse(view, at, t.data, t.shape[0], t.shape[1], t.nonzeros);
    else for (let i = 0; i < t.data.length; i++, at += 8) view.setFloat64(at, t.data[i], true);
  }
  view.setUint32(at, crc32(out.subarray(0, at)), true);
  return out;
}

export function writeModel(file: string, m: TransformerModel, version = WEIGHT_FILE_VERSION): void {
  writeFileSync(file, serializeModel(m, version));
}

/** The largest header a reader accepts (the universal model's is about 16 KB). */
export const MAX_HEADER_BYTES = 8 * 1024 * 1024;
/** The most JSON values a header may hold (bounds the memory its parse takes). */
export const MAX_HEADER_VALUES = 1_000_000;
/** The most any count in the header (widths, layers, heads, neurons) may be. */
const MAX_COUNT = 10_000_000;
/** hardmaxScale's range: it divides queries, which must stay integers an engine can compare. */
const MAX_HARDMAX_SCALE = 2 ** 53;
/**
 * The most weights (Σ rows·columns) a version-2 file may declare: its tensors are small on disk
 * but dense in the JS model (2 GiB at most; the universal model has about 6 million). Version 1
 * needs no such bound: its file holds every weight.
 */
export const MAX_WEIGHTS = 2 ** 28;

/** Bytes read from a file or from memory, in order from offset 0. */
interface ByteSource {
  readonly size: number;
  /** Fills `into` from `position`; returns how many bytes there were (fewer at the end). */
  read(into: Uint8Array, position: number): number;
}

/**
 * Reads a weight file: what is not a regular file (a device, a FIFO, a folder) is refused before
 * anything is read, the magic and header are checked first, and the tensors are then read by the
 * sizes the header declares, straight into the arrays the model keeps.
 */
export function readModel(file: string): TransformerModel {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new WeightFileError(file, `cannot read: ${openFailure(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new WeightFileError(file, 'cannot read: not a regular file (a device, FIFO or folder)');
    return decodeModel(
      {
        size: st.size,
        read: (into, position) => {
          let n = 0;
          while (n < into.length) {
            const got = readSync(fd, into, n, into.length - n, position + n);
            if (got === 0) break;
            n += got;
          }
          return n;
        },
      },
      file,
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * The format version a weight file says it is (bytes 8–11), or undefined when it is not a
 * weight file; it checks nothing else (readModel does).
 */
export function weightFileVersion(file: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const start = new Uint8Array(12);
    if (readSync(fd, start, 0, 12, 0) !== 12 || new TextDecoder().decode(start.subarray(0, 8)) !== MAGIC)
      return undefined;
    return new DataView(start.buffer).getUint32(8, true);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a weight file's bytes held in memory; `file` names it in errors. */
export function parseModel(bytes: Uint8Array, file: string): TransformerModel {
  return decodeModel(
    {
      size: bytes.length,
      read: (into, position) => {
        const part = bytes.subarray(position, position + into.length);
        into.set(part);
        return part.length;
      },
    },
    file,
  );
}

function openFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

function decodeModel(src: ByteSource, file: string): TransformerModel {
  const fail = (reason: string): never => {
    throw new WeightFileError(file, reason);
  };
  const size = src.size;
  let crc = 0xffffffff;
  let at = 0;
  /** The next `n` bytes (into `into` when given), added to the checksum. */
  const take = (n: number, into = new Uint8Array(n)) => {
    if (src.read(into, at) !== n) fail(`truncated: the file ends before byte ${at + n}`);
    for (let i = 0; i < n; i++) crc = CRC_TABLE[(crc ^ into[i]) & 0xff] ^ (crc >>> 8);
    at += n;
    return into;
  };
  if (size < 20) fail(`truncated: ${size} bytes is too short for a weight file`);
  const start = take(16);
  if (new TextDecoder().decode(start.subarray(0, 8)) !== MAGIC)
    fail('not a Transformer VM weight file (bad magic)');
  const view = new DataView(start.buffer);
  const version = view.getUint32(8, true);
  if (!WEIGHT_FILE_VERSIONS.includes(version)) {
    fail(
      `format version ${version}; this build reads versions ${WEIGHT_FILE_VERSIONS.join(' and ')} (rebuild it with wasm-build)`,
    );
  }
  const headerLength = view.getUint32(12, true);
  if (16 + headerLength + 4 > size)
    fail(`truncated: the header says ${headerLength} bytes, the file is ${size}`);
  if (headerLength > MAX_HEADER_BYTES)
    fail(`header: ${headerLength} bytes is more than the ${MAX_HEADER_BYTES} a weight file may have`);
  const headerBytes = take(headerLength);
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
  if (dataStart + 4 > size) fail(`truncated: the header says ${headerLength} bytes, the file is ${size}`);
  if (take(dataStart - at).some((b) => b !== 0)) fail('header: the padding after it is not zero');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(headerBytes);
  } catch {
    return fail('corrupt header: not UTF-8');
  }
  let h: Header;
  let values = 0;
  try {
    h = JSON.parse(text, (_key, v) => {
      if (++values > MAX_HEADER_VALUES) throw new Error(`JSON has more than ${MAX_HEADER_VALUES} values`);
      return v;
    });
  } catch (e) {
    return fail(`corrupt header: ${(e as Error).message}`);
  }
  const { expected, layerCount, heads, dFfn } = checkHeader(h, version, fail);
  const d = h.dModel;

  // The sizes the header declares, exactly (BigInt: a hostile header's sum exceeds 2^53).
  const total = expected.reduce(
    (n, e) =>
      n +
      (version === 1 ? BigInt(e.shape[0]) * BigInt(e.shape[1]) * 8n : sparseBytes(e.shape[0], e.nonzeros)),
    BigInt(dataStart) + 4n,
  );
  if (total !== BigInt(size))
    fail(`size mismatch: the header describes ${total} bytes, the file has ${size}`);

  // The first defect of the tensors' content, reported after the checksum (a damaged file is
  // "corrupt" before it is anything else), in file order as the native reader finds it.
  let firstDefect: string | undefined;
  /** n little-endian u32 or f64 from the file (byte-swapped on a big-endian host). */
  const takeArray = <T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T => {
    take(a.byteLength, new Uint8Array(a.buffer));
    if (!LITTLE_ENDIAN) {
      const le = new DataView(a.buffer);
      const size = a.BYTES_PER_ELEMENT;
      for (let i = 0; i < a.length; i++)
        a[i] = size === 4 ? le.getUint32(4 * i, true) : le.getFloat64(8 * i, true);
    }
    return a;
  };
  const takeU32 = (n: number) => takeArray(new Uint32Array(n));
  const takeF64 = (n: number) => takeArray(new Float64Array(n));
  const read = (e: { name: string; shape: number[]; nonzeros: number }) => {
    const [rows, width] = e.shape;
    if (version === 2) {
      const a = new Float64Array(rows * width);
      const counts = takeU32(rows);
      const columns = takeU32(e.nonzeros);
      const padding = take(indexBytes(rows, e.nonzeros) - 4 * (rows + e.nonzeros));
      const values = takeF64(e.nonzeros);
      if (firstDefect === undefined)
        firstDefect = expandSparse({ name: e.name, width, counts, columns, padding, values }, a);
      return a;
    }
    const a = takeF64(rows * width);
    if (firstDefect === undefined) {
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i])) {
          firstDefect = `tensor ${e.name}: entry ${i} is ${a[i]}`;
          break;
        }
      }
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
  const computed = (crc ^ 0xffffffff) >>> 0;
  const stored = new DataView(take(4).buffer).getUint32(0, true);
  if (computed !== stored) fail('checksum mismatch: the file is corrupt or truncated');
  if (firstDefect) fail(firstDefect);
  checkUnusedHeads(layers, d, fail);
  // Optional: absent is none, but a present value must be a list (null too is refused, as natively).
  const selectors = checkSelectors(h.selectors === undefined ? [] : h.selectors, layers, d, dFfn, fail);
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
    inputSlots: h.inputSlots,
    meta: h.meta,
  };
}

/**
 * Checks every header field against its documented range (this file's opening comment) in the order the
 * native reader does, so both give the same message for the same file; returns the tensors the
 * header's sizes call for.
 */
function checkHeader(h: Header, version: number, fail: (reason: string) => never) {
  if (!h || typeof h !== 'object' || Array.isArray(h)) fail('header: not a JSON object');
  const count = (
    field: 'dModel' | 'heads' | 'dFfn' | 'layers' | 'positionSlot' | 'positionSquareSlot',
    min: number,
  ) => {
    const v = h[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > MAX_COUNT)
      fail(`header: ${field} must be an integer from ${min} to ${MAX_COUNT}`);
    return v;
  };
  const d = count('dModel', 1);
  const heads = count('heads', 1);
  const dFfn = count('dFfn', 1);
  const layerCount = count('layers', 1);
  const positionSlot = count('positionSlot', 0);
  const positionSquareSlot = count('positionSquareSlot', 0);
  if (positionSlot >= d || positionSquareSlot >= d)
    fail('header: positional slots outside the residual stream');
  const scale = h.hardmaxScale;
  if (typeof scale !== 'number' || !(scale >= 1 && scale <= MAX_HARDMAX_SCALE))
    fail('header: hardmaxScale must be a number from 1 to 2^53');

  // The vocabulary is the token language's, text for text: an engine's token ids mean those texts.
  const language = vocabulary();
  if (!Array.isArray(h.vocabulary) || h.vocabulary.some((t) => typeof t !== 'string'))
    fail('header: vocabulary must be a list of token texts');
  if (h.vocabulary.length !== language.length)
    fail(
      `header: the vocabulary has ${h.vocabulary.length} tokens; the token language has ${language.length}`,
    );
  h.vocabulary.forEach((t, i) => {
    if (t !== language[i]) fail(`header: vocabulary token ${i} should be '${language[i]}'`);
  });
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!isStrings(h.inputSlots)) fail('header: inputSlots must be a list of names');
  const meta = h.meta as unknown;
  if (
    !meta ||
    typeof meta !== 'object' ||
    Array.isArray(meta) ||
    Object.values(meta).some((v) => typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v)))
  ) {
    fail('header: meta must be an object of texts and finite numbers');
  }

  if (!Array.isArray(h.headInfo) || h.headInfo.length !== layerCount)
    fail('header: headInfo needs one list per layer');
  h.headInfo.forEach((layer, li) => {
    if (!Array.isArray(layer) || layer.length !== heads)
      fail(`header: layer ${li} needs ${heads} head descriptions`);
    for (const head of layer) {
      const ok =
        head &&
        typeof head === 'object' &&
        HEAD_KINDS.has(head.kind) &&
        (head.tie === 'latest' || head.tie === 'average') &&
        (head.lookup === undefined || typeof head.lookup === 'string') &&
        (head.values === undefined || isStrings(head.values));
      if (!ok) fail(`header: layer ${li} has a head with unknown kind or tie-break`);
      if ((head.kind === 'gather' || head.kind === 'passthrough') && head.tie !== 'latest')
        fail(`header: layer ${li} has a position head that averages`);
    }
  });
  if (
    !Array.isArray(h.slots) ||
    h.slots.length !== layerCount ||
    h.slots.some((s) => !isStrings(s) || s.length !== d)
  )
    fail('header: slots needs one list of dModel names per layer');

  // Tensors: exactly the expected names and shapes, packed after the header.
  if (!Array.isArray(h.tensors) || h.tensors.length !== 2 + layerCount * LAYER_TENSORS.length)
    fail(`header: expected ${2 + layerCount * LAYER_TENSORS.length} tensors`);
  const V = language.length;
  const expected: { name: string; shape: number[]; nonzeros: number }[] = [
    { name: 'embedding', shape: [V, d], nonzeros: 0 },
    { name: 'unembedding', shape: [V, d], nonzeros: 0 },
  ];
  for (let i = 0; i < layerCount; i++) {
    for (const t of LAYER_TENSORS)
      expected.push({
        name: `layers.${i}.${t}`,
        shape: [t === 'gate' || t === 'up' || t === 'down' ? dFfn : heads * 2, d],
        nonzeros: 0,
      });
  }
  let weights = 0n;
  expected.forEach((e, i) => {
    const t = h.tensors[i];
    const shape = t && typeof t === 'object' ? t.shape : undefined;
    if (
      t?.name !== e.name ||
      !Array.isArray(shape) ||
      shape.length !== 2 ||
      shape[0] !== e.shape[0] ||
      shape[1] !== e.shape[1]
    )
      fail(`header: tensor ${i} should be ${e.name} [${e.shape[0]},${e.shape[1]}]`);
    if (version === 2) {
      // rows·columns ≤ 10^14: exact in a double.
      const room = e.shape[0] * e.shape[1];
      const n = t.nonzeros;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > room)
        fail(`header: tensor ${i} (${e.name}) needs its nonzeros, an integer from 0 to ${room}`);
      e.nonzeros = n;
      weights += BigInt(room);
    }
  });
  if (weights > BigInt(MAX_WEIGHTS))
    fail(`header: the tensors hold ${weights} weights; a weight file may hold at most ${MAX_WEIGHTS}`);
  return { expected, layerCount, heads, dFfn };
}

/**
 * A head labelled unused is skipped by engines that know the label; a dense engine computes it.
 * Both run the same only if its weights are zero, so they must be.
 */
function checkUnusedHeads(layers: readonly LayerWeights[], d: number, fail: (reason: string) => never): void {
  layers.forEach((layer, l) => {
    layer.heads.forEach((head, h) => {
      if (head.kind !== 'unused') return;
      for (const t of ['query', 'key', 'value', 'output'] as const) {
        const rows = layer[t].subarray(2 * h * d, (2 * h + 2) * d);
        if (rows.some((v) => v !== 0))
          fail(`layer ${l}: head ${h} is labelled unused but its ${t} weights are not zero`);
      }
    });
  });
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
  (list as NeuronSelector[]).forEach((s, k) => {
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
      fail(`header: selector ${k} is out of range`);
    }
  });
  // Groups of one layer must not share a neuron: an engine computes one neuron per group. In
  // order of (layer, first, index), each group against the one reaching furthest before it (the
  // native reader names the same pair).
  const selectors = list as NeuronSelector[];
  const order = selectors
    .map((_, k) => k)
    .sort(
      (a, b) => selectors[a].layer - selectors[b].layer || selectors[a].first - selectors[b].first || a - b,
    );
  for (let i = 1, reach = order[0]; i < order.length; i++) {
    const a = selectors[reach];
    const b = selectors[order[i]];
    if (a.layer === b.layer && b.first < a.first + a.count)
      fail(
        `header: selectors ${Math.min(reach, order[i])} and ${Math.max(reach, order[i])} share neurons of layer ${b.layer}`,
      );
    if (a.layer !== b.layer || b.first + b.count > a.first + a.count) reach = order[i];
  }
  return selectors.map((s, k) => {
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
