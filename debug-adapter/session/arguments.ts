// The arguments of DAP requests, checked before a handler uses them: every count, offset, index
// and text a client sends is validated (a wrong one is an error response naming the argument),
// and every answer whose size a client chooses has a documented bound (a disassemble request for
// 10^8 instructions once exhausted the heap). The bounds are generous for an editor's views.
import { integerIn, MAX_TOKEN_LIMIT } from '../../engine/util/numbers';
import { parseAddress } from './format';

/** Most rows one `disassemble` answers; a larger instructionCount gets this many (DAP allows fewer). */
export const MAX_DISASSEMBLE_INSTRUCTIONS = 4096;
/** Most bytes one `readMemory` answers (the machine has 16 MiB; an editor reads a page at a time). */
export const MAX_READ_MEMORY_BYTES = 4 << 20;
/** Most variables one `variables` request answers (larger collections are paged with start/count). */
export const MAX_VARIABLES_PAGE = 10_000;
/** Longest expression, condition, hit condition or log message, in characters. */
export const MAX_EXPRESSION_LENGTH = 4096;
/** Most breakpoints one request sets. */
export const MAX_BREAKPOINTS = 10_000;
/** Offsets (memory or instructions) range over the 32-bit address space, either way. */
export const MAX_OFFSET = 2 ** 32;
/** Largest count or index a client may write (answers are bounded separately). */
export const MAX_COUNT = MAX_TOKEN_LIMIT * 16;

/** An argument that is not what it must be; the message names it. */
export class ArgumentError extends Error {}

/** A request's arguments (or a nested object of them), read only through the functions below. */
export type Args = object;

const field = (args: Args, name: string): unknown => (args as Record<string, unknown>)[name];

/** The request's arguments as an object (absent arguments read as an empty one). */
export function argumentsOf(command: string, value: unknown): Args {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ArgumentError(`the arguments of '${command}' must be an object`);
  return value as Args;
}

/** An integer argument in [min, max] (absent: `fallback`, or an error when there is none). */
export function int(args: Args, name: string, min: number, max: number, fallback?: number): number {
  const v = field(args, name);
  if (v === undefined || v === null) {
    if (fallback !== undefined) return fallback;
    throw new ArgumentError(`'${name}' is missing`);
  }
  try {
    return integerIn(v, `'${name}'`, { min, max });
  } catch (e) {
    throw new ArgumentError((e as Error).message);
  }
}

/** A string argument of bounded length (absent: undefined, unless required). */
export function text(args: Args, name: string, required: true, maxLength?: number): string;
export function text(args: Args, name: string, required?: false, maxLength?: number): string | undefined;
export function text(args: Args, name: string, required = false, maxLength = MAX_EXPRESSION_LENGTH) {
  const v = field(args, name);
  if (v === undefined || v === null) {
    if (required) throw new ArgumentError(`'${name}' is missing`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ArgumentError(`'${name}' must be a string, not ${kind(v)}`);
  if (v.length > maxLength)
    throw new ArgumentError(
      `'${name}' is ${v.length.toLocaleString('en-US')} characters long, more than the ${maxLength.toLocaleString('en-US')} allowed`,
    );
  return v;
}

/** An array argument of at most `max` objects (absent: empty). */
export function list(args: Args, name: string, max: number): Args[] {
  const v = field(args, name);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ArgumentError(`'${name}' must be an array, not ${kind(v)}`);
  if (v.length > max)
    throw new ArgumentError(`'${name}' has ${v.length} entries, more than the ${max} allowed`);
  return v.map((x, i) => argumentsOf(`${name}[${i}]`, x));
}

/** An object argument (absent: error). */
export function object(args: Args, name: string): Args {
  const v = field(args, name);
  if (v === undefined || v === null) throw new ArgumentError(`'${name}' is missing`);
  if (typeof v !== 'object' || Array.isArray(v))
    throw new ArgumentError(`'${name}' must be an object, not ${kind(v)}`);
  return v as Args;
}

/** A memory or instruction reference: an address as "0x…" hex or decimal, within 32 bits. */
export function reference(args: Args, name: string): number {
  const ref = text(args, name, true, 64);
  const n = /^\s*(0x[0-9a-f]+|\d+)\s*$/i.test(ref) ? parseAddress(ref.trim()) : undefined;
  if (n === undefined || n < 0 || n >= MAX_OFFSET)
    throw new ArgumentError(`'${name}' must be an address (0x… hex or decimal, below 2^32), not '${ref}'`);
  return n;
}

/** Optional stepping granularity. */
export function granularity(args: Args): 'statement' | 'line' | 'instruction' | undefined {
  const g = field(args, 'granularity');
  if (g === undefined || g === null) return undefined;
  if (g !== 'statement' && g !== 'line' && g !== 'instruction')
    throw new ArgumentError(`'granularity' must be 'statement', 'line' or 'instruction', not ${kind(g)}`);
  return g;
}

function kind(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return String(v);
}
