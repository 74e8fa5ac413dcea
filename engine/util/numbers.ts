// Validation of every number a user gives: CLI flags, launch attributes, DAP arguments.
// One rule for all of them, so that a fractional, huge, negative or non-numeric value is refused
// with the same clear message wherever it enters, instead of reaching a loop or an allocation.

/** The most tokens any one run may be given (a run's trace costs a few bytes per token). */
export const MAX_TOKEN_LIMIT = 1_000_000_000;

/** A number from a user that is not what it must be; the message names it and the range. */
export class InvalidNumberError extends Error {}

export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/**
 * `value` as an integer in [min, max]. Accepts a JSON number or a string written as one
 * (decimal, optionally with an exponent: "1e6"); refuses fractions, NaN, infinities, values
 * beyond `max` (never clamped) and anything else, naming `what` in the message.
 */
export function integerIn(value: unknown, what: string, range: IntegerRange): number {
  if (!Number.isSafeInteger(range.min) || !Number.isSafeInteger(range.max) || range.min > range.max) {
    throw new Error(`internal: bad range for ${what}`);
  }
  const n = asNumber(value);
  if (n === undefined || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw new InvalidNumberError(
      `${what} must be an integer from ${fmt(range.min)} to ${fmt(range.max)}, not ${show(value)}`,
    );
  }
  return n;
}

/** Like `integerIn`, but `undefined` (absent) gives `fallback`. */
export function optionalIntegerIn(
  value: unknown,
  what: string,
  range: IntegerRange,
  fallback: number,
): number;
export function optionalIntegerIn(value: unknown, what: string, range: IntegerRange): number | undefined;
export function optionalIntegerIn(
  value: unknown,
  what: string,
  range: IntegerRange,
  fallback?: number,
): number | undefined {
  return value === undefined ? fallback : integerIn(value, what, range);
}

/** A finite number in [min, max] (fractions allowed), for scales and time limits. */
export function finiteIn(value: unknown, what: string, range: IntegerRange): number {
  const n = asNumber(value);
  if (n === undefined || !Number.isFinite(n) || n < range.min || n > range.max) {
    throw new InvalidNumberError(
      `${what} must be a number from ${fmt(range.min)} to ${fmt(range.max)}, not ${show(value)}`,
    );
  }
  return n;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  // Number('') is 0 and Number('0x10') is 16: only plain decimal notation is a number here.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  return Number(s);
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
