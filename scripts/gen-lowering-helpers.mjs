// Generates engine/compiler/lowering/helpers.wat, the lowering helpers: unrolled bit loops are
// written by these functions rather than by hand. Run `node scripts/gen-lowering-helpers.mjs`
// after changing it; a test checks that the committed helpers.wat is what this script writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = [];
let depth = 0;
const line = (s) => out.push('  '.repeat(depth) + s);
const ins = (...xs) => xs.forEach(line);
const comment = (s) => line(`;; ${s}`);
let labelCounter = 0;
const fresh = (p) => `$${p}${labelCounter++}`;
function block(name, body) {
  line(`block ${name}`);
  depth++;
  body();
  depth--;
  line('end');
}
function iff(body) {
  line('if');
  depth++;
  body();
  depth--;
  line('end');
}
/** Opens nested blocks named `names` (outermost first) without indenting: the code after each
 * `end` is where a branch to that label lands. */
function openNest(names) {
  comment(
    `${names.length} nested blocks, ${names[0]} outermost: \`br ${names[names.length - 1]}\` runs every step below,`,
  );
  comment(`\`br ${names[0]}\` only the last`);
  for (const l of names) ins(`block ${l}`);
  nestDepth = depth;
  depth++;
}
let nestDepth = 0;
function nestEnd() {
  depth = nestDepth;
  ins('end');
}
const hex = (v) => '0x' + (v >>> 0).toString(16);

/** Pushes v << n, leaving v = v << (n - 1) (n >= 1), or just v (n = 0). */
function doubled(v, n) {
  if (n === 0) {
    ins(`local.get ${v}`);
    return;
  }
  ins(`local.get ${v}`, `local.get ${v}`, 'i32.add');
  for (let i = 1; i < n; i++) ins(`local.tee ${v}`, `local.get ${v}`, 'i32.add');
}

/**
 * Binary search over the integers lo..hi: `test(mid)` pushes a condition that holds when the value
 * is below mid; `leaf(k)` must end in a branch or return.
 */
function tree(lo, hi, test, leaf, split = (l, h) => Math.ceil((l + h) / 2)) {
  if (lo === hi) {
    leaf(lo);
    return;
  }
  const mid = split(lo, hi);
  const name = fresh('lt');
  block(name, () => {
    test(mid);
    ins(`br_if ${name}`);
    tree(mid, hi, test, leaf, split);
  });
  tree(lo, mid - 1, test, leaf, split);
}
/** Splits bit positions at byte boundaries first, then halves. */
function byteFirst(l, h) {
  if (l <= 7 && h >= 8) return 8;
  if (l <= 15 && h >= 16) return 16;
  if (l <= 23 && h >= 24) return 24;
  return Math.ceil((l + h) / 2);
}
const belowPow = (v) => (k) => ins(`local.get ${v}`, `i32.const ${hex(2 ** k)}`, 'i32.lt_u');
const belowVal = (v) => (k) => ins(`local.get ${v}`, `i32.const ${k}`, 'i32.lt_u');

/** c := c & 31, cheaply when c is already below 32. */
function maskCount(c) {
  comment('the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32');
  const ok = fresh('count');
  block(ok, () => {
    ins(`local.get ${c}`, 'i32.const 32', 'i32.lt_u', `br_if ${ok}`);
    ins('i32.const 0', `local.get ${c}`, 'i32.store8', 'i32.const 0', 'i32.load8_u', `local.set ${c}`);
    for (const k of [128, 64, 32]) {
      ins(`local.get ${c}`, `i32.const ${k}`, 'i32.ge_u');
      iff(() => ins(`local.get ${c}`, `i32.const ${k}`, 'i32.sub', `local.set ${c}`));
    }
  });
}

/** Splits the count c (0..31) into bytes k and bits r: leaf(k) runs with c still 8k + r and must
 * end with `br $bits` (or fall through for k = 0). Afterwards c must be r (leaves subtract 8k). */
function byteTree(c, bits, leaf) {
  const lo = fresh('k');
  block(lo, () => {
    ins(`local.get ${c}`, 'i32.const 16', 'i32.lt_u', `br_if ${lo}`);
    const k2 = fresh('k');
    block(k2, () => {
      ins(`local.get ${c}`, 'i32.const 24', 'i32.lt_u', `br_if ${k2}`);
      comment('3 whole bytes');
      leaf(3);
      ins(`br ${bits}`);
    });
    comment('2 whole bytes');
    leaf(2);
    ins(`br ${bits}`);
  });
  const k0 = fresh('k');
  block(k0, () => {
    ins(`local.get ${c}`, 'i32.const 8', 'i32.lt_u', `br_if ${k0}`);
    comment('1 whole byte');
    leaf(1);
    ins(`br ${bits}`);
  });
  leaf(0);
}
const subCount = (c, k) => {
  if (k) ins(`local.get ${c}`, `i32.const ${8 * k}`, 'i32.sub', `local.set ${c}`);
};

// Trap codes of engine/vm/traps.ts (TrapCode): a trap is `call $trap` with a constant code, which
// the compiler turns into a `halt` with that code as its immediate.
const TRAP_DIVIDE_BY_ZERO = 2;
const TRAP_INTEGER_OVERFLOW = 3;
const trap = (code) => ins(`i32.const ${code}`, 'call $trap');

const funcs = [];
function func(name, params, locals, doc, body, results = 1) {
  out.length = 0;
  labelCounter = 0;
  depth = 1;
  const head = [`  ;; ${doc.join('\n  ;; ')}`];
  const sig = `  (func $${name} (export "${name}") ${params.map((p) => `(param ${p} i32)`).join(' ')} (result${' i32'.repeat(results)})`;
  head.push(sig);
  for (let i = 0; i < locals.length; i += 6) {
    head.push(
      `    ${locals
        .slice(i, i + 6)
        .map((l) => `(local ${l} i32)`)
        .join(' ')}`,
    );
  }
  depth = 2;
  body();
  funcs.push([...head, ...out, '  )'].join('\n'));
}

// ---------------------------------------------------------------------------------------------
// mul
func(
  'mul',
  ['$a', '$b'],
  ['$acc'],
  [
    'a * b (wrapping). Negating both operands keeps the product, so make b the operand of smaller',
    'magnitude (0 <= b <= 2^31), then multiply MSB-first (acc = 2 acc + bit * a) over the bits of b',
    'only, reading them by comparing b with constant powers of two. A binary search on b enters the',
    'unrolled steps at its top bit.',
  ],
  () => {
    ins('local.get $b', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      ins('i32.const 0', 'local.get $a', 'i32.sub', 'local.set $a');
      ins('i32.const 0', 'local.get $b', 'i32.sub', 'local.set $b');
    });
    const labels = [];
    for (let i = 0; i <= 30; i++) labels.push(`$s${i}`);
    openNest(labels);
    const ready = '$ready';
    block(ready, () => {
      const neg = '$aneg';
      block(neg, () => {
        ins('local.get $a', 'i32.const 0', 'i32.lt_s', `br_if ${neg}`);
        comment('a >= 0: walk the smaller of a and b');
        ins('local.get $a', 'local.get $b', 'i32.ge_u', `br_if ${ready}`);
        ins('local.get $a', 'local.get $b', 'local.set $a', 'local.set $b', `br ${ready}`);
      });
      comment('a < 0: if |a| < b, walk |a| = -a and multiply -b');
      ins('i32.const 0', 'local.get $a', 'i32.sub', 'local.get $b', 'i32.ge_u', `br_if ${ready}`);
      ins('i32.const 0', 'local.get $b', 'i32.sub');
      ins('i32.const 0', 'local.get $a', 'i32.sub', 'local.set $b', 'local.set $a');
    });
    comment('top bit p of b: acc = a, b -= 2^p, continue with step p - 1');
    tree(
      0,
      31,
      belowPow('$b'),
      (p) => {
        if (p === 0) {
          comment('b is 0 or 1');
          ins('local.get $a', 'i32.const 0', 'local.get $b', 'select', 'return');
          return;
        }
        comment(`top bit ${p}`);
        ins('local.get $b', `i32.const ${hex(2 ** p)}`, 'i32.sub', 'local.set $b');
        ins('local.get $a', 'local.set $acc', `br $s${p - 1}`);
      },
      byteFirst,
    );
    for (let i = 30; i >= 1; i--) {
      nestEnd();
      comment(`step ${i}`);
      const next = fresh('next');
      const zero = fresh('zero');
      block(next, () => {
        block(zero, () => {
          ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.lt_u', `br_if ${zero}`);
          ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.sub', 'local.set $b');
          ins('local.get $acc', 'local.get $acc', 'i32.add', 'local.get $a', 'i32.add', 'local.set $acc');
          ins(`br ${next}`);
        });
        ins('local.get $acc', 'local.get $acc', 'i32.add', 'local.set $acc');
      });
    }
    nestEnd();
    comment('step 0: b is 0 or 1');
    ins(
      'local.get $acc',
      'local.get $acc',
      'i32.add',
      'local.get $a',
      'i32.const 0',
      'local.get $b',
      'select',
      'i32.add',
    );
  },
);

// ---------------------------------------------------------------------------------------------
// div_u / rem_u
function divide(name, wantQuotient) {
  const ds = ['$d'];
  for (let i = 1; i <= 31; i++) ds.push(`$d${i}`);
  func(
    name,
    ['$n', '$d'],
    [...(wantQuotient ? ['$q'] : []), ...ds.slice(1)],
    wantQuotient
      ? [
          'n / d (unsigned; traps when d = 0). Doubles d into d_i = d << i (kept in locals) while',
          "d_i <= n: the last such i is the quotient's top bit. Then walks back down: n >= d_i gives",
          'quotient bit i and n -= d_i. The work is proportional to the bit length of the quotient.',
          'The doubling checks against n every four levels (no overflow while d_i < 2^28), then a binary',
          'search finds the level; from 2^28 on it goes one level at a time, comparing n - d_i with d_i.',
        ]
      : ['n % d (unsigned; traps when d = 0): the division of div_u, keeping the remainder only.'],
    () => {
      ins('local.get $d', 'i32.eqz');
      iff(() => trap(TRAP_DIVIDE_BY_ZERO));
      ins('local.get $n', 'local.get $d', 'i32.lt_u');
      iff(() => ins(wantQuotient ? 'i32.const 0' : 'local.get $n', 'return'));
      const top = 30;
      openNest(Array.from({ length: top + 1 }, (_, i) => `$D${i}`));
      const exit = (i) => {
        if (i === 0) {
          if (wantQuotient) ins('i32.const 1', 'return');
          else ins('local.get $n', 'local.get $d', 'i32.sub', 'return');
          return;
        }
        ins('local.get $n', `local.get ${ds[i]}`, 'i32.sub', 'local.set $n');
        if (wantQuotient) ins(`i32.const ${hex(2 ** i)}`, 'local.set $q');
        ins(`br $D${i - 1}`);
      };
      const gt = (i) => ins(`local.get ${ds[i]}`, 'local.get $n', 'i32.gt_u');
      const safeFrom = (base) => {
        comment('d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)');
        const last = Math.min(base + 3, 31);
        for (let i = base; i < last; i++) {
          ins('local.get $n', `local.get ${ds[i]}`, 'i32.sub', `local.get ${ds[i]}`, 'i32.lt_u');
          iff(() => exit(i));
          ins(`local.get ${ds[i]}`, `local.get ${ds[i]}`, 'i32.add', `local.set ${ds[i + 1]}`);
        }
        exit(last);
      };
      for (let g = 0; g < 8; g++) {
        const base = 4 * g;
        comment(`levels ${base}..${base + 3}: d_${base} <= n`);
        if (g === 7) {
          safeFrom(base);
          break;
        }
        ins(`local.get ${ds[base]}`, `i32.const ${hex(0x10000000)}`, 'i32.ge_u');
        iff(() => safeFrom(base));
        comment(`d_${base + 1} .. d_${base + 4}: no overflow while d_${base} < 2^28`);
        ins(`local.get ${ds[base]}`, `local.get ${ds[base]}`, 'i32.add', `local.tee ${ds[base + 1]}`);
        for (let i = base + 2; i <= base + 4; i++)
          ins(`local.get ${ds[i - 1]}`, 'i32.add', `local.tee ${ds[i]}`);
        ins('local.get $n', 'i32.gt_u');
        iff(() => {
          comment(`the top quotient bit is in ${base}..${base + 3}`);
          gt(base + 2);
          iff(() => {
            gt(base + 1);
            iff(() => exit(base));
            exit(base + 1);
          });
          gt(base + 3);
          iff(() => exit(base + 2));
          exit(base + 3);
        });
      }
      for (let i = top; i >= 1; i--) {
        nestEnd();
        comment(`quotient bit ${i}`);
        ins('local.get $n', `local.get ${ds[i]}`, 'i32.ge_u');
        iff(() => {
          ins('local.get $n', `local.get ${ds[i]}`, 'i32.sub', 'local.set $n');
          if (wantQuotient) ins('local.get $q', `i32.const ${hex(2 ** i)}`, 'i32.add', 'local.set $q');
        });
      }
      nestEnd();
      comment('quotient bit 0');
      if (wantQuotient) {
        ins('local.get $q', 'local.get $n', 'local.get $d', 'i32.ge_u', 'i32.add');
      } else {
        ins('local.get $n', 'local.get $d', 'i32.ge_u');
        iff(() => ins('local.get $n', 'local.get $d', 'i32.sub', 'return'));
        ins('local.get $n');
      }
    },
  );
}
divide('div_u', true);
divide('rem_u', false);

// A subtlety: the safe chain can reach i = 31 (d = 1, n >= 2^31); its exit jumps to $D30 which
// is the top block, so exit(31) must go to $D30: handled by exit(top + 1) => br $D30.

// ---------------------------------------------------------------------------------------------
// div_s / rem_s
func(
  'div_s',
  ['$n', '$d'],
  [],
  ['n / d (signed, truncating; traps when d = 0 or for INT_MIN / -1): div_u on the magnitudes.'],
  () => {
    ins('local.get $n', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      ins('local.get $d', 'i32.const 0', 'i32.lt_s');
      iff(() => {
        ins('local.get $n', `i32.const ${hex(0x80000000)}`, 'i32.eq');
        iff(() => {
          ins('local.get $d', 'i32.const -1', 'i32.eq');
          iff(() => trap(TRAP_INTEGER_OVERFLOW));
        });
        ins(
          'i32.const 0',
          'local.get $n',
          'i32.sub',
          'i32.const 0',
          'local.get $d',
          'i32.sub',
          'call $div_u',
          'return',
        );
      });
      ins(
        'i32.const 0',
        'i32.const 0',
        'local.get $n',
        'i32.sub',
        'local.get $d',
        'call $div_u',
        'i32.sub',
        'return',
      );
    });
    ins('local.get $d', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      ins(
        'i32.const 0',
        'local.get $n',
        'i32.const 0',
        'local.get $d',
        'i32.sub',
        'call $div_u',
        'i32.sub',
        'return',
      );
    });
    ins('local.get $n', 'local.get $d', 'call $div_u');
  },
);
func(
  'rem_s',
  ['$n', '$d'],
  [],
  ['n % d (signed; traps when d = 0): rem_u on the magnitudes, with the sign of n.'],
  () => {
    ins('local.get $d', 'i32.const 0', 'i32.lt_s');
    iff(() => ins('i32.const 0', 'local.get $d', 'i32.sub', 'local.set $d'));
    ins('local.get $n', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      ins(
        'i32.const 0',
        'i32.const 0',
        'local.get $n',
        'i32.sub',
        'local.get $d',
        'call $rem_u',
        'i32.sub',
        'return',
      );
    });
    ins('local.get $n', 'local.get $d', 'call $rem_u');
  },
);

// ---------------------------------------------------------------------------------------------
// and / or / xor
func(
  'and',
  ['$a', '$b'],
  ['$acc'],
  [
    'a & b. Walks the bits of b (made the smaller operand) down from its top bit (from the top of its',
    'top byte when b >= 2^16): a bit of b is read by comparing b with a constant power of two (and',
    'subtracting it), the bit of a at the same place is the sign of a, which is shifted up in step.',
    'Stops when no bits of b are left. Masks b = 2^k - 1 (k <= 16) take a mod 2^k directly.',
    'Negative operands are complemented first when that gives fewer bits to walk:',
    'a & b = a + b + 1 + (~a & ~b), and a & b = a - (a & ~b). acc holds the constant term.',
  ],
  () => {
    ins('i32.const 0', 'local.set $acc');
    const labels = [];
    for (let i = 0; i <= 30; i++) labels.push(`$s${i}`);
    openNest(labels);
    block('$walk', () => {
      block('$order', () => {
        block('$apos', () => {
          ins('local.get $a', 'i32.const 0', 'i32.ge_s', 'br_if $apos');
          ins('local.get $b', 'i32.const 0', 'i32.lt_s');
          iff(() => {
            comment('both negative');
            ins('local.get $a', 'local.get $b', 'i32.add', 'i32.const 1', 'i32.add', 'local.set $acc');
            ins('i32.const -1', 'local.get $a', 'i32.sub', 'local.set $a');
            ins('i32.const -1', 'local.get $b', 'i32.sub', 'local.set $b');
            ins('br $order');
          });
          comment('a < 0 <= b: walk b unless ~a is smaller');
          ins('local.get $b', 'i32.const -1', 'local.get $a', 'i32.sub', 'i32.le_u', 'br_if $walk');
          ins(
            'local.get $b',
            'local.get $b',
            'i32.const -1',
            'local.get $a',
            'i32.sub',
            'call $and',
            'i32.sub',
            'return',
          );
        });
        ins('local.get $b', 'i32.const 0', 'i32.ge_s', 'br_if $order');
        comment('b < 0 <= a: walk a unless ~b is smaller');
        ins('local.get $a', 'i32.const -1', 'local.get $b', 'i32.sub', 'i32.le_u');
        iff(() => ins('local.get $a', 'local.get $b', 'local.set $a', 'local.set $b', 'br $walk'));
        ins(
          'local.get $a',
          'local.get $a',
          'i32.const -1',
          'local.get $b',
          'i32.sub',
          'call $and',
          'i32.sub',
          'return',
        );
      });
      comment('0 <= a, b < 2^31: walk the smaller, b; when a = 0x7fffffff the result is b');
      block('$ordered', () => {
        ins('local.get $a', 'local.get $b', 'i32.ge_u', 'br_if $ordered');
        ins('local.get $a', 'local.get $b', 'local.set $a', 'local.set $b');
      });
      ins('local.get $a', `i32.const ${hex(0x7fffffff)}`, 'i32.eq');
      iff(() => ins('local.get $acc', 'local.get $b', 'i32.add', 'return'));
    });
    comment('b < 2^31: find the top bit p of b (exactly below 2^16, else its byte), shift a so that');
    comment('its bit p is its sign bit, and walk b from bit p down');
    const lowMask = (p) => {
      const k = p + 1;
      const q = p >> 3;
      const kk = k - 8 * q;
      comment(
        `b = 2^${k} - 1: a & b = a mod 2^${k}; a byte b0 mod 2^${kk} = (((b0 << ${8 - kk}) & 255) << ${kk}) >> 8`,
      );
      if (q === 0) {
        if (kk === 8) {
          ins(
            'i32.const 0',
            'local.get $a',
            'i32.store8',
            'i32.const 0',
            'i32.load8_u',
            'local.get $acc',
            'i32.add',
            'return',
          );
          return;
        }
        ins('i32.const 0');
        doubled('$a', 8 - kk);
        ins('i32.store8', 'i32.const 0', 'i32.load8_u', 'local.set $a', 'i32.const 0');
        doubled('$a', kk);
        ins('i32.store', 'i32.const 0', 'i32.load8_u offset=1', 'local.get $acc', 'i32.add', 'return');
        return;
      }
      // q = 1: low byte of a, then byte 1 of a reduced as above
      if (kk === 8) {
        ins(
          'i32.const 0',
          'local.get $a',
          'i32.store16',
          'i32.const 0',
          'i32.load16_u',
          'local.get $acc',
          'i32.add',
          'return',
        );
        return;
      }
      ins('i32.const 0', 'local.get $a', 'i32.store', 'i32.const 0', 'i32.load8_u offset=1', 'local.set $a');
      ins('i32.const 4');
      doubled('$a', 8 - kk);
      ins('i32.store8', 'i32.const 4', 'i32.load8_u', 'local.set $a', 'i32.const 4');
      doubled('$a', kk);
      ins('i32.store', 'i32.const 0', 'i32.const 0', 'i32.store16 offset=2');
      ins('i32.const 0', 'i32.const 0', 'i32.load8_u offset=5', 'i32.store8 offset=1');
      ins('i32.const 0', 'i32.load', 'local.get $acc', 'i32.add', 'return');
    };
    const exactLeaf = (p) => {
      comment(`top bit ${p}`);
      if (p === 0) {
        comment('b = 1: a & 1 is a itself when a is 0 or 1 (C booleans), else its low bit');
        ins('local.get $a', 'i32.const 2', 'i32.lt_u');
        iff(() => ins('local.get $a', 'local.get $acc', 'i32.add', 'return'));
        lowMask(0);
        return;
      }
      ins('local.get $b', `i32.const ${hex(2 ** (p + 1) - 1)}`, 'i32.eq');
      iff(() => lowMask(p));
      const q = p >> 3;
      comment(`a := a << ${31 - p}, its bit ${p} on top`);
      ins('i32.const 0', 'i32.const 0', 'i32.store', 'i32.const 0', 'local.get $a');
      ins(q === 0 ? 'i32.store8 offset=3' : 'i32.store16 offset=2', 'i32.const 0', 'i32.load');
      if (p % 8 < 7) {
        ins('local.set $a');
        doubled('$a', 7 - (p % 8));
      }
      ins('local.set $a', `br $s${p}`);
    };
    block('$b3', () => {
      ins('local.get $b', `i32.const ${hex(0x1000000)}`, 'i32.ge_u', 'br_if $b3');
      block('$b2', () => {
        ins('local.get $b', `i32.const ${hex(0x10000)}`, 'i32.ge_u', 'br_if $b2');
        block('$b1', () => {
          ins('local.get $b', 'i32.const 256', 'i32.ge_u', 'br_if $b1');
          ins('local.get $b', 'i32.eqz');
          iff(() => ins('local.get $acc', 'return'));
          tree(0, 7, belowPow('$b'), exactLeaf);
        });
        tree(8, 15, belowPow('$b'), exactLeaf);
      });
      comment('2^16 <= b < 2^24: a := a << 8, walk from bit 23');
      ins('i32.const 0', 'local.get $a', 'i32.store offset=1', 'i32.const 0', 'i32.const 0', 'i32.store8');
      ins('i32.const 0', 'i32.load', 'local.set $a', 'br $s23');
    });
    comment('2^24 <= b < 2^31: a := a << 1, walk from bit 30');
    ins('local.get $a', 'local.get $a', 'i32.add', 'local.set $a', 'br $s30');
    for (let i = 30; i >= 1; i--) {
      nestEnd();
      comment(`bit ${i}`);
      const zero = fresh('zero');
      block(zero, () => {
        ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.lt_u', `br_if ${zero}`);
        ins('local.get $a', 'i32.const 0', 'i32.lt_s');
        iff(() => ins('local.get $acc', `i32.const ${hex(2 ** i)}`, 'i32.add', 'local.set $acc'));
        ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.sub', 'local.tee $b', 'i32.eqz');
        iff(() => ins('local.get $acc', 'return'));
      });
      ins('local.get $a', 'local.get $a', 'i32.add', 'local.set $a');
    }
    nestEnd();
    comment('bit 0: b is 0 or 1');
    ins(
      'local.get $acc',
      'local.get $b',
      'i32.const 0',
      'local.get $a',
      'i32.const 0',
      'i32.lt_s',
      'select',
      'i32.add',
    );
  },
);
func('or', ['$a', '$b'], [], ['a | b = a + b - (a & b)'], () => {
  ins('local.get $a', 'local.get $b', 'i32.add', 'local.get $a', 'local.get $b', 'call $and', 'i32.sub');
});
func('xor', ['$a', '$b'], ['$t'], ['a ^ b = a + b - 2 (a & b)'], () => {
  ins(
    'local.get $a',
    'local.get $b',
    'i32.add',
    'local.get $a',
    'local.get $b',
    'call $and',
    'local.tee $t',
    'local.get $t',
    'i32.add',
    'i32.sub',
  );
});

// ---------------------------------------------------------------------------------------------
// shifts
func(
  'shl',
  ['$x', '$c'],
  [],
  ['x << (c mod 32): whole bytes by storing x at a byte offset, then 0..7 doublings.'],
  () => {
    maskCount('$c');
    block('$bits', () => {
      byteTree('$c', '$bits', (k) => {
        if (k === 0) return;
        ins(
          'i32.const 0',
          'i32.const 0',
          'i32.store',
          'i32.const 0',
          'local.get $x',
          `i32.store offset=${k}`,
        );
        ins('i32.const 0', 'i32.load', 'local.set $x');
        subCount('$c', k);
      });
    });
    comment('0..7 more bits');
    tree(0, 7, belowVal('$c'), (r) => {
      comment(`${r} bits`);
      doubled('$x', r);
      ins('return');
    });
  },
);

function shiftRight(name, signed) {
  func(
    name,
    ['$x', '$c'],
    ['$lo'],
    [
      `x >>${signed ? 's' : 'u'} (c mod 32): whole bytes by a load at a byte offset (bytes 4..7 hold the`,
      `${signed ? 'sign' : 'zero'} fill), then 0 < r < 8 bits as y >> r = (y << (8 - r)) >> 8 while y << (8 - r)`,
      'fits; otherwise y >> r = ((y >> 8) << (8 - r)) + ((low byte of y) << (8 - r)) >> 8.',
    ],
    () => {
      maskCount('$c');
      if (signed)
        ins('i32.const 4', 'i32.const 0', 'local.get $x', 'i32.const 0', 'i32.lt_s', 'i32.sub', 'i32.store');
      else ins('i32.const 4', 'i32.const 0', 'i32.store');
      block('$bits', () => {
        byteTree('$c', '$bits', (k) => {
          if (k === 0) {
            comment('no whole bytes: the short form needs x << 7 to fit');
            if (signed)
              ins(
                'local.get $x',
                `i32.const ${hex(0x1000000)}`,
                'i32.add',
                `i32.const ${hex(0x2000000)}`,
                'i32.lt_u',
                'br_if $bits',
              );
            else ins('local.get $x', `i32.const ${hex(0x2000000)}`, 'i32.lt_u', 'br_if $bits');
            comment('x >> r = ((x >> 8) << (8 - r)) + ((low byte of x) << (8 - r)) >> 8');
            ins('i32.const 0', 'local.get $x', 'i32.store');
            ins(
              'i32.const 0',
              'i32.load8_u',
              'local.set $lo',
              'i32.const 0',
              'i32.load offset=1',
              'local.set $x',
            );
            tree(0, 7, belowVal('$c'), (r) => {
              comment(`${r} bits`);
              if (r === 0) {
                ins('i32.const 0', 'i32.load', 'return');
                return;
              }
              ins('i32.const 0');
              doubled('$lo', 8 - r);
              ins('i32.store');
              doubled('$x', 8 - r);
              ins('i32.const 0', 'i32.load8_u offset=1', 'i32.add', 'return');
            });
            return;
          }
          ins(
            'i32.const 0',
            'local.get $x',
            'i32.store',
            'i32.const 0',
            `i32.load offset=${k}`,
            'local.set $x',
          );
          subCount('$c', k);
        });
      });
      comment('0..7 more bits: y >> r = (y << (8 - r)) >> 8, as y << 7 fits');
      tree(0, 7, belowVal('$c'), (r) => {
        comment(`${r} bits`);
        if (r === 0) {
          ins('local.get $x', 'return');
          return;
        }
        ins('i32.const 0');
        doubled('$x', 8 - r);
        ins('i32.store', 'i32.const 0', 'i32.load offset=1', 'return');
      });
    },
  );
}
shiftRight('shr_s', true);
shiftRight('shr_u', false);

function rotate(name, right) {
  func(
    name,
    ['$x', '$c'],
    ['$t'],
    right
      ? ['rotr(x, c) = rotl(x, 32 - (c mod 32)); same steps as rotl.']
      : [
          'rotl(x, c mod 32): whole bytes by a load from two stored copies of x, then 0 < r < 8 bits as',
          '(x << r) + (top byte << r) >> 8.',
        ],
    () => {
      maskCount('$c');
      if (right) {
        ins('local.get $c', 'i32.eqz');
        iff(() => ins('local.get $x', 'return'));
        ins('i32.const 32', 'local.get $c', 'i32.sub', 'local.set $c');
      }
      ins('i32.const 0', 'local.get $x', 'i32.store');
      block('$bits', () => {
        byteTree('$c', '$bits', (k) => {
          if (k === 0) {
            ins('i32.const 0', 'i32.load8_u offset=3', 'local.set $t');
            return;
          }
          ins('i32.const 0', 'local.get $x', 'i32.store offset=4');
          ins('i32.const 0', `i32.load offset=${4 - k}`, 'local.set $x');
          ins('i32.const 0', `i32.load8_u offset=${7 - k}`, 'local.set $t');
          subCount('$c', k);
        });
      });
      comment('0..7 more bits: (x << r) + (t << r) >> 8, t the top byte of x');
      tree(0, 7, belowVal('$c'), (r) => {
        comment(`${r} bits`);
        if (r === 0) {
          ins('local.get $x', 'return');
          return;
        }
        ins('i32.const 0');
        doubled('$t', r);
        ins('i32.store');
        doubled('$x', r);
        ins('i32.const 0', 'i32.load8_u offset=1', 'i32.add', 'return');
      });
    },
  );
}
rotate('rotl', false);
rotate('rotr', true);

// ---------------------------------------------------------------------------------------------
// clz / ctz / popcnt
func('clz', ['$x'], [], ['count of leading zero bits: a binary search on x against powers of two.'], () => {
  tree(0, 31, belowPow('$x'), (p) => {
    if (p === 0) ins('i32.const 31', 'i32.const 32', 'local.get $x', 'select', 'return');
    else ins(`i32.const ${31 - p}`, 'return');
  });
});

func(
  'ctz',
  ['$x'],
  ['$w', '$u'],
  [
    'count of trailing zero bits: find the lowest nonzero byte j with byte loads, move it to the top',
    '(w = x << (24 - 8j)), then binary-search its trailing zeros: the low k bits of that byte are zero',
    'exactly when w << (8 - k) is zero.',
  ],
  () => {
    ins('local.get $x', 'i32.eqz');
    iff(() => ins('i32.const 32', 'return'));
    ins('i32.const 0', 'local.get $x', 'i32.store');
    const byteCase = (j) => {
      if (j === 3) ins('local.get $x', 'local.set $w');
      else {
        ins(
          'i32.const 0',
          'i32.const 0',
          'i32.store',
          'i32.const 0',
          'local.get $x',
          `i32.store offset=${3 - j}`,
        );
        ins('i32.const 0', 'i32.load', 'local.set $w');
      }
      const B = 8 * j;
      comment(`byte ${j} is the lowest nonzero one and w holds it in its top byte; u = w << 4`);
      ins(
        'local.get $w',
        'local.get $w',
        'i32.add',
        'local.tee $u',
        'local.get $u',
        'i32.add',
        'local.tee $u',
      );
      ins('local.get $u', 'i32.add', 'local.tee $u', 'local.get $u', 'i32.add', 'local.tee $u');
      ins('i32.eqz');
      iff(() => {
        comment('low nibble zero; u = w << 2');
        ins(
          'local.get $w',
          'local.get $w',
          'i32.add',
          'local.tee $u',
          'local.get $u',
          'i32.add',
          'local.tee $u',
          'i32.eqz',
        );
        iff(() =>
          ins(
            `i32.const ${B + 6}`,
            `i32.const ${B + 7}`,
            'local.get $w',
            'local.get $w',
            'i32.add',
            'select',
            'return',
          ),
        );
        ins(
          `i32.const ${B + 4}`,
          `i32.const ${B + 5}`,
          'local.get $u',
          'local.get $u',
          'i32.add',
          'select',
          'return',
        );
      });
      comment('w := w << 6');
      ins(
        'local.get $u',
        'local.get $u',
        'i32.add',
        'local.tee $w',
        'local.get $w',
        'i32.add',
        'local.tee $w',
        'i32.eqz',
      );
      iff(() =>
        ins(
          `i32.const ${B + 2}`,
          `i32.const ${B + 3}`,
          'local.get $u',
          'local.get $u',
          'i32.add',
          'select',
          'return',
        ),
      );
      ins(
        `i32.const ${B}`,
        `i32.const ${B + 1}`,
        'local.get $w',
        'local.get $w',
        'i32.add',
        'select',
        'return',
      );
    };
    block('$hi', () => {
      ins('i32.const 0', 'i32.load16_u', 'i32.eqz', 'br_if $hi');
      block('$b1', () => {
        ins('i32.const 0', 'i32.load8_u', 'i32.eqz', 'br_if $b1');
        byteCase(0);
      });
      byteCase(1);
    });
    block('$b3', () => {
      ins('i32.const 0', 'i32.load8_u offset=2', 'i32.eqz', 'br_if $b3');
      byteCase(2);
    });
    byteCase(3);
  },
);

func(
  'popcnt',
  ['$x'],
  ['$z', '$t'],
  [
    'count of one bits. z = (x << 8) + count: bit i of x is set when z >= 2^(i+8) (higher bits',
    'already removed), and then z -= 2^(i+8) - 1 removes it and counts it in one subtraction.',
    'The top byte, which x << 8 loses, is counted first the same way in t = (x >> 24) << 8.',
  ],
  () => {
    ins('i32.const 0', 'local.get $x', 'i32.store offset=1', 'i32.const 0', 'i32.const 0', 'i32.store8');
    ins('i32.const 0', 'i32.load', 'local.set $z');
    openNest(Array.from({ length: 24 }, (_, i) => `$p${i}`));
    block('$top', () => {
      ins('local.get $x', `i32.const ${hex(0x1000000)}`, 'i32.lt_u', 'br_if $top');
      ins(
        'i32.const 0',
        'i32.const 0',
        'i32.store8 offset=3',
        'i32.const 0',
        'i32.load16_u offset=3',
        'local.set $t',
      );
      for (let i = 7; i >= 0; i--) {
        ins('local.get $t', `i32.const ${hex(2 ** (i + 8))}`, 'i32.ge_u');
        iff(() => ins('local.get $t', `i32.const ${hex(2 ** (i + 8) - 1)}`, 'i32.sub', 'local.set $t'));
      }
      ins('local.get $z', 'local.get $t', 'i32.add', 'local.set $z', 'br $p23');
    });
    ins('local.get $x', `i32.const ${hex(0x10000)}`, 'i32.ge_u', 'br_if $p23');
    ins('local.get $x', 'i32.const 256', 'i32.ge_u', 'br_if $p15');
    ins('br $p7');
    for (let i = 23; i >= 0; i--) {
      nestEnd();
      comment(`bit ${i}`);
      ins('local.get $z', `i32.const ${hex(2 ** (i + 8))}`, 'i32.ge_u');
      iff(() => ins('local.get $z', `i32.const ${hex(2 ** (i + 8) - 1)}`, 'i32.sub', 'local.set $z'));
    }
    ins('local.get $z');
  },
);

func('extend8_s', ['$x'], [], ['sign-extends the low byte: store it, load it back signed.'], () => {
  ins('i32.const 0', 'local.get $x', 'i32.store8', 'i32.const 0', 'i32.load8_s');
});
func('extend16_s', ['$x'], [], ['sign-extends the low 16 bits: store them, load them back signed.'], () => {
  ins('i32.const 0', 'local.get $x', 'i32.store16', 'i32.const 0', 'i32.load16_s');
});

// ---------------------------------------------------------------------------------------------
// i64: a 64-bit value is a pair of words, low word first. Each helper takes its operands' words
// (lo, hi, ...) and returns the result's words (multi-value: lo then hi), or one i32.

/** c := c mod 64, cheaply when c is already below 64 (only the count's low word matters). */
function maskCount64(c) {
  comment('the count is taken mod 64: keep the low byte, drop 128 and 64');
  const ok = fresh('count');
  block(ok, () => {
    ins(`local.get ${c}`, 'i32.const 64', 'i32.lt_u', `br_if ${ok}`);
    ins('i32.const 0', `local.get ${c}`, 'i32.store8', 'i32.const 0', 'i32.load8_u', `local.set ${c}`);
    for (const k of [128, 64]) {
      ins(`local.get ${c}`, `i32.const ${k}`, 'i32.ge_u');
      iff(() => ins(`local.get ${c}`, `i32.const ${k}`, 'i32.sub', `local.set ${c}`));
    }
  });
}
/** (lo, hi) := -(lo, hi). */
function negate64(lo, hi) {
  ins('i32.const 0', `local.get ${hi}`, 'i32.sub', `local.get ${lo}`, 'i32.const 0', 'i32.ne', 'i32.sub');
  ins(`local.set ${hi}`, 'i32.const 0', `local.get ${lo}`, 'i32.sub', `local.set ${lo}`);
}
/** (hi, lo) := 2 (hi, lo) + bit, where `bit` pushes 0 or 1 (omitted: 0). */
function double64(lo, hi, bit) {
  ins(`local.get ${hi}`, `local.get ${hi}`, 'i32.add', `local.get ${lo}`, 'i32.const 0', 'i32.lt_s');
  ins('i32.add', `local.set ${hi}`, `local.get ${lo}`, `local.get ${lo}`, 'i32.add');
  if (bit) {
    bit();
    ins('i32.add');
  }
  ins(`local.set ${lo}`);
}
/** Traps with divideByZero when (dl, dh) is 0. */
function trapIfZero64(dl, dh) {
  const nz = fresh('nonzero');
  block(nz, () => {
    ins(`local.get ${dl}`, `br_if ${nz}`, `local.get ${dh}`, `br_if ${nz}`);
    trap(TRAP_DIVIDE_BY_ZERO);
  });
}

func(
  'i64_mul_wide_u',
  ['$a', '$b'],
  ['$lo', '$hi'],
  [
    'the full 64-bit product of unsigned a and b, as (lo, hi). MSB-first over the bits of the smaller',
    'operand b: (hi, lo) = 2 (hi, lo) + bit * a, the carry of the low word added to the high word.',
    'A binary search on b enters the unrolled steps at its top bit.',
  ],
  () => {
    ins('local.get $a', 'local.get $b', 'i32.lt_u');
    iff(() => ins('local.get $a', 'local.get $b', 'local.set $a', 'local.set $b'));
    openNest(Array.from({ length: 31 }, (_, i) => `$s${i}`));
    comment('top bit p of b: lo = a, b -= 2^p, continue with step p - 1');
    tree(
      0,
      31,
      belowPow('$b'),
      (p) => {
        if (p === 0) {
          comment('b is 0 or 1');
          ins('local.get $a', 'i32.const 0', 'local.get $b', 'select', 'i32.const 0', 'return');
          return;
        }
        comment(`top bit ${p}`);
        ins('local.get $b', `i32.const ${hex(2 ** p)}`, 'i32.sub', 'local.set $b');
        ins('local.get $a', 'local.set $lo', `br $s${p - 1}`);
      },
      byteFirst,
    );
    for (let i = 30; i >= 0; i--) {
      nestEnd();
      comment(i ? `step ${i}` : 'step 0: b is 0 or 1');
      double64('$lo', '$hi');
      const zero = fresh('zero');
      block(zero, () => {
        if (i) {
          ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.lt_u', `br_if ${zero}`);
          ins('local.get $b', `i32.const ${hex(2 ** i)}`, 'i32.sub', 'local.set $b');
        } else ins('local.get $b', 'i32.eqz', `br_if ${zero}`);
        ins('local.get $lo', 'local.get $a', 'i32.add', 'local.tee $lo', 'local.get $a', 'i32.lt_u');
        ins('local.get $hi', 'i32.add', 'local.set $hi');
      });
    }
    ins('local.get $lo', 'local.get $hi');
  },
  2,
);

func(
  'i64_mul',
  ['$al', '$ah', '$bl', '$bh'],
  ['$lo', '$hi', '$neg'],
  [
    'a * b (wrapping): the 64-bit product of the low words plus, in the high word, al * bh + ah * bl',
    '(skipped when a high word is 0, as for values extended from 32 bits). When both are sign',
    'extensions of 32-bit values and one is negative, the product of the magnitudes, negated as due:',
    'small negative factors stay cheap.',
  ],
  () => {
    block('$general', () => {
      const signOf = (w) => ins('i32.const 0', `local.get ${w}`, 'i32.const 0', 'i32.lt_s', 'i32.sub');
      ins('local.get $ah', 'local.get $bh', 'i32.add', 'i32.eqz', 'br_if $general');
      ins('local.get $ah');
      signOf('$al');
      ins('i32.ne', 'br_if $general', 'local.get $bh');
      signOf('$bl');
      ins('i32.ne', 'br_if $general');
      ins('local.get $ah');
      iff(() =>
        ins('i32.const 0', 'local.get $al', 'i32.sub', 'local.set $al', 'i32.const 1', 'local.set $neg'),
      );
      ins('local.get $bh');
      iff(() =>
        ins(
          'i32.const 0',
          'local.get $bl',
          'i32.sub',
          'local.set $bl',
          'i32.const 1',
          'local.get $neg',
          'i32.sub',
          'local.set $neg',
        ),
      );
      ins(
        'local.get $al',
        'local.get $bl',
        'call $i64_mul_wide_u',
        'local.set $hi',
        'local.set $lo',
        'local.get $neg',
      );
      iff(() => negate64('$lo', '$hi'));
      ins('local.get $lo', 'local.get $hi', 'return');
    });
    ins('local.get $al', 'local.get $bl', 'call $i64_mul_wide_u', 'local.set $hi', 'local.set $lo');
    ins('local.get $bh');
    iff(() =>
      ins('local.get $hi', 'local.get $al', 'local.get $bh', 'call $mul', 'i32.add', 'local.set $hi'),
    );
    ins('local.get $ah');
    iff(() =>
      ins('local.get $hi', 'local.get $ah', 'local.get $bl', 'call $mul', 'i32.add', 'local.set $hi'),
    );
    ins('local.get $lo', 'local.get $hi');
  },
  2,
);

func(
  'i64_divmod_u',
  ['$nl', '$nh', '$dl', '$dh'],
  ['$rl', '$rh', '$k', '$t'],
  [
    'unsigned n / d and n % d as (q lo, q hi, r lo, r hi), for d != 0. Restoring division, one bit a',
    'step: r = 2 r + top bit of n, n = 2 n, and when r >= d, r -= d and the quotient bit (shifted in',
    'at the bottom of n) is 1. Leading zero bytes of n are skipped first. A divisor below 2^32 divides',
    'the high word with the 32-bit helpers and needs only 32 steps for the low word.',
  ],
  () => {
    comment('n < d: q = 0, r = n');
    block('$big', () => {
      ins('local.get $nh', 'local.get $dh', 'i32.gt_u', 'br_if $big');
      block('$small', () => {
        ins('local.get $nh', 'local.get $dh', 'i32.lt_u', 'br_if $small');
        ins('local.get $nl', 'local.get $dl', 'i32.ge_u', 'br_if $big');
      });
      ins('i32.const 0', 'i32.const 0', 'local.get $nl', 'local.get $nh', 'return');
    });
    comment('d < 2^32 <= n: the high word by the 32-bit helpers, then 32 steps for the low word');
    block('$wide', () => {
      ins('local.get $dh', 'br_if $wide');
      ins('local.get $nh', 'local.get $dl', 'call $div_u', 'local.set $dh');
      ins('local.get $nh', 'local.get $dl', 'call $rem_u', 'local.set $rl');
      ins('i32.const 32', 'local.set $k');
      line('loop $low');
      depth++;
      block('$next32', () => {
        block('$sub32', () => {
          comment('t: r (< d) overflows 32 bits when doubled (then r > d surely)');
          ins('local.get $rl', 'i32.const 0', 'i32.lt_s', 'local.set $t');
          ins('local.get $rl', 'local.get $rl', 'i32.add', 'local.get $nl', 'i32.const 0', 'i32.lt_s');
          ins('i32.add', 'local.set $rl', 'local.get $nl', 'local.get $nl', 'i32.add', 'local.set $nl');
          ins('local.get $t', 'br_if $sub32');
          ins('local.get $rl', 'local.get $dl', 'i32.lt_u', 'br_if $next32');
        });
        ins('local.get $rl', 'local.get $dl', 'i32.sub', 'local.set $rl');
        ins('local.get $nl', 'i32.const 1', 'i32.add', 'local.set $nl');
      });
      ins('local.get $k', 'i32.const 1', 'i32.sub', 'local.tee $k', 'br_if $low');
      depth--;
      line('end');
      comment('the quotient is (nl, high quotient), the remainder rl');
      ins('local.get $nl', 'local.get $dh', 'local.get $rl', 'i32.const 0', 'return');
    });
    comment('n >= d >= 2^32: skip whole zero bytes at the top of n (n << 8 through scratch memory)');
    ins('i32.const 64', 'local.set $k');
    block('$skipped', () => {
      line('loop $skip');
      depth++;
      ins('local.get $nh', `i32.const ${hex(0x1000000)}`, 'i32.ge_u', 'br_if $skipped');
      ins('i32.const 0', 'local.get $nl', 'i32.store', 'i32.const 0', 'local.get $nh', 'i32.store offset=4');
      ins('i32.const 0', 'i32.load offset=3', 'local.set $nh');
      ins('i32.const 0', 'local.get $nl', 'i32.store offset=1', 'i32.const 0', 'i32.const 0', 'i32.store8');
      ins('i32.const 0', 'i32.load', 'local.set $nl');
      ins('local.get $k', 'i32.const 8', 'i32.sub', 'local.set $k', 'br $skip');
      depth--;
      line('end');
    });
    line('loop $step');
    depth++;
    block('$next', () => {
      block('$sub', () => {
        comment('t: r overflows 64 bits when doubled (then r > d surely)');
        ins('local.get $rh', 'i32.const 0', 'i32.lt_s', 'local.set $t');
        double64('$rl', '$rh', () => ins('local.get $nh', 'i32.const 0', 'i32.lt_s'));
        double64('$nl', '$nh');
        ins('local.get $t', 'br_if $sub');
        ins('local.get $rh', 'local.get $dh', 'i32.lt_u', 'br_if $next');
        ins('local.get $rh', 'local.get $dh', 'i32.gt_u', 'br_if $sub');
        ins('local.get $rl', 'local.get $dl', 'i32.lt_u', 'br_if $next');
      });
      comment('r -= d; quotient bit 1');
      ins('local.get $rh', 'local.get $dh', 'i32.sub', 'local.get $rl', 'local.get $dl', 'i32.lt_u');
      ins('i32.sub', 'local.set $rh', 'local.get $rl', 'local.get $dl', 'i32.sub', 'local.set $rl');
      ins('local.get $nl', 'i32.const 1', 'i32.add', 'local.set $nl');
    });
    ins('local.get $k', 'i32.const 1', 'i32.sub', 'local.tee $k', 'br_if $step');
    depth--;
    line('end');
    ins('local.get $nl', 'local.get $nh', 'local.get $rl', 'local.get $rh');
  },
  4,
);

function divide64(name, wantQuotient) {
  func(
    name,
    ['$nl', '$nh', '$dl', '$dh'],
    [],
    [
      `n ${wantQuotient ? '/' : '%'} d (unsigned; traps when d = 0): the 32-bit ${wantQuotient ? 'div_u' : 'rem_u'} when both high words are 0,`,
      'else i64_divmod_u.',
    ],
    () => {
      trapIfZero64('$dl', '$dh');
      block('$wide', () => {
        ins('local.get $nh', 'br_if $wide', 'local.get $dh', 'br_if $wide');
        ins(
          'local.get $nl',
          'local.get $dl',
          `call $${wantQuotient ? 'div_u' : 'rem_u'}`,
          'i32.const 0',
          'return',
        );
      });
      ins('local.get $nl', 'local.get $nh', 'local.get $dl', 'local.get $dh', 'call $i64_divmod_u');
      if (wantQuotient) ins('drop', 'drop');
      else ins('local.set $dh', 'local.set $dl', 'drop', 'drop', 'local.get $dl', 'local.get $dh');
    },
    2,
  );
}
divide64('i64_div_u', true);
divide64('i64_rem_u', false);

func(
  'i64_div_s',
  ['$nl', '$nh', '$dl', '$dh'],
  ['$neg'],
  ['n / d (signed, truncating; traps when d = 0 or for INT64_MIN / -1): i64_div_u on the magnitudes.'],
  () => {
    trapIfZero64('$dl', '$dh');
    block('$fits', () => {
      ins(
        'local.get $nl',
        'br_if $fits',
        'local.get $nh',
        `i32.const ${hex(0x80000000)}`,
        'i32.ne',
        'br_if $fits',
      );
      ins(
        'local.get $dl',
        'i32.const -1',
        'i32.ne',
        'br_if $fits',
        'local.get $dh',
        'i32.const -1',
        'i32.ne',
      );
      ins('br_if $fits');
      trap(TRAP_INTEGER_OVERFLOW);
    });
    ins('local.get $nh', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      negate64('$nl', '$nh');
      ins('i32.const 1', 'local.set $neg');
    });
    ins('local.get $dh', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      negate64('$dl', '$dh');
      ins('i32.const 1', 'local.get $neg', 'i32.sub', 'local.set $neg');
    });
    ins('local.get $nl', 'local.get $nh', 'local.get $dl', 'local.get $dh', 'call $i64_div_u');
    ins('local.set $nh', 'local.set $nl', 'local.get $neg');
    iff(() => negate64('$nl', '$nh'));
    ins('local.get $nl', 'local.get $nh');
  },
  2,
);

func(
  'i64_rem_s',
  ['$nl', '$nh', '$dl', '$dh'],
  ['$neg'],
  ['n % d (signed; traps when d = 0): i64_rem_u on the magnitudes, with the sign of n.'],
  () => {
    ins('local.get $nh', 'i32.const 0', 'i32.lt_s');
    iff(() => {
      negate64('$nl', '$nh');
      ins('i32.const 1', 'local.set $neg');
    });
    ins('local.get $dh', 'i32.const 0', 'i32.lt_s');
    iff(() => negate64('$dl', '$dh'));
    ins('local.get $nl', 'local.get $nh', 'local.get $dl', 'local.get $dh', 'call $i64_rem_u');
    ins('local.set $nh', 'local.set $nl', 'local.get $neg');
    iff(() => negate64('$nl', '$nh'));
    ins('local.get $nl', 'local.get $nh');
  },
  2,
);

/** Whole bytes of the count c (0..8·top + 7): leaf(k) runs with c = 8k + j, must subtract 8k. */
function byteCases(c, top, leaf) {
  block('$bits', () => {
    tree(
      0,
      top,
      (mid) => ins(`local.get ${c}`, `i32.const ${8 * mid}`, 'i32.lt_u'),
      (k) => {
        comment(`${k} whole bytes`);
        leaf(k);
        if (k) ins(`local.get ${c}`, `i32.const ${8 * k}`, 'i32.sub', `local.set ${c}`);
        ins('br $bits');
      },
    );
  });
}
/** Stores (first, second) in scratch bytes 0..7. */
const storePair = (first, second) =>
  ins(
    'i32.const 0',
    `local.get ${first}`,
    'i32.store',
    'i32.const 0',
    `local.get ${second}`,
    'i32.store offset=4',
  );
/** With v on the stack (pushed by the caller), leaves v << n (n >= 1), v = v << (n - 1). */
function doubledInline(v, n) {
  ins(`local.get ${v}`, 'i32.add');
  for (let i = 1; i < n; i++) ins(`local.tee ${v}`, `local.get ${v}`, 'i32.add');
}

func(
  'i64_shl',
  ['$lo', '$hi', '$c'],
  [],
  [
    'x << (c mod 64): by 32 the low word moves up; whole bytes by storing the pair in scratch memory and',
    'loading it back at a byte offset; then 0..7 doublings of the pair (the low top bit carried up).',
  ],
  () => {
    maskCount64('$c');
    ins('local.get $c', 'i32.const 32', 'i32.ge_u');
    iff(() =>
      ins(
        'local.get $lo',
        'local.set $hi',
        'i32.const 0',
        'local.set $lo',
        'local.get $c',
        'i32.const 32',
        'i32.sub',
        'local.set $c',
      ),
    );
    byteCases('$c', 3, (k) => {
      if (k === 0) return;
      storePair('$lo', '$hi');
      ins('i32.const 0', `i32.load offset=${4 - k}`, 'local.set $hi');
      ins('i32.const 0', 'i32.const 0', 'i32.store', 'i32.const 0', 'local.get $lo', `i32.store offset=${k}`);
      ins('i32.const 0', 'i32.load', 'local.set $lo');
    });
    comment('0..7 more bits');
    tree(0, 7, belowVal('$c'), (r) => {
      comment(`${r} bits`);
      for (let i = 0; i < r; i++) double64('$lo', '$hi');
      ins('local.get $lo', 'local.get $hi', 'return');
    });
  },
  2,
);

function shiftRight64(name, signed) {
  func(
    name,
    ['$lo', '$hi', '$c'],
    ['$f', '$b'],
    [
      `x >>${signed ? 's' : 'u'} (c mod 64), f the ${signed ? 'sign' : 'zero'} fill. By 32 the high word moves down; then with`,
      "c = 8k + r: x >> c = (x >> 8k') << (8 - r) + (byte k' - 1 of x) >> r, k' = ceil(c / 8): whole",
      'bytes by loads at a byte offset from scratch memory, the rest by 8 - r doublings.',
    ],
    () => {
      maskCount64('$c');
      if (signed) ins('i32.const 0', 'local.get $hi', 'i32.const 0', 'i32.lt_s', 'i32.sub', 'local.set $f');
      ins('local.get $c', 'i32.const 32', 'i32.ge_u');
      iff(() =>
        ins(
          'local.get $hi',
          'local.set $lo',
          'local.get $f',
          'local.set $hi',
          'local.get $c',
          'i32.const 32',
          'i32.sub',
          'local.set $c',
        ),
      );
      comment("c + 7 = 8k' + j, with 7 - j = (8 - r) mod 8 doublings to do");
      ins('local.get $c', 'i32.const 7', 'i32.add', 'local.set $c');
      byteCases('$c', 4, (k) => {
        if (k === 0) return;
        storePair('$lo', '$hi');
        ins('i32.const 0', `i32.load8_u offset=${k - 1}`, 'local.set $b');
        ins('i32.const 0', `i32.load offset=${k}`, 'local.set $lo');
        storePair('$hi', '$f');
        ins('i32.const 0', `i32.load offset=${k}`, 'local.set $hi');
      });
      tree(0, 7, belowVal('$c'), (j) => {
        const m = 7 - j;
        comment(`${m} doublings`);
        for (let i = 0; i < m; i++) double64('$lo', '$hi');
        if (m) {
          comment('(b << m) < 2^15: its second byte is b >> r');
          ins('i32.const 0', 'local.get $b');
          doubledInline('$b', m);
          ins(
            'i32.store',
            'local.get $lo',
            'i32.const 0',
            'i32.load8_u offset=1',
            'i32.add',
            'local.get $hi',
            'return',
          );
        } else ins('local.get $lo', 'local.get $hi', 'return');
      });
    },
    2,
  );
}
shiftRight64('i64_shr_s', true);
shiftRight64('i64_shr_u', false);

function rotate64(name, right) {
  func(
    name,
    ['$lo', '$hi', '$c'],
    ['$t'],
    [
      `x rotated ${right ? 'right' : 'left'} by (c mod 64)${right ? ', as a rotation left by 64 - c' : ''}: by 32 the words swap; whole bytes`,
      'from the pair stored in both word orders and loaded at a byte offset; then one bit at a time,',
      "each word doubled and given the other's top bit.",
    ],
    () => {
      maskCount64('$c');
      if (right) {
        ins('local.get $c');
        iff(() => ins('i32.const 64', 'local.get $c', 'i32.sub', 'local.set $c'));
      }
      ins('local.get $c', 'i32.const 32', 'i32.ge_u');
      iff(() => {
        ins('local.get $hi', 'local.get $lo', 'local.set $hi', 'local.set $lo');
        ins('local.get $c', 'i32.const 32', 'i32.sub', 'local.set $c');
      });
      byteCases('$c', 3, (k) => {
        if (k === 0) return;
        storePair('$lo', '$hi');
        ins('i32.const 0', `i32.load offset=${4 - k}`, 'local.set $t');
        storePair('$hi', '$lo');
        ins('i32.const 0', `i32.load offset=${4 - k}`, 'local.set $lo', 'local.get $t', 'local.set $hi');
      });
      tree(0, 7, belowVal('$c'), (r) => {
        comment(`${r} bits`);
        for (let i = 0; i < r; i++) {
          ins(
            'local.get $hi',
            'local.get $hi',
            'i32.add',
            'local.get $lo',
            'i32.const 0',
            'i32.lt_s',
            'i32.add',
          );
          ins(
            'local.get $lo',
            'local.get $lo',
            'i32.add',
            'local.get $hi',
            'i32.const 0',
            'i32.lt_s',
            'i32.add',
          );
          ins('local.set $lo', 'local.set $hi');
        }
        ins('local.get $lo', 'local.get $hi', 'return');
      });
    },
    2,
  );
}
rotate64('i64_rotl', false);
rotate64('i64_rotr', true);

func(
  'i64_clz',
  ['$lo', '$hi'],
  [],
  ['leading zero bits of (lo, hi): clz(hi), or 32 + clz(lo) when hi = 0.'],
  () => {
    ins('local.get $hi');
    iff(() => ins('local.get $hi', 'call $clz', 'return'));
    ins('local.get $lo', 'call $clz', 'i32.const 32', 'i32.add');
  },
);
func(
  'i64_ctz',
  ['$lo', '$hi'],
  [],
  ['trailing zero bits of (lo, hi): ctz(lo), or 32 + ctz(hi) when lo = 0.'],
  () => {
    ins('local.get $lo');
    iff(() => ins('local.get $lo', 'call $ctz', 'return'));
    ins('local.get $hi', 'call $ctz', 'i32.const 32', 'i32.add');
  },
);
func('i64_popcnt', ['$lo', '$hi'], [], ['one bits of (lo, hi): popcnt(lo) + popcnt(hi).'], () => {
  ins('local.get $lo', 'call $popcnt', 'local.get $hi', 'call $popcnt', 'i32.add');
});

const header = `;; Runtime helpers for the WebAssembly i32 operations the machine lacks (multiply, divide,
;; remainder, bitwise logic, shifts, rotates, bit counts, sign extension), written with the machine's
;; own instructions only: i32.const, local.*, drop, select, i32 loads/stores, comparisons, i32.add,
;; i32.sub, br/br_if (from block/loop/if), call and return. The compiler links in the helpers a
;; program uses (and those they call).
;;
;; Each helper has exactly the WebAssembly semantics of its operation: wrapping arithmetic, shift
;; and rotate counts mod 32, traps on division by zero and on INT_MIN / -1: "call $trap" with the
;; trap code (engine/vm/traps.ts) becomes a "halt" whose immediate is that code.
;;
;; Cost is the number of executed instructions, so the helpers trade code size for speed: bit loops
;; are unrolled, and a binary search on the operand jumps into the unrolled steps where its
;; significant bits start. Two tools do most of the work:
;;   * Memory bytes 0..7 are scratch. Storing a word and loading it back at a byte offset shifts it
;;     by whole bytes, and narrow loads/stores mask to 8 or 16 bits.
;;   * Bits are read from the top: compare with a constant 2^i (and subtract it when set), or test
;;     the sign and double.
;; Nothing is kept in scratch memory between calls.
(module
  (import "tvm" "trap" (func $trap (param i32)))
  (memory (export "memory") 1)
`;

/** The text of helpers.wat. */
export const helpersWat = header + '\n' + funcs.join('\n\n') + '\n)\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(
    process.argv[2] ?? new URL('../engine/compiler/lowering/helpers.wat', import.meta.url),
    helpersWat,
  );
}
