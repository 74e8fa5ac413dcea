// The source map resolves C lines: lines are found by `// @line: NAME` markers in the examples, and
// running the program reaches the instructions the map gives for each marked line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileFile } from '../compiler/compile';
import { SourceMap } from '../compiler/source-map';
import { loadManifest } from '../manifest';
import { ReferenceMachine } from '../vm/reference';
import { TokenBuffer } from '../vm/token-buffer';

interface Marker {
  readonly name: string;
  readonly line: number;
}

function markers(file: string): Marker[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const m = /\/\/ @line: ([\w-]+)/.exec(text);
      return m ? [{ name: m[1], line: i + 1 }] : [];
    });
}

const marked = loadManifest().filter((ex) => markers(ex.file).length > 0);

test('the examples carry line markers', () => {
  assert.ok(marked.length >= 3, `examples with markers: ${marked.map((e) => e.name).join(', ')}`);
});

for (const ex of marked) {
  test(`${ex.name}: every marked C line maps to instructions that execute`, async () => {
    const program = await compileFile(ex.file, { args: ex.args });
    const map = program.sourceMap;
    const starts = new Map(
      markers(ex.file).map((m) => [m.name, new Set(map.lineStarts(ex.file, m.line, program.instructions))]),
    );
    for (const m of markers(ex.file)) {
      const pcs = starts.get(m.name)!;
      assert.ok(pcs.size > 0, `line ${m.line} (${m.name}) has code`);
      for (const pc of pcs) {
        assert.equal(map.location(pc)?.line, m.line);
        assert.equal(map.location(pc)?.file, ex.file);
        assert.equal(map.functionAt(pc)?.kind, 'function');
      }
    }
    const hits = new Map<string, number>();
    const machine = new ReferenceMachine(program.instructions, program.input);
    const out = new TokenBuffer();
    while (!machine.halted) {
      for (const [name, pcs] of starts) if (pcs.has(machine.pc)) hits.set(name, (hits.get(name) ?? 0) + 1);
      machine.step(out);
    }
    for (const m of markers(ex.file))
      assert.ok((hits.get(m.name) ?? 0) > 0, `line ${m.line} (${m.name}) is reached`);
  });
}

test('fibonacci: the loop body line is reached once per number printed', async () => {
  const ex = loadManifest().find((e) => e.name === 'fibonacci')!;
  const program = await compileFile(ex.file, { args: '12' });
  const line = markers(ex.file).find((m) => m.name === 'fib-next')!.line;
  const pcs = new Set(program.sourceMap.lineStarts(ex.file, line, program.instructions));
  const machine = new ReferenceMachine(program.instructions, program.input);
  const out = new TokenBuffer();
  let hits = 0;
  while (!machine.halted) {
    if (pcs.has(machine.pc)) hits++;
    machine.step(out);
  }
  assert.equal(hits, 12);
});

test('every instruction has a row; prologue and helpers have no C line; functions tile the program', async () => {
  const ex = loadManifest().find((e) => e.name === 'collatz')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const map = SourceMap.parse(JSON.stringify(program.sourceMap.toJSON()), 'collatz.map.json');
  assert.equal(map.length, program.instructions.length);
  let expectedStart = 0;
  for (const f of map.data.functions) {
    assert.equal(f.start, expectedStart, `${f.name} starts where the previous function ended`);
    expectedStart = f.end;
  }
  assert.equal(expectedStart, program.instructions.length);
  const names = map.data.functions.map((f) => f.name);
  assert.deepEqual(names.slice(0, 2), ['(prologue)', 'compute'], 'the prologue, then the entry function');
  assert.ok(names.includes('printf') && names.includes('sscanf'), names.join(', '));
  for (let pc = 0; pc < map.length; pc++) {
    const row = map.instruction(pc)!;
    const fn = map.functionAt(pc)!;
    if (fn.kind !== 'function') assert.equal(map.location(pc), undefined);
    if (row.kind === 'body') assert.ok(row.wasmOffset > 0);
  }
  assert.throws(() => SourceMap.parse('{"version":2}', 'x.map.json'), /x\.map\.json: not a version-1/);
});

test('a source map belongs to one program: another program or bad indices are refused, naming the map', async () => {
  const ex = loadManifest().find((e) => e.name === 'hello')!;
  const program = await compileFile(ex.file, { args: ex.args });
  const json = JSON.stringify(program.sourceMap.toJSON());
  const map = SourceMap.parse(json, 'hello.map.json', program.instructions);
  assert.equal(map.length, program.instructions.length);
  // One immediate changed: the map is of another program.
  const other = program.instructions.map((ins, i) => (i === 5 ? { ...ins, imm: ins.imm + 1 } : ins));
  assert.throws(
    () => SourceMap.parse(json, 'hello.map.json', other),
    /hello\.map\.json: this source map belongs to another program/,
  );
  const data = program.sourceMap.toJSON();
  // The map as JSON, loosely typed: the cases write what a damaged file may hold.
  type Loose = { instructions: unknown[][]; functions: { end: number }[]; files: unknown[] };
  const broken = (change: (d: Loose) => unknown) => {
    const copy = JSON.parse(json);
    change(copy);
    return () => SourceMap.parse(JSON.stringify(copy), 'broken.map.json');
  };
  assert.throws(
    broken((d) => {
      d.instructions[3][0] = 999;
    }),
    /broken\.map\.json: malformed source map: row 3/,
  );
  assert.throws(
    broken((d) => {
      d.instructions[4][3] = d.files.length;
    }),
    /row 4/,
  );
  assert.throws(
    broken((d) => {
      (d.instructions as unknown[])[2] = 'x';
    }),
    /row 2/,
  );
  assert.throws(
    broken((d) => {
      d.functions[1].end = 1e9;
    }),
    /function 1/,
  );
  assert.throws(
    broken((d) => {
      d.files = [7];
    }),
    /'files'/,
  );
  assert.throws(
    () =>
      SourceMap.parse(
        JSON.stringify({ ...data, programHash: undefined }),
        'old.map.json',
        program.instructions,
      ),
    /old\.map\.json: this source map belongs to another program/,
  );
});

test('a line entered by a branch into the middle of its code is a line start (clang -O2 loop exits)', async () => {
  const file = join(__dirname, 'programs', 'loop_exit_mid_line.c');
  const line = markers(file).find((m) => m.name === 'after-loop')!.line;
  for (const optimize of ['O0', 'O2'] as const) {
    const program = await compileFile(file, { optimize });
    const pcs = new Set(program.sourceMap.lineStarts(file, line, program.instructions));
    const machine = new ReferenceMachine(program.instructions, program.input);
    const out = new TokenBuffer();
    let hits = 0;
    let from = -1;
    while (!machine.halted) {
      if (pcs.has(machine.pc) && program.sourceMap.entersLine(machine.pc, from, program.instructions)) hits++;
      from = machine.pc;
      machine.step(out);
    }
    assert.equal(hits, 6, `-${optimize}: the line after the loop is entered once per call of weigh`);
  }
});
