// Lexer and parser of the C expressions the debugger evaluates (watch, hover, breakpoint
// conditions, logpoints): C's expression grammar by precedence climbing, into a tree whose nodes
// remember their source span so evaluation errors can quote the construct. Anything that would
// change the program (assignments, ++, --) or run it (calls) is refused here, with its column.

import { type FloatSize, roundRational } from './float';

export class CExpressionError extends Error {}

export type IntSuffix = { unsigned: boolean; longs: 0 | 1 | 2 };

/** A type name as written in a cast or sizeof: base keywords or a name, then qualifiers, stars, bounds. */
export interface TypeNameSyntax {
  /** `unsigned long`, `struct node`, `uint32_t` (keywords in canonical order; tags with their keyword). */
  readonly base: string;
  /** Only base keywords (resolvable without the program). */
  readonly builtin: boolean;
  readonly pointers: number;
  /** `[N]` bounds after the stars, outermost first. */
  readonly bounds: readonly number[];
}

export type Node = { readonly start: number; readonly end: number } & (
  | { readonly k: 'int'; readonly value: bigint; readonly radix: 10 | 8 | 16; readonly suffix: IntSuffix }
  /** A floating literal, already rounded to its type (`1.5f` is a float, `1.5` a double). */
  | { readonly k: 'float'; readonly value: number; readonly size: FloatSize }
  | { readonly k: 'char'; readonly value: bigint }
  | { readonly k: 'string'; readonly bytes: Uint8Array }
  | { readonly k: 'name'; readonly name: string; readonly scope?: string }
  | { readonly k: 'index'; readonly a: Node; readonly index: Node }
  | { readonly k: 'member'; readonly a: Node; readonly arrow: boolean; readonly member: string }
  | { readonly k: 'call'; readonly callee: Node; readonly args: readonly Node[] }
  | { readonly k: 'unary'; readonly op: '-' | '+' | '!' | '~' | '*' | '&'; readonly a: Node }
  | { readonly k: 'sizeof-type'; readonly type: TypeNameSyntax }
  | { readonly k: 'sizeof'; readonly a: Node }
  | { readonly k: 'cast'; readonly type: TypeNameSyntax; readonly a: Node }
  | { readonly k: 'binary'; readonly op: string; readonly a: Node; readonly b: Node }
  | { readonly k: 'cond'; readonly c: Node; readonly a: Node; readonly b: Node }
  | { readonly k: 'comma'; readonly a: Node; readonly b: Node }
);

interface Token {
  readonly kind: 'int' | 'float' | 'char' | 'string' | 'id' | 'punct' | 'end';
  readonly text: string;
  /** Index in the source text. */
  readonly at: number;
  readonly int?: { value: bigint; radix: 10 | 8 | 16; suffix: IntSuffix };
  readonly float?: { value: number; size: FloatSize };
  readonly bytes?: Uint8Array;
}

const PUNCT = [
  '<<=',
  '>>=',
  '...',
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '::',
  '[',
  ']',
  '(',
  ')',
  '.',
  '&',
  '*',
  '+',
  '-',
  '~',
  '!',
  '/',
  '%',
  '<',
  '>',
  '^',
  '|',
  '?',
  ':',
  '=',
  ',',
  '{',
  '}',
];

export const CHANGES_PROGRAM =
  'expressions cannot change the program: values are what the transformer generated';

const col = (at: number) => `column ${at + 1}`;

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (true) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const at = i;
    const rest = text.slice(i);
    // A preprocessing number (C11 6.4.8): digits, letters, dots and exponent signs run together.
    const num = /^\.?\d(?:[eEpP][-+]|[0-9a-zA-Z_.])*/.exec(rest);
    if (num) {
      const float = floatLiteral(num[0], at);
      if (float) tokens.push({ kind: 'float', text: num[0], at, float });
      else tokens.push({ kind: 'int', text: num[0], at, int: intLiteral(num[0], at) });
      i += num[0].length;
      continue;
    }
    const id = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (id) {
      tokens.push({ kind: 'id', text: id[0], at });
      i += id[0].length;
      continue;
    }
    if (rest[0] === "'" || rest[0] === '"') {
      const { bytes, length } = quoted(text, i);
      const literal = text.slice(i, i + length);
      if (rest[0] === "'") {
        if (bytes.length !== 1)
          throw new CExpressionError(
            `${literal} at ${col(at)}: a character literal holds exactly one character`,
          );
        tokens.push({ kind: 'char', text: literal, at, bytes });
      } else tokens.push({ kind: 'string', text: literal, at, bytes });
      i += length;
      continue;
    }
    const p = PUNCT.find((q) => rest.startsWith(q));
    if (!p) throw new CExpressionError(`unexpected '${rest[0]}' at ${col(at)}`);
    tokens.push({ kind: 'punct', text: p, at });
    i += p.length;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

/** 123, 0x7f, 017 with u/l/ll suffixes in any order and case. */
function intLiteral(t: string, at: number): { value: bigint; radix: 10 | 8 | 16; suffix: IntSuffix } {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([uUlL]*)$/.exec(t);
  if (!m) throw new CExpressionError(`'${t}' at ${col(at)} is not a number`);
  const s = m[2].toLowerCase();
  const suffix = /^(u?(l|ll)?|(l|ll)u)$/.exec(s);
  if (!suffix) throw new CExpressionError(`'${t}' at ${col(at)}: unknown integer suffix '${m[2]}'`);
  const longs = (s.match(/l/g)?.length ?? 0) as 0 | 1 | 2;
  const body = m[1];
  const radix = /^0[xX]/.test(body) ? 16 : body.length > 1 && body[0] === '0' ? 8 : 10;
  const value = radix === 8 ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (value >= 1n << 64n) throw new CExpressionError(`${t} does not fit in 64 bits`);
  return { value, radix, suffix: { unsigned: s.includes('u'), longs } };
}

/**
 * A floating literal (`1.5`, `1e-3`, `.5f`, `0x1.8p3`), correctly rounded to float (suffix f) or
 * double; undefined when `t` is not one (an integer). long double (suffix l) is refused.
 */
function floatLiteral(t: string, at: number): { value: number; size: FloatSize } | undefined {
  const dec = /^(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?([fFlL]?)$/.exec(t);
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([-+]?\d+)([fFlL]?)$/.exec(t);
  const m = hex ?? dec;
  if (!m) {
    if (/^0[xX]/.test(t) ? /[pP.]/.test(t) : /[.eE]/.test(t))
      throw new CExpressionError(`'${t}' at ${col(at)} is not a valid floating-point literal`);
    return undefined;
  }
  const [, whole, fraction, exponent, suffix] = m;
  if (!hex && fraction === undefined && exponent === undefined) return undefined; // an integer
  if (`${whole}${fraction ?? ''}` === '')
    throw new CExpressionError(`'${t}' at ${col(at)} is not a valid floating-point literal`);
  if (suffix === 'l' || suffix === 'L')
    throw new CExpressionError(
      `'${t}' at ${col(at)}: long double literals are not supported (only float and double)`,
    );
  const size: FloatSize = suffix ? 4 : 8;
  const digits = `${whole}${fraction ?? ''}`.replace(/^0+/, '');
  if (digits === '') return { value: 0, size };
  const mantissa = BigInt(hex ? `0x${digits}` : digits);
  // The value is mantissa × base^scale; far outside the formats it is 0 or infinity (the digit
  // count bounds how far the mantissa can pull it back), which also keeps the powers small.
  const e = Number(exponent ?? 0);
  const scale = hex ? e - 4 * (fraction?.length ?? 0) : e - (fraction?.length ?? 0);
  const magnitude = hex ? scale + 4 * digits.length : (scale + digits.length) * 3.33;
  if (magnitude > 1100) return { value: Number.POSITIVE_INFINITY, size };
  if (magnitude < -1200) return { value: 0, size };
  const base = hex ? 2n : 10n;
  const value =
    scale >= 0
      ? roundRational(mantissa * base ** BigInt(scale), 1n, size)
      : roundRational(mantissa, base ** BigInt(-scale), size);
  return { value, size };
}

/** A quoted literal starting at text[i]: its bytes (escapes decoded) and its length in the text. */
function quoted(text: string, i: number): { bytes: Uint8Array; length: number } {
  const q = text[i];
  const out: number[] = [];
  let j = i + 1;
  while (j < text.length && text[j] !== q) {
    if (text[j] !== '\\') {
      const code = text.codePointAt(j) ?? 0;
      for (const b of new TextEncoder().encode(String.fromCodePoint(code))) out.push(b);
      j += code > 0xffff ? 2 : 1;
      continue;
    }
    const e = text[j + 1];
    const simple: Record<string, number> = {
      n: 10,
      t: 9,
      r: 13,
      a: 7,
      b: 8,
      f: 12,
      v: 11,
      '\\': 92,
      "'": 39,
      '"': 34,
      '?': 63,
    };
    if (e !== undefined && e in simple) {
      out.push(simple[e]);
      j += 2;
    } else if (e !== undefined && /[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(j + 1)) as RegExpExecArray;
      const v = Number.parseInt(m[0], 8);
      if (v > 255) throw new CExpressionError(`escape '\\${m[0]}' at ${col(j)} is out of range`);
      out.push(v);
      j += 1 + m[0].length;
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(text.slice(j + 2));
      if (!m) throw new CExpressionError(`escape '\\x' at ${col(j)} has no hex digits`);
      const v = Number.parseInt(m[0], 16);
      if (m[0].length > 2 && v > 255)
        throw new CExpressionError(`escape '\\x${m[0]}' at ${col(j)} is out of range`);
      out.push(v);
      j += 2 + m[0].length;
    } else throw new CExpressionError(`unknown escape '\\${e ?? ''}' at ${col(j)}`);
  }
  if (j >= text.length)
    throw new CExpressionError(`unterminated ${q === "'" ? 'character' : 'string'} literal at ${col(i)}`);
  return { bytes: Uint8Array.from(out), length: j + 1 - i };
}

const BASE_KEYWORDS = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'signed',
  'unsigned',
  '_Bool',
  'bool',
  'float',
  'double',
]);
const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '_Atomic']);
const TAGS = new Set(['struct', 'union', 'enum']);
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '<<=', '>>=']);
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

/**
 * Parses `text`. `isTypeName` says whether an identifier names a type (a typedef) where C's
 * grammar depends on it (`(T)*p` is a cast, `(x)*p` a product); without it, identifiers are not
 * type names and `typeSensitive` on the result says the parse may change once they are known.
 */
export function parse(
  text: string,
  isTypeName?: (name: string) => boolean,
): { root: Node; typeSensitive: boolean } {
  const tokens = lex(text);
  let p = 0;
  let typeSensitive = false;
  const peek = (k = 0) => tokens[Math.min(p + k, tokens.length - 1)];
  const describe = (t: Token) => (t.kind === 'end' ? 'end' : `'${t.text}' at ${col(t.at)}`);
  const unexpected = (t: Token): never => {
    if (t.kind === 'end') throw new CExpressionError('unexpected end');
    if (t.text === '++' || t.text === '--' || ASSIGNMENTS.has(t.text))
      throw new CExpressionError(`'${t.text}' at ${col(t.at)}: ${CHANGES_PROGRAM}`);
    throw new CExpressionError(`unexpected ${describe(t)}`);
  };
  const expect = (want: string): Token => {
    const t = peek();
    if (t.kind === 'punct' && t.text === want) {
      p++;
      return t;
    }
    if (t.kind === 'end') throw new CExpressionError(`expected '${want}' at the end`);
    if (t.text === '++' || t.text === '--' || ASSIGNMENTS.has(t.text)) unexpected(t);
    throw new CExpressionError(`expected '${want}', found ${describe(t)}`);
  };
  const isPunct = (t: Token, ...texts: string[]) => t.kind === 'punct' && texts.includes(t.text);
  const endOf = () => {
    const t = tokens[p - 1];
    return t.at + t.text.length;
  };
  const make = (start: number, n: DistributiveOmit<Node, 'start' | 'end'>): Node =>
    ({ ...n, start, end: endOf() }) as Node;

  /** Whether the tokens at p start a type name. */
  const startsType = (k = 0): boolean => {
    const t = peek(k);
    if (t.kind !== 'id') return false;
    if (BASE_KEYWORDS.has(t.text) || QUALIFIERS.has(t.text) || TAGS.has(t.text)) return true;
    if (t.text.startsWith('$')) return false;
    typeSensitive = true;
    return isTypeName?.(t.text) ?? false;
  };

  const typeName = (): TypeNameSyntax => {
    const words: string[] = [];
    let named: string | undefined;
    while (true) {
      const t = peek();
      if (t.kind !== 'id') break;
      if (QUALIFIERS.has(t.text)) {
        p++;
        continue;
      }
      if (BASE_KEYWORDS.has(t.text) && named === undefined) {
        words.push(t.text);
        p++;
        continue;
      }
      if (TAGS.has(t.text) && named === undefined && words.length === 0) {
        p++;
        const tag = peek();
        if (tag.kind !== 'id')
          throw new CExpressionError(`expected a tag name after '${t.text}', found ${describe(tag)}`);
        p++;
        named = `${t.text} ${tag.text}`;
        continue;
      }
      if (named === undefined && words.length === 0) {
        named = t.text;
        p++;
        continue;
      }
      break;
    }
    let pointers = 0;
    while (isPunct(peek(), '*') || (peek().kind === 'id' && QUALIFIERS.has(peek().text))) {
      if (isPunct(peek(), '*')) pointers++;
      p++;
    }
    const bounds: number[] = [];
    while (isPunct(peek(), '[')) {
      p++;
      const n = peek();
      if (n.kind !== 'int' || !n.int)
        throw new CExpressionError(`expected an array bound, found ${describe(n)}`);
      p++;
      expect(']');
      bounds.push(Number(n.int.value));
    }
    if (isPunct(peek(), '('))
      throw new CExpressionError(`function types in casts are not supported (${col(peek().at)})`);
    if (named !== undefined) return { base: named, builtin: false, pointers, bounds };
    return { base: canonicalBase(words), builtin: true, pointers, bounds };
  };

  const primary = (): Node => {
    const t = peek();
    const start = t.at;
    switch (t.kind) {
      case 'int': {
        p++;
        const i = t.int as NonNullable<Token['int']>;
        return make(start, { k: 'int', value: i.value, radix: i.radix, suffix: i.suffix });
      }
      case 'float': {
        p++;
        const f = t.float as NonNullable<Token['float']>;
        return make(start, { k: 'float', value: f.value, size: f.size });
      }
      case 'char': {
        p++;
        // char is signed on wasm32: '\xff' is -1.
        return make(start, { k: 'char', value: BigInt.asIntN(8, BigInt((t.bytes as Uint8Array)[0])) });
      }
      case 'string': {
        p++;
        const parts = [t.bytes as Uint8Array];
        while (peek().kind === 'string') parts.push(tokens[p++].bytes as Uint8Array);
        const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0) + 1);
        let at = 0;
        for (const b of parts) {
          bytes.set(b, at);
          at += b.length;
        }
        return make(start, { k: 'string', bytes });
      }
      case 'id': {
        if (t.text === 'sizeof' || BASE_KEYWORDS.has(t.text) || TAGS.has(t.text) || QUALIFIERS.has(t.text))
          throw new CExpressionError(`unexpected type name '${t.text}' at ${col(t.at)}`);
        p++;
        if (isPunct(peek(), '::')) {
          p++;
          const inner = peek();
          if (inner.kind !== 'id')
            throw new CExpressionError(`expected a name after '::', found ${describe(inner)}`);
          p++;
          return make(start, { k: 'name', name: inner.text, scope: t.text });
        }
        return make(start, { k: 'name', name: t.text });
      }
      case 'punct':
        if (t.text === '(') {
          p++;
          const e = comma();
          expect(')');
          return { ...e, start, end: endOf() };
        }
        return unexpected(t);
      default:
        return unexpected(t);
    }
  };

  const postfix = (): Node => {
    let a = primary();
    while (true) {
      const t = peek();
      if (isPunct(t, '[')) {
        p++;
        const index = comma();
        expect(']');
        a = make(a.start, { k: 'index', a, index });
      } else if (isPunct(t, '.', '->')) {
        p++;
        const m = peek();
        if (m.kind !== 'id')
          throw new CExpressionError(`expected a member name after '${t.text}', found ${describe(m)}`);
        p++;
        a = make(a.start, { k: 'member', a, arrow: t.text === '->', member: m.text });
      } else if (isPunct(t, '(')) {
        p++;
        const args: Node[] = [];
        if (!isPunct(peek(), ')')) {
          args.push(conditional());
          while (isPunct(peek(), ',')) {
            p++;
            args.push(conditional());
          }
        }
        expect(')');
        a = make(a.start, { k: 'call', callee: a, args });
      } else if (isPunct(t, '++', '--')) unexpected(t);
      else return a;
    }
  };

  const unary = (): Node => {
    const t = peek();
    const start = t.at;
    if (isPunct(t, '++', '--')) unexpected(t);
    if (isPunct(t, '-', '+', '!', '~', '*', '&')) {
      p++;
      const a = unary();
      return make(start, { k: 'unary', op: t.text as '-', a });
    }
    if (t.kind === 'id' && t.text === 'sizeof') {
      p++;
      if (isPunct(peek(), '(') && startsType(1)) {
        p++;
        const type = typeName();
        expect(')');
        return make(start, { k: 'sizeof-type', type });
      }
      const a = unary();
      return make(start, { k: 'sizeof', a });
    }
    if (isPunct(t, '(') && startsType(1)) {
      p++;
      const type = typeName();
      expect(')');
      if (isPunct(peek(), '{'))
        throw new CExpressionError(`compound literals are not supported (${col(peek().at)})`);
      const a = unary();
      return make(start, { k: 'cast', type, a });
    }
    return postfix();
  };

  const binary = (level: number): Node => {
    if (level === BINARY_LEVELS.length) return unary();
    let a = binary(level + 1);
    while (peek().kind === 'punct' && BINARY_LEVELS[level].includes(peek().text)) {
      const op = tokens[p++].text;
      const b = binary(level + 1);
      a = make(a.start, { k: 'binary', op, a, b });
    }
    return a;
  };

  const conditional = (): Node => {
    const c = binary(0);
    if (!isPunct(peek(), '?')) {
      if (peek().kind === 'punct' && ASSIGNMENTS.has(peek().text)) unexpected(peek());
      return c;
    }
    p++;
    const a = comma();
    expect(':');
    const b = conditional();
    return make(c.start, { k: 'cond', c, a, b });
  };

  const comma = (): Node => {
    let a = conditional();
    while (isPunct(peek(), ',')) {
      p++;
      const b = conditional();
      a = make(a.start, { k: 'comma', a, b });
    }
    return a;
  };

  if (tokens.length === 1) throw new CExpressionError('empty expression');
  const root = comma();
  if (peek().kind !== 'end') unexpected(peek());
  return { root, typeSensitive };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Base type keywords in any order → the name clang's DWARF uses (`long unsigned` → `unsigned long`). */
function canonicalBase(words: readonly string[]): string {
  const count = (w: string) => words.filter((x) => x === w).length;
  const longs = count('long');
  const unsigned = count('unsigned') > 0;
  const signed = count('signed') > 0;
  const bad = () => new CExpressionError(`'${words.join(' ')}' is not a C type`);
  if (words.length === 0) throw new CExpressionError('expected a type name');
  if ((unsigned && signed) || longs > 2 || words.some((w) => w !== 'long' && count(w) > 1)) throw bad();
  if (count('float') || count('double')) {
    if (words.length === 1) return words[0];
    if (words.length === 2 && count('double') && longs === 1) return 'long double';
    throw bad();
  }
  if (count('void') || count('_Bool') || count('bool')) {
    if (words.length > 1) throw bad();
    return words[0] === 'bool' ? '_Bool' : words[0];
  }
  const u = unsigned ? 'unsigned ' : '';
  if (count('char')) {
    if (longs || count('short') || count('int')) throw bad();
    return unsigned ? 'unsigned char' : signed ? 'signed char' : 'char';
  }
  if (count('short')) {
    if (longs) throw bad();
    return `${u}short`;
  }
  if (longs === 2) return `${u}long long`;
  if (longs === 1) return `${u}long`;
  return `${u}int`;
}
