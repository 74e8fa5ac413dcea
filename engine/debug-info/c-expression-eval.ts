// Evaluates a parsed C expression over one stopped frame with C's semantics on wasm32: integer
// promotions, usual arithmetic conversions, unsigned wrap, pointer arithmetic scaled by the
// pointee, array decay, lvalues that keep their memory Place (so a result can be expanded).
// float and double are IEEE-exact: JS doubles, Math.fround for float (a float op computed in double
// and rounded once is exact for + - * /), correctly rounded conversions, NaNs as x86-64 SSE makes them.
// Nothing here writes: the values are what the transformer generated.

import { bytesOf, integerOf, type MemoryReader, readPlace, ValueUnavailable } from './bytes';
import { CExpressionError, type Node } from './c-expression-parse';
import {
  CHAR,
  common,
  floatOfSize,
  floatType,
  INT,
  type IntType,
  intType,
  LONG,
  pointerTo,
  promote,
  resolveTypeName,
  typeOf,
  UNSIGNED_LONG,
  wrap,
} from './c-expression-types';
import {
  bitsOf,
  bitsOfValue,
  bytesOfBits,
  convertNaN,
  defaultNaN,
  type FloatSize,
  floatOfInteger,
  formatFloat,
  isNaNBits,
  roundTo,
  valueOfBits,
} from './float';
import type { CMember, CProgramInfo, CRecordType, CType, CValue, CVariable, Place } from './model';
import { resolved, sizeOf, typeName } from './types';

/** What an expression reads: the names visible in the selected frame (a CFrame fits). */
export interface CExpressionFrame {
  readonly program: CProgramInfo | undefined;
  readonly memory: MemoryReader;
  /** A name as C sees it here, or undefined. */
  lookup(name: string): CValue | undefined;
  /** A variable's value here (for `fn::name`, a function's static seen from anywhere). */
  variableValue?(v: CVariable): CValue;
}

/**
 * Names outside C (the debugger's machine state: `step`, `stack[i]`, `u32(x)`), consulted after
 * the frame's C names and always for a `$name`. Each returns undefined for a name it lacks.
 */
export interface ExtraNames {
  value?(name: string): CValue | undefined;
  indexed?(name: string): ((index: bigint) => CValue) | undefined;
  call?(name: string): ((arg: CValue) => CValue) | undefined;
  /** The message for a name nobody knows (default `unknown name 'x'`). */
  unknown?(name: string): string;
}

/** An arithmetic operand: a float's bits and format, or a promoted integer. */
type Num =
  | { readonly float: { bits: bigint; size: FloatSize }; readonly int?: undefined }
  | { readonly int: { value: bigint; t: IntType }; readonly float?: undefined };

/** A value during evaluation: whether it designates an object (an lvalue), and its source text. */
interface Val {
  readonly v: CValue;
  readonly lvalue: boolean;
}

const quote = (n: Node, text: string) => `'${text.slice(n.start, n.end)}'`;

export function evaluateNode(
  root: Node,
  text: string,
  frame: CExpressionFrame | undefined,
  extra: ExtraNames = {},
): CValue {
  const memory: MemoryReader = frame?.memory ?? (() => undefined);
  const program = frame?.program;
  const src = (n: Node) => quote(n, text);
  const fail = (message: string): never => {
    throw new CExpressionError(message);
  };

  const rvalue = (type: CType, value: bigint): Val => {
    const size = sizeOf(type) ?? 4;
    return { v: { type, place: { kind: 'value', bytes: bytesOf(value, size) } }, lvalue: false };
  };

  const floatValue = (size: FloatSize, bits: bigint): Val => ({
    v: { type: floatOfSize(size), place: { kind: 'value', bytes: bytesOfBits(bits, size) } },
    lvalue: false,
  });

  /** A float or double operand's bits, or undefined when `x` is not one. */
  const floatOf = (x: Val, n: Node): { bits: bigint; size: FloatSize } | undefined => {
    const size = floatType(x.v.type);
    if (size === undefined) return undefined;
    return { bits: bitsOf(readBytes(x.v, memory, size, src(n)), size), size };
  };

  /** An arithmetic operand: a float's bits, or a promoted integer (pointers and records refused). */
  const number = (x: Val, n: Node, op: string): Num => {
    const f = floatOf(x, n);
    return f ? { float: f } : { int: integer(x, n, op) };
  };

  /** A number converted to a float format (C's conversion: rounded to nearest, NaN payloads kept). */
  const toFloat = (x: Num, size: FloatSize): bigint => {
    if (x.int) return bitsOfValue(floatOfInteger(x.int.value, size), size);
    const f = x.float as { bits: bigint; size: FloatSize };
    if (f.size === size) return f.bits; // no conversion: a signaling NaN stays as it is
    if (isNaNBits(f.bits, f.size)) return convertNaN(f.bits, f.size, size);
    return bitsOfValue(roundTo(valueOfBits(f.bits, f.size), size), size);
  };

  /** A float converted to an integer type: truncated; NaN and out-of-range values are refused (C: undefined). */
  const floatToInt = (f: { bits: bigint; size: FloatSize }, it: IntType, target: CType, n: Node): bigint => {
    const x = valueOfBits(f.bits, f.size);
    if (it.rank === 1) return x !== 0 ? 1n : 0n; // _Bool: NaN is true, as gcc makes it
    const t = Number.isFinite(x) ? BigInt(Math.trunc(x)) : undefined;
    const bits = BigInt(it.size * 8);
    const [lo, hi] = it.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
    if (t === undefined || t < lo || t > hi)
      return fail(`${src(n)} (${formatFloat(f.bits, f.size)}) is out of the range of '${typeName(target)}'`);
    return t;
  };

  /** An integer or pointer's value (bit-fields included). */
  const scalar = (x: Val, n: Node): { value: bigint; int?: IntType; pointer?: CType } =>
    readScalar(x.v, memory, src(n));

  /** Array-to-pointer decay; other values unchanged. */
  const decay = (x: Val, n: Node): Val => {
    const r = resolved(x.v.type);
    if (r.kind !== 'array') return x;
    return rvalue(pointerTo(r.element), BigInt(addressOf(x, n)));
  };

  const addressOf = (x: Val, n: Node): number => {
    const place = x.v.place;
    if (x.v.bits) return fail(`cannot take the address of bit-field ${src(n)}`);
    switch (place.kind) {
      case 'memory':
        return place.address >>> 0;
      case 'optimized-out':
        return fail(`${src(n)} is optimized out here`);
      case 'unavailable':
        return fail(`cannot read ${src(n)}: ${place.reason}`);
      default:
        if (n.k === 'string') return fail(`a string literal has no address in the program's memory`);
        if (!x.lvalue) return fail(`${src(n)} has no address (it is a computed value)`);
        return fail(`${src(n)} has no address (it is in a WebAssembly local)`);
    }
  };

  /** An integer operand after decay, with its promoted type; pointers and floats refused. */
  const integer = (x: Val, n: Node, op: string): { value: bigint; t: IntType } => {
    if (floatType(x.v.type) !== undefined)
      return fail(`cannot apply '${op}' to ${src(n)} ('${typeName(x.v.type)}'): it needs an integer`);
    const s = scalar(decay(x, n), n);
    if (!s.int) return fail(`cannot apply '${op}' to ${src(n)} (a pointer)`);
    const t = promote(s.int);
    return { value: wrap(s.value, t), t };
  };

  const truth = (x: Val, n: Node): boolean => {
    const r = resolved(x.v.type);
    if (r.kind === 'struct' || r.kind === 'union')
      return fail(`${src(n)} ('${typeName(x.v.type)}') cannot be used as a truth value`);
    const f = floatOf(x, n);
    // ±0 is false; everything else, NaN included, is true.
    if (f) return (f.bits & ~(1n << BigInt(f.size * 8 - 1))) !== 0n;
    return scalar(decay(x, n), n).value !== 0n;
  };

  const intResult = (t: IntType, v: bigint): Val => rvalue(typeOf(t), wrap(v, t));
  const bool = (b: boolean): Val => rvalue(INT, b ? 1n : 0n);

  /** Where a member of a record is, following anonymous members. */
  const findMember = (rec: CRecordType, name: string): { m: CMember; offset: number } | undefined => {
    for (const m of rec.members) {
      if (m.name === name) return { m, offset: m.offset };
      if (m.name === undefined) {
        const inner = resolved(m.type);
        if (inner.kind === 'struct' || inner.kind === 'union') {
          const found = findMember(inner, name);
          if (found) return { m: found.m, offset: m.offset + found.offset };
        }
      }
    }
    return undefined;
  };

  const member = (x: Val, n: Node, name: string, arrow: boolean, whole: Node): Val => {
    let obj = x;
    if (arrow) {
      const d = decay(x, n);
      const r = resolved(d.v.type);
      if (r.kind !== 'pointer') return fail(`cannot apply '->' to ${typeName(x.v.type)} (${src(n)})`);
      obj = deref(d, n, r.target);
    }
    const rec = resolved(obj.v.type);
    if (rec.kind !== 'struct' && rec.kind !== 'union')
      return fail(`cannot apply '${arrow ? '->' : '.'}' to ${typeName(obj.v.type)} (${src(n)})`);
    if (rec.incomplete) return fail(`'${typeName(obj.v.type)}' is incomplete here: its members are unknown`);
    const found = findMember(rec, name);
    if (!found) return fail(`'${typeName(obj.v.type)}' has no member named '${name}' (${src(whole)})`);
    const { m, offset } = found;
    if (m.bitSize !== undefined) {
      const first = (m.bitOffset ?? m.offset * 8) + (offset - m.offset) * 8;
      const byte = Math.floor(first / 8);
      const span = Math.ceil(((first % 8) + m.bitSize) / 8);
      return {
        v: {
          type: m.type,
          place: sub(obj.v.place, byte, span),
          bits: { offset: first % 8, size: m.bitSize },
        },
        lvalue: obj.lvalue,
      };
    }
    return { v: { type: m.type, place: sub(obj.v.place, offset, sizeOf(m.type) ?? 0) }, lvalue: obj.lvalue };
  };

  const deref = (p: Val, n: Node, target: CType): Val => {
    const t = resolved(target);
    if (t.kind === 'void') return fail(`cannot dereference ${src(n)}: it is a 'void *'`);
    if (t.kind === 'function') return fail(`cannot dereference ${src(n)}: it points to a function`);
    const address = Number(scalar(p, n).value);
    return { v: { type: target, place: { kind: 'memory', address } }, lvalue: true };
  };

  /** sizeof of the pointee for pointer arithmetic (void counts 1, as GNU C and gdb do). */
  const stride = (target: CType, n: Node): number => {
    const t = resolved(target);
    if (t.kind === 'void') return 1;
    const s = sizeOf(target);
    if (s === undefined) return fail(`cannot do arithmetic on ${src(n)}: '${typeName(target)}' has no size`);
    return s;
  };

  const index = (a: Val, an: Node, i: Val, iN: Node, whole: Node): Val => {
    const r = resolved(a.v.type);
    if (r.kind === 'array' && a.v.place.kind !== 'memory' && !a.v.bits) {
      // An array held as a value (a string literal, an array in pieces): index its bytes.
      const k = integer(i, iN, '[]').value;
      const size = sizeOf(r.element) ?? fail(`'${typeName(r.element)}' has no size`);
      if (r.count !== undefined && (k < 0n || k >= BigInt(r.count)))
        return fail(`index ${k} is outside ${src(an)} (${r.count} elements)`);
      return { v: { type: r.element, place: sub(a.v.place, Number(k) * size, size) }, lvalue: a.lvalue };
    }
    const p = decay(a, an);
    const pr = resolved(p.v.type);
    if (pr.kind !== 'pointer') {
      const ir = resolved(decay(i, iN).v.type);
      if (ir.kind === 'pointer') return index(i, iN, a, an, whole); // i[a] is a[i]
      return fail(`cannot index ${src(an)} ('${typeName(a.v.type)}'): it is not an array or a pointer`);
    }
    const k = integer(i, iN, '[]').value;
    const address = BigInt.asUintN(32, scalar(p, an).value + k * BigInt(stride(pr.target, an)));
    return deref(rvalue(p.v.type, address), whole, pr.target);
  };

  const arithmetic = (op: string, a: Val, an: Node, b: Val, bn: Node): Val => {
    const da = decay(a, an);
    const db = decay(b, bn);
    const pa = resolved(da.v.type);
    const pb = resolved(db.v.type);
    if (op === '+' || op === '-') {
      if (pa.kind === 'pointer' && pb.kind === 'pointer') {
        if (op === '+') return fail(`cannot add two pointers (${src(an)} + ${src(bn)})`);
        const sa = stride(pa.target, an);
        if (stride(pb.target, bn) !== sa)
          return fail(
            `cannot subtract pointers to different types ('${typeName(da.v.type)}', '${typeName(db.v.type)}')`,
          );
        const diff = BigInt.asIntN(32, scalar(da, an).value - scalar(db, bn).value);
        return rvalue(LONG, diff / BigInt(sa));
      }
      if (pa.kind === 'pointer' || pb.kind === 'pointer') {
        if (pb.kind === 'pointer' && op === '-')
          return fail(`cannot subtract a pointer from an integer (${src(bn)})`);
        const [p, pn, i, iN, target] =
          pa.kind === 'pointer'
            ? [da, an, db, bn, pa.target]
            : [db, bn, da, an, (pb as { target: CType }).target];
        const k = integer(i, iN, op).value;
        const step = BigInt(stride(target, pn));
        const base = scalar(p, pn).value;
        return rvalue(p.v.type, BigInt.asUintN(32, op === '+' ? base + k * step : base - k * step));
      }
    }
    if (['<', '>', '<=', '>=', '==', '!='].includes(op) && (pa.kind === 'pointer' || pb.kind === 'pointer')) {
      // Pointers compare as unsigned addresses (an integer, typically 0, as an address).
      const x = BigInt.asUintN(32, scalar(da, an).value);
      const y = BigInt.asUintN(32, scalar(db, bn).value);
      return bool(compare(op, x, y));
    }
    if (floatType(da.v.type) !== undefined || floatType(db.v.type) !== undefined)
      return floatArithmetic(op, number(da, an, op), an, number(db, bn, op), bn);
    const x = integer(da, an, op);
    const y = integer(db, bn, op);
    if (op === '<<' || op === '>>') {
      const width = x.t.size * 8;
      if (y.value < 0n || y.value >= BigInt(width))
        return fail(`shift count ${y.value} is out of range for '${typeOf(x.t).name}' (${src(bn)})`);
      return intResult(x.t, op === '<<' ? x.value << y.value : x.value >> y.value);
    }
    const t = common(x.t, y.t);
    const u = wrap(x.value, t);
    const v = wrap(y.value, t);
    switch (op) {
      case '+':
        return intResult(t, u + v);
      case '-':
        return intResult(t, u - v);
      case '*':
        return intResult(t, u * v);
      case '/':
      case '%': {
        if (v === 0n) return fail(`division by zero (${src(bn)} is 0)`);
        if (t.signed && v === -1n && u === -(1n << BigInt(t.size * 8 - 1)))
          return fail(`${src(an)} ${op} ${src(bn)} overflows '${typeOf(t).name}'`);
        return intResult(t, op === '/' ? u / v : u % v);
      }
      case '&':
        return intResult(t, u & v);
      case '|':
        return intResult(t, u | v);
      case '^':
        return intResult(t, u ^ v);
      default:
        return bool(compare(op, u, v));
    }
  };

  /** A binary operator with a float operand: both convert to the wider float type (C's usual conversions). */
  const floatArithmetic = (op: string, x: Num, an: Node, y: Num, bn: Node): Val => {
    const size: FloatSize = x.float?.size === 8 || y.float?.size === 8 ? 8 : 4;
    const a = toFloat(x, size);
    const b = toFloat(y, size);
    const comparison = ['<', '>', '<=', '>=', '==', '!='].includes(op);
    if (!comparison && !['+', '-', '*', '/'].includes(op))
      return fail(`cannot apply '${op}' to floating-point operands (${src(an)} ${op} ${src(bn)})`);
    const [na, nb] = [isNaNBits(a, size), isNaNBits(b, size)];
    // NaN is unordered: every comparison is false but !=.
    if (comparison && (na || nb)) return bool(op === '!=');
    // x86-64 SSE: the first NaN operand, quiet; an invalid operation without one, the default NaN.
    if (na || nb) return floatValue(size, convertNaN(na ? a : b, size, size));
    const u = valueOfBits(a, size);
    const v = valueOfBits(b, size);
    if (comparison) return bool(compare(op, u, v));
    const r = op === '+' ? u + v : op === '-' ? u - v : op === '*' ? u * v : u / v;
    return floatValue(size, Number.isNaN(r) ? defaultNaN(size) : bitsOfValue(roundTo(r, size), size));
  };

  const resolveName = (n: Node & { k: 'name' }): Val => {
    if (n.scope !== undefined) {
      const s = program?.statics.find((v) => v.name === n.name && v.functionName === n.scope);
      if (!s) return fail(`unknown name '${n.scope}::${n.name}'`);
      if (!frame?.variableValue) return fail(`'${n.scope}::${n.name}' cannot be read here`);
      return { v: frame.variableValue(s), lvalue: true };
    }
    const machine = n.name.startsWith('$');
    const name = machine ? n.name.slice(1) : n.name;
    if (!machine) {
      const v = frame?.lookup(name);
      if (v) return { v, lvalue: true };
    }
    const e = extra.value?.(name);
    if (e) return { v: e, lvalue: false };
    if (!machine && program?.functions.some((f) => f.name === name))
      return fail(`'${name}' is a function: only values can be shown (function calls are not supported)`);
    return fail(extra.unknown?.(n.name) ?? `unknown name '${n.name}'`);
  };

  /** An expression's C type without evaluating it (for sizeof and ?:); evaluates only to find a name. */
  const typeOfNode = (n: Node): CType => {
    const decayed = (t: CType): CType => {
      const r = resolved(t);
      return r.kind === 'array' ? pointerTo(r.element) : t;
    };
    const promoted = (t: CType, op: string): IntType => {
      const it = intType(t);
      if (!it) return fail(`cannot apply '${op}' to ${src(n)} ('${typeName(t)}')`);
      return promote(it);
    };
    switch (n.k) {
      case 'int':
        return literalType(n, src(n));
      case 'float':
        return floatOfSize(n.size);
      case 'char':
        return INT;
      case 'string':
        return { kind: 'array', element: CHAR, count: n.bytes.length };
      case 'member': {
        let t = typeOfNode(n.a);
        if (n.arrow) {
          const p = resolved(decayed(t));
          if (p.kind !== 'pointer') return fail(`cannot apply '->' to ${typeName(t)} (${src(n.a)})`);
          t = p.target;
        }
        const rec = resolved(t);
        if (rec.kind !== 'struct' && rec.kind !== 'union')
          return fail(`cannot apply '${n.arrow ? '->' : '.'}' to ${typeName(t)} (${src(n.a)})`);
        const found = findMember(rec, n.member);
        if (!found) return fail(`'${typeName(t)}' has no member named '${n.member}' (${src(n)})`);
        return found.m.type;
      }
      case 'unary':
        switch (n.op) {
          case '&':
            return pointerTo(typeOfNode(n.a));
          case '*': {
            const p = resolved(decayed(typeOfNode(n.a)));
            if (p.kind !== 'pointer') return fail(`cannot apply '*' to ${src(n.a)}`);
            return p.target;
          }
          case '!':
            return INT;
          default: {
            const t = typeOfNode(n.a);
            if (floatType(t) !== undefined && n.op !== '~') return floatOfSize(floatType(t) as FloatSize);
            return typeOf(promoted(t, n.op));
          }
        }
      case 'sizeof':
      case 'sizeof-type':
        return UNSIGNED_LONG;
      case 'cast':
        return resolveTypeName(n.type, program, text.slice(n.start, n.end));
      case 'binary': {
        if (['&&', '||', '<', '>', '<=', '>=', '==', '!='].includes(n.op)) return INT;
        const a = decayed(typeOfNode(n.a));
        const b = decayed(typeOfNode(n.b));
        const pa = resolved(a).kind === 'pointer';
        const pb = resolved(b).kind === 'pointer';
        if ((n.op === '+' || n.op === '-') && (pa || pb)) return pa && pb ? LONG : pa ? a : b;
        if (n.op === '<<' || n.op === '>>') return typeOf(promoted(a, n.op));
        const fa = floatType(a);
        const fb = floatType(b);
        if (fa !== undefined || fb !== undefined) return floatOfSize(fa === 8 || fb === 8 ? 8 : 4);
        return typeOf(common(promoted(a, n.op), promoted(b, n.op)));
      }
      case 'cond': {
        const a = decayed(typeOfNode(n.a));
        const b = decayed(typeOfNode(n.b));
        const ia = intTypeOrUndefined(a);
        const ib = intTypeOrUndefined(b);
        const fa = floatType(a);
        const fb = floatType(b);
        if ((fa !== undefined || ia) && (fb !== undefined || ib) && (fa !== undefined || fb !== undefined))
          return floatOfSize(fa === 8 || fb === 8 ? 8 : 4);
        return ia && ib ? typeOf(common(promote(ia), promote(ib))) : a;
      }
      case 'comma':
        return typeOfNode(n.b);
      case 'index': {
        if (n.a.k === 'name' && extraIndexed(n.a)) return ev(n).v.type;
        const a = decayed(typeOfNode(n.a));
        const r = resolved(a);
        if (r.kind === 'pointer') return r.target;
        const i = resolved(decayed(typeOfNode(n.index)));
        if (i.kind === 'pointer') return i.target;
        return fail(`cannot index ${src(n.a)} ('${typeName(a)}'): it is not an array or a pointer`);
      }
      default:
        // Names and the debugger's functions: finding them reads nothing.
        return ev(n).v.type;
    }
  };

  const extraIndexed = (a: Node & { k: 'name' }) => {
    if (a.scope !== undefined || isCName(a)) return undefined;
    return extra.indexed?.(a.name.startsWith('$') ? a.name.slice(1) : a.name);
  };

  const isCName = (n: Node) =>
    n.k === 'name' && n.scope === undefined && !n.name.startsWith('$') && frame?.lookup(n.name) !== undefined;

  const ev = (n: Node): Val => {
    switch (n.k) {
      case 'int':
        return rvalue(literalType(n, src(n)), n.value);
      case 'float':
        return floatValue(n.size, bitsOfValue(n.value, n.size));
      case 'char':
        return rvalue(INT, n.value);
      case 'string':
        return {
          v: {
            type: { kind: 'array', element: CHAR, count: n.bytes.length },
            place: { kind: 'value', bytes: n.bytes },
          },
          lvalue: false,
        };
      case 'name':
        return resolveName(n);
      case 'index': {
        const get = n.a.k === 'name' ? extraIndexed(n.a) : undefined;
        if (get) return { v: get(scalar(decay(ev(n.index), n.index), n.index).value), lvalue: false };
        return index(ev(n.a), n.a, ev(n.index), n.index, n);
      }
      case 'member':
        return member(ev(n.a), n.a, n.member, n.arrow, n);
      case 'call': {
        if (n.callee.k === 'name' && n.callee.scope === undefined && !isCName(n.callee)) {
          const name = n.callee.name.startsWith('$') ? n.callee.name.slice(1) : n.callee.name;
          const f = extra.call?.(name);
          if (f) {
            if (n.args.length !== 1) return fail(`${name}() takes one argument (${src(n)})`);
            return { v: f(decay(ev(n.args[0]), n.args[0]).v), lvalue: false };
          }
        }
        return fail(`${src(n)} at column ${n.start + 1} is not understood: function calls are not supported`);
      }
      case 'unary': {
        const a = ev(n.a);
        switch (n.op) {
          case '&': {
            if (n.a.k === 'string') return fail(`a string literal has no address in the program's memory`);
            if (resolved(a.v.type).kind === 'function')
              return fail(`cannot take the address of function ${src(n.a)}`);
            if (!a.lvalue && a.v.place.kind !== 'memory')
              return fail(`cannot take the address of ${src(n.a)}: it is not an object`);
            return rvalue(pointerTo(a.v.type), BigInt(addressOf(a, n.a)));
          }
          case '*': {
            const p = decay(a, n.a);
            const r = resolved(p.v.type);
            if (r.kind !== 'pointer') return fail(`cannot apply '*' to ${typeName(a.v.type)} (${src(n.a)})`);
            return deref(p, n.a, r.target);
          }
          case '!':
            return bool(!truth(a, n.a));
          default: {
            const f = n.op === '~' ? undefined : floatOf(a, n.a);
            // Negation flips the sign bit (NaNs too, as gcc's xorpd does); + keeps a float as it is.
            if (f) return floatValue(f.size, n.op === '-' ? f.bits ^ (1n << BigInt(f.size * 8 - 1)) : f.bits);
            const x = integer(a, n.a, n.op);
            return intResult(x.t, n.op === '-' ? -x.value : n.op === '~' ? ~x.value : x.value);
          }
        }
      }
      case 'sizeof-type':
      case 'sizeof': {
        const t =
          n.k === 'sizeof' ? ev(n.a).v.type : resolveTypeName(n.type, program, text.slice(n.start, n.end));
        const size = sizeOf(t);
        if (size === undefined) return fail(`sizeof of '${typeName(t)}' is unknown (${src(n)})`);
        return rvalue(UNSIGNED_LONG, BigInt(size));
      }
      case 'cast': {
        const target = resolveTypeName(n.type, program, text.slice(n.start, n.end));
        const r = resolved(target);
        const a = decay(ev(n.a), n.a);
        const from = floatOf(a, n.a);
        const to = floatType(target);
        if (to !== undefined) {
          const bits = toFloat(from ? { float: from } : { int: integer(a, n.a, 'a cast') }, to);
          return {
            v: { type: target, place: { kind: 'value', bytes: bytesOfBits(bits, to) } },
            lvalue: false,
          };
        }
        if (r.kind === 'pointer') {
          if (from) return fail(`cannot cast ${src(n.a)} ('${typeName(a.v.type)}') to a pointer`);
          return rvalue(target, BigInt.asUintN(32, scalar(a, n.a).value));
        }
        const it = r.kind === 'base' || r.kind === 'enum' ? intType(target) : undefined;
        if (!it) return fail(`cannot cast to '${typeName(target)}' (${src(n)})`);
        if (from) return rvalue(target, floatToInt(from, it, target, n.a));
        const v = scalar(a, n.a).value;
        return rvalue(target, it.rank === 1 ? (v !== 0n ? 1n : 0n) : wrap(v, it));
      }
      case 'binary': {
        if (n.op === '&&') return bool(truth(ev(n.a), n.a) && truth(ev(n.b), n.b));
        if (n.op === '||') return bool(truth(ev(n.a), n.a) || truth(ev(n.b), n.b));
        return arithmetic(n.op, ev(n.a), n.a, ev(n.b), n.b);
      }
      case 'cond': {
        const taken = truth(ev(n.c), n.c) ? n.a : n.b;
        const x = decay(ev(taken), taken);
        // Arithmetic branches convert to their common type (C types both, evaluates one).
        const t = typeOfNode(n);
        const ft = floatType(t);
        if (ft !== undefined) {
          const from = floatOf(x, taken);
          return floatValue(ft, toFloat(from ? { float: from } : { int: integer(x, taken, '?:') }, ft));
        }
        const it = intTypeOrUndefined(t);
        return it && intTypeOrUndefined(x.v.type) ? rvalue(t, wrap(scalar(x, taken).value, it)) : x;
      }
      case 'comma':
        ev(n.a);
        return ev(n.b);
    }
  };

  return ev(root).v;
}

/**
 * The number an integer, enum, _Bool or pointer value holds (bit-fields included); `what` names
 * it in errors (`'x'`). Other types and unreadable values throw CExpressionError.
 */
export function readScalar(
  v: CValue,
  memory: MemoryReader,
  what: string,
): { value: bigint; int?: IntType; pointer?: CType } {
  const bytes = (size: number): Uint8Array => readBytes(v, memory, size, what);
  const r = resolved(v.type);
  if (r.kind === 'pointer') return { value: integerOf(bytes(4), false), pointer: r.target };
  const it = intType(v.type);
  if (!it) {
    if (floatType(v.type) !== undefined)
      throw new CExpressionError(`${what} is a floating-point value ('${typeName(v.type)}'), not an integer`);
    throw new CExpressionError(`${what} is not a number (it is '${typeName(v.type)}')`);
  }
  if (v.bits) {
    const { offset, size } = v.bits;
    const raw =
      (integerOf(bytes(Math.ceil((offset + size) / 8)), false) >> BigInt(offset)) &
      ((1n << BigInt(size)) - 1n);
    return { value: it.signed ? BigInt.asIntN(size, raw) : raw, int: it };
  }
  return { value: integerOf(bytes(it.size), it.signed), int: it };
}

/** `size` bytes of a value; an unreadable one is a CExpressionError naming `what`. */
function readBytes(v: CValue, memory: MemoryReader, size: number, what: string): Uint8Array {
  try {
    return readPlace(v.place, 0, size, memory);
  } catch (e) {
    if (!(e instanceof ValueUnavailable)) throw e;
    if (e.message === '<optimized out>') throw new CExpressionError(`${what} is optimized out here`);
    throw new CExpressionError(`cannot read ${what}: ${e.message.replace(/^<|>$/g, '')}`);
  }
}

/**
 * C truthiness of a value (nonzero; for floats, anything but ±0, NaN included), for breakpoint
 * conditions; CExpressionError for values that are neither numbers nor pointers.
 */
export function truthOf(v: CValue, memory: MemoryReader, what: string): boolean {
  const size = floatType(v.type);
  if (size === undefined) return readScalar(v, memory, what).value !== 0n;
  return (bitsOf(readBytes(v, memory, size, what), size) & ~(1n << BigInt(size * 8 - 1))) !== 0n;
}

/** C's type of an integer literal: the first of its candidate types that holds the value. */
function literalType(n: Node & { k: 'int' }, what: string): CType {
  const { value, radix, suffix } = n;
  const candidates: IntType[] = [];
  for (const rank of [4, 5, 6]) {
    if (rank - 4 < suffix.longs) continue;
    const size = rank === 6 ? 8 : 4;
    if (!suffix.unsigned) candidates.push({ size, signed: true, rank });
    if (suffix.unsigned || radix !== 10) candidates.push({ size, signed: false, rank });
  }
  const fits = candidates.find((t) => value < 1n << BigInt(t.size * 8 - (t.signed ? 1 : 0)));
  if (!fits) throw new CExpressionError(`${what} does not fit in any integer type`);
  return typeOf(fits);
}

function intTypeOrUndefined(t: CType): IntType | undefined {
  try {
    return intType(t);
  } catch {
    return undefined;
  }
}

function compare<T extends bigint | number>(op: string, x: T, y: T): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    default:
      return x !== y;
  }
}

/** The part of a place `offset` bytes in, `size` long. */
function sub(place: Place, offset: number, size: number): Place {
  switch (place.kind) {
    case 'memory':
      return { kind: 'memory', address: place.address + offset };
    case 'value':
      return { kind: 'value', bytes: place.bytes.slice(offset, offset + size) };
    case 'pieces': {
      const pieces: { size: number; place: Place | undefined }[] = [];
      let at = 0;
      for (const piece of place.pieces) {
        const from = Math.max(offset, at);
        const to = Math.min(offset + size, at + piece.size);
        if (from < to)
          pieces.push({ size: to - from, place: piece.place && sub(piece.place, from - at, to - from) });
        at += piece.size;
      }
      return { kind: 'pieces', pieces };
    }
    default:
      return place;
  }
}
