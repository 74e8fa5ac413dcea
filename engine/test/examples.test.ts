// Every example: the reference executor prints what V8 prints for the same .wasm, and the answer
// is right (checked independently of both).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadManifest } from '../manifest';
import { runBoth, text } from './support/oracle';

const examples = loadManifest();

test('the manifest lists the seven examples with their inputs', () => {
  assert.deepEqual(
    examples.map((e) => e.name),
    ['hello', 'addition', 'collatz', 'fibonacci', 'min_cost_matching', 'sudoku', 'newton_sqrt'],
  );
});

/** Independent checks of each example's answer. */
const answers: Record<string, (output: string, args: string) => void> = {
  hello: (out) => assert.equal(out, 'Hello, World!\n'),
  addition: (out, args) => {
    const [a, b] = args.split('+').map(BigInt);
    assert.match(out, new RegExp(`\\b${a + b}\\b`));
  },
  collatz: (out, args) => {
    let n = Number(args);
    let steps = 0;
    while (n !== 1) {
      n = n % 2 ? 3 * n + 1 : n / 2;
      steps++;
    }
    assert.match(out, new RegExp(`after ${steps} steps`));
  },
  fibonacci: (out, args) => {
    const fib = [0, 1];
    while (fib.length < Number(args)) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    assert.deepEqual(
      out
        .trim()
        .split('\n')
        .map((l) => Number(l.split('=')[1])),
      fib.slice(0, Number(args)),
    );
  },
  min_cost_matching: (out, args) => {
    const [n, ...costs] = args.split(/\s+/).map(Number);
    let best = Number.POSITIVE_INFINITY;
    const permute = (row: number, used: Set<number>, sum: number) => {
      if (row === n) best = Math.min(best, sum);
      for (let c = 0; c < n; c++) {
        if (used.has(c)) continue;
        used.add(c);
        permute(row + 1, used, sum + costs[row * n + c]);
        used.delete(c);
      }
    };
    permute(0, new Set(), 0);
    assert.match(out, new RegExp(`minimum total cost: ${best}\\b`));
  },
  sudoku: (out, args) => {
    // The solved grid is the last nine lines made of nine digits (separators allowed).
    const rows = out
      .split('\n')
      .filter((l) => /^[1-9][1-9 |]*$/.test(l.trim()))
      .map((l) => l.replace(/[^1-9]/g, ''))
      .filter((r) => r.length === 9);
    const grid = rows.slice(-9).map((r) => [...r].map(Number));
    assert.equal(grid.length, 9, 'a solved grid is printed');
    for (let i = 0; i < 81; i++) {
      const given = Number(args[i]);
      if (given) assert.equal(grid[Math.floor(i / 9)][i % 9], given, `cell ${i} keeps its given digit`);
    }
    const groups: number[][] = [];
    for (let i = 0; i < 9; i++) {
      groups.push(grid[i]);
      groups.push(grid.map((r) => r[i]));
      const [br, bc] = [Math.floor(i / 3) * 3, (i % 3) * 3];
      groups.push([0, 1, 2].flatMap((dr) => [0, 1, 2].map((dc) => grid[br + dr][bc + dc])));
    }
    for (const g of groups) assert.deepEqual([...g].sort(), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  },
  newton_sqrt: (out, args) => {
    // JavaScript's numbers are the same IEEE doubles: the same steps give the same iterates.
    const a = Number(args);
    let x = Math.max(a, 1); // the C program starts at a > 1 ? a : 1
    const steps: string[] = [];
    for (let next = 0.5 * (x + a / x); next < x; next = 0.5 * (x + a / x)) {
      x = next;
      steps.push(x.toPrecision(17).replace(/\.?0+$/, '')); // %.17g drops trailing zeros
    }
    const printed = [...out.matchAll(/^x\d+ += (\S+)/gm)].map((m) => m[1]);
    assert.deepEqual(printed, steps);
    const root = /^sqrt\(\) = (\S+)/m.exec(out)?.[1];
    assert.equal(
      root,
      Math.sqrt(a)
        .toPrecision(17)
        .replace(/\.?0+$/, ''),
    );
  },
};

for (const ex of examples) {
  test(`${ex.name}: same output as V8, and the right answer`, async () => {
    const { v8, reference } = await runBoth(ex.file, ex.args);
    assert.equal(v8.trap, undefined);
    assert.equal(text(reference.output), text(v8.output));
    answers[ex.name](text(reference.output), ex.args);
  });
}
