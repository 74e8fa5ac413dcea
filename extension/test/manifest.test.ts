// package.json against the extension's code: every command the code registers is contributed
// (with a title), every menu entry names a contributed command, and the Variables pane offers
// the value-history commands only in Transformer VM sessions.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
};
const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c.title]));

test('every registered command is contributed with a title, and every menu entry is a command', () => {
  const dir = join(root, 'extension');
  const registered = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]),
    );
  assert.ok(registered.length >= 8, registered.join(', '));
  for (const c of registered) assert.ok(contributed.get(c), `${c} is contributed with a title`);
  for (const [menu, entries] of Object.entries(manifest.contributes.menus))
    for (const e of entries)
      assert.ok(contributed.has(e.command), `${menu}: ${e.command} is a contributed command`);
});

test('the Variables pane offers where-from and writes in Transformer VM sessions only', () => {
  const entries = manifest.contributes.menus['debug/variables/context'] ?? [];
  for (const command of ['transformerVm.goToWriter', 'transformerVm.showWrites']) {
    const e = entries.find((x) => x.command === command);
    assert.ok(e, `${command} in debug/variables/context`);
    assert.equal(e.when, "debugType == 'transformer-vm'");
  }
});
