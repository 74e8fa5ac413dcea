// The C expression evaluator against hand-made frames (types, memory and places built here), and
// its integer arithmetic against gcc: random expressions over int/unsigned/long long/char/short
// values, compiled natively with gcc -O0 -fwrapv and run, must give the same value, size and
// signedness.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesOf } from '../debug-info/bytes';
import {
  CExpressionError,
  type CExpressionFrame,
  evaluateCExpression,
  holdsIn,
  parseCExpression,
  scalarOf,
} from '../debug-info/c-expression';
import { intType } from '../debug-info/c-expression-types';
import type { CBaseType, CProgramInfo, CRecordType, CType, CValue, Place } from '../debug-info/model';
import { typeName } from '../debug-info/types';

const base = (name: string, size: number, encoding: CBaseType['encoding']): CBaseType => ({
  kind: 'base',
  name,
  size,
  encoding,
});
const INT = base('int', 4, 'signed');
const UINT = base('unsigned int', 4, 'unsigned');
const CHAR = base('char', 1, 'signed_char');
const UCHAR = base('unsigned char', 1, 'unsigned_char');
const SHORT = base('short', 2, 'signed');
const USHORT = base('unsigned short', 2, 'unsigned');
const LLONG = base('long long', 8, 'signed');
const ULLONG = base('unsigned long long', 8, 'unsigned');
const ptr = (target: CType): CType => ({ kind: 'pointer', size: 4, target });
const u32: CType = { kind: 'typedef', name: 'uint32_t', target: UINT };

const node = { kind: 'struct', name: 'node', size: 8, incomplete: false, members: [] } as unknown as {
  kind: 'struct';
  name: string;
  size: number;
  incomplete: boolean;
  members: CRecordType['members'];
};
node.members = [
  { name: 'value', type: INT, offset: 0 },
  { name: 'next', type: ptr(node as CRecordType), offset: 4 },
];
const P: CRecordType = {
  kind: 'struct',
  name: 'P',
  size: 12,
  incomplete: false,
  members: [
    { name: 'x', type: INT, offset: 0 },
    { name: 'y', type: SHORT, offset: 4 },
    { name: 'flags', type: UINT, offset: 8, bitSize: 3, bitOffset: 64 },
    { name: 'sign', type: INT, offset: 8, bitSize: 5, bitOffset: 67 },
    {
      name: undefined,
      type: {
        kind: 'union',
        name: undefined,
        size: 2,
        incomplete: false,
        members: [{ name: 'tag', type: USHORT, offset: 0 }],
      },
      offset: 10,
    },
  ],
};

/** A frame over 64 KiB of memory with variables at fixed addresses. */
function fakeFrame(): { frame: CExpressionFrame; mem: Uint8Array } {
  const mem = new Uint8Array(0x10000);
  const put = (address: number, value: bigint, size: number) => mem.set(bytesOf(value, size), address);
  // int v[5] at 0x100 = {10, 20, 30, 40, 50}
  for (let i = 0; i < 5; i++) put(0x100 + 4 * i, BigInt(10 * (i + 1)), 4);
  // struct node list: 0x200 {1, 0x208} → 0x208 {2, 0x210} → 0x210 {3, 0}
  for (const [a, value, next] of [
    [0x200, 1n, 0x208n],
    [0x208, 2n, 0x210n],
    [0x210, 3n, 0n],
  ] as const) {
    put(a, value, 4);
    put(a + 4, next, 4);
  }
  // struct P at 0x300: x = -5, y = 7, flags = 5, sign = -3, tag = 0xbeef
  put(0x300, -5n, 4);
  put(0x304, 7n, 2);
  put(0x308, 5n | (BigInt.asUintN(5, -3n) << 3n), 1);
  put(0x30a, 0xbeefn, 2);
  mem.set(new TextEncoder().encode('hi\0'), 0x400);
  put(0x500, 41n, 4); // total
  const inMemory = (type: CType, address: number): CValue => ({ type, place: { kind: 'memory', address } });
  const inLocal = (type: CType, value: bigint): CValue => ({
    type,
    place: { kind: 'value', bytes: bytesOf(value, 4) },
  });
  const vars: Record<string, CValue> = {
    v: inMemory({ kind: 'array', element: INT, count: 5 }, 0x100),
    head: inLocal(ptr(node as CRecordType), 0x200n),
    p: inMemory(P, 0x300),
    pp: inLocal(ptr(P), 0x300n),
    s: inLocal(ptr(CHAR), 0x400n),
    total: inMemory(INT, 0x500),
    i: inLocal(INT, 3n),
    n: inLocal(UINT, 0xfffffffen),
    c: inLocal(CHAR, -2n),
    big: { type: LLONG, place: { kind: 'value', bytes: bytesOf(-(1n << 40n), 8) } },
    gone: { type: INT, place: { kind: 'optimized-out' } },
    half: {
      type: LLONG,
      place: {
        kind: 'pieces',
        pieces: [
          { size: 4, place: { kind: 'value', bytes: bytesOf(7n, 4) } },
          { size: 4, place: undefined },
        ],
      },
    },
    w: inLocal(u32, 9n),
  };
  const types: Record<string, CType> = {
    uint32_t: u32,
    'struct node': node as CRecordType,
    'struct P': P,
    int: INT,
    'unsigned int': UINT,
    char: CHAR,
    'unsigned char': UCHAR,
  };
  const program: CProgramInfo = {
    functions: [
      {
        name: 'main',
        ranges: [],
        frameBase: undefined,
        returns: INT,
        scope: { kind: 'function', ranges: [], variables: [], children: [] },
      },
    ],
    statics: [],
    functionAt: () => undefined,
    scopesAt: () => [],
    typeNamed: (name) => types[name],
  };
  const frame: CExpressionFrame = {
    program,
    memory: (a, n) => (a + n <= mem.length ? mem.slice(a, a + n) : undefined),
    lookup: (name) => vars[name],
  };
  return { frame, mem };
}

const { frame } = fakeFrame();
const evalIn = (text: string) => evaluateCExpression(parseCExpression(text), frame);
/** Value as a number and the C type's spelling. */
function value(text: string): [string, string] {
  const v = evalIn(text);
  return [String(scalarOf(v, frame.memory)), typeName(v.type)];
}
function fails(text: string, why: RegExp) {
  assert.throws(
    () => evalIn(text),
    (e: unknown) => e instanceof CExpressionError && why.test(e.message),
    `${text} should fail with ${why}`,
  );
}

test('literals, promotions and conversions follow C on wasm32', () => {
  assert.deepEqual(value('1 + 2 * 3'), ['7', 'int']);
  assert.deepEqual(value('2147483647 + 1'), ['-2147483648', 'int']);
  assert.deepEqual(value('2147483648'), ['2147483648', 'long long']);
  assert.deepEqual(value('0xffffffff'), ['4294967295', 'unsigned int']);
  assert.deepEqual(value('017 + 0x10 + 1u'), ['32', 'unsigned int']);
  assert.deepEqual(value('1ul'), ['1', 'unsigned long']);
  assert.deepEqual(value('5LL'), ['5', 'long long']);
  assert.deepEqual(value("'a'"), ['97', 'int']);
  assert.deepEqual(value("'\\n' + '\\0' + '\\x41' + '\\101' + '\\''"), [
    String(10 + 0 + 65 + 65 + 39),
    'int',
  ]);
  assert.deepEqual(value("'\\xff'"), ['-1', 'int']);
  assert.deepEqual(value('(unsigned char)-1'), ['255', 'unsigned char']);
  assert.deepEqual(value('(signed char)200'), ['-56', 'signed char']);
  assert.deepEqual(value('(uint32_t)-1'), ['4294967295', 'uint32_t']);
  assert.deepEqual(value('(unsigned long long)-1'), ['18446744073709551615', 'unsigned long long']);
  assert.deepEqual(value('(_Bool)7'), ['1', '_Bool']);
  assert.deepEqual(value('-1 < 0u'), ['0', 'int']);
  assert.deepEqual(value('-1 < 0LL'), ['1', 'int']);
  assert.deepEqual(value('n + 3'), ['1', 'unsigned int']);
  assert.deepEqual(value('c'), ['-2', 'char']);
  assert.deepEqual(value('c * 2'), ['-4', 'int']);
  assert.deepEqual(value('-7 / 2'), ['-3', 'int']);
  assert.deepEqual(value('-7 % 2'), ['-1', 'int']);
  assert.deepEqual(value('-8 >> 1'), ['-4', 'int']);
  assert.deepEqual(value('1 << 31'), ['-2147483648', 'int']);
  assert.deepEqual(value('big >> 8'), [String(-(1n << 32n)), 'long long']);
  assert.deepEqual(value('~0u'), ['4294967295', 'unsigned int']);
  assert.deepEqual(value('!5 + !0'), ['1', 'int']);
  assert.deepEqual(value('i == 3 && total > 40 || 0'), ['1', 'int']);
  assert.deepEqual(value('i ? 7 : 8u'), ['7', 'unsigned int']);
  assert.deepEqual(value('0 ? 1/0 : 2'), ['2', 'int']);
  assert.deepEqual(value('1, 2'), ['2', 'int']);
  assert.deepEqual(value('sizeof(int)'), ['4', 'unsigned long']);
  assert.deepEqual(value('sizeof(long long) + sizeof(unsigned long) + sizeof(short)'), [
    '14',
    'unsigned long',
  ]);
  assert.deepEqual(value('sizeof v'), ['20', 'unsigned long']);
  assert.deepEqual(value('sizeof(struct P)'), ['12', 'unsigned long']);
  assert.deepEqual(value('sizeof(struct node *)'), ['4', 'unsigned long']);
  assert.deepEqual(value('sizeof(int[2][3])'), ['24', 'unsigned long']);
  assert.deepEqual(value('sizeof "abc"'), ['4', 'unsigned long']);
  assert.deepEqual(value('"abc"[1]'), ['98', 'char']);
});

test('objects: arrays, pointers, members, bit-fields and addresses', () => {
  assert.deepEqual(value('v[i]'), ['40', 'int']);
  assert.deepEqual(value('i[v]'), ['40', 'int']);
  assert.deepEqual(value('*(v + 4)'), ['50', 'int']);
  assert.deepEqual(value('&v[2] - &v[0]'), ['2', 'long']);
  assert.deepEqual(value('&v[1]'), [String(0x104), 'int *']);
  assert.deepEqual(value('(char *)&v[1] + 1'), [String(0x105), 'char *']);
  assert.deepEqual(value('*(unsigned char *)&v[1]'), ['20', 'unsigned char']);
  assert.deepEqual(value('head->value + head->next->value'), ['3', 'int']);
  assert.deepEqual(value('head->next->next->next'), ['0', 'struct node *']);
  assert.deepEqual(value('head->next->next->next == 0'), ['1', 'int']);
  assert.deepEqual(value('(*head).next->value'), ['2', 'int']);
  assert.deepEqual(value('p.x'), ['-5', 'int']);
  assert.deepEqual(value('pp->y'), ['7', 'short']);
  assert.deepEqual(value('p.flags'), ['5', 'unsigned int']);
  assert.deepEqual(value('p.sign'), ['-3', 'int']);
  assert.deepEqual(value('pp->tag'), [String(0xbeef), 'unsigned short']);
  assert.deepEqual(value('*&total'), ['41', 'int']);
  assert.deepEqual(value('total + 1'), ['42', 'int']);
  assert.deepEqual(value('s[1]'), [String('i'.charCodeAt(0)), 'char']);
  assert.deepEqual(value('*s == 104'), ['1', 'int']);
  assert.deepEqual(value('(struct node *)0x208'), [String(0x208), 'struct node *']);
  assert.deepEqual(value('((struct node *)0x208)->value'), ['2', 'int']);
  assert.deepEqual(value('w'), ['9', 'uint32_t']);
  // Lvalues keep their place, so the result can be expanded.
  assert.deepEqual(evalIn('*pp').place, { kind: 'memory', address: 0x300 });
  assert.deepEqual(evalIn('head->next').place, { kind: 'memory', address: 0x204 });
  assert.deepEqual(evalIn('v').place, { kind: 'memory', address: 0x100 });
  assert.equal(typeName(evalIn('v').type), 'int[5]');
  assert.equal(evalIn('gone').place.kind, 'optimized-out' satisfies Place['kind']);
  assert.equal(holdsIn(parseCExpression('i == 3'), frame), true);
  assert.equal(holdsIn(parseCExpression('head->next->next->next'), frame), false);
  assert.equal(holdsIn(parseCExpression('s'), frame), true);
});

test('errors name the construct and the column', () => {
  fails('(i + 1))', /unexpected '\)' at column 8/);
  fails('i +', /unexpected end/);
  fails('v[1', /expected '\]' at the end/);
  fails('', /empty expression/);
  fails('i = 3', /'=' at column 3: expressions cannot change the program/);
  fails('i += 1', /expressions cannot change the program/);
  fails('i++', /expressions cannot change the program/);
  fails('--i', /expressions cannot change the program/);
  fails('main(1)', /'main\(1\)' at column 1 is not understood: function calls are not supported/);
  fails('main', /'main' is a function/);
  fails('foo + 1', /unknown name 'foo'/);
  fails('gone + 1', /'gone' is optimized out here/);
  fails('half + 1', /'half' is optimized out here/);
  fails('&i', /'i' has no address \(it is in a WebAssembly local\)/);
  fails('&p.flags', /bit-field/);
  fails('i->x', /cannot apply '->' to int/);
  fails('p.z', /'struct P' has no member named 'z'/);
  fails('1 / (i - 3)', /division by zero/);
  fails('1 % 0', /division by zero/);
  fails('(-2147483647 - 1) / -1', /overflows 'int'/);
  fails('1 << 32', /shift count 32 is out of range for 'int'/);
  fails('1 << -1', /shift count -1 is out of range/);
  fails('*i', /cannot apply '\*' to int/);
  fails('*(void *)s', /void \*/);
  fails('(struct Q *)0', /unknown type 'struct Q'/);
  fails('(struct P)i', /cannot cast to 'struct P'/);
  fails('p + 1', /'p' is not a number/);
  fails('&"ab"', /string literal has no address/);
  fails('1.5L', /long double literals are not supported/);
  fails("'ab'", /exactly one character/);
  fails('0x1ffffffffffffffff', /does not fit in 64 bits/);
  fails('i # 2', /unexpected '#' at column 3/);
  fails('(int)', /unexpected end/);
  fails('s - v', /different types/);
});

test('a name that is a type in the program makes (T)*p a cast; a variable makes it a product', () => {
  assert.deepEqual(value('(uint32_t)*s'), ['104', 'uint32_t']);
  assert.deepEqual(value('(i)*2'), ['6', 'int']);
  assert.deepEqual(value('(i)-1'), ['2', 'int']);
  assert.deepEqual(value('sizeof(uint32_t)'), ['4', 'unsigned long']);
  assert.deepEqual(value('sizeof(i)'), ['4', 'unsigned long']);
});

/** A tiny seeded generator (xorshift), so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

test('integer arithmetic agrees with gcc on 400 random expressions', () => {
  // gcc is the oracle (the build needs it anyway, for the native addon): no gcc is a failure.
  execFileSync('gcc', ['--version']);
  const r = rng(20250913);
  // Variables of each integer type, with edge values; gcc sees the same ones as volatile globals.
  const decl: [string, CBaseType][] = [
    ['a', INT],
    ['b', UINT],
    ['c', CHAR],
    ['d', UCHAR],
    ['e', SHORT],
    ['f', USHORT],
    ['g', LLONG],
    ['h', ULLONG],
  ];
  const edges = [
    0n,
    1n,
    -1n,
    2n,
    7n,
    31n,
    100n,
    -128n,
    255n,
    32767n,
    -32768n,
    65535n,
    2147483647n,
    -2147483648n,
  ];
  const vars: Record<string, CValue> = {};
  const cDecls: string[] = [];
  for (const [name, type] of decl) {
    const it = intType(type);
    const raw = r(3) === 0 ? BigInt(r(1 << 30)) * BigInt(r(1 << 30)) - (1n << 58n) : edges[r(edges.length)];
    const v = it?.signed ? BigInt.asIntN(type.size * 8, raw) : BigInt.asUintN(type.size * 8, raw);
    vars[name] = { type, place: { kind: 'value', bytes: bytesOf(v, type.size) } };
    cDecls.push(`volatile ${type.name} ${name} = (${type.name})${v}${type.size === 8 ? 'LL' : ''};`);
  }
  const frame: CExpressionFrame = { program: undefined, memory: () => undefined, lookup: (n) => vars[n] };
  const ops = ['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '&&', '||'];
  const casts = ['int', 'unsigned int', 'char', 'unsigned char', 'short', 'long long', 'unsigned long long'];
  const gen = (depth: number): string => {
    const k = r(10);
    if (depth === 0 || k < 3) {
      if (r(3) === 0) return String(r(3) === 0 ? r(40) : r(1 << 20));
      return decl[r(decl.length)][0];
    }
    if (k === 3) return `${['-', '~', '!', '+'][r(4)]}${gen(depth - 1)}`;
    if (k === 4) return `(${casts[r(casts.length)]})(${gen(depth - 1)})`;
    if (k === 5) return `(${gen(depth - 1)} ? ${gen(depth - 1)} : ${gen(depth - 1)})`;
    return `(${gen(depth - 1)} ${ops[r(ops.length)]} ${gen(depth - 1)})`;
  };
  const cases: { text: string; value: bigint; size: number; signed: boolean }[] = [];
  while (cases.length < 400) {
    const text = gen(4);
    let v: CValue;
    try {
      v = evaluateCExpression(parseCExpression(text), frame);
    } catch (e) {
      if (e instanceof CExpressionError) continue; // undefined in C (division by zero, shift range)
      throw e;
    }
    const it = intType(v.type);
    assert.ok(it, text);
    cases.push({ text, value: scalarOf(v, frame.memory), size: it.size, signed: it.signed });
  }
  const dir = mkdtempSync(join(tmpdir(), 'c-expr-'));
  try {
    const prints = cases.map(
      (c) =>
        `  printf("%lld %llu %d %d\\n", (long long)(${c.text}), (unsigned long long)(${c.text}), (int)sizeof(${c.text}), (int)((__typeof__(${c.text}))-1 < 0));`,
    );
    writeFileSync(
      join(dir, 'e.c'),
      `#include <stdio.h>\n${cDecls.join('\n')}\nint main(void) {\n${prints.join('\n')}\n  return 0;\n}\n`,
    );
    execFileSync('gcc', ['-O0', '-fwrapv', '-w', '-o', join(dir, 'e'), join(dir, 'e.c')]);
    const lines = execFileSync(join(dir, 'e'), { encoding: 'utf8' }).trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach((c, i) => {
      const [s, u, size, signed] = lines[i].split(' ');
      const gccValue = c.signed ? BigInt(s) : BigInt(u);
      assert.deepEqual(
        [c.value, c.size, c.signed],
        [gccValue, Number(size), signed === '1'],
        `${c.text}: gcc says ${lines[i]}`,
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
