// The expression a hover sends to the debugger: the member chain up to the hovered word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverExpressionAt } from '../c-hover-expression';

/** Hover at the `nth` occurrence of `word` in `line`. */
function hover(line: string, word: string, nth = 0): string | undefined {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = line.indexOf(word, at + 1);
  assert.ok(at >= 0, `'${word}' is in the line`);
  return hoverExpressionAt(line, at)?.expression;
}

test('a hover on a member evaluates the whole chain up to it', () => {
  assert.equal(hover('  total += p->value;', 'value'), 'p->value');
  assert.equal(hover('  total += p->value;', 'p->'), 'p');
  assert.equal(hover('  x = s.inner.y + 1;', 'y'), 's.inner.y');
  assert.equal(hover('  x = s.inner.y + 1;', 'inner'), 's.inner');
  assert.equal(hover('  a[i].next->val = 3;', 'val'), 'a[i].next->val');
  assert.equal(hover('  q = m[1][2].f;', 'f;'), 'm[1][2].f');
  assert.equal(hover('  x = s . inner -> y;', 'y;'), 's.inner->y');
});

test('a hover on a name is the name; on the closing bracket, the element', () => {
  assert.equal(hover('  total += p->value;', 'total'), 'total');
  assert.equal(hover('  sum += v[i];', 'v'), 'v');
  assert.equal(hover('  sum += v[i];', 'i]'), 'i');
  assert.equal(hover('  sum += v[i];', ']'), 'v[i]');
  assert.equal(hover('  q = m[1][2];', ']', 1), 'm[1][2]');
});

test('keywords, numbers, comments and strings are not evaluated', () => {
  assert.equal(hover('  int x = 1;', 'int'), undefined);
  assert.equal(hover('  y = 1.5;', '5'), undefined);
  assert.equal(hover('  y = 1; // total', 'total'), undefined);
  assert.equal(hover('  printf("total=%d", total);', 'total'), undefined);
  assert.equal(hover('  printf("total=%d", total);', 'total', 1), 'total');
  assert.equal(hover("  c = 'x' + y;", 'x'), undefined);
  assert.equal(hover('  /* n */ n = 2;', 'n'), undefined);
  assert.equal(hover('  /* n */ n = 2;', 'n', 1), 'n');
});
