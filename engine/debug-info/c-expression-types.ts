// The C arithmetic of wasm32 the expression evaluator needs: which types are integers, their
// ranks, integer promotions and the usual arithmetic conversions (int and long are 32-bit, long
// long 64-bit, pointers 32-bit, char signed), float and double, and type names resolved for casts
// and sizeof.
import { CExpressionError, type TypeNameSyntax } from './c-expression-parse';
import type { FloatSize } from './float';
import type { CBaseType, CPointerType, CProgramInfo, CType } from './model';
import { resolved, typeName } from './types';

/** An integer type as arithmetic sees it. */
export interface IntType {
  readonly size: number;
  readonly signed: boolean;
  /** C's conversion rank: _Bool 1, char 2, short 3, int 4, long 5, long long 6. */
  readonly rank: number;
}

const BASES: Record<string, CBaseType> = {};
for (const [name, size, encoding] of [
  ['_Bool', 1, 'bool'],
  ['char', 1, 'signed_char'],
  ['signed char', 1, 'signed_char'],
  ['unsigned char', 1, 'unsigned_char'],
  ['short', 2, 'signed'],
  ['unsigned short', 2, 'unsigned'],
  ['int', 4, 'signed'],
  ['unsigned int', 4, 'unsigned'],
  ['long', 4, 'signed'],
  ['unsigned long', 4, 'unsigned'],
  ['long long', 8, 'signed'],
  ['unsigned long long', 8, 'unsigned'],
  ['float', 4, 'float'],
  ['double', 8, 'float'],
  ['long double', 16, 'float'],
] as const)
  BASES[name] = { kind: 'base', name, size, encoding };

export const INT = BASES.int;
export const UNSIGNED_LONG = BASES['unsigned long'];
export const LONG = BASES.long;
export const CHAR = BASES.char;
export const FLOAT = BASES.float;
export const DOUBLE = BASES.double;

/** The base type of a canonical name (`unsigned long`), or undefined for `void`. */
export function builtinType(name: string): CBaseType | undefined {
  return BASES[name];
}

/** The integer view of a type: base integers, _Bool and enums; undefined otherwise (floats too). */
export function intType(t: CType): IntType | undefined {
  const r = resolved(t);
  if (r.kind === 'enum') return { size: r.size, signed: r.signed, rank: rankOfSize(r.size) };
  if (r.kind !== 'base' || r.encoding === 'float' || r.encoding === 'complex_float') return undefined;
  const signed = r.encoding === 'signed' || r.encoding === 'signed_char';
  if (r.encoding === 'bool') return { size: r.size, signed: false, rank: 1 };
  const rank = /long long/.test(r.name)
    ? 6
    : /long/.test(r.name)
      ? r.size === 8
        ? 6
        : 5
      : /short/.test(r.name)
        ? 3
        : /char/.test(r.name)
          ? 2
          : rankOfSize(r.size);
  return { size: r.size, signed, rank };
}

/**
 * The format of a real floating type: 4 (float) or 8 (double); undefined for other types.
 * long double (binary128 on wasm32) and complex types are refused with a message.
 */
export function floatType(t: CType): FloatSize | undefined {
  const r = resolved(t);
  if (r.kind !== 'base') return undefined;
  if (r.encoding === 'complex_float')
    throw new CExpressionError(`complex values ('${typeName(t)}') are not supported`);
  if (r.encoding !== 'float') return undefined;
  if (r.size === 4 || r.size === 8) return r.size;
  throw new CExpressionError(`'${typeName(t)}' values are not supported (only float and double)`);
}

/** Whether a type is a real floating type (float, double, long double). */
export function isFloat(t: CType): boolean {
  const r = resolved(t);
  return r.kind === 'base' && r.encoding === 'float';
}

/** The float or double type of a format. */
export function floatOfSize(size: FloatSize): CBaseType {
  return size === 4 ? FLOAT : DOUBLE;
}

function rankOfSize(size: number): number {
  return size >= 8 ? 6 : size === 4 ? 4 : size === 2 ? 3 : 2;
}

/** The base type of a rank and signedness (after promotion: int and up). */
export function typeOf(i: IntType): CBaseType {
  const u = i.signed ? '' : 'unsigned ';
  const name = i.rank >= 6 ? 'long long' : i.rank === 5 ? 'long' : 'int';
  return BASES[u + name];
}

/** Integer promotion: anything narrower than int (and _Bool, char, short) becomes int. */
export function promote(i: IntType): IntType {
  return i.rank < 4 ? { size: 4, signed: true, rank: 4 } : i;
}

/** The usual arithmetic conversions of two promoted integer types. */
export function common(a: IntType, b: IntType): IntType {
  if (a.signed === b.signed) return a.rank >= b.rank ? a : b;
  const [u, s] = a.signed ? [b, a] : [a, b];
  if (u.rank >= s.rank) return u;
  if (s.size > u.size) return s;
  return { ...s, signed: false };
}

/** A value of an integer type, wrapped to its width. */
export function wrap(v: bigint, t: IntType): bigint {
  return t.signed ? BigInt.asIntN(t.size * 8, v) : BigInt.asUintN(t.size * 8, v);
}

export function pointerTo(target: CType): CPointerType {
  return { kind: 'pointer', size: 4, target };
}

/** The type a cast or sizeof names, resolved against the program's typedefs and tags. */
export function resolveTypeName(t: TypeNameSyntax, program: CProgramInfo | undefined, text: string): CType {
  let base: CType | undefined;
  if (t.builtin) {
    base = t.base === 'void' ? { kind: 'void' } : (program?.typeNamed(t.base) ?? BASES[t.base]);
  } else {
    base = program?.typeNamed(t.base);
    if (!base) throw new CExpressionError(`unknown type '${t.base}' in '${text}'`);
  }
  let type: CType = base;
  for (let i = 0; i < t.pointers; i++) type = pointerTo(type);
  for (let i = t.bounds.length - 1; i >= 0; i--) type = { kind: 'array', element: type, count: t.bounds[i] };
  return type;
}
