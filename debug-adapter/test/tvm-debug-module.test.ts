// A compiled .tvm is debugged in C: wasm-compile writes NAME.debug.wasm beside it, and the launch
// reads its DWARF when the source map names that module (its hash). A missing or foreign module
// leaves a machine-level session and a console line saying why.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeCompiled } from '../../engine/cli/_compiled-files';
import { compileFile } from '../../engine/compiler/compile';
import { markerLine, startSession } from './support/dap';

const source = join(__dirname, 'programs', 'c-variables.c');

async function scopesAtSumReturn(tvm: string) {
  const line = markerLine(source, 'sum-return');
  const s = await startSession({ program: tvm }, { lines: { path: source, breakpoints: [{ line }] } });
  try {
    assert.equal(s.first.event, 'stopped');
    const scopes = (await s.dc.scopesRequest({ frameId: 0 })).body.scopes;
    const locals = scopes.find((x) => x.name === 'Locals');
    const vars = locals
      ? (await s.dc.variablesRequest({ variablesReference: locals.variablesReference })).body.variables
      : [];
    return { names: scopes.map((x) => x.name), vars, console: s.consoleOutput.join('') };
  } finally {
    await s.dc.stop();
  }
}

test('a .tvm compiled at -O0 shows its C variables from the .debug.wasm beside it', async () => {
  const work = mkdtempSync(join(tmpdir(), 'tvm-debug-module-'));
  try {
    const tvm = writeCompiled(await compileFile(source, { optimize: 'O0' }), join(work, 'prog'), source);
    let squares = 0;
    for (let i = 0; i < 300; i++) squares += i * i;
    const shown = await scopesAtSumReturn(tvm);
    assert.equal(shown.names[0], 'Locals');
    assert.deepEqual(
      shown.vars.map((v) => `${v.name}=${v.value}`).filter((v) => !v.startsWith('v=')),
      ['n=300', `total=${squares}`],
    );

    // Another build's module (same source, -O2): not used, and the console says so.
    writeCompiled(await compileFile(source, { optimize: 'O2' }), join(work, 'other'), source);
    copyFileSync(join(work, 'other.debug.wasm'), join(work, 'prog.debug.wasm'));
    const foreign = await scopesAtSumReturn(tvm);
    assert.ok(!foreign.names.includes('Locals'), `no C scopes: ${foreign.names}`);
    assert.ok(foreign.names.includes('WebAssembly locals'));
    assert.match(
      foreign.console,
      /prog\.debug\.wasm belongs to another build of the program: C variables are not shown/,
    );

    rmSync(join(work, 'prog.debug.wasm'));
    const missing = await scopesAtSumReturn(tvm);
    assert.ok(!missing.names.includes('Locals'));
    assert.match(missing.console, /prog\.debug\.wasm is missing: C variables are not shown/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
