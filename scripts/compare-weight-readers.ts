// Differential check of the two weight-file readers on a folder of inputs (the native fuzzer's
// grown corpus: npm run fuzz:native runs this after fuzzing): each file, as it is and resealed
// with a valid checksum, must be loaded by both the TypeScript reader and the native addon or
// refused by both with the same message (a JSON syntax error's details aside). Prints
// `readers agree on <n> inputs, <d> differences` and exits 1 on a difference, naming the file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNative } from '../engine/model/native-engine';
import { crc32, readModel } from '../engine/weights/file';

const dir = process.argv[2];
const native = loadNative();
if (!native.ok) {
  console.log(`compare-weight-readers: skipped, ${native.reason}`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'tvm-compare-'));
const file = join(work, 'input.tvmw');
const outcome = (load: () => unknown) => {
  try {
    load();
    return 'loaded';
  } catch (e) {
    const m = (e as Error).message;
    return m.startsWith(`${file}: corrupt header: `) && !m.includes('UTF-8') ? 'corrupt header' : m;
  }
};
// An input that starts with '{' is a header alone, framed as the fuzz target frames it: with
// the tiny model's tensors (native/fuzz/weights_fuzzer.cc, loadHeader).
const tiny = readFileSync(join(__dirname, '..', 'native', 'fuzz', 'seeds', 'weights', 'valid-tiny.tvmw'));
const tinyTensors = tiny.subarray(Math.ceil((16 + tiny.readUInt32LE(12)) / 8) * 8, tiny.length - 4);
function framed(header: Buffer): Buffer {
  const start = Math.ceil((16 + header.length) / 8) * 8;
  const out = Buffer.alloc(start + tinyTensors.length + 4);
  out.write('TVMWEIGH', 0, 'latin1');
  out.writeUInt32LE(tiny.readUInt32LE(8), 8); // the seed's version: the tensors are in its layout
  out.writeUInt32LE(header.length, 12);
  header.copy(out, 16);
  tinyTensors.copy(out, start);
  return out;
}
let inputs = 0;
let differences = 0;
try {
  for (const name of readdirSync(dir)) {
    const read = readFileSync(join(dir, name));
    const raw = read[0] === 0x7b ? framed(read) : read;
    for (const sealed of read[0] === 0x7b ? [true] : [false, true]) {
      const bytes = Buffer.from(raw);
      if (sealed && bytes.length >= 20)
        bytes.writeUInt32LE(crc32(bytes.subarray(0, bytes.length - 4)), bytes.length - 4);
      writeFileSync(file, bytes);
      inputs++;
      const ts = outcome(() => readModel(file));
      const cc = outcome(() => new native.NativeEngine(file));
      if (ts !== cc) {
        differences++;
        console.error(
          `${join(dir, name)}${sealed ? ' (resealed)' : ''}:\n  TypeScript: ${ts}\n  native:     ${cc}`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`readers agree on ${inputs - differences} of ${inputs} inputs, ${differences} differences`);
process.exit(differences > 0 ? 1 : 0);
