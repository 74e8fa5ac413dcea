// Which machine words hold a typed WebAssembly value, for the Operand stack and WebAssembly locals
// scopes: the source map says an operand or local is an f32 (one word of IEEE bits) or an f64 (two
// words, low first), and the pane shows it as a float (gdb's digits) on the word listed first,
// expandable to its bits and words, while every machine word keeps its own row and index.
import type { WasmValueType } from '../../engine/compiler/source-map';
import { formatFloat } from '../../engine/debug-info/float';
import { formatValue } from './format';

/** The role of one machine word within a typed value. */
export interface WordRole {
  readonly type: WasmValueType;
  /** The value's low word (f64/i64: the other is `low + 1`). */
  readonly low: number;
}

/**
 * The roles of words laid out from word `base` up, one value after another (bottom of the
 * operand stack first, or local slot 0 first). Only float values get roles: integer words show as
 * they always have.
 */
export function floatWords(types: readonly WasmValueType[], base: number): Map<number, WordRole> {
  const roles = new Map<number, WordRole>();
  let at = base;
  for (const type of types) {
    const n = type === 'i64' || type === 'f64' ? 2 : 1;
    if (type === 'f32' || type === 'f64') for (let k = 0; k < n; k++) roles.set(at + k, { type, low: at });
    at += n;
  }
  return roles;
}

/** One row of a machine scope: name, shown value, type, and the rows its expansion shows. */
export interface WordRow {
  readonly value: string;
  readonly type?: string;
  readonly children?: readonly { name: string; value: string }[];
}

/**
 * The row of word `index` of `word(i)` (the stack or the local slots). `first` says whether this
 * word is the one of its value listed first (where the float is shown); `label(i)` names a word
 * as the pane does (`[3]`, `local[4]`).
 */
export function wordRow(
  index: number,
  word: (i: number) => number,
  role: WordRole | undefined,
  first: boolean,
  label: (i: number) => string,
): WordRow {
  const own = formatValue(word(index));
  if (!role) return { value: own };
  if (role.type === 'f32') {
    const bits = BigInt(word(index) >>> 0);
    return {
      value: `${formatFloat(bits, 4)} (f32)`,
      type: 'f32',
      children: [
        { name: 'bits', value: `0x${bits.toString(16).padStart(8, '0')}` },
        { name: 'word', value: own },
      ],
    };
  }
  const lo = word(role.low) >>> 0;
  const hi = word(role.low + 1) >>> 0;
  const isLow = index === role.low;
  if (!first)
    return {
      value: `${own} (${isLow ? 'low' : 'high'} word of the f64 at ${label(isLow ? role.low + 1 : role.low)})`,
      type: 'f64 word',
    };
  const bits = (BigInt(hi) << 32n) | BigInt(lo);
  return {
    value: `${formatFloat(bits, 8)} (f64)`,
    type: 'f64',
    children: [
      { name: 'bits', value: `0x${bits.toString(16).padStart(16, '0')}` },
      { name: 'low word', value: formatValue(lo) },
      { name: 'high word', value: formatValue(hi) },
    ],
  };
}
