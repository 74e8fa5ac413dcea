// Mutated weight files for property-based fuzzing of the readers (engine/test/weights.fuzz.ts and
// its short fixed-seed run in weights.test.ts): a valid tiny model, in format version 1 and 2,
// changed byte by byte (version 2: also a word of its counts and columns), cut,
// extended, or with one header field replaced by an arbitrary or hostile JSON value, resealed
// with a valid checksum or not. The property: a reader loads the file or refuses it with its own
// error naming the file; no other exception, and (when the addon is built) the native reader
// decides the same way with the same message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadNative } from '../../model/native-engine';
import { crc32, parseModel, readModel, serializeModel, WeightFileError } from '../../weights/file';
import { tinyModel } from './tiny-model';
import { withHeaderText } from './weight-header';

const reseal = (bytes: Uint8Array) => {
  if (bytes.length < 4) return bytes;
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
};

const hostileNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1e-300,
  1e300,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53,
  2 ** 63,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
);
const jsonReplacement = fc.oneof(
  hostileNumber,
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
);

export interface Mutated {
  readonly how: string;
  readonly bytes: Uint8Array;
}

/** Mutations of one valid file: header fields, bytes, length, and (version 2) index words. */
function mutationsOf(good: Uint8Array): fc.Arbitrary<Mutated> {
  const version = new DataView(good.buffer, good.byteOffset).getUint32(8, true);
  const headerLength = new DataView(good.buffer, good.byteOffset).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(good.subarray(16, 16 + headerLength)));
  const dataStart = Math.ceil((16 + headerLength) / 8) * 8;

  const withHeader = (text: string): Uint8Array => withHeaderText(good, text);

  /** Every path to a value in the header (arrays sampled: the vocabulary has 824 entries). */
  const paths: (string | number)[][] = [];
  (function walk(v: unknown, path: (string | number)[]) {
    paths.push(path);
    if (Array.isArray(v))
      v.slice(0, 3).forEach((x, i) => {
        walk(x, [...path, i]);
      });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  })(header, []);

  // Version 2: a u32 of the counts or columns (or a value's low word) set to a telling number.
  const indexWord = fc
    .record({
      word: fc.nat(Math.floor((good.length - 4 - dataStart) / 4) - 1),
      value: fc.constantFrom(
        0,
        1,
        2,
        header.dModel - 1,
        header.dModel,
        header.dModel + 1,
        2 ** 31,
        2 ** 32 - 1,
      ),
    })
    .map(({ word, value }) => {
      const b = good.slice();
      new DataView(b.buffer).setUint32(dataStart + 4 * word, value, true);
      return { how: `v2 data word ${word} = ${value}, resealed`, bytes: reseal(b) };
    });
  const mutations = fc.oneof(
    // A header field replaced (the header is where the checks are).
    fc
      .record({
        path: fc.constantFrom(...paths),
        value: jsonReplacement,
        raw: fc.option(fc.constantFrom('1e400', '-1e400', '01', '1.', '"\\ud800"', '[]]', '{"a":1,"a":2}')),
        sealed: fc.boolean(),
      })
      .map(({ path, value, raw, sealed }) => {
        const h = structuredClone(header);
        let text: string;
        if (path.length === 0) text = raw ?? JSON.stringify(value);
        else {
          let at = h;
          for (const k of path.slice(0, -1)) at = at[k];
          const marker = '__FUZZ_MARKER__';
          at[path[path.length - 1]] = raw === null ? value : marker;
          text = JSON.stringify(h);
          if (raw !== null) text = text.replace(`"${marker}"`, raw);
        }
        const bytes = withHeader(text);
        return {
          how: `header ${JSON.stringify(path)} = ${raw ?? JSON.stringify(value)}${sealed ? ', resealed' : ''}`,
          bytes: sealed ? reseal(bytes) : bytes,
        };
      }),
    // Bytes changed anywhere (biased to the first 16 + header bytes).
    fc
      .record({
        edits: fc.array(
          fc.record({
            at: fc.oneof(fc.nat(dataStart + 16), fc.nat(good.length - 1)),
            value: fc.integer({ min: 0, max: 255 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        sealed: fc.boolean(),
      })
      .map(({ edits, sealed }) => {
        const b = good.slice();
        for (const e of edits) b[e.at] = e.value;
        return {
          how: `bytes ${edits.map((e) => `${e.at}=${e.value}`).join(' ')}${sealed ? ', resealed' : ''}`,
          bytes: sealed ? reseal(b) : b,
        };
      }),
    // Cut or extended.
    fc.record({ length: fc.nat(good.length + 64), sealed: fc.boolean() }).map(({ length, sealed }) => {
      const b = new Uint8Array(length);
      b.set(good.subarray(0, Math.min(length, good.length)));
      return { how: `length ${length}${sealed ? ', resealed' : ''}`, bytes: sealed ? reseal(b) : b };
    }),
  );
  return version === 2
    ? fc.oneof(mutations, indexWord).map((m) => ({ ...m, how: `v2: ${m.how}` }))
    : mutations.map((m) => ({ ...m, how: `v1: ${m.how}` }));
}

/** One mutated weight file, with a description to print when it is a finding. */
export const mutatedWeightFile: fc.Arbitrary<Mutated> = fc.oneof(
  mutationsOf(serializeModel(tinyModel(), 1)),
  mutationsOf(serializeModel(tinyModel(), 2)),
);

/**
 * The property, with a folder for the native reader's files (removed by the returned dispose).
 * Returns the property and how to clean up.
 */
export function weightReaderProperty(): { property: fc.IProperty<[Mutated]>; dispose: () => void } {
  const native = loadNative();
  const work = mkdtempSync(join(tmpdir(), 'tvm-weights-fuzz-'));
  const file = join(work, 'fuzz.tvmw');
  const outcome = (load: () => unknown, isOwn: (e: unknown) => boolean) => {
    try {
      load();
      return 'loaded';
    } catch (e) {
      if (!isOwn(e)) throw new Error(`not the reader's own error: ${(e as Error)?.stack ?? String(e)}`);
      const message = (e as Error).message;
      if (!message.startsWith(`${file}: `))
        throw new Error(`a refusal that does not name the file: ${message}`);
      // A JSON syntax error's details are each parser's own.
      return message.startsWith(`${file}: corrupt header: `) && !message.includes('UTF-8')
        ? `${file}: corrupt header: …`
        : message;
    }
  };
  const property = fc.property(mutatedWeightFile, ({ bytes }) => {
    writeFileSync(file, bytes);
    const fromBytes = outcome(
      () => parseModel(bytes, file),
      (e) => e instanceof WeightFileError,
    );
    const fromFile = outcome(
      () => readModel(file),
      (e) => e instanceof WeightFileError,
    );
    if (fromBytes !== fromFile) throw new Error(`parseModel says ${fromBytes}, readModel says ${fromFile}`);
    if (native.ok) {
      const fromNative = outcome(
        () => new native.NativeEngine(file),
        (e) => e instanceof Error,
      );
      if (fromNative !== fromFile)
        throw new Error(`the native reader says ${fromNative}, TypeScript ${fromFile}`);
    }
  });
  return { property, dispose: () => rmSync(work, { recursive: true, force: true }) };
}
