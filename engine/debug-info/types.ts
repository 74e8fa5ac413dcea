// Questions about C types: their C spelling, their size, and the type under typedefs and
// qualifiers. Shared by the value formatter, the C expression evaluator and the DWARF tests.
import type { CType } from './model';

/** The type with typedefs and qualifiers removed (`const uint32_t` → `unsigned int`). */
export function resolved(t: CType): CType {
  let r = t;
  for (let guard = 0; guard < 64 && (r.kind === 'typedef' || isQualifier(r.kind)); guard++) {
    r = (r as { target: CType }).target;
  }
  return r;
}

function isQualifier(kind: CType['kind']): boolean {
  return kind === 'const' || kind === 'volatile' || kind === 'restrict' || kind === 'atomic';
}

/** sizeof, in bytes; undefined for void, functions, incomplete records and arrays of unknown bound. */
export function sizeOf(t: CType): number | undefined {
  const r = resolved(t);
  switch (r.kind) {
    case 'base':
    case 'pointer':
    case 'enum':
      return r.size;
    case 'struct':
    case 'union':
      return r.incomplete ? undefined : r.size;
    case 'array': {
      const e = sizeOf(r.element);
      return r.count === undefined || e === undefined ? undefined : r.count * e;
    }
    default:
      return undefined;
  }
}

/**
 * The C spelling of a type, as a declaration of nothing: `int`, `const char *`, `int[5]`,
 * `struct node *`, `int (*)(int, int)`, `uint32_t` (typedef names are kept).
 */
export function typeName(t: CType): string {
  return declarator(t, '').trim();
}

/** C declarator syntax: the type wrapped around `inner` (what is being declared so far). */
function declarator(t: CType, inner: string): string {
  switch (t.kind) {
    case 'void':
      return join('void', inner);
    case 'base':
    case 'typedef':
      return join(t.name, inner);
    case 'struct':
    case 'union':
    case 'enum':
      return join(t.name === undefined ? `${t.kind} <anonymous>` : `${t.kind} ${t.name}`, inner);
    case 'const':
    case 'volatile':
    case 'restrict':
    case 'atomic': {
      const q = t.kind === 'atomic' ? '_Atomic' : t.kind;
      // A qualified pointer puts its qualifier after the star (`char *const`); others go first.
      if (t.target.kind === 'pointer')
        return declarator(t.target, `${q}${inner && !inner.startsWith('[') ? ' ' : ''}${inner}`.trim());
      return `${q} ${declarator(t.target, inner)}`;
    }
    case 'pointer': {
      const needsParens = t.target.kind === 'array' || t.target.kind === 'function';
      const star = `*${inner}`;
      return declarator(t.target, needsParens ? `(${star})` : star);
    }
    case 'array':
      return declarator(t.element, `${inner}[${t.count ?? ''}]`);
    case 'function': {
      const params = t.params.map(typeName);
      if (t.variadic) params.push('...');
      return declarator(t.returns, `${inner}(${params.length ? params.join(', ') : 'void'})`);
    }
  }
}

/** `int` + `*` → `int *`; `int` + `[5]` → `int[5]`; `int` + `(*)[5]` → `int (*)[5]`. */
function join(base: string, inner: string): string {
  if (!inner) return base;
  return inner.startsWith('[') ? `${base}${inner}` : `${base} ${inner}`;
}
