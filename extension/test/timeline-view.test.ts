// The Timeline view as the extension ships it: package.json contributes the command (with a debug
// toolbar entry while a transformer-vm session runs), the view registers that same command, the
// extension wires the view, and the page loads nothing remote and runs only its nonce'd script,
// which parses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nonce, timelinePage } from '../timeline-page';

const root = join(__dirname, '..', '..');
const COMMAND = 'transformerVm.openTimeline';

test('package.json contributes "Transformer VM: Open Timeline" and the extension registers it', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const command = pkg.contributes.commands.find((c: { command: string }) => c.command === COMMAND);
  assert.ok(command, `${COMMAND} is contributed`);
  assert.equal(`${command.category}: ${command.title}`, 'Transformer VM: Open Timeline');
  const toolbar = pkg.contributes.menus['debug/toolbar'] ?? [];
  const entry = toolbar.find((m: { command: string }) => m.command === COMMAND);
  assert.ok(entry, 'on the debug toolbar');
  assert.match(entry.when, /debugType == transformer-vm/);
  assert.ok(command.icon, 'a toolbar entry needs an icon');
  const view = readFileSync(join(root, 'extension', 'timeline-view.ts'), 'utf8');
  assert.match(view, new RegExp(`command = '${COMMAND.replace('.', '\\.')}'`), 'the view registers it');
  const extension = readFileSync(join(root, 'extension', 'extension.ts'), 'utf8');
  assert.match(extension, /new TimelineView\(TYPE\)\.register\(context\)/, 'the extension wires the view');
});

test('the timeline page: a CSP with its nonce, nothing remote, and a script that parses', () => {
  const n = nonce();
  const page = timelinePage(n);
  assert.match(page, new RegExp(`script-src 'nonce-${n}'`));
  assert.match(page, /default-src 'none'/);
  assert.doesNotMatch(page, /https?:\/\//, 'no remote resources');
  const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0][1].trim(), `nonce="${n}"`);
  // A syntax error would leave the view blank in VS Code: compile the script (not run it).
  assert.doesNotThrow(() => new Function(scripts[0][2]));
  // It asks for the range and the travel the extension answers.
  for (const message of ["type: 'range'", "type: 'travel'"]) assert.ok(page.includes(message), message);
});
