// How C values look in the debugger (the display contract, gdb-like so the oracle test can compare
// them): integers in decimal, floats with gdb's digits (float.ts), chars as number and character,
// enums by name, pointers in hex (a char * with its string), arrays and structs as bounded `{…}`
// summaries. Also a value's children (elements, members, the pointee) for expanding it, with the C
// expression that names each.
import { integerOf, type MemoryReader, readPlace, ValueUnavailable } from './bytes';
import { bitsOf, formatFloat } from './float';
import type { CMember, CProgramInfo, CRecordType, CType, CValue, Place } from './model';
import { resolved, sizeOf } from './types';

/** Characters of a string shown before `...` (gdb's `print elements` is 200 too). */
export const MAX_STRING = 200;
/** Elements of an array shown in its summary before `...`. */
export const MAX_ARRAY_SUMMARY = 100;
/** Characters of a struct or union summary, roughly, before `...}`. */
export const MAX_RECORD_SUMMARY = 200;

/** Names a function by its table index (a function pointer's value), when the module says. */
export type FunctionNamer = (tableIndex: number) => string | undefined;

/**
 * A value as the debugger shows it. Never throws: what cannot be read shows as `<optimized out>`,
 * `<unavailable: …>` or `<cannot read …>`. `functionName` names function pointers.
 */
export function formatValue(
  v: CValue,
  memory: MemoryReader,
  _program?: CProgramInfo,
  functionName?: FunctionNamer,
): string {
  return show(v, memory, functionName ?? (() => undefined), MAX_RECORD_SUMMARY);
}

function show(v: CValue, memory: MemoryReader, fname: FunctionNamer, budget: number): string {
  try {
    // Nothing of it there: the whole value says so once (gdb), not each member.
    if (nothingThere(v.place))
      return v.place.kind === 'unavailable' ? `<unavailable: ${v.place.reason}>` : '<optimized out>';
    return showOrThrow(v, memory, fname, budget);
  } catch (e) {
    if (e instanceof ValueUnavailable) return e.message;
    throw e;
  }
}

function showOrThrow(v: CValue, memory: MemoryReader, fname: FunctionNamer, budget: number): string {
  const t = resolved(v.type);
  switch (t.kind) {
    case 'void':
      return '<void>';
    case 'function':
      return '<function>';
    case 'base': {
      if (t.encoding === 'float') {
        // long double is binary128 on wasm32; gdb's digits for it are not reproduced here.
        if (t.size !== 4 && t.size !== 8)
          return `<${t.name === '<unnamed>' ? `${t.size}-byte float` : t.name} not supported>`;
        return formatFloat(bitsOf(readPlace(v.place, 0, t.size, memory), t.size), t.size);
      }
      if (t.encoding === 'complex_float') {
        // gdb's form: `1 + -2i` (real part, ` + `, imaginary part, `i`).
        const half = t.size / 2;
        if (half !== 4 && half !== 8) return `<${t.name} not supported>`;
        const bytes = readPlace(v.place, 0, t.size, memory);
        const [re, im] = [bytes.subarray(0, half), bytes.subarray(half)].map((b) =>
          formatFloat(bitsOf(b, half), half),
        );
        return `${re} + ${im}i`;
      }
      const n = integerValue(v, memory);
      if (t.encoding === 'bool') return n === 0n ? 'false' : n === 1n ? 'true' : String(n);
      if (t.encoding === 'signed_char' || t.encoding === 'unsigned_char')
        return `${n} ${charLiteral(Number(BigInt.asUintN(8, n)))}`;
      return String(n);
    }
    case 'enum': {
      const n = integerValue(v, memory);
      return t.enumerators.find((e) => e.value === n)?.name ?? String(n);
    }
    case 'pointer': {
      const address = Number(integerValue(v, memory));
      const hex = `0x${address.toString(16)}`;
      const target = resolved(t.target);
      if (target.kind === 'function') {
        const name = address ? fname(address) : undefined;
        return name ? `${hex} <${name}>` : hex;
      }
      if (address !== 0 && isChar(target)) {
        const s = readCString(address, memory);
        return s === undefined ? `${hex} <cannot read>` : `${hex} ${s}`;
      }
      return hex;
    }
    case 'array': {
      const element = resolved(t.element);
      const size = sizeOf(t.element);
      if (t.count === undefined || size === undefined) return '{...}';
      if (isChar(element) && size === 1) {
        // Up to the first NUL within the bound (gdb: a char array without one shows whole). Byte
        // by byte: the bytes after the NUL may be optimized out without hiding the string.
        const bytes: number[] = [];
        for (let i = 0; i < Math.min(t.count, MAX_STRING + 1); i++) {
          const b = readPlace(v.place, i, 1, memory)[0];
          if (b === 0) break;
          bytes.push(b);
        }
        return quoted(Uint8Array.from(bytes.slice(0, MAX_STRING)), bytes.length > MAX_STRING);
      }
      const parts: string[] = [];
      const shown = Math.min(t.count, MAX_ARRAY_SUMMARY);
      let used = 2;
      for (let i = 0; i < shown; i++) {
        const part = show(elementValue(v, t.element, size, i), memory, fname, Math.max(budget - used, 20));
        parts.push(part);
        used += part.length + 2;
      }
      return `{${parts.join(', ')}${t.count > shown ? '...' : ''}}`;
    }
    case 'struct':
    case 'union': {
      if (t.incomplete) return '<incomplete type>';
      let out = '{';
      let first = true;
      for (const m of t.members) {
        const value = memberValue(v, m);
        const text = m.name === undefined ? '' : `${m.name} = `;
        const part = show(value, memory, fname, Math.max(budget - out.length, 20));
        const separator = first ? '' : ', ';
        if (out.length + separator.length + text.length + part.length > budget)
          return `${out}${separator}...}`;
        out += `${separator}${text}${part}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'typedef':
    case 'const':
    case 'volatile':
    case 'restrict':
    case 'atomic':
      // resolved() strips these; a cycle of typedefs is the only way here.
      return '<type cycle>';
  }
}

/** The integer a scalar value holds (bit-fields extracted, signed types sign-extended). */
export function integerValue(v: CValue, memory: MemoryReader): bigint {
  const t = resolved(v.type);
  const size = sizeOf(t) ?? 4;
  const signed =
    (t.kind === 'base' && (t.encoding === 'signed' || t.encoding === 'signed_char')) ||
    (t.kind === 'enum' && t.signed);
  if (v.bits) {
    const nbytes = Math.ceil((v.bits.offset + v.bits.size) / 8);
    const raw = integerOf(readPlace(v.place, 0, nbytes, memory), false);
    const field = BigInt.asUintN(v.bits.size, raw >> BigInt(v.bits.offset));
    return signed ? BigInt.asIntN(v.bits.size, field) : field;
  }
  return integerOf(readPlace(v.place, 0, size, memory), signed);
}

function isChar(t: CType): boolean {
  return t.kind === 'base' && (t.encoding === 'signed_char' || t.encoding === 'unsigned_char');
}

/** A C string at `address` as `"…"` (with `...` past MAX_STRING), or undefined when unreadable. */
function readCString(address: number, memory: MemoryReader): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < MAX_STRING; i++) {
    const b = memory(address + i, 1);
    // Memory ends before the NUL: what could be read, then `...` (gdb adds an error instead).
    if (!b) return i === 0 ? undefined : quoted(Uint8Array.from(bytes), true);
    if (b[0] === 0) return quoted(Uint8Array.from(bytes), false);
    bytes.push(b[0]);
  }
  const next = memory(address + MAX_STRING, 1);
  return quoted(Uint8Array.from(bytes), next?.[0] !== 0);
}

/** Bytes (no NUL among them) as a C string literal, `...` after it when `more` were cut off. */
function quoted(bytes: Uint8Array, more: boolean): string {
  let out = '"';
  for (const b of bytes) out += escaped(b, '"');
  return `${out}"${more ? '...' : ''}`;
}

const ESCAPES: Record<number, string> = {
  0: '\\0',
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  92: '\\\\',
};

/** One character inside quotes `q`: printable ASCII as is, C escapes, else 3-digit octal. */
function escaped(b: number, q: string): string {
  if (b === q.charCodeAt(0)) return `\\${q}`;
  const e = ESCAPES[b];
  if (e) return e;
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\${b.toString(8).padStart(3, '0')}`;
}

/** A char as gdb shows it after the number: `'a'`, `'\n'`, `'\0'`, `'\177'`. */
export function charLiteral(b: number): string {
  return `'${escaped(b, "'")}'`;
}

// ── Parts of a value ──

/** `size` bytes `offset` bytes into a place (a member's or element's place). */
export function subPlace(place: Place, offset: number, size: number): Place {
  switch (place.kind) {
    case 'memory':
      return { kind: 'memory', address: place.address + offset };
    case 'value': {
      if (offset + size > place.bytes.length)
        return { kind: 'unavailable', reason: 'a part beyond the value' };
      return { kind: 'value', bytes: place.bytes.subarray(offset, offset + size) };
    }
    case 'pieces': {
      const pieces: { size: number; place: Place | undefined }[] = [];
      let at = 0;
      for (const p of place.pieces) {
        const from = Math.max(offset, at);
        const to = Math.min(offset + size, at + p.size);
        if (from < to) {
          // A part entirely inside one piece is that piece's part.
          if (from === offset && to === offset + size)
            return p.place ? subPlace(p.place, from - at, to - from) : { kind: 'optimized-out' };
          pieces.push({ size: to - from, place: p.place && subPlace(p.place, from - at, to - from) });
        }
        at += p.size;
      }
      if (at < offset + size) return { kind: 'optimized-out' };
      return { kind: 'pieces', pieces };
    }
    default:
      return place;
  }
}

function elementValue(v: CValue, element: CType, size: number, i: number): CValue {
  return { type: element, place: subPlace(v.place, i * size, size) };
}

function memberValue(v: CValue, m: CMember): CValue {
  if (m.bitSize !== undefined) {
    const first = m.bitOffset ?? m.offset * 8;
    const byte = Math.floor(first / 8);
    const offset = first % 8;
    const nbytes = Math.ceil((offset + m.bitSize) / 8);
    return { type: m.type, place: subPlace(v.place, byte, nbytes), bits: { offset, size: m.bitSize } };
  }
  return { type: m.type, place: subPlace(v.place, m.offset, sizeOf(m.type) ?? 0) };
}

/** How a child is reached from its parent, to write the C expression naming it. */
export type Access =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'deref' };

export interface CChild {
  /** As the Variables pane names it: `x`, `[3]`, `*p`. */
  readonly name: string;
  readonly value: CValue;
  readonly access: Access;
}

/** The named members of a record, an anonymous member's fields inline (offsets added up). */
function namedMembers(t: CRecordType, base = 0): { name: string; member: CMember }[] {
  const out: { name: string; member: CMember }[] = [];
  for (const m of t.members) {
    const mt = resolved(m.type);
    if (m.name === undefined && (mt.kind === 'struct' || mt.kind === 'union')) {
      out.push(...namedMembers(mt, base + m.offset));
    } else if (m.name !== undefined) {
      const moved =
        base === 0
          ? m
          : {
              ...m,
              offset: m.offset + base,
              bitOffset: m.bitOffset === undefined ? undefined : m.bitOffset + base * 8,
            };
      out.push({ name: m.name, member: moved });
    }
  }
  return out;
}

/** The pointee of a data pointer that has one to show (not null, void, a function or incomplete). */
function pointee(v: CValue, memory: MemoryReader): CValue | undefined {
  const t = resolved(v.type);
  if (t.kind !== 'pointer') return undefined;
  const target = resolved(t.target);
  if (target.kind === 'void' || target.kind === 'function' || sizeOf(target) === undefined) return undefined;
  let address: number;
  try {
    address = Number(integerValue(v, memory));
  } catch (e) {
    if (e instanceof ValueUnavailable) return undefined;
    throw e;
  }
  return address === 0 ? undefined : { type: t.target, place: { kind: 'memory', address } };
}

/** A place none of whose bytes can be read: a value shown as `<optimized out>` is not expanded. */
function nothingThere(place: Place): boolean {
  if (place.kind === 'optimized-out' || place.kind === 'unavailable') return true;
  return place.kind === 'pieces' && place.pieces.every((p) => !p.place || nothingThere(p.place));
}

/** How many children a value has (0: not expandable). Array elements are paged by the caller. */
export function childCount(v: CValue, memory: MemoryReader): number {
  const t = resolved(v.type);
  if (nothingThere(v.place)) return 0;
  switch (t.kind) {
    case 'array':
      return sizeOf(t.element) === undefined ? 0 : (t.count ?? 0);
    case 'struct':
    case 'union':
      return t.incomplete ? 0 : namedMembers(t).length;
    case 'pointer':
      return pointee(v, memory) ? 1 : 0;
    default:
      return 0;
  }
}

/**
 * The children of a value: array elements `[i]` from `start` (at most `count`), record members
 * by name, or a data pointer's pointee `*NAME` (`name` is the parent's name).
 */
export function childrenOf(
  v: CValue,
  memory: MemoryReader,
  name: string,
  start = 0,
  count = Number.POSITIVE_INFINITY,
): CChild[] {
  if (childCount(v, memory) === 0) return [];
  const t = resolved(v.type);
  switch (t.kind) {
    case 'array': {
      const size = sizeOf(t.element) ?? 0;
      const end = Math.min(t.count ?? 0, start + count);
      const out: CChild[] = [];
      for (let i = Math.max(0, start); i < end; i++)
        out.push({
          name: `[${i}]`,
          value: elementValue(v, t.element, size, i),
          access: { kind: 'index', index: i },
        });
      return out;
    }
    case 'struct':
    case 'union':
      return namedMembers(t).map(({ name: n, member }) => ({
        name: n,
        value: memberValue(v, member),
        access: { kind: 'member', name: n },
      }));
    case 'pointer': {
      const p = pointee(v, memory);
      return p ? [{ name: `*${name}`, value: p, access: { kind: 'deref' } }] : [];
    }
    default:
      return [];
  }
}

/** The C expression naming a child, from the expression naming its parent (`p.x`, `p->x`, `a[3]`, `*p`). */
export function childExpression(parent: string, access: Access): string {
  // Expressions built here are postfix chains (`a.b[2]`) or `*`s applied to one: `*p` then `.x`
  // is `p->x`; `**p` then `.x` needs parentheses.
  const rest = parent.startsWith('*') ? parent.slice(1) : undefined;
  const deref = rest !== undefined && !rest.startsWith('*') ? rest : undefined;
  const wrapped = parent.startsWith('*') ? `(${parent})` : parent;
  switch (access.kind) {
    case 'member':
      return deref !== undefined ? `${deref}->${access.name}` : `${wrapped}.${access.name}`;
    case 'index':
      return `${wrapped}[${access.index}]`;
    case 'deref':
      return `*${parent}`;
  }
}
