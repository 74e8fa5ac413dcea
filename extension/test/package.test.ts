// The .vsix (npm run package): it holds what the extension runs and nothing else (no sources,
// tests, caches, and not the GPL-licensed glpk.js), and the Debug Adapter unpacked from it runs a
// C program with the model shipped inside, with an empty model cache.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { nativeSkip } from '../../engine/test/support/native';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'tvm-vsix-'));
after(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(work, join(dir, e.name))],
  );
}

test('npm run package builds a lean .vsix whose adapter runs with the shipped model', {
  skip: nativeSkip(),
}, async () => {
  const pack = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'package.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stdout + pack.stderr);
  const vsix = join(root, 'dist', 'transformer-vm.vsix');
  assert.ok(statSync(vsix).size < 20 * 1024 * 1024, 'under 20 MiB');
  const unzip = spawnSync('unzip', ['-q', vsix, '-d', work], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, unzip.stderr);
  const list = files(join(work, 'extension'));
  for (const needed of [
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/debugAdapter.js',
    'extension/dist/languageServer.js',
    'extension/dist/model/universal.tvmw',
    'extension/native/build/Release/tvm_native.node',
    'extension/engine/compiler/runtime/tvm.h',
    'extension/engine/compiler/libc/include/stdio.h',
    'extension/engine/compiler/libc/src/crt.c',
    'extension/engine/compiler/libc/src/printf.c',
    'extension/syntaxes/tvm.tmLanguage.json',
  ])
    assert.ok(list.includes(needed), `${needed} is packed`);
  for (const f of list) {
    assert.ok(
      !/node_modules\/glpk\.js|\.test\.|\/test\/|\.tvm$|\.map$|\.cc$|(?<!\.d)\.ts$/.test(f),
      `${f} is not packed`,
    );
  }

  // The unpacked adapter on its own: no repository files, no model cache.
  const dc = new DebugClient('node', join(work, 'extension', 'dist', 'debugAdapter.js'), 'transformer-vm', {
    env: { ...process.env, TVM_CACHE_DIR: join(work, 'empty-cache') },
  });
  // The launch builds the C library into the empty cache first: seconds, more on a loaded machine.
  dc.defaultTimeout = 60_000;
  await dc.start();
  try {
    const console: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => console.push(e.body.output));
    await dc.initializeRequest();
    const initialized = dc.waitForEvent('initialized');
    // An ordinary C program: the C library is built from the packed sources into the empty cache.
    await dc.launch({ program: join(root, 'examples', 'addition.c'), args: '12+30' });
    await initialized;
    await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'output' }] });
    const stopped = dc.waitForEvent('stopped');
    await dc.configurationDoneRequest();
    assert.equal((await stopped).body.reason, 'breakpoint');
    assert.ok(
      console.some((l) => /on the native engine \(universal\.tvmw\)/.test(l)),
      console.join(''),
    );
    const cache = join(work, 'empty-cache');
    const built = existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.tvmw')) : [];
    assert.deepEqual(built, [], 'no model built: the shipped one is used');
  } finally {
    await dc.stop();
  }
});
