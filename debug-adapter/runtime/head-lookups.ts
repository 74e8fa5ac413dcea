// The lookup each attention head of a model makes ('memory_byte_dirty', 'local_byte', …), read
// from the model file once per file: provenance finds the head that read a value by its lookup.
import { readModel } from '../../engine/weights/file';

const cache = new Map<string, string[][]>();

/** (layer, head) → the head's lookup name ('' for a head that makes none). */
export function headLookups(modelFile: string): (layer: number, head: number) => string {
  let names = cache.get(modelFile);
  if (!names) {
    names = readModel(modelFile).layers.map((layer) => layer.heads.map((h) => h.lookup ?? ''));
    cache.set(modelFile, names);
  }
  const table = names;
  return (layer, head) => table[layer]?.[head] ?? '';
}
