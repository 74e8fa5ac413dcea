// C expressions of the debugger (watch, hover, breakpoint conditions, logpoint `{…}`): parse once,
// evaluate against any stopped frame. The grammar is in c-expression-parse.ts, C's arithmetic on
// wasm32 in c-expression-types.ts, the evaluation in c-expression-eval.ts.

import type { MemoryReader } from './bytes';
import {
  type CExpressionFrame,
  type ExtraNames,
  evaluateNode,
  readScalar,
  truthOf,
} from './c-expression-eval';
import { type Node, parse } from './c-expression-parse';
import type { CProgramInfo, CValue } from './model';

export type { CExpressionFrame, ExtraNames } from './c-expression-eval';
export { CExpressionError } from './c-expression-parse';

/** A parsed expression. */
export interface CExpression {
  readonly text: string;
  /** The parse when no identifier is a type name. */
  readonly root: Node;
  /** Whether an identifier might be a typedef name, so that the parse depends on the program. */
  readonly typeSensitive: boolean;
}

/** Parses a C expression; syntax errors (with their column) throw CExpressionError. */
export function parseCExpression(text: string): CExpression {
  const { root, typeSensitive } = parse(text);
  return { text, root, typeSensitive };
}

/** Re-parses of type-sensitive expressions by program, with the type-name answers they relied on. */
const reparsed = new WeakMap<
  CExpression,
  WeakMap<CProgramInfo, { answers: Map<string, boolean>; root: Node }>
>();

function rootFor(e: CExpression, frame: CExpressionFrame | undefined): Node {
  const program = frame?.program;
  if (!e.typeSensitive || !program) return e.root;
  // A name in scope as a variable is not a type name there (C's shadowing).
  const isType = (n: string) => program.typeNamed(n) !== undefined && frame.lookup(n) === undefined;
  let byProgram = reparsed.get(e);
  if (!byProgram) {
    byProgram = new WeakMap();
    reparsed.set(e, byProgram);
  }
  const cached = byProgram.get(program);
  if (cached && [...cached.answers].every(([n, was]) => isType(n) === was)) return cached.root;
  const answers = new Map<string, boolean>();
  const root = parse(e.text, (n) => {
    const r = isType(n);
    answers.set(n, r);
    return r;
  }).root;
  byProgram.set(program, { answers, root });
  return root;
}

/**
 * The value of `e` in `frame` (C names first; then `extra`, the debugger's own names). An lvalue
 * keeps its Place, so a struct or array result can be expanded. Errors throw CExpressionError.
 */
export function evaluateCExpression(
  e: CExpression,
  frame: CExpressionFrame | undefined,
  extra?: ExtraNames,
): CValue {
  return evaluateNode(rootFor(e, frame), e.text, frame, extra);
}

/** A scalar result as a number (integers, enums, pointers); CExpressionError for other values. */
export function scalarOf(v: CValue, memory: MemoryReader, what = 'the value'): bigint {
  return readScalar(v, memory, what).value;
}

/** C truthiness of a value: nonzero, non-null, a float other than ±0 (`what` names it in errors). */
export function isTrue(v: CValue, memory: MemoryReader, what = 'the value'): boolean {
  return truthOf(v, memory, what);
}

/** C truthiness of an expression's value: nonzero, non-null (for breakpoint conditions). */
export function holdsIn(e: CExpression, frame: CExpressionFrame | undefined, extra?: ExtraNames): boolean {
  const root = rootFor(e, frame);
  const not: Node = { k: 'unary', op: '!', a: root, start: root.start, end: root.end };
  const v = evaluateNode(not, e.text, frame, extra);
  return scalarOf(v, frame?.memory ?? (() => undefined)) === 0n;
}
