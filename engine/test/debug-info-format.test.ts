// The C value formatter on hand-made types and bytes: every kind of type as the display contract
// writes it (gdb-like), the bounds on strings, arrays and records, unreadable values, and the
// children (elements, members, pointee) with the C expressions that name them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesOf, type MemoryReader } from '../debug-info/bytes';
import { childCount, childExpression, childrenOf, formatValue } from '../debug-info/format';
import type { CBaseType, CRecordType, CType, CValue, Place } from '../debug-info/model';

const int: CBaseType = { kind: 'base', name: 'int', size: 4, encoding: 'signed' };
const uint: CBaseType = { kind: 'base', name: 'unsigned int', size: 4, encoding: 'unsigned' };
const char: CBaseType = { kind: 'base', name: 'char', size: 1, encoding: 'signed_char' };
const uchar: CBaseType = { kind: 'base', name: 'unsigned char', size: 1, encoding: 'unsigned_char' };
const llong: CBaseType = { kind: 'base', name: 'long long', size: 8, encoding: 'signed' };
const ullong: CBaseType = { kind: 'base', name: 'unsigned long long', size: 8, encoding: 'unsigned' };
const bool: CBaseType = { kind: 'base', name: '_Bool', size: 1, encoding: 'bool' };
const ptr = (target: CType): CType => ({ kind: 'pointer', size: 4, target });
const arr = (element: CType, count: number | undefined): CType => ({ kind: 'array', element, count });

/** A little memory: bytes written at addresses, everything else below 0x10000 reads as zero. */
function memoryOf(writes: [number, ArrayLike<number>][] = []): MemoryReader {
  const mem = new Uint8Array(0x10000);
  for (const [a, bytes] of writes) mem.set(bytes, a);
  return (a, n) => (a >= 0 && a + n <= mem.length ? mem.slice(a, a + n) : undefined);
}
const ascii = (s: string) => Array.from(Buffer.from(s, 'latin1'));
const value = (type: CType, bytes: ArrayLike<number>): CValue => ({
  type,
  place: { kind: 'value', bytes: Uint8Array.from(bytes) },
});
const at = (type: CType, address: number): CValue => ({ type, place: { kind: 'memory', address } });
const none = memoryOf();
const show = (v: CValue, m = none) => formatValue(v, m);

test('integers: signed and unsigned decimal, 64-bit exact', () => {
  assert.equal(show(value(int, bytesOf(-5n, 4))), '-5');
  assert.equal(show(value(uint, bytesOf(-5n, 4))), '4294967291');
  assert.equal(show(value(llong, bytesOf(-9007199254740993n, 8))), '-9007199254740993');
  assert.equal(show(value(ullong, bytesOf(-1n, 8))), '18446744073709551615');
  const short: CBaseType = { kind: 'base', name: 'short', size: 2, encoding: 'signed' };
  assert.equal(show(value(short, [0xff, 0x7f])), '32767');
  assert.equal(show(value(short, [0x00, 0x80])), '-32768');
});

test('chars: number and character, C escapes, octal for the rest', () => {
  assert.equal(show(value(char, [97])), "97 'a'");
  assert.equal(show(value(char, [10])), "10 '\\n'");
  assert.equal(show(value(char, [0])), "0 '\\0'");
  assert.equal(show(value(char, [9])), "9 '\\t'");
  assert.equal(show(value(char, [92])), "92 '\\\\'");
  assert.equal(show(value(char, [39])), "39 '\\''");
  assert.equal(show(value(char, [127])), "127 '\\177'");
  assert.equal(show(value(char, [0xff])), "-1 '\\377'");
  assert.equal(show(value(uchar, [0xff])), "255 '\\377'");
  assert.equal(show(value(char, [34])), `34 '"'`);
});

test('bool, enums, typedefs and qualifiers', () => {
  assert.equal(show(value(bool, [1])), 'true');
  assert.equal(show(value(bool, [0])), 'false');
  const color: CType = {
    kind: 'enum',
    name: 'color',
    size: 4,
    signed: true,
    enumerators: [
      { name: 'RED', value: 0n },
      { name: 'BLUE', value: -2n },
    ],
  };
  assert.equal(show(value(color, bytesOf(-2n, 4))), 'BLUE');
  assert.equal(show(value(color, bytesOf(0n, 4))), 'RED');
  assert.equal(show(value(color, bytesOf(7n, 4))), '7');
  const u32: CType = { kind: 'typedef', name: 'uint32_t', target: { kind: 'const', target: uint } };
  assert.equal(show(value(u32, bytesOf(3000000000n, 4))), '3000000000');
});

test('pointers: hex, null, strings bounded, unreadable, function pointers by name', () => {
  assert.equal(show(value(ptr(int), bytesOf(0x1234n, 4))), '0x1234');
  assert.equal(show(value(ptr(int), [0, 0, 0, 0])), '0x0');
  const m = memoryOf([
    [0x100, [...ascii('hi "there"\n'), 0]],
    [0x200, ascii('x'.repeat(300))],
    [0x400, [...ascii('y'.repeat(200)), 0]],
  ]);
  const cstr = ptr({ kind: 'const', target: char });
  assert.equal(show(value(ptr(char), bytesOf(0x100n, 4)), m), '0x100 "hi \\"there\\"\\n"');
  assert.equal(show(value(cstr, bytesOf(0x100n, 4)), m), '0x100 "hi \\"there\\"\\n"');
  assert.equal(show(value(ptr(char), bytesOf(0x200n, 4)), m), `0x200 "${'x'.repeat(200)}"...`);
  assert.equal(show(value(ptr(char), bytesOf(0x400n, 4)), m), `0x400 "${'y'.repeat(200)}"`);
  assert.equal(show(value(ptr(char), bytesOf(0x0n, 4)), m), '0x0');
  assert.equal(show(value(ptr(char), bytesOf(0x20000n, 4)), m), '0x20000 <cannot read>');
  const fnType: CType = { kind: 'function', returns: int, params: [int], variadic: false };
  const names = (i: number) => (i === 3 ? 'square' : undefined);
  assert.equal(formatValue(value(ptr(fnType), bytesOf(3n, 4)), none, undefined, names), '0x3 <square>');
  assert.equal(formatValue(value(ptr(fnType), bytesOf(4n, 4)), none, undefined, names), '0x4');
});

test('arrays: braces, bounded at 100 elements, char arrays as strings', () => {
  const three = at(arr(int, 3), 0x10);
  const m = memoryOf([[0x10, [...bytesOf(1n, 4), ...bytesOf(-2n, 4), ...bytesOf(3n, 4)]]]);
  assert.equal(show(three, m), '{1, -2, 3}');
  const big = at(arr(int, 300), 0x1000);
  assert.equal(show(big, none), `{${Array(100).fill('0').join(', ')}...}`);
  const s = memoryOf([[0x20, [...ascii('ab'), 0, ...ascii('cd')]]]);
  assert.equal(show(at(arr(char, 5), 0x20), s), '"ab"');
  assert.equal(show(at(arr(char, 2), 0x20), s), '"ab"');
  assert.equal(
    show(at(arr(char, 300), 0x200), memoryOf([[0x200, ascii('z'.repeat(300))]])),
    `"${'z'.repeat(200)}"...`,
  );
  const grid = at(arr(arr(int, 2), 2), 0x10);
  assert.equal(show(grid, m), '{{1, -2}, {3, 0}}');
});

const point: CRecordType = {
  kind: 'struct',
  name: 'P',
  size: 16,
  incomplete: false,
  members: [
    { name: 'x', type: int, offset: 0 },
    { name: 'y', type: int, offset: 4 },
    { name: 'name', type: arr(char, 4), offset: 8 },
    { name: 'flag', type: uint, offset: 12, bitSize: 3, bitOffset: 96 },
    { name: 'neg', type: int, offset: 12, bitSize: 5, bitOffset: 99 },
  ],
};

test('structs: members by name, nested, bit-fields, bounded', () => {
  // flag = 5 (bits 96..98), neg = -3 (bits 99..103: 0b11101).
  const bits = 5 | (0b11101 << 3);
  const m = memoryOf([[0x40, [...bytesOf(1n, 4), ...bytesOf(2n, 4), ...ascii('ab'), 0, 0, bits, 0, 0, 0]]]);
  assert.equal(show(at(point, 0x40), m), '{x = 1, y = 2, name = "ab", flag = 5, neg = -3}');
  const outer: CRecordType = {
    kind: 'struct',
    name: 'Q',
    size: 20,
    incomplete: false,
    members: [
      { name: 'p', type: point, offset: 0 },
      { name: 'next', type: ptr(point), offset: 16 },
    ],
  };
  assert.equal(show(at(outer, 0x40), m), '{p = {x = 1, y = 2, name = "ab", flag = 5, neg = -3}, next = 0x0}');
  const wide: CRecordType = {
    kind: 'struct',
    name: 'W',
    size: 400,
    incomplete: false,
    members: Array.from({ length: 100 }, (_, i) => ({ name: `field${i}`, type: int, offset: 4 * i })),
  };
  const text = show(at(wide, 0x1000));
  assert.ok(text.length <= 210 && text.endsWith(', ...}'), text);
  assert.equal(
    show(at({ kind: 'struct', name: 'FILE', size: 0, incomplete: true, members: [] }, 0)),
    '<incomplete type>',
  );
});

test('values that cannot be read say why', () => {
  const out: Place = { kind: 'optimized-out' };
  assert.equal(show({ type: int, place: out }), '<optimized out>');
  assert.equal(
    show({ type: int, place: { kind: 'unavailable', reason: 'DW_OP_foo' } }),
    '<unavailable: DW_OP_foo>',
  );
  // A struct split into pieces, one of them optimized out: that member alone says so.
  const pieces: Place = {
    kind: 'pieces',
    pieces: [
      { size: 4, place: { kind: 'value', bytes: bytesOf(7n, 4) } },
      { size: 4, place: undefined },
    ],
  };
  const pair: CRecordType = {
    kind: 'struct',
    name: 'pair',
    size: 8,
    incomplete: false,
    members: [
      { name: 'a', type: int, offset: 0 },
      { name: 'b', type: int, offset: 4 },
    ],
  };
  assert.equal(show({ type: pair, place: pieces }), '{a = 7, b = <optimized out>}');
  assert.equal(childCount({ type: int, place: out }, none), 0);
  assert.equal(childCount({ type: pair, place: pieces }, none), 2);
  const gone: Place = { kind: 'pieces', pieces: [{ size: 8, place: undefined }] };
  assert.equal(show({ type: pair, place: gone }), '<optimized out>');
  assert.equal(childCount({ type: pair, place: gone }, none), 0, 'nothing there: not expandable');
});

test('children: elements paged, members, anonymous members inline, the pointee, and their expressions', () => {
  const big = at(arr(int, 300), 0x1000);
  const m = memoryOf([[0x1000 + 4 * 250, bytesOf(42n, 4)]]);
  assert.equal(childCount(big, m), 300);
  const page = childrenOf(big, m, 'a', 250, 2);
  assert.deepEqual(
    page.map((c) => [c.name, formatValue(c.value, m), childExpression('a', c.access)]),
    [
      ['[250]', '42', 'a[250]'],
      ['[251]', '0', 'a[251]'],
    ],
  );
  const withAnon: CRecordType = {
    kind: 'struct',
    name: 'S',
    size: 12,
    incomplete: false,
    members: [
      { name: 'k', type: int, offset: 0 },
      {
        name: undefined,
        offset: 4,
        type: {
          kind: 'union',
          name: undefined,
          size: 8,
          incomplete: false,
          members: [
            { name: 'u', type: uint, offset: 0 },
            { name: 'v', type: llong, offset: 0 },
          ],
        },
      },
    ],
  };
  const sm = memoryOf([[0x80, [...bytesOf(1n, 4), ...bytesOf(-1n, 8)]]]);
  const kids = childrenOf(at(withAnon, 0x80), sm, 's');
  assert.deepEqual(
    kids.map((c) => [c.name, formatValue(c.value, sm), childExpression('s', c.access)]),
    [
      ['k', '1', 's.k'],
      ['u', '4294967295', 's.u'],
      ['v', '-1', 's.v'],
    ],
  );
  const p = value(ptr(withAnon), bytesOf(0x80n, 4));
  const [star] = childrenOf(p, sm, 'p');
  assert.equal(star.name, '*p');
  assert.equal(childExpression('p', star.access), '*p');
  const [k] = childrenOf(star.value, sm, '*p');
  assert.equal(childExpression('*p', k.access), 'p->k');
  assert.equal(childExpression('**pp', k.access), '(**pp).k');
  assert.equal(childExpression('*p', { kind: 'index', index: 2 }), '(*p)[2]');
  // Not expandable: null, void *, function pointers.
  assert.equal(childCount(value(ptr(int), [0, 0, 0, 0]), sm), 0);
  assert.equal(childCount(value(ptr({ kind: 'void' }), bytesOf(0x80n, 4)), sm), 0);
  assert.equal(childCount(value(ptr(int), bytesOf(0x80n, 4)), sm), 1);
});
