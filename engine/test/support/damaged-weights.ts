// Damaged weight files, each with the reason a reader must give: shared by the tests of the
// TypeScript reader and of the native one, which must reject the same files the same way (the
// native test checks that the two messages are equal). The list depends on the good file's format
// version: version 2 (sparse rows) adds the damage only its layout can have.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, parseModel, serializeModel } from '../../weights/file';
import type { TransformerModel } from '../../weights/model';
import { sparseDamages } from './damaged-sparse-weights';
import { withHeaderText as replaceHeader } from './weight-header';

export interface Damage {
  readonly what: string;
  readonly bytes: Uint8Array;
  readonly reason: RegExp;
}

export function damagedWeightFiles(good: Uint8Array): Damage[] {
  /** Re-seals a modified file with a valid checksum, to reach the checks behind it. */
  const reseal = (bytes: Uint8Array) => {
    const out = bytes.slice();
    new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
    return out;
  };
  const headerLength = new DataView(good.buffer, good.byteOffset).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(good.subarray(16, 16 + headerLength)));
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;
  const withHeaderText = (text: string) => reseal(replaceHeader(good, text));
  const withHeader = (h: unknown) => withHeaderText(JSON.stringify(h));
  /** A one-hot group (selector) of layer 0's neurons first .. first + count − 1. */
  const oneHot = (first: number, count: number) => ({
    layer: 0,
    first,
    count,
    slot: 0,
    squareSlot: 1,
    oneSlot: 2,
  });
  const edited = (edit: (b: Uint8Array, view: DataView) => void) => {
    const b = good.slice();
    edit(b, new DataView(b.buffer));
    return b;
  };
  const kinds = structuredClone(header);
  kinds.headInfo[0][0].kind = 'teleport';
  const edit = (change: (h: typeof header) => void) => {
    const h = structuredClone(header);
    change(h);
    return withHeader(h);
  };
  const version = new DataView(good.buffer, good.byteOffset).getUint32(8, true);
  /** The good model changed, written in the good file's version (the layout of each differs). */
  const rebuilt = (change: (m: TransformerModel) => void) => {
    const m = parseModel(good, 'good.tvmw');
    change(m);
    return serializeModel(m, version);
  };
  // An unused head whose query weights are not zero: engines that skip it and dense ones differ.
  const layerOf = header.headInfo.findIndex((l: { kind: string }[]) => l.some((x) => x.kind === 'unused'));
  const headOf = header.headInfo[layerOf].findIndex((x: { kind: string }) => x.kind === 'unused');
  const d = header.dModel;
  // The NaN goes where the file holds the embedding's entry 1 (version 2: its first stored entry).
  const nan = version === 1 ? { at: dataStart + 8, entry: 1 } : sparseDamages(good).firstEmbedding;
  const damages: Damage[] = [
    { what: 'a stub', bytes: good.subarray(0, 10), reason: /truncated/ },
    {
      what: 'cut short',
      bytes: good.subarray(0, good.length - Math.min(1000, good.length >> 2)),
      reason: /checksum mismatch|size mismatch/,
    },
    { what: 'magic', bytes: edited((b) => (b[0] = 0x58)), reason: /bad magic/ },
    {
      what: 'version',
      bytes: edited((_, v) => v.setUint32(8, 7, true)),
      reason: /format version 7; this build reads versions 1 and 2/,
    },
    {
      what: 'one flipped bit in a tensor',
      bytes: edited((b) => (b[good.length - 100] ^= 0x40)),
      reason: /checksum mismatch/,
    },
    {
      what: 'header length past the end',
      bytes: edited((_, v) => v.setUint32(12, 0x7fffffff, true)),
      reason: /truncated: the header says/,
    },
    { what: 'header not JSON', bytes: reseal(edited((b) => (b[16] = 0x5b))), reason: /corrupt header/ },
    {
      what: 'a header nested 100000 deep',
      bytes: withHeaderText('['.repeat(100000) + ']'.repeat(100000)),
      reason: /corrupt header|nested too deeply|dModel must be an integer/,
    },
    {
      what: 'negative width',
      bytes: withHeader({ ...header, dModel: -3 }),
      reason: /dModel must be an integer/,
    },
    {
      what: 'a width the data does not have',
      bytes: withHeader({ ...header, dModel: 9_000_000 }),
      reason: /positional slots|should be|size mismatch|slots needs/,
    },
    {
      what: 'head count',
      bytes: withHeader({ ...header, heads: header.heads + 1 }),
      reason: /needs \d+ head descriptions|should be/,
    },
    {
      what: 'vocabulary',
      bytes: withHeader({ ...header, vocabulary: header.vocabulary.slice(1) }),
      reason: /the vocabulary has \d+ tokens; the token language has \d+/,
    },
    {
      what: 'slot',
      bytes: withHeader({ ...header, positionSlot: header.dModel }),
      reason: /positional slots outside/,
    },
    { what: 'head kind', bytes: withHeader(kinds), reason: /unknown kind or tie-break/ },
    {
      what: 'a one-hot group the gates do not have',
      bytes: withHeader({
        ...header,
        selectors: [oneHot(0, 2)],
      }),
      reason: /selector 0: neuron 0 of layer 0 is not a one-hot gate/,
    },
    {
      what: 'two one-hot groups sharing a neuron',
      bytes: withHeader({
        ...header,
        selectors: [oneHot(0, 2), oneHot(1, 1)],
      }),
      reason: /header: selectors 0 and 1 share neurons of layer 0/,
    },
    {
      what: 'a one-hot group inside another, listed apart',
      bytes: withHeader({
        ...header,
        selectors: [oneHot(0, 3), oneHot(5, 1), oneHot(1, 1)],
      }),
      reason: /header: selectors 0 and 2 share neurons of layer 0/,
    },
    {
      what: 'a one-hot group past the layer',
      bytes: withHeader({
        ...header,
        selectors: [oneHot(0, header.dFfn + 1)],
      }),
      reason: /selector 0 is out of range/,
    },
    {
      what: 'NaN weight',
      bytes: reseal(edited((_, v) => v.setFloat64(nan.at, Number.NaN, true))),
      reason: new RegExp(`tensor embedding: entry ${nan.entry} is NaN`),
    },
    // Not a regular model in memory: sizes the header declares against the file (defect 6).
    {
      what: 'trailing bytes after the checksum',
      bytes: (() => {
        const out = new Uint8Array(good.length + 8);
        out.set(good);
        return reseal(out);
      })(),
      reason: /size mismatch: the header describes \d+ bytes, the file has \d+/,
    },
    {
      what: 'a header longer than any weight file has',
      bytes: (() => {
        const out = new Uint8Array(16 + 9 * 1024 * 1024 + 8);
        out.set(good.subarray(0, 16));
        new DataView(out.buffer).setUint32(12, 9 * 1024 * 1024, true);
        return out;
      })(),
      reason: /header: 9437184 bytes is more than the 8388608 a weight file may have/,
    },
    {
      what: 'a header declaring a model far larger than the file',
      bytes: edit((h) => {
        h.layers = 9_000_000;
      }),
      reason: /headInfo needs one list per layer/,
    },
    {
      what: 'padding after the header that is not zero',
      bytes: (() => {
        if (dataStart === 16 + headerLength) {
          // No padding to damage: a header one byte longer has 7 bytes of it, the last damaged.
          // (A trailing space alone is valid JSON: both readers would load the file.)
          const longer = withHeaderText(`${JSON.stringify(header)} `);
          longer[Math.ceil((17 + headerLength) / 8) * 8 - 1] = 0x20;
          return reseal(longer);
        }
        return reseal(edited((b) => (b[dataStart - 1] = 0x20)));
      })(),
      reason: /header: the padding after it is not zero|corrupt header/,
    },
    {
      what: 'a header that is not UTF-8',
      bytes: reseal(edited((b) => (b[17] = 0xff))),
      reason: /corrupt header: not UTF-8/,
    },
    // Unused heads (defect 16).
    {
      what: 'an unused head with query weights',
      bytes: rebuilt((m) => {
        m.layers[layerOf].query[2 * headOf * d] = 1;
      }),
      reason: new RegExp(
        `layer ${layerOf}: head ${headOf} is labelled unused but its query weights are not zero`,
      ),
    },
    {
      what: 'an unused head with output weights',
      bytes: rebuilt((m) => {
        m.layers[layerOf].output[(2 * headOf + 1) * d + 2] = -0.5;
      }),
      reason: new RegExp(
        `layer ${layerOf}: head ${headOf} is labelled unused but its output weights are not zero`,
      ),
    },
    // The vocabulary is the token language's (defect 16).
    {
      what: 'a vocabulary text the token language does not have',
      bytes: edit((h) => {
        h.vocabulary[5] = 'zz';
      }),
      reason: /header: vocabulary token 5 should be '05'/,
    },
    {
      what: 'two vocabulary texts swapped',
      bytes: edit((h) => {
        [h.vocabulary[0], h.vocabulary[1]] = [h.vocabulary[1], h.vocabulary[0]];
      }),
      reason: /header: vocabulary token 0 should be '00'/,
    },
    {
      what: 'a vocabulary with a token the token language does not have',
      bytes: edit((h) => {
        h.vocabulary.push('teleport');
      }),
      reason: /header: the vocabulary has \d+ tokens; the token language has \d+/,
    },
    // Header numbers in their documented ranges (defect 17).
    {
      what: 'hardmaxScale 1e-300',
      bytes: edit((h) => {
        h.hardmaxScale = 1e-300;
      }),
      reason: /header: hardmaxScale must be a number from 1 to 2\^53/,
    },
    {
      what: 'hardmaxScale beyond the double range',
      bytes: withHeaderText(JSON.stringify(header).replace(/"hardmaxScale":[^,]+/, '"hardmaxScale":1e400')),
      reason: /header: hardmaxScale must be a number from 1 to 2\^53/,
    },
    {
      what: 'hardmaxScale as text',
      bytes: edit((h) => {
        h.hardmaxScale = '1048576';
      }),
      reason: /header: hardmaxScale must be a number from 1 to 2\^53/,
    },
    {
      what: 'a fractional width',
      bytes: edit((h) => {
        h.dModel = header.dModel + 0.5;
      }),
      reason: /header: dModel must be an integer from 1 to 10000000/,
    },
    {
      what: 'a layer count of 2^63',
      bytes: edit((h) => {
        h.layers = 2 ** 63;
      }),
      reason: /header: layers must be an integer from 1 to 10000000/,
    },
    {
      what: 'a width with a leading zero',
      bytes: withHeaderText(JSON.stringify(header).replace(/"dModel":(\d+)/, '"dModel":0$1')),
      reason: /corrupt header/,
    },
    {
      what: 'a fractional position slot',
      bytes: edit((h) => {
        h.positionSlot = 0.5;
      }),
      reason: /header: positionSlot must be an integer from 0 to 10000000/,
    },
    {
      what: 'a meta number beyond the double range',
      bytes: withHeaderText(
        JSON.stringify({ ...header, meta: {} }).replace('"meta":{}', '"meta":{"layers":1e999}'),
      ),
      reason: /header: meta must be an object of texts and finite numbers/,
    },
    {
      what: 'input slots that are not names',
      bytes: edit((h) => {
        h.inputSlots = [1, 2];
      }),
      reason: /header: inputSlots must be a list of names/,
    },
    {
      what: 'a slot name that is not text',
      bytes: edit((h) => {
        h.slots[0][0] = 7;
      }),
      reason: /header: slots needs one list of dModel names per layer/,
    },
    {
      what: 'a position head that averages',
      bytes: edit((h) => {
        h.headInfo[0][0] = { ...h.headInfo[0][0], kind: 'gather', tie: 'average' };
      }),
      reason: /header: layer \d+ has a position head that averages/,
    },
    {
      what: 'selectors null (found by the weights fuzzer: TypeScript took it for none)',
      bytes: edit((h) => {
        h.selectors = null;
      }),
      reason: /header: selectors must be a list/,
    },
    {
      what: 'a fractional selector field',
      bytes: edit((h) => {
        h.selectors = [{ layer: 0, first: 0.5, count: 2, slot: 0, squareSlot: 1, oneSlot: 2 }];
      }),
      reason: /selector 0 is out of range/,
    },
  ];
  return version === 2 ? [...damages, ...sparseDamages(good).damages] : damages;
}

export interface UnreadablePath {
  readonly what: string;
  readonly path: string;
  readonly reason: RegExp;
}

/**
 * Paths that are not weight files at all, made in `work`: devices that never end, a FIFO with no
 * writer (opening it must not wait), a folder, a missing file, and a 1 GiB file whose magic is
 * wrong (refused after 16 bytes, not after reading a gigabyte).
 */
export function unreadableWeightPaths(work: string): UnreadablePath[] {
  const fifo = join(work, 'fifo.tvmw');
  execFileSync('mkfifo', [fifo]);
  const folder = join(work, 'folder.tvmw');
  mkdirSync(folder);
  const huge = join(work, 'huge.tvmw');
  closeSync(openSync(huge, 'w'));
  truncateSync(huge, 2 ** 30);
  const notRegular = /cannot read: not a regular file \(a device, FIFO or folder\)/;
  return [
    { what: '/dev/zero', path: '/dev/zero', reason: notRegular },
    { what: '/dev/urandom', path: '/dev/urandom', reason: notRegular },
    { what: 'a FIFO', path: fifo, reason: notRegular },
    { what: 'a folder', path: folder, reason: notRegular },
    { what: 'a missing file', path: join(work, 'missing.tvmw'), reason: /cannot read: no such file/ },
    { what: 'a 1 GiB file of zeros', path: huge, reason: /not a Transformer VM weight file \(bad magic\)/ },
  ];
}
