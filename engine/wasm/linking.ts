// The data symbols of a relocatable WebAssembly object (clang -c): names and sizes from its
// "linking" custom section (the tool conventions' symbol table), for messages about memory use.
import { ByteReader, readSections } from './reader';

export interface DataSymbol {
  readonly name: string;
  readonly size: number;
}

const SYMBOL_TABLE = 8;
const KIND_DATA = 1;
const KIND_SECTION = 3;
const FLAG_UNDEFINED = 0x10;
const FLAG_EXPLICIT_NAME = 0x40;

/** The defined data symbols of an object file, largest first (empty when it has no symbol table). */
export function dataSymbols(object: Uint8Array): DataSymbol[] {
  const linking = readSections(object).find((s) => s.id === 0 && s.name === 'linking');
  if (!linking) return [];
  const r = new ByteReader(object, linking.start, linking.end);
  r.leb(); // version
  const out: DataSymbol[] = [];
  while (!r.atEnd) {
    const type = r.u8();
    const size = r.leb();
    const end = r.pos + size;
    if (type === SYMBOL_TABLE) {
      const count = r.leb();
      for (let i = 0; i < count; i++) {
        const kind = r.u8();
        const flags = r.leb();
        const defined = (flags & FLAG_UNDEFINED) === 0;
        if (kind === KIND_DATA) {
          const name = r.name();
          if (defined) {
            r.leb(); // segment
            r.leb(); // offset
            out.push({ name, size: r.leb() });
          }
        } else if (kind === KIND_SECTION) {
          r.leb();
        } else {
          r.leb(); // function, global, tag or table index
          if (defined || flags & FLAG_EXPLICIT_NAME) r.name();
        }
      }
    }
    r.pos = end;
  }
  return out.sort((a, b) => b.size - a.size);
}
