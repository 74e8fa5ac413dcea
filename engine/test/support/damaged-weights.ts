// Damaged weight files, each with the reason a reader must give: shared by the tests of the
// TypeScript reader and of the native one, which must reject the same files the same way.
import { crc32 } from '../../weights/file';

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
  const withHeaderText = (text: string) => {
    const json = new TextEncoder().encode(text);
    const newStart = Math.ceil((16 + json.length) / 8) * 8;
    const out = new Uint8Array(newStart + (good.length - dataStart));
    out.set(good.subarray(0, 16));
    new DataView(out.buffer).setUint32(12, json.length, true);
    out.set(json, 16);
    out.set(good.subarray(dataStart), newStart);
    return reseal(out);
  };
  const withHeader = (h: unknown) => withHeaderText(JSON.stringify(h));
  const edited = (edit: (b: Uint8Array, view: DataView) => void) => {
    const b = good.slice();
    edit(b, new DataView(b.buffer));
    return b;
  };
  const kinds = structuredClone(header);
  kinds.headInfo[0][0].kind = 'teleport';
  const damages: Damage[] = [
    { what: 'a stub', bytes: good.subarray(0, 10), reason: /truncated/ },
    {
      what: 'cut short',
      bytes: good.subarray(0, good.length - 1000),
      reason: /checksum mismatch|size mismatch/,
    },
    { what: 'magic', bytes: edited((b) => (b[0] = 0x58)), reason: /bad magic/ },
    {
      what: 'version',
      bytes: edited((_, v) => v.setUint32(8, 7, true)),
      reason: /format version 7; this build reads version 1/,
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
      reason: /should be embedding|size mismatch/,
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
        selectors: [{ layer: 0, first: 0, count: 2, slot: 0, squareSlot: 1, oneSlot: 2 }],
      }),
      reason: /selector 0: neuron 0 of layer 0 is not a one-hot gate/,
    },
    {
      what: 'a one-hot group past the layer',
      bytes: withHeader({
        ...header,
        selectors: [{ layer: 0, first: 0, count: header.dFfn + 1, slot: 0, squareSlot: 1, oneSlot: 2 }],
      }),
      reason: /selector 0 is out of range/,
    },
    {
      what: 'NaN weight',
      bytes: reseal(edited((_, v) => v.setFloat64(dataStart + 8, Number.NaN, true))),
      reason: /tensor embedding: entry 1 is NaN/,
    },
  ];
  return damages;
}
