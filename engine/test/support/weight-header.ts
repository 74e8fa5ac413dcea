// A weight file with its JSON header replaced (the tensors moved to the new 8-byte boundary, the
// checksum left as it was): the one way the damaged-file lists and the reader fuzz forge headers.

/** `file` with header text `text` (not resealed: callers that want a valid checksum reseal it). */
export function withHeaderText(file: Uint8Array, text: string): Uint8Array {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
  const dataStart = Math.ceil((16 + length) / 8) * 8;
  const json = new TextEncoder().encode(text);
  const start = Math.ceil((16 + json.length) / 8) * 8;
  const out = new Uint8Array(start + (file.length - dataStart));
  out.set(file.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, json.length, true);
  out.set(json, 16);
  out.set(file.subarray(dataStart), start);
  return out;
}
