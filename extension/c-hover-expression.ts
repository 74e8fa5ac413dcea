// Which C expression a hover in the editor asks the debugger about. VS Code's default takes the
// word under the mouse, so hovering `x` in `p->x` would show the unrelated variable `x`; like the
// C/C++ debuggers, we send the whole member chain up to the hovered word: `p->x`, `s.inner.y`,
// `v[i]` (hovering `v` or `]`), `*p` is left to watches. Pure text work, no vscode import.

export interface HoverExpression {
  readonly expression: string;
  /** Columns (0-based, end exclusive) of the expression on the line. */
  readonly start: number;
  readonly end: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const C_KEYWORDS = new Set(
  'auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex _Atomic _Static_assert'.split(
    ' ',
  ),
);

/** The expression to evaluate for a hover at `character` of `line`, or undefined (keywords, literals, space). */
export function hoverExpressionAt(line: string, character: number): HoverExpression | undefined {
  if (inCommentOrString(line, character)) return undefined;
  // The identifier under the cursor (or the one a `]` closes an index of).
  let at = character;
  if (line[at] === ']') {
    while (line[at] === ']') {
      const open = matchingOpen(line, at);
      if (open === undefined) return undefined;
      at = open - 1;
    }
  }
  let s = at;
  while (s > 0 && /[A-Za-z0-9_]/.test(line[s - 1])) s--;
  IDENT.lastIndex = s;
  const m = IDENT.exec(line);
  if (!m || s + m[0].length <= at || /[0-9]/.test(line[s]) || C_KEYWORDS.has(m[0])) return undefined;
  let end = s + m[0].length;
  // A hover on the `]` of an index includes it: `v[i]`, `m[1][2]`.
  if (line[character] === ']') end = character + 1;
  // Walk left over `.name`, `->name` and `[...]` to the start of the chain.
  let start = s;
  for (;;) {
    let p = start;
    while (p > 0 && line[p - 1] === ' ') p--;
    if (line.slice(p - 1, p) === '.' && !/[0-9]/.test(line[p - 2] ?? '')) p -= 1;
    else if (line.slice(p - 2, p) === '->') p -= 2;
    else break;
    while (p > 0 && line[p - 1] === ' ') p--;
    // The operand before the operator: an identifier, possibly followed by [...] groups.
    let q = p;
    while (line[q - 1] === ']') {
      const open = matchingOpen(line, q - 1);
      if (open === undefined) return undefined;
      q = open;
    }
    let r = q;
    while (r > 0 && /[A-Za-z0-9_]/.test(line[r - 1])) r--;
    if (r === q || /[0-9]/.test(line[r])) break;
    start = r;
  }
  const expression = line.slice(start, end).replace(/\s+/g, '');
  return { expression, start, end };
}

function matchingOpen(line: string, close: number): number | undefined {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (line[i] === ']') depth++;
    else if (line[i] === '[' && --depth === 0) return i;
  }
  return undefined;
}

/** Whether a column is inside a `//` comment, a string or a character literal (block comments spanning lines are not tracked). */
function inCommentOrString(line: string, character: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < character && i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && line[i + 1] === '/') return true;
    else if (c === '/' && line[i + 1] === '*') {
      const close = line.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > character) return true;
      i = close + 1;
    }
  }
  return quote !== undefined;
}
